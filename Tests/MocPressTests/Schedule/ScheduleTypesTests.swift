import XCTest
@testable import MocPress

/// The canonical one-line form (SPEC section 3) and the `windows:` override of a plan item.
final class ScheduleTypesTests: XCTestCase {
    private func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    func testTheCanonicalFormJoinsWindowsAndShowsAMinimumAboveOne() {
        let may = Window(start: day("2023-05-01"), end: day("2023-05-31"))
        let june = Window(start: day("2023-06-01"), end: day("2023-06-30"))
        XCTAssertEqual(Schedule.windows([may, june], min: 1).canonical, "2023-05-01..2023-05-31; 2023-06-01..2023-06-30")
        XCTAssertEqual(Schedule.windows([may], min: 3).canonical, "2023-05-01..2023-05-31 min=3")
        XCTAssertEqual(Schedule.onDemand.canonical, "on-demand")
        XCTAssertEqual(Schedule.invalid(reason: "весной").canonical, "invalid")
    }

    func testAWindowReadsItsCanonicalForm() {
        let window = Window(canonical: "2023-05-01..2023-05-31")
        XCTAssertEqual(window, Window(start: day("2023-05-01"), end: day("2023-05-31")))
        XCTAssertEqual(window?.description, "2023-05-01..2023-05-31")
        XCTAssertNil(Window(canonical: "2023-05-31..2023-05-01"))
        XCTAssertNil(Window(canonical: "2023-02-01..2023-02-29"))
        XCTAssertNil(Window(canonical: "2023-05-01.2023-05-31"))
        XCTAssertNil(Window(canonical: "май"))
    }

    func testAWindowIncludesBothEnds() throws {
        let window = try XCTUnwrap(Window(canonical: "2023-05-01..2023-05-31"))
        XCTAssertTrue(window.contains(day("2023-05-01")))
        XCTAssertTrue(window.contains(day("2023-05-31")))
        XCTAssertFalse(window.contains(day("2023-06-01")))
    }

    func testWindowsOrderByStartThenEnd() {
        let short = Window(start: day("2023-05-01"), end: day("2023-05-07"))
        let long = Window(start: day("2023-05-01"), end: day("2023-05-31"))
        let later = Window(start: day("2023-04-15"), end: day("2023-06-30"))
        XCTAssertEqual([long, short, later].sorted(), [later, short, long])
    }

    func testParsingIsFastEnoughForARegionsPlans() {
        // A region has a few hundred plans of a few dozen items; parsing must never matter.
        let texts = ["в течение года, еженедельно", "май-июнь, сентябрь, ноябрь-декабрь 2023", "6 мероприятий в течении учебного года"]
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<1_000 { for text in texts { _ = ScheduleParser.parse(text, year: 2023) } }
        }
        XCTAssertLessThan(elapsed, .seconds(5))
    }
}
