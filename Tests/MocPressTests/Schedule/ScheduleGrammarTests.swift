import XCTest
@testable import MocPress

/// SPEC section 3, rule by rule.
final class ScheduleGrammarTests: ScheduleTestCase {
    // MARK: Rule 1: months and month ranges

    func testAMonthInAnyCaseIsTheWholeMonth() {
        for text in ["май", "мая", "в мае", "Май", "МАЕ", "маю"] {
            XCTAssertEqual(schedule(text), "2023-05-01..2023-05-31", text)
        }
        XCTAssertEqual(schedule("в январе"), "2023-01-01..2023-01-31")
        XCTAssertEqual(schedule("августа"), "2023-08-01..2023-08-31")
        XCTAssertEqual(schedule("сент. 2023"), "2023-09-01..2023-09-30")
    }

    func testFebruaryEndsOnTheTwentyNinthInALeapYear() {
        XCTAssertEqual(schedule("февраль 2024"), "2024-02-01..2024-02-29")
        XCTAssertEqual(schedule("февраль", year: 2023), "2023-02-01..2023-02-28")
        XCTAssertEqual(schedule("февраль", year: 2000), "2000-02-01..2000-02-29")
        XCTAssertEqual(schedule("февраль", year: 2100), "2100-02-01..2100-02-28")
    }

    func testAMonthRangeRunsFromTheFirstDayToTheLastWhateverTheDash() {
        for text in ["май – сентябрь", "май - сентябрь", "май-сентябрь", "май —сентябрь", "май‑сентябрь", "май −  сентябрь"] {
            XCTAssertEqual(schedule(text), "2023-05-01..2023-09-30", text)
        }
    }

    func testARangeMayCrossYears() {
        XCTAssertEqual(schedule("октябрь 2022-апрель 2023"), "2022-10-01..2023-04-30")
        XCTAssertEqual(schedule("сентябрь 2023 – май 2024"), "2023-09-01..2024-05-31")
        XCTAssertEqual(schedule("28.12-05.01.2024"), "2023-12-28..2024-01-05")
    }

    func testARangeThatWouldRunBackwardsCrossesIntoTheNextYear() {
        // Decision: «сентябрь – май» is a school year, not an error.
        XCTAssertEqual(schedule("сентябрь – май"), "2023-09-01..2024-05-31")
        XCTAssertEqual(schedule("сентябрь 2023 – май"), "2023-09-01..2024-05-31")
        XCTAssertEqual(schedule("сентябрь – май 2024"), "2023-09-01..2024-05-31")
        XCTAssertEqual(schedule("январь 2023 – декабрь", year: 2024), "2023-01-01..2023-12-31")
        XCTAssertTrue(problem("май 2024 – март 2024").hasPrefix("срок «май 2024 – март 2024» заканчивается раньше"))
    }

    // MARK: Rule 2: the trailing year

    func testATrailingYearAppliesToEveryMonthBeforeItWithoutAYear() {
        XCTAssertEqual(schedule("Март, апрель 2020 года", year: 2023), "2020-03-01..2020-03-31; 2020-04-01..2020-04-30")
        XCTAssertEqual(schedule("декабрь 2022, январь, февраль 2023"),
                       "2022-12-01..2022-12-31; 2023-01-01..2023-01-31; 2023-02-01..2023-02-28")
        XCTAssertEqual(schedule("январь, сентябрь", year: 2025), "2025-01-01..2025-01-31; 2025-09-01..2025-09-30")
    }

    func testYearWordsAfterAYearAreIgnored() {
        for text in ["май 2024", "май 2024 г", "май 2024 г.", "май 2024г.", "май 2024 год", "май 2024 года", "Май 2024 г.."] {
            XCTAssertEqual(schedule(text), "2024-05-01..2024-05-31", text)
        }
    }

    // MARK: Rule 3: several windows

    func testMonthsAndRangesSeparatedBySpacesCommasOrAndAreSeparateWindows() {
        XCTAssertEqual(schedule("Июнь Декабрь"), "2023-06-01..2023-06-30; 2023-12-01..2023-12-31")
        XCTAssertEqual(schedule("июнь и декабрь"), "2023-06-01..2023-06-30; 2023-12-01..2023-12-31")
        XCTAssertEqual(schedule("июнь; декабрь;"), "2023-06-01..2023-06-30; 2023-12-01..2023-12-31")
        XCTAssertEqual(schedule("май-июнь, сентябрь, ноябрь-декабрь 2024"),
                       "2024-05-01..2024-06-30; 2024-09-01..2024-09-30; 2024-11-01..2024-12-31")
    }

