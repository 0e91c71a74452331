import XCTest
@testable import MocPress

/// Found by fuzz/FuzzSchedule: a dotted date with a year no plan has
/// («32.0.12202», «31.12.9999») trapped on a force-unwrapped date instead of
/// making the schedule invalid — through rule 2, which lent the impossible
/// year to the month before it, or through a range or cadence running past
/// the year 9999.
final class ScheduleImplausibleYearTests: ScheduleTestCase {
    func testTheFuzzersInputIsInvalidNotATrap() {
        XCTAssertEqual(schedule("декабрем32.0.12202"), "invalid")
        XCTAssertTrue(problem("декабрем32.0.12202").contains("«32.0.12202»"), problem("декабрем32.0.12202"))
    }

    func testDatesOutsideThePlansCenturiesAreImpossible() {
        for text in ["31.12.9999 - январь", "ежемесячно 31.12.9999", "ежегодно 30.12.9999", "декабрь - 01.01.0001",
                     "май 01.01.0000", "01.01.1850", "15.05.20234"] {
            XCTAssertEqual(schedule(text), "invalid", text)
            XCTAssertTrue(problem(text).contains("не существует"), "\(text): \(problem(text))")
        }
    }

    func testDatesOfRealPlansStillRead() {
        XCTAssertEqual(schedule("до 01.06.2023"), "2023-01-01..2023-06-01")
        XCTAssertEqual(schedule("01.06.23"), "2023-06-01..2023-06-01")
        // Rule 2 still lends a date's year to the month before it.
        XCTAssertEqual(schedule("май, 14-17.02.2024"), "2024-02-14..2024-02-17; 2024-05-01..2024-05-31")
        XCTAssertEqual(schedule("31.12.2100"), "2100-12-31..2100-12-31")
    }
}
