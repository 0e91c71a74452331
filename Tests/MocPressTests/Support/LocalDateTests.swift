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

    /// The instant of a wall-clock time is found without a Calendar; it is
    /// the one Calendar gives, also in zones and years with summer time.
    func testWallClockTimesGiveTheInstantCalendarGives() {
        let zones = ["Europe/Moscow", "Europe/Samara", "Asia/Vladivostok", "Europe/Berlin", "America/New_York", "UTC"].map { TimeZone(identifier: $0)! }
        for zone in zones {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for (year, month, day) in [(2010, 1, 15), (2010, 7, 1), (2011, 3, 27), (2014, 10, 26), (2023, 3, 26), (2023, 10, 29), (2024, 2, 29), (1999, 12, 31)] {
                // Midnight, the hours clocks skip or repeat, a morning, the last minute.
                for minutes in [0, 60 + 30, 2 * 60 + 30, 9 * 60 + 30, 23 * 60 + 59] {
                    let date = PageDate(day: LocalDate(year: year, month: month, day: day)!, minutes: minutes)
                    let expected = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: minutes / 60, minute: minutes % 60))!
                    XCTAssertEqual(date.instant(in: zone), expected, "\(zone.identifier) \(date.iso(in: zone))")
                }
            }
        }
        let summer = PageDate(day: LocalDate(year: 2010, month: 7, day: 1)!, minutes: 12 * 60)
        XCTAssertEqual(summer.iso(in: TimeZone(identifier: "Europe/Moscow")!), "2010-07-01T12:00:00+04:00", "Moscow summer time before 2011")
        XCTAssertEqual(LocalDate(year: 987, month: 6, day: 5)!.iso, "0987-06-05")
        XCTAssertEqual(LocalDate(year: 2023, month: 6, day: 5)!.russianNumeric, "05.06.2023")
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
