import XCTest
@testable import MocPress

/// The holes the hostile portal found, each closed where its output is written.
final class HostileFixesTests: XCTestCase {
    func testXMLTextDropsEveryCharacterXMLForbids() {
        XCTAssertEqual(Escape.xml("a\u{0}b\u{1B}c\u{FFFE}d\u{FFFF}e\u{B}f"), "abcdef")
        XCTAssertEqual(Escape.xml("таб\tстрока\nвозврат\r"), "таб\tстрока\nвозврат\r")
        XCTAssertEqual(Escape.xml("<«Ёлка» & \"ёж\" '🎄' \u{FFFD}\u{FFFC}>"), "&lt;«Ёлка» &amp; &quot;ёж&quot; &#39;🎄&#39; \u{FFFD}\u{FFFC}&gt;")
        XCTAssertEqual(Escape.xml("\u{FFFF}<"), "&lt;")
    }
}