    func testNumbersInAListTakeTheUnitOfTheMentionAfterThem() {
        XCTAssertEqual(schedule("12 и 15 мая"), "2023-05-12..2023-05-12; 2023-05-15..2023-05-15")
        XCTAssertEqual(schedule("10, 12 и 15 мая 2024"),
                       "2024-05-10..2024-05-10; 2024-05-12..2024-05-12; 2024-05-15..2024-05-15")
        XCTAssertEqual(schedule("I и III квартал"), "2023-01-01..2023-03-31; 2023-07-01..2023-09-30")
        XCTAssertEqual(problem("12, май"), "не удалось понять число «12»: укажите дату («12 мая»), месяц, квартал или год")
    }

    func testAYearSetOffByACommaIsTheYearOfTheMonthsBeforeIt() {
        XCTAssertEqual(schedule("январь-март, 2024"), "2024-01-01..2024-03-31")
        XCTAssertEqual(schedule("май 2023, 2024 год"), "2023-05-01..2023-05-31; 2024-01-01..2024-12-31")
        // A year applies backwards only (rule 2): May here is the plan's.
        XCTAssertEqual(schedule("2024 год, май"), "2023-05-01..2023-05-31; 2024-01-01..2024-12-31")
    }

    func testWindowsAreSortedAndRepeatsDropped() {
        XCTAssertEqual(schedule("декабрь, май, декабрь"), "2023-05-01..2023-05-31; 2023-12-01..2023-12-31")
    }

    // MARK: Rule 4: dates and day ranges

    func testADateIsOneDay() {
        XCTAssertEqual(schedule("27.01.2023"), "2023-01-27..2023-01-27")
        XCTAssertEqual(schedule("06 марта 2023"), "2023-03-06..2023-03-06")
        XCTAssertEqual(schedule("12 мая", year: 2024), "2024-05-12..2024-05-12")
        XCTAssertEqual(schedule("29 февраля", year: 2024), "2024-02-29..2024-02-29")
        XCTAssertEqual(schedule("01.06"), "2023-06-01..2023-06-01")
    }

    func testDayRanges() {
        XCTAssertEqual(schedule("14-17.02.2023"), "2023-02-14..2023-02-17")
        XCTAssertEqual(schedule("1-15 июня 2024"), "2024-06-01..2024-06-15")
        XCTAssertEqual(schedule("1 – 15 июня"), "2023-06-01..2023-06-15")
        XCTAssertEqual(schedule("с 10 по 20 октября 2024"), "2024-10-10..2024-10-20")
        XCTAssertEqual(schedule("с 10 октября по 20 ноября 2024"), "2024-10-10..2024-11-20")
        XCTAssertEqual(schedule("с 01.09.2023 по 31.05.2024"), "2023-09-01..2024-05-31")
        XCTAssertEqual(schedule("с января по май"), "2023-01-01..2023-05-31")
        XCTAssertEqual(schedule("с 1 сентября до конца года"), "2023-09-01..2023-12-31")
        XCTAssertEqual(schedule("с 10 до 20 октября"), "2023-10-10..2023-10-20")
        XCTAssertEqual(schedule("07.11.2023 - 10.11.2023"), "2023-11-07..2023-11-10")
    }

    func testAnImpossibleDateMakesTheWholeScheduleInvalid() {
        XCTAssertEqual(schedule("32.01.2023"), "invalid")
        XCTAssertEqual(problem("32.01.2023"), "даты «32.01.2023» не существует: проверьте день и месяц")
        XCTAssertEqual(problem("29.02.2023"), "даты «29.02.2023» не существует: проверьте день и месяц")
        XCTAssertEqual(problem("май 2023, 31.04.2023"), "даты «31.04.2023» не существует: проверьте день и месяц")
        XCTAssertEqual(problem("29 февраля"), "даты «29 февраля» в 2023 году не существует: проверьте день и месяц")
        XCTAssertEqual(schedule("30-32.01.2023"), "invalid")
        XCTAssertEqual(schedule("01.13.2023"), "invalid")
    }

    // MARK: Rule 5: deadlines

