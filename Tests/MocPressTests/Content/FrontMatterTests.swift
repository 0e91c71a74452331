import XCTest
@testable import MocPress

final class FrontMatterTests: XCTestCase {
    func split(_ text: String) -> Result<FrontMatterSplit, FrontMatterSplit.Failure> {
        FrontMatterSplit.split(Array(text.utf8))
    }

    func testSplitsYAMLFromTheBodyAndCountsLines() throws {
        let result = try split("---\ntitle: А\ndate: 2023-01-01\n---\n# Заголовок\n").get()
        XCTAssertEqual(result.yaml, "title: А\ndate: 2023-01-01\n")
        XCTAssertEqual(result.yamlFirstLine, 2)
        XCTAssertEqual(result.bodyFirstLine, 5)
    }

    func testAcceptsAByteOrderMarkAndWindowsLineEndings() throws {
        let result = try split("\u{FEFF}---\r\ntitle: А\r\n---\r\nТекст\r\n").get()
        XCTAssertEqual(result.yaml, "title: А\r\n")
        XCTAssertEqual(result.bodyFirstLine, 4)
    }

    /// The alias-bomb walk is skipped only where it cannot find anything:
    /// no `*` and fewer bytes than the limit has values.
    func testAValueLimitHoldsWithAndWithoutAliases() {
        let reader = YAMLReader(file: "page.md", lineOffset: 1)
        XCTAssertFalse(YAMLReader.mayOvergrow("title: А\ntags: [а, б]\n"))
        XCTAssertTrue(YAMLReader.mayOvergrow("a: &x [1, 2]\nb: *x\n"))
        XCTAssertTrue(YAMLReader.mayExpandAliases("a: &x [1, 2]\nb: *x\n"))
        XCTAssertFalse(YAMLReader.mayExpandAliases("title: 5*3\n"), "no anchor: the key check's second parse is skipped")
        let long = "list: [" + String(repeating: "1,", count: YAMLReader.nodeLimit) + "1]\n"
        guard case .failure(let tooMany) = reader.parse(long) else { return XCTFail("a list longer than the limit was accepted") }
        XCTAssertTrue(tooMany.message.contains("слишком много"), tooMany.message)
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        guard case .failure(let expanded) = reader.parse(bomb) else { return XCTFail("an alias bomb was accepted") }
        XCTAssertEqual(expanded.line, 6)
        guard case .success = reader.parse("title: А\ntags: [а, б]\n") else { return XCTFail() }
    }

    /// Yams hashes every mapping key whole to find duplicates; a key that
    /// is an alias of nested anchors never finished hashing (the fuzzer's
    /// input below took longer than its 10 s limit). Such a key is refused
    /// at once, at its place; aliases in values and `*` in text still pass.
    func testAKeyThatIsAnAliasIsRefusedBeforeYamsHashesIt() {
        let reader = YAMLReader(file: "page.md", lineOffset: 1)
        var levels = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            levels.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        let started = Date()
        for key in ["*i,*i,*i: x", "? *i\n: x", "[*i]: x", "k: {*i: x}"].map({ levels.joined(separator: "\n") + "\n" + ($0.hasPrefix("k:") || $0.hasPrefix("?") || $0.hasPrefix("[") ? $0 : "j: [\($0)]") + "\n" }) {
            guard case .failure(let refused) = reader.parse(key) else { return XCTFail("an alias key was accepted:\n\(key)") }
            XCTAssertTrue(refused.message.contains("ссылка на якорь"), refused.message)
            XCTAssertEqual(refused.line, 11, key)
        }
        // The same key before a syntax error (the fuzzer's second input): the error, at once.
        let broken = levels.joined(separator: "\n") + "\nj: [*i,*i: h,*i']\n"
        guard case .failure(let error) = reader.parse(broken) else { return XCTFail("accepted:\n\(broken)") }
        XCTAssertEqual(error.line, 11, error.message)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        for fine in ["a: &a [1, 2]\nb: *a\n", "\"*a\": x\n", "title: 5*3 = 15\n", "a: &a x\nb: [*a, *a]\n", "a: &a k\nb: {c: *a}\n"] {
            guard case .success = reader.parse(fine) else { return XCTFail("refused: \(fine)") }
        }
    }

    func testReportsAMissingOrUnclosedFence() {
        XCTAssertEqual(try? split("title: А\n").get(), nil)
        guard case .failure(.missing) = split("title: А\n") else { return XCTFail() }
        guard case .failure(.unclosed) = split("---\ntitle: А\nТекст\n") else { return XCTFail() }
    }
}

extension FrontMatterSplit: Equatable {
    public static func == (a: FrontMatterSplit, b: FrontMatterSplit) -> Bool { a.yaml == b.yaml && a.body == b.body }
}
