import XCTest
@testable import MocPress

/// The holes the hostile portal found, each closed where its output is written.
final class HostileFixesTests: XCTestCase {
    func testCSVCellsThatASpreadsheetWouldRunGetAnApostrophe() {
        let cases: [(String, String)] = [
            ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(1)", "'@SUM(1)"),
            (" =1+1", "' =1+1"), ("  +1", "'  +1"), ("\t=1+1", "'\t=1+1"), ("\tтекст", "'\tтекст"),
            ("\r=1+1", "\"'\r=1+1\""), ("\n=1+1", "\"'\n=1+1\""),
            ("=HYPERLINK(\"http://x\";\"y\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\""),
            ("\"=1+1\"", "\"\"\"=1+1\"\"\""),   // starts with a quote: text for Excel, only quoted
            ("Май 2023 г.", "Май 2023 г."), ("1 = 1", "1 = 1"), ("a-b", "a-b"), ("", ""), ("   ", "   "),
        ]
        for (value, written) in cases {
            XCTAssertEqual(CSV.cell(value), written, "«\(value)»")
        }
    }

    func testXMLTextDropsEveryCharacterXMLForbids() {
        XCTAssertEqual(Escape.xml("a\u{0}b\u{1B}c\u{FFFE}d\u{FFFF}e\u{B}f"), "abcdef")
        XCTAssertEqual(Escape.xml("таб\tстрока\nвозврат\r"), "таб\tстрока\nвозврат\r")
        XCTAssertEqual(Escape.xml("<«Ёлка» & \"ёж\" '🎄' \u{FFFD}\u{FFFC}>"), "&lt;«Ёлка» &amp; &quot;ёж&quot; &#39;🎄&#39; \u{FFFD}\u{FFFC}&gt;")
        XCTAssertEqual(Escape.xml("\u{FFFF}<"), "&lt;")
    }
}
