import XCTest
@testable import MocPress

final class TransliterationTests: XCTestCase {
    func testTurnsRussianWordsIntoTheReadableLatinScheme() {
        XCTAssertEqual(Transliteration.slug("Муниципальный опорный центр"), "munitsipalnyj-opornyj-tsentr")
        XCTAssertEqual(Transliteration.slug("Щука, ёж и Хабаровск"), "shchuka-yozh-i-khabarovsk")
        XCTAssertEqual(Transliteration.slug("Объявление"), "obyavlenie")
        XCTAssertEqual(Transliteration.slug("Подъезд, мальчик, семья"), "podezd-malchik-semya")
    }

    func testKeepsLatinAndDigitsLowerCaseAndJoinsWordsWithOneDash() {
        XCTAssertEqual(Transliteration.slug("Итоги 2023 года — Page_1"), "itogi-2023-goda-page-1")
        XCTAssertEqual(Transliteration.slug("  «Шаг в будущее»!  "), "shag-v-budushchee")
        XCTAssertEqual(Transliteration.slug("ЦДТ"), "tsdt")
    }

    func testGivesAnEmptySegmentForTextWithoutLettersOrDigits() {
        XCTAssertEqual(Transliteration.slug("«—»"), "")
    }
}
