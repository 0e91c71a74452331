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

    func testReportsAMissingOrUnclosedFence() {
        XCTAssertEqual(try? split("title: А\n").get(), nil)
        guard case .failure(.missing) = split("title: А\n") else { return XCTFail() }
        guard case .failure(.unclosed) = split("---\ntitle: А\nТекст\n") else { return XCTFail() }
    }
}

extension FrontMatterSplit: Equatable {
    public static func == (a: FrontMatterSplit, b: FrontMatterSplit) -> Bool { a.yaml == b.yaml && a.body == b.body }
}
