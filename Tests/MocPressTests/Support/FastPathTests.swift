import XCTest
@testable import MocPress

/// The byte-level replacements of Foundation calls on the hot path behave as
/// the calls they replaced.
final class FastPathTests: XCTestCase {
    func testFindsTheLineOfTheFirstInvalidUTF8Sequence() {
        func line(_ bytes: [UInt8]) -> Int? { PageReader.firstInvalidUTF8Line(bytes) }
        XCTAssertNil(line(Array("Привет, мир — 2023 €😀\nещё строка\n".utf8)))
        XCTAssertNil(line([]))
        XCTAssertEqual(line(Array("а\nб\n".utf8) + [0xFF]), 3)
        XCTAssertEqual(line(Array("а\n".utf8) + [0xD0]), 2, "a sequence cut off at the end of the file")
        XCTAssertEqual(line([0x41, 0xC0, 0x80]), 1, "overlong two-byte form")
        XCTAssertEqual(line([0xE0, 0x80, 0xAF]), 1, "overlong three-byte form")
        XCTAssertEqual(line([0xED, 0xA0, 0x80]), 1, "UTF-16 surrogate")
        XCTAssertEqual(line([0xF4, 0x90, 0x80, 0x80]), 1, "above U+10FFFF")
        XCTAssertEqual(line(Array("12345678\n12345678\n".utf8) + [0x80] + Array("1234567".utf8)), 3, "after two ASCII words")
        XCTAssertEqual(line(Array("абвг".utf8) + [0xD0, 0x41] + Array("где".utf8)), 1, "a lead byte without its continuation inside a word")
        XCTAssertEqual(line(Array("аб\nв".utf8) + [0xBF] + Array("где".utf8)), 2, "a continuation without its lead inside a word")
        XCTAssertEqual(line(Array("абв".utf8) + [0xC1, 0x81] + Array("гд".utf8)), 1, "overlong two-byte form inside a word")
        XCTAssertNil(line(Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя".utf8)))
        // Every alignment of a bad byte in Russian text, against the standard library.
        let text = Array("Приказ № 15 «Об утверждении» — ёлка\n".utf8)
        for position in 0..<text.count {
            for bad: UInt8 in [0x80, 0xBF, 0xC0, 0xC1, 0xD0, 0xE0, 0xF0, 0xFF, 0x41] {
                var bytes = text
                bytes[position] = bad
                XCTAssertEqual(line(bytes) == nil, String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
            }
        }
        // The standard library agrees on every two-byte prefix.
        for first in UInt8(0x80)...UInt8(0xFF) {
            for second: UInt8 in [0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0] {
                let bytes = [first, second, 0x80, 0x80]
                XCTAssertEqual(line(bytes) == nil, String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
            }
        }
    }

    /// The 32-byte blocks of the UTF-8 check find the line the standard
    /// library's decoder finds, wherever a letter, a longer character or a
    /// bad byte falls against a block's edge.
    func testFindsTheLineOfTheFirstInvalidUTF8SequenceAtEveryBlockEdge() {
        // 1 + the line breaks before the first byte the standard library's decoder rejects.
        func expected(_ bytes: [UInt8]) -> Int? {
            var parser = Unicode.UTF8.ForwardParser()
            var input = bytes.makeIterator()
            var valid = 0
            while true {
                switch parser.parseScalar(from: &input) {
                case .valid(let scalar): valid += scalar.count
                case .emptyInput: return nil
                case .error: return 1 + bytes[..<valid].count { $0 == 0x0A }
                }
            }
        }
        var checked = 0, failures = 0
        func check(_ bytes: [UInt8], _ what: @autoclosure () -> String) {
            checked += 1
            let line = PageReader.firstInvalidUTF8Line(bytes), want = expected(bytes)
            let valid = String(validating: bytes, as: UTF8.self) != nil
            if line == want && (line == nil) == valid { return }
            failures += 1
            if failures <= 5 { XCTFail("\(what()): line \(line.map(String.init) ?? "nil"), expected \(want.map(String.init) ?? "nil"): \(bytes)") }
        }
        let valid: [[UInt8]] = ["Ж", "я", "\u{80}", "\u{7FF}", "—", "«", "№", "\u{800}", "\u{D7FF}", "\u{FFFF}", "😀", "\u{10000}", "\u{10FFFF}"]
            .map { Array($0.utf8) }
        let invalid: [[UInt8]] = [
            [0x80], [0xBF], [0xC2], [0xD0], [0xDF], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xD0, 0x41], [0xE2, 0x80, 0x41],
            [0xC0], [0xC1], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF],
        ]
        let russian = Array("Приказ № 15 об утверждении плана\r\nмероприятий на учебный год\nи графика открытых уроков\n".utf8)
        let ascii = Array(String(repeating: "The plan\r\nof events.\n", count: 6).utf8)

        // Every length up to four blocks, starting at either parity: the cut may leave a lead byte at the end.
        for length in 0...130 {
            for lead in 0..<3 { check(Array((Array("ab".utf8).prefix(lead) + russian).prefix(length)), "length \(length) after \(lead) ASCII") }
        }
        // A piece at every offset: Russian (also inside a letter, which breaks it) and ASCII, so every alignment modulo 32.
        for (name, text) in [("Russian", russian), ("ASCII", ascii)] {
            for piece in valid + invalid {
                for offset in 0...text.count { check(Array(text[..<offset] + piece + text[offset...]), "\(piece) at \(offset) in \(name)") }
            }
            // One byte replaced at every offset.
            for byte: UInt8 in [0x0A, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xD0, 0xD1, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF] {
                for offset in text.indices {
                    var bytes = text
                    bytes[offset] = byte
                    check(bytes, "\(byte) replacing byte \(offset) of \(name)")
                }
            }
        }
        // Blocks resume after a longer character, also after text that keeps them failing, and still see a later error.
        let dashes = Array(String(repeating: "«—»", count: 40).utf8)
        for prefix in [Array("—".utf8), Array("a—".utf8), dashes] {
            for piece in [[0xC1, 0x81], [0x80], [0xD0], [0xE0, 0x80, 0x80]] as [[UInt8]] {
                for offset in stride(from: 0, through: russian.count, by: 1) {
                    check(prefix + russian[..<offset] + piece + russian[offset...], "\(piece) at \(offset) after \(prefix.count) bytes")
                }
            }
            check(prefix + russian + russian, "valid after \(prefix.count) bytes")
        }
        XCTAssertGreaterThan(checked, 15_000)
    }

    func testNormalizesPathsByTheirSegments() {
        XCTAssertEqual(Path.normalize("methodical/../info/news/a.md"), "info/news/a.md")
        XCTAssertEqual(Path.normalize("./a//b/./c/"), "a/b/c")
        XCTAssertEqual(Path.normalize("/раздел/страница"), "раздел/страница")
        XCTAssertEqual(Path.normalize("раздел/страница.md"), "раздел/страница.md")
        XCTAssertEqual(Path.normalize("a/.."), "")
        XCTAssertEqual(Path.normalize(""), "")
        XCTAssertEqual(Path.normalize("."), "")
        XCTAssertEqual(Path.normalize("a/..."), "a/...", "three dots are a name")
        XCTAssertEqual(Path.normalize(".hidden/..x"), ".hidden/..x")
        XCTAssertNil(Path.normalize("a/../../etc"))
        XCTAssertNil(Path.normalize(".."))
    }

    func testJoinsPathsWithOneSlashAtEachJoint() {
        XCTAssertEqual(Path.join("content", "sosnovsky", "info/news/a.md"), "content/sosnovsky/info/news/a.md")
        XCTAssertEqual(Path.join("/tmp/", "/site/", "a"), "/tmp/site/a")
        XCTAssertEqual(Path.join("", ".", "a", "", "b"), "a/b")
        XCTAssertEqual(Path.join("a//b", "c"), "a/b/c")
        XCTAssertEqual(Path.join("/", "a"), "/a")
    }

    func testTrimsWhitespaceAndLineBreaksAsFoundationDid() {
        XCTAssertEqual(" \t Заголовок страницы \n".trimmingWhitespace(), "Заголовок страницы")
        XCTAssertEqual("\u{00A0}текст\u{2003}".trimmingWhitespace(), "текст", "no-break and em spaces")
        XCTAssertEqual("   ".trimmingWhitespace(), "")
        XCTAssertEqual("«Итоги».,".trimmed { $0.isPunctuation }, "Итоги")
        // The shortcut for texts that start and end with a letter gives what the Character walk gives.
        for text in ["Заголовок", "abc", "Ё", "я", "z", "Итоги года.", "текст\u{00A0}", "\u{2003}текст", "a \u{301}", "ж\u{301}",
                     "я\n", "\tя", "1 ", " 1", "текст\u{2028}", "«а»", "a\r\n", "", "\u{0600}a"] {
            XCTAssertEqual(text.trimmingWhitespace(), String(text.trimmed()), text.debugDescription)
            XCTAssertEqual(text[...].trimmingWhitespace(), String(text.trimmed()), text.debugDescription)
        }
    }

    func testShortensAnExcerptAtAWordWithoutTrailingPunctuation() {
        let text = String(repeating: "слово, ", count: 50)
        let short = Markdown.shorten(text, to: 20)
        XCTAssertEqual(short, "слово, слово…", "the cut word and its comma go")
        XCTAssertEqual(Markdown.shorten("  коротко  ", to: 200), "коротко")
    }

    func testReadsDirectoriesWithTheKindOfEachEntry() throws {
        let root = NSTemporaryDirectory() + "mocpress-fs-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/раздел", withIntermediateDirectories: true)
        try Data("а".utf8).write(to: URL(fileURLWithPath: root + "/b.md"))
        try Data().write(to: URL(fileURLWithPath: root + "/пусто.md"))
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: "/etc")
        let disk = DiskFileSystem()
        XCTAssertEqual(try disk.typedEntries(of: root), [
            DirectoryEntry(name: "b.md", kind: .file),
            DirectoryEntry(name: "link", kind: .symbolicLink),
            DirectoryEntry(name: "пусто.md", kind: .file),
            DirectoryEntry(name: "раздел", kind: .directory),
        ])
        XCTAssertEqual(try disk.contents(of: root + "/b.md"), Array("а".utf8))
        XCTAssertEqual(try disk.contents(of: root + "/пусто.md"), [])
        XCTAssertThrowsError(try disk.contents(of: root + "/раздел"), "a folder is not a file")
        XCTAssertThrowsError(try disk.contents(of: root + "/нет.md"))
        XCTAssertThrowsError(try disk.typedEntries(of: root + "/нет"))
        let big = [UInt8](repeating: 0x61, count: 3_000_000)
        try Data(big).write(to: URL(fileURLWithPath: root + "/big.md"))
        XCTAssertEqual(try disk.contents(of: root + "/big.md"), big)
    }
}
