import XCTest
@testable import MocPress

/// SPEC section 3, rules 10 and 12: no obligation, and text that cannot be checked.
final class ScheduleOnDemandAndInvalidTests: ScheduleTestCase {
    func testEachOnDemandPhraseStandingAlone() {
        for text in ["по запросу", "по необходимости", "при необходимости", "по мере необходимости",
                     "в период проведения инвентаризации", "в зависимости от периода инвентаризации",
                     "по отдельному плану", "по отдельному графику", "По отдельному плану.", "(по отдельному графику)",
                     "При необходимости"] {
            XCTAssertEqual(schedule(text), "on-demand", text)
        }
    }

    func testTheFirstFourPhrasesMakeTheWholeScheduleOnDemandWhereverTheyStand() {
        for text in ["по запросу, ежегодно", "в течение года (по необходимости)", "в течение года\n(по запросу)",
                     "май 2023, при необходимости", "в соответствии с планами повышения квалификации (по запросу)",
                     "весной или по мере необходимости", "32.01.2023 по запросу"] {
            XCTAssertEqual(schedule(text), "on-demand", text)
        }
    }

    func testASeparatePlanBesideAPeriodIsNotOnDemand() {
        // In parentheses it is a note; bare beside a period it is neither, and the methodist is told where to put it.
        XCTAssertEqual(schedule("в течении года (по отдельному графику на территориях муниципалитетов)"),
                       "2023-01-01..2023-06-30; 2023-07-01..2023-12-31")
        XCTAssertEqual(problem("август 2023 по отдельному плану"),
                       "«по отдельному плану» рядом со сроком: возьмите его в скобки, например «август 2023 (по отдельному плану)», или оставьте одно")
    }

    func testWordsThatAreNotOnDemandPhrasesDoNotCount() {
        XCTAssertEqual(schedule("по плану"), "invalid")
        XCTAssertEqual(schedule("необходимости"), "invalid")
    }

    func testSeasonsAreInvalidWithAHint() {
        XCTAssertEqual(problem("весной"), "не удалось распознать «весной»: укажите месяц, квартал или дату, например «март – май»")
        XCTAssertEqual(problem("Летом 2023 года"), "не удалось распознать «Летом»: укажите месяц, квартал или дату, например «март – май»")
        XCTAssertEqual(problem("в летний период"),
                       "не удалось распознать «летний период»: укажите месяц, квартал или дату, например «март – май»")
        XCTAssertEqual(problem("6 мероприятий осенью"),
                       "не удалось распознать «осенью»: укажите месяц, квартал или дату, например «март – май»")
    }

    func testUnknownWordsAreQuotedAsWritten() {
        XCTAssertEqual(problem("когда-нибудь"), "не удалось распознать «когда-нибудь»: укажите месяц, квартал или дату")
        XCTAssertEqual(problem("Мартобря 2023"), "не удалось распознать «Мартобря»: укажите месяц, квартал или дату")
        XCTAssertEqual(problem("май 2023, по плану РМЦ"), "не удалось распознать «по плану РМЦ»: укажите месяц, квартал или дату")
        XCTAssertEqual(problem("постоянно"), "не удалось распознать «постоянно»: укажите месяц, квартал или дату")
    }

    func testAnEmptyScheduleIsInvalid() {
        for text in ["", "   ", "\n", "(примечание)", ",", "—"] {
            XCTAssertEqual(problem(text), "сроки не указаны: напишите месяц, квартал, дату или «в течение года»", text)
        }
    }

    func testOtherMistakesSayWhatToWrite() {
        XCTAssertEqual(problem("май 2023 !"), "непонятный знак «!» в сроке: уберите его")
        XCTAssertEqual(problem("май 45"), "не удалось понять число «45»: укажите дату («12 мая»), месяц, квартал или год")
        XCTAssertEqual(problem("с 1 сентября"),
                       "у срока «с 1 сентября» нет конца: допишите «по …», например «с 10 по 20 октября»")
        XCTAssertEqual(problem("май, далее ежемесячно"), "после «далее» ожидается «ежегодно»: напишите «далее – ежегодно»")
        XCTAssertEqual(problem("5 публикаций, 6 публикаций"),
                       "количество указано дважды: оставьте одно, например «6 публикаций в течение года»")
        XCTAssertEqual(problem("до"), "срок обрывается после «до»: допишите дату, месяц или год")
    }
}
