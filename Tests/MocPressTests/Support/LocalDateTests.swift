import XCTest
@testable import MocPress

final class LocalDateTests: XCTestCase {
    func testRejectsImpossibleDatesIncludingFebruary29OfCommonYears() {
        XCTAssertNil(LocalDate(year: 2023, month: 2, day: 29))
        XCTAssertNotNil(LocalDate(year: 2024, month: 2, day: 29))
        XCTAssertNil(LocalDate(year: 2023, month: 4, day: 31))
        XCTAssertNil(LocalDate(iso: "2023-13-01"))
    }

    func testDayNumbersRoundTripAndGiveISOWeekdays() {
        let date = LocalDate(year: 2023, month: 5, day: 12)!
        XCTAssertEqual(LocalDate(dayNumber: date.dayNumber), date)
        XCTAssertEqual(date.weekday, 5) // Friday
        XCTAssertEqual(LocalDate(year: 2024, month: 2, day: 28)!.adding(days: 1).iso, "2024-02-29")
        XCTAssertEqual(LocalDate(year: 2023, month: 12, day: 31)!.adding(days: 1).iso, "2024-01-01")
    }

    func testFormatsDatesTheRussianWay() {
        XCTAssertEqual(LocalDate(year: 2023, month: 5, day: 12)!.russianText, "12 мая 2023 г.")
        let withTime = PageDate(day: LocalDate(year: 2023, month: 3, day: 1)!, minutes: 14 * 60 + 5)
        XCTAssertEqual(withTime.russianText, "1 марта 2023 г., 14:05")
        XCTAssertEqual(withTime.iso(in: TimeZone(identifier: "Europe/Moscow")!), "2023-03-01T14:05:00+03:00")
        XCTAssertEqual(withTime.iso(in: TimeZone(identifier: "Asia/Yekaterinburg")!), "2023-03-01T14:05:00+05:00")
    }

    func testParsesPageDatesAndSuggestsISOForRussianForms() {
        guard case .date(let d) = PageDate.parse("2023-05-12T10:30") else { return XCTFail() }
        XCTAssertEqual(d.minutes, 630)
        guard case .russianForm(let suggestion) = PageDate.parse("12.05.2023") else { return XCTFail() }
        XCTAssertEqual(suggestion, "2023-05-12")
        guard case .impossible = PageDate.parse("2023-02-30") else { return XCTFail() }
        guard case .malformed = PageDate.parse("вчера") else { return XCTFail() }
    }
}
