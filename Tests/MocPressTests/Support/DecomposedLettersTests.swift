import XCTest
@testable import MocPress

/// Found by TransliterationProperties: «й» and «ё» typed decomposed
/// (и + U+0306, е + U+0308, as macOS file names and text copied from PDFs
/// have them) gave other addresses than the same words composed.
final class DecomposedLettersTests: XCTestCase {
    func testDecomposedShortIAndYoGiveTheSameSegmentAsComposed() {
        XCTAssertEqual(Transliteration.slug("Сосновский район"), "sosnovskij-rajon")
        XCTAssertEqual(Transliteration.slug("Сосновскии\u{0306} раи\u{0306}он"), "sosnovskij-rajon")
        XCTAssertEqual(Transliteration.slug("Е\u{0308}лочка, ёлка"), "yolochka-yolka")
        XCTAssertEqual(Transliteration.slug("И\u{0306}ОД"), "jod")
    }

    func testOtherMarksStillSeparateOrJoinAsBefore() {
        // A breve on a letter that has no Russian composed form still separates words.
        XCTAssertEqual(Transliteration.slug("ду\u{0306}м"), "du-m")
        // The stress mark stays part of the word.
        XCTAssertEqual(Transliteration.slug("за\u{0301}мок"), "zamok")
        // A mark with nothing before it changes nothing.
        XCTAssertEqual(Transliteration.slug("\u{0306}и"), "i")
    }
}
