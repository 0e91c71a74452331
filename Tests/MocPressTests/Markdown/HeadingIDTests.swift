import XCTest
@testable import MocPress

/// Found by fuzz/FuzzMarkdown's invariant that heading ids are unique: the
/// repeat of «Итоги» got «itogi-2», which a heading «Итоги 2» also had, so the
/// table of contents and the # links of both pointed at the first.
final class HeadingIDTests: XCTestCase {
    func render(_ text: String) -> RenderedMarkdown {
        Markdown.render(Array(text.utf8), source: "a.md", firstLine: 1, options: .init()) { _ in .keep }
    }

    func testARepeatSkipsNumbersOtherHeadingsAlreadyHave() {
        let page = render("## Итоги\n## Итоги\n## Итоги 2\n## Итоги\n")
        XCTAssertEqual(page.headings.map(\.id), ["itogi", "itogi-2", "itogi-2-2", "itogi-3"])
        let page2 = render("## Итоги 2\n## Итоги\n## Итоги\n")
        XCTAssertEqual(page2.headings.map(\.id), ["itogi-2", "itogi", "itogi-3"])
        XCTAssertTrue(page2.html.contains("<h2 id=\"itogi-3\">"), page2.html)
    }

    func testPlainRepeatsAreNumberedAsBefore() {
        XCTAssertEqual(render("# А\n# А\n# А\n#\n#\n").headings.map(\.id), ["a", "a-2", "a-3", "razdel", "razdel-2"])
    }
}
