import XCTest
@testable import MocPress

final class MarkdownTests: XCTestCase {
    func render(_ text: String, unsafe: Bool = false, resolve: (String) -> LinkResolution = { _ in .keep }) -> RenderedMarkdown {
        Markdown.render(Array(text.utf8), source: "a.md", firstLine: 5, options: .init(unsafeHTML: unsafe), resolve: resolve)
    }

    func testHeadingsGetStableLatinIdsAndDuplicatesAreNumbered() {
        let result = render("## Цели и задачи\n\n## Цели и задачи\n\n### Итоги *2023*\n")
        XCTAssertEqual(result.headings.map(\.id), ["tseli-i-zadachi", "tseli-i-zadachi-2", "itogi-2023"])
        let html = result.html.replacingOccurrences(of: "\n", with: "")
        XCTAssertTrue(html.contains("<h2 id=\"tseli-i-zadachi\">Цели и задачи <a class=\"heading-anchor\" href=\"#tseli-i-zadachi\""), html)
        XCTAssertTrue(html.contains("<h3 id=\"itogi-2023\">Итоги <em>2023</em>"), html)
    }

    func testLinksAreRewrittenThroughTheResolverAndBrokenOnesReportedAtTheirLine() {
        let result = render("Текст\n\nСм. [план](plan.md) и [нет](missing.md).\n") { target in
            target == "plan.md" ? .rewrite("/moc/plan/") : .broken("нет такой страницы")
        }
        XCTAssertTrue(result.html.contains("<a href=\"/moc/plan/\">план</a>"), result.html)
        XCTAssertEqual(result.diagnostics.map(\.description), ["a.md:7:23: ошибка: нет такой страницы"])
    }

    /// A page's body is the tail of its file's bytes: lines and columns count from where the body starts.
    func testLinkPlacesCountFromTheStartOfABodyInsideTheFile() {
        let file = Array("---\ntitle: Ё\n---\nТекст\n\nСм. [нет](missing.md), а | тут\n| a |\n|---|\n".utf8)
        let bodyStart = Array("---\ntitle: Ё\n---\n".utf8).count
        let result = Markdown.render(file[bodyStart...], source: "a.md", firstLine: 4, options: .init()) { _ in .broken("нет такой страницы") }
        XCTAssertEqual(result.diagnostics.map(\.description).sorted(), [
            "a.md:6:5: ошибка: нет такой страницы",
            "a.md:7:1: предупреждение: таблицы Markdown (строки с «|») не поддерживаются и будут показаны как текст: положите данные в CSV-файл и укажите его в data: — получится таблица и диаграмма",
        ])
    }

    /// `check` skips cmark for bodies that cannot hold a link: it must say what a build says.
    func testCheckSaysWhatABuildSaysWithAndWithoutLinks() {
        let bodies = [
            "Текст без ссылок.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "## Заголовок\n\nСписок:\n\n- один\n- два\n",
            "См. [нет](missing.md) и ![](img.png).\n",
            "Адрес <https://example.ru> и <b>тег</b>.\n",
            "Адрес <missing:page> без квадратных скобок.\n",
            "[ссылка]: missing.md\n\nТекст [ссылка].\n",
            "",
        ]
        for body in bodies {
            let bytes = Array(body.utf8)[...]
            let resolve: (String) -> LinkResolution = { $0.hasPrefix("missing") ? .broken("нет такой страницы") : .keep }
            let checked = Markdown.render(bytes, source: "a.md", firstLine: 3, options: .init(html: false), resolve: resolve)
            let built = Markdown.render(bytes, source: "a.md", firstLine: 3, options: .init(html: true), resolve: resolve)
            XCTAssertEqual(checked.diagnostics.map(\.description), built.diagnostics.map(\.description), body)
        }
        XCTAssertFalse(Markdown.mayHoldLinks(Array("Текст | без ссылок".utf8)[...]))
        XCTAssertTrue(Markdown.mayHoldLinks(Array("x [a]".utf8)[...]))
    }

    func testRawHTMLIsDroppedUnlessThePortalAllowsIt() {
        XCTAssertFalse(render("<script>alert(1)</script>\n\nТекст <b>жирный</b>\n").html.contains("<script>"))
        XCTAssertFalse(render("Текст <b>жирный</b>\n").html.contains("<b>"))
        XCTAssertTrue(render("Текст <b>жирный</b>\n", unsafe: true).html.contains("<b>жирный</b>"))
        XCTAssertFalse(render("[x](javascript:alert(1))\n").html.contains("javascript:"))
    }

    func testAnImageWithoutAltTextIsAWarning() {
        let result = render("![](foto.jpg)\n\n![Дети на конкурсе](foto2.jpg)\n")
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertEqual(result.diagnostics.first?.severity, .warning)
        XCTAssertEqual(result.diagnostics.first?.line, 5)
    }

    func testTheExcerptIsThePlainTextOfTheFirstParagraph() {
        XCTAssertEqual(render("# Заголовок\n\nПервый *абзац* со [ссылкой](x).\n\nВторой.\n").excerpt, "Первый абзац со ссылкой.")
    }

    func testAPipeTableIsAWarningPointingToDataFiles() {
        let result = render("Текст.\n\n| Год | Дети |\n|---|---:|\n| 2023 | 412 |\n\n```\n| a |\n|---|\n```\n")
        XCTAssertEqual(result.diagnostics.map(\.line), [7])
        XCTAssertTrue(result.diagnostics.first?.message.contains("data:") ?? false)
    }
}