    func testADeadlineRunsFromTheFirstOfJanuaryOfThePlansYear() {
        XCTAssertEqual(schedule("До 15 марта 2020 года", year: 2020), "2020-01-01..2020-03-15")
        XCTAssertEqual(schedule("до 01.06.2023"), "2023-01-01..2023-06-01")
        XCTAssertEqual(schedule("не позднее 30.12.2023"), "2023-01-01..2023-12-30")
        XCTAssertEqual(schedule("не позднее 1 марта 2024"), "2023-01-01..2024-03-01")
        XCTAssertEqual(schedule("до 15 марта"), "2023-01-01..2023-03-15")
        XCTAssertEqual(schedule("до конца года"), "2023-01-01..2023-12-31")
        XCTAssertEqual(schedule("до конца мая"), "2023-01-01..2023-05-31")
        XCTAssertEqual(schedule("не позднее мая"), "2023-01-01..2023-05-31")
        XCTAssertEqual(schedule("в срок до 15 мая"), "2023-01-01..2023-05-15")
    }

    func testADeadlineMustBeADayAndNotBeforeThePlansYear() {
        XCTAssertEqual(problem("до мая"),
                       "«до мая» можно понять по-разному: укажите день, например «до 31 мая», или напишите «до конца …»")
        XCTAssertEqual(problem("до 15 марта 2020 года", year: 2023),
                       "срок «до 15 марта 2020 года» истекает до начала 2023 года, на который составлен план")
    }

    // MARK: Rule 6: quarters and half-years

    func testQuartersWithRomanOrArabicNumerals() {
        XCTAssertEqual(schedule("I квартал 2023"), "2023-01-01..2023-03-31")
        XCTAssertEqual(schedule("II квартал"), "2023-04-01..2023-06-30")
        XCTAssertEqual(schedule("III квартал 2024 г."), "2024-07-01..2024-09-30")
        XCTAssertEqual(schedule("4 квартал"), "2023-10-01..2023-12-31")
        XCTAssertEqual(schedule("IV кв. 2024"), "2024-10-01..2024-12-31")
        XCTAssertEqual(schedule("1-й квартал"), "2023-01-01..2023-03-31")
        XCTAssertEqual(schedule("во втором квартале"), "2023-04-01..2023-06-30")
        XCTAssertEqual(schedule("I–II квартал 2023"), "2023-01-01..2023-06-30")
        XCTAssertEqual(problem("5 квартал"), "квартала 5 не бывает: кварталы нумеруются от I до IV")
    }

    func testHalfYearsWithRomanOrArabicNumerals() {
        XCTAssertEqual(schedule("II полугодие 2024"), "2024-07-01..2024-12-31")
        XCTAssertEqual(schedule("1 полугодие"), "2023-01-01..2023-06-30")
        XCTAssertEqual(schedule("в I полугодии 2024 года"), "2024-01-01..2024-06-30")
        XCTAssertEqual(schedule("первое полугодие"), "2023-01-01..2023-06-30")
        XCTAssertEqual(problem("III полугодие"), "полугодия 3 не бывает: полугодий два, I и II")
    }

    // MARK: Rule 7: a whole year and «в течение года»

    func testAWholeYearIsOneWindow() {
        XCTAssertEqual(schedule("2020 год"), "2020-01-01..2020-12-31")
        XCTAssertEqual(schedule("в 2024 году"), "2024-01-01..2024-12-31")
        XCTAssertEqual(schedule("январь – декабрь"), "2023-01-01..2023-12-31")
        XCTAssertEqual(schedule("2020-2021 гг."), "2020-01-01..2021-12-31")
    }

    func testOngoingWorkGivesTheYearRoundCadence() {
        let halves = "2023-01-01..2023-06-30; 2023-07-01..2023-12-31"
        for text in ["в течение года", "В течении года", "в течение года.", "втечение года", "в течение всего года",
                     "в  течение\nгода", "В ТЕЧЕНИЕ ГОДА"] {
            XCTAssertEqual(schedule(text), halves, text)
        }
        XCTAssertEqual(schedule("в течение 2024 года"), "2024-01-01..2024-06-30; 2024-07-01..2024-12-31")
        XCTAssertEqual(schedule("в течение 2024 г."), "2024-01-01..2024-06-30; 2024-07-01..2024-12-31")
        XCTAssertEqual(schedule("в течение года 2024"), "2024-01-01..2024-06-30; 2024-07-01..2024-12-31")
    }

    func testThePortalsYearRoundCadenceDecidesTheWindowsOfOngoingWork() {
        XCTAssertEqual(schedule("в течение года", yearRound: .quarter),
                       "2023-01-01..2023-03-31; 2023-04-01..2023-06-30; 2023-07-01..2023-09-30; 2023-10-01..2023-12-31")
        XCTAssertEqual(schedule("в течение года", yearRound: .month), months(of: 2023))
        XCTAssertEqual(schedule("в течение года", yearRound: .year), "2023-01-01..2023-12-31")
        XCTAssertEqual(schedule("в течение года", year: 2024, yearRound: .halfYear),
                       "2024-01-01..2024-06-30; 2024-07-01..2024-12-31")
        // A plain period does not depend on it.
        XCTAssertEqual(schedule("май 2023", yearRound: .month), "2023-05-01..2023-05-31")
    }

