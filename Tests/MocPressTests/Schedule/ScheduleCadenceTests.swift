import XCTest
@testable import MocPress

/// SPEC section 3, rule 8: cadence words split the period into windows.
final class ScheduleCadenceTests: ScheduleTestCase {
    func testMonthlySplitsThePlansYearIntoMonths() {
        XCTAssertEqual(schedule("ежемесячно"), months(of: 2023))
        XCTAssertEqual(schedule("ежемесячно", year: 2024), months(of: 2024))
        XCTAssertTrue(schedule("ежемесячно", year: 2024).contains("2024-02-01..2024-02-29"))
        XCTAssertEqual(schedule("раз в месяц"), months(of: 2023))
    }

    func testQuarterlyHalfYearlyAndYearly() {
        XCTAssertEqual(schedule("ежеквартально"),
                       "2023-01-01..2023-03-31; 2023-04-01..2023-06-30; 2023-07-01..2023-09-30; 2023-10-01..2023-12-31")
        XCTAssertEqual(schedule("1 раз в квартал"), schedule("ежеквартально"))
        XCTAssertEqual(schedule("1 раз в полугодие"), "2023-01-01..2023-06-30; 2023-07-01..2023-12-31")
        XCTAssertEqual(schedule("раз в полгода"), "2023-01-01..2023-06-30; 2023-07-01..2023-12-31")
        XCTAssertEqual(schedule("ежегодно"), "2023-01-01..2023-12-31")
    }

    func testACountBeforeACadenceIsTheMinimumInEachWindow() {
        XCTAssertEqual(schedule("2 раза в год"), "2023-01-01..2023-12-31 min=2")
        XCTAssertEqual(schedule("не реже одного раза в месяц"), months(of: 2023))
        XCTAssertEqual(schedule("не менее 2 публикаций ежемесячно"), months(of: 2023) + " min=2")
        XCTAssertEqual(schedule("3 поста в квартал", year: 2024),
                       "2024-01-01..2024-03-31; 2024-04-01..2024-06-30; 2024-07-01..2024-09-30; 2024-10-01..2024-12-31 min=3")
    }

    func testACadenceSplitsTheGivenPeriodInsteadOfTheYear() {
        XCTAssertEqual(schedule("ежемесячно, май – сентябрь 2024"), months(5...9, of: 2024))
        XCTAssertEqual(schedule("ежемесячно в течение 2024 года"), months(of: 2024))
        XCTAssertEqual(schedule("ежемесячно в течение учебного года"),
                       months(9...12, of: 2023) + "; " + months(1...5, of: 2024))
        XCTAssertEqual(schedule("ежеквартально в течение учебного года"),
                       "2023-09-01..2023-09-30; 2023-10-01..2023-12-31; 2024-01-01..2024-03-31; 2024-04-01..2024-05-31")
        // Yearly over one school year is that school year, not two calendar pieces.
        XCTAssertEqual(schedule("ежегодно в течение учебного года"), "2023-09-01..2024-05-31")
        XCTAssertEqual(schedule("2023-2024 гг., ежегодно"), "2023-01-01..2023-12-31; 2024-01-01..2024-12-31")
    }

    func testACadenceWordReplacesTheYearRoundCadence() {
        XCTAssertEqual(schedule("в течении года, ежемесячно"), months(of: 2023))
        XCTAssertEqual(schedule("в течение года, ежемесячно", yearRound: .quarter), months(of: 2023))
        XCTAssertEqual(schedule("ежеквартально в течение года", yearRound: .month),
                       "2023-01-01..2023-03-31; 2023-04-01..2023-06-30; 2023-07-01..2023-09-30; 2023-10-01..2023-12-31")
    }

    func testFurtherYearlyAfterAPeriodAddsNothing() {
        XCTAssertEqual(schedule("май 2023, далее - ежегодно"), "2023-05-01..2023-05-31")
        XCTAssertEqual(schedule("в течение года, далее – ежегодно", yearRound: .quarter), schedule("в течение года", yearRound: .quarter))
        XCTAssertEqual(schedule("I квартал и далее ежегодно"), "2023-01-01..2023-03-31")
        XCTAssertEqual(problem("далее - ежегодно"),
                       "«далее – ежегодно» дополняет срок, но самого срока нет: укажите его, например «май 2023, далее – ежегодно»")
    }

    func testTwoDifferentCadencesAreRefused() {
        XCTAssertEqual(problem("ежемесячно, ежеквартально"),
                       "в сроке две периодичности, «ежемесячно» и «ежеквартально»: оставьте одну")
        XCTAssertEqual(schedule("ежемесячно, ежемесячно"), months(of: 2023))
    }

    // MARK: ISO weeks

    func testWeeklyGivesTheIsoWeeksWhoseMondayFallsInThePeriod() throws {
        // 2024 begins on a Monday; its last Monday, 30 December, starts a week that ends in 2025.
        let weeks2024 = try windows("еженедельно", year: 2024)
        XCTAssertEqual(weeks2024.count, 53)
        XCTAssertEqual(weeks2024.first?.canonical, "2024-01-01..2024-01-07")
        XCTAssertEqual(weeks2024.last?.canonical, "2024-12-30..2025-01-05")

        // 1 January 2023 is a Sunday: its week began in 2022, so the first week is 2 January;
        // 1 January 2024 is a Monday outside 2023, so the last week ends on 31 December.
        let weeks2023 = try windows("еженедельно", year: 2023)
        XCTAssertEqual(weeks2023.count, 52)
        XCTAssertEqual(weeks2023.first?.canonical, "2023-01-02..2023-01-08")
        XCTAssertEqual(weeks2023.last?.canonical, "2023-12-25..2023-12-31")

        // 2025 begins on a Wednesday.
        let weeks2025 = try windows("в течение года, еженедельно", year: 2025)
        XCTAssertEqual(weeks2025.first?.canonical, "2025-01-06..2025-01-12")
        XCTAssertEqual(weeks2025.last?.canonical, "2025-12-29..2026-01-04")

        for week in weeks2023 + weeks2024 + weeks2025 {
            XCTAssertEqual(week.start.weekday, 1)
            XCTAssertEqual(week.end.weekday, 7)
            XCTAssertEqual(week.end.dayNumber - week.start.dayNumber, 6)
        }
    }

    func testWeeklyOverAShortPeriodWithoutAMondayHasNoWindows() {
        XCTAssertEqual(schedule("еженедельно 1-3 мая 2023"), "2023-05-01..2023-05-07")
        XCTAssertEqual(problem("еженедельно 2-4 мая 2023"),
                       "в срок «еженедельно 2-4 мая 2023» не попадает ни один понедельник, поэтому еженедельных окон нет: уточните срок")
    }

    private func windows(_ text: String, year: Int) throws -> [Window] {
        guard case .windows(let windows, min: 1) = ScheduleParser.parse(text, year: year) else {
            XCTFail("«\(text)» не разобрано в окна")
            return []
        }
        return windows
    }
}