    func testOngoingWorkOverTheSchoolYearIsSplitAtTheCalendarsBoundaries() {
        XCTAssertEqual(schedule("в течение учебного года"), "2023-09-01..2023-12-31; 2024-01-01..2024-05-31")
        XCTAssertEqual(schedule("в течение 2024-2025 учебного года", yearRound: .quarter),
                       "2024-09-01..2024-09-30; 2024-10-01..2024-12-31; 2025-01-01..2025-03-31; 2025-04-01..2025-05-31")
    }

    func testAPeriodAfterInTheCourseOfIsThatPeriod() {
        XCTAssertEqual(schedule("в течение мая"), "2023-05-01..2023-05-31")
        XCTAssertEqual(schedule("в течение I квартала 2024 года"), "2024-01-01..2024-03-31")
        XCTAssertEqual(problem("в течение месяца"),
                       "«в течение месяца» не привязано к календарю: укажите, какой именно период, например «в течение мая»")
    }

    // MARK: Rule 9: counts and the school year

    func testALeadingCountGivesOneWindowOverTheWholePeriodWithThatMinimum() {
        XCTAssertEqual(schedule("6 мероприятий в течении учебного года"), "2023-09-01..2024-05-31 min=6")
        XCTAssertEqual(schedule("7 публикаций в течение года"), "2023-01-01..2023-12-31 min=7")
        XCTAssertEqual(schedule("7 публикаций в течение года", yearRound: .month), "2023-01-01..2023-12-31 min=7")
        XCTAssertEqual(schedule("не менее 3 публикаций в течение 2024 года"), "2024-01-01..2024-12-31 min=3")
        XCTAssertEqual(schedule("2 пресс-релиза в мае"), "2023-05-01..2023-05-31 min=2")
        XCTAssertEqual(schedule("1 публикация в течение года"), "2023-01-01..2023-12-31")
        XCTAssertEqual(schedule("7 публикаций"), "2023-01-01..2023-12-31 min=7")
        XCTAssertEqual(problem("0 публикаций"), "количество должно быть не меньше одного")
    }

    func testASchoolYearRunsFromSeptemberToMayOfTheNextYear() {
        XCTAssertEqual(schedule("учебный год", year: 2024), "2024-09-01..2025-05-31")
        XCTAssertEqual(schedule("2023-2024 учебный год", year: 2024), "2023-09-01..2024-05-31")
        XCTAssertEqual(schedule("2023/24 учебного года", year: 2024), "2023-09-01..2024-05-31")
        XCTAssertTrue(problem("2023-2025 учебный год").hasPrefix("учебный год «2023-2025 учебный год» должен охватывать два соседних года"))
    }

    // MARK: Rule 11: notes

    func testOtherTextInParenthesesIsANote() {
        XCTAssertEqual(schedule("август 2023 (по отдельному плану)"), "2023-08-01..2023-08-31")
        XCTAssertEqual(schedule("май 2023 (по плану РМЦ; 2 публикации)"), "2023-05-01..2023-05-31")
        XCTAssertEqual(schedule("ежемесячно (до 5 числа)"), months(of: 2023))
        XCTAssertEqual(schedule("май 2023 (незакрытая скобка"), "2023-05-01..2023-05-31")
    }

    // MARK: Normalisation

    func testCaseYoAndStrayPunctuationDoNotMatter() {
        XCTAssertEqual(schedule("ЯНВАРЬ 2023 Г."), "2023-01-01..2023-01-31")
        XCTAssertEqual(schedule("четвёртый квартал"), "2023-10-01..2023-12-31")
        XCTAssertEqual(schedule("Четвертый квартал"), "2023-10-01..2023-12-31")
        XCTAssertEqual(schedule("  май   2023  "), "2023-05-01..2023-05-31")
        XCTAssertEqual(schedule("май 2023;"), "2023-05-01..2023-05-31")
        XCTAssertEqual(schedule("май\u{00A0}2023*"), "2023-05-01..2023-05-31")
        XCTAssertEqual(schedule("«май 2023»"), "2023-05-01..2023-05-31")
        XCTAssertEqual(schedule("- май 2023"), "2023-05-01..2023-05-31")
        XCTAssertEqual(schedule("май 2023,\nдалее - ежегодно"), "2023-05-01..2023-05-31")
    }
}
