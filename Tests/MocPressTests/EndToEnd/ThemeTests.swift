import XCTest
@testable import MocPress

/// What a visitor gets from the real `themes/moc`.
final class ThemeTests: XCTestCase {
    func build(_ portal: TestPortal, theme: String = "moc") throws -> (PortalBuildReport, MemorySink) {
        let project = try DiskProject()
        defer { project.remove() }
        try project.add(portal, theme: theme)
        let sink = MemorySink()
        let builder = SiteBuilder(options: BuildOptions(projectRoot: project.root, now: TestPortal.buildDate))
        return (builder.build(portal: portal.id, into: sink), sink)
    }

    func testEveryPageIsRussianAccessibleAndLoadsNothingFromAnotherHost() throws {
        let (report, output) = try build(TestPortal.standard())
        XCTAssertEqual(report.errors, [])
        let pages = output.files.keys.filter { $0.hasSuffix(".html") }.sorted()
        XCTAssertGreaterThan(pages.count, 10)
        for path in pages {
            let html = output.text(path)!
            if path.hasPrefix("novosti/") { continue }
            if html.contains("http-equiv=\"refresh\"") { continue } // redirect pages
            XCTAssertTrue(html.contains("<html lang=\"ru\""), path)
            XCTAssertTrue(html.contains("href=\"#main\""), "skip link on \(path)")
            XCTAssertTrue(html.contains("id=\"main\""), path)
            XCTAssertTrue(html.contains("слабовидящих"), "visually impaired switch on \(path)")
            for attribute in ["src=\"http", "src=\"//", "<link rel=\"stylesheet\" href=\"http"] {
                XCTAssertFalse(html.contains(attribute), "\(path) loads from another host: \(attribute)")
            }
        }
    }

    func testLinksAssetsAndFeedsHonourTheSubPath() throws {
        let (_, output) = try build(TestPortal.standard())
        let html = try XCTUnwrap(output.text("info/news/pervaya/index.html"))
        XCTAssertTrue(html.contains("href=\"/moc/css/theme.css\""), "theme stylesheet under the base path")
        XCTAssertTrue(html.contains("href=\"/moc/css/brand.css\""))
        XCTAssertTrue(html.contains("href=\"/moc/atom.xml\""))
        XCTAssertTrue(html.contains("12 мая 2023 г."))
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        for href in hrefs where href.hasPrefix("/") {
            XCTAssertTrue(href.hasPrefix("/moc/"), "link \(href) ignores the base path")
        }
    }

    func testARegionThemeExtendsTheDefaultOne() throws {
        let (report, output) = try build(TestPortal.standard(), theme: "sever")
        XCTAssertEqual(report.errors, [])
        XCTAssertNotNil(output.text("css/theme.css"), "inherited from moc")
        XCTAssertNotNil(output.text("index.html"))
    }

    /// The partial links `page.trail` and names the page from the last crumb;
    /// the HTML is what the `last()` version wrote.
    func testBreadcrumbsLinkEveryCrumbButTheLastWhichIsThePage() throws {
        let (_, output) = try build(TestPortal.standard())
        func crumbs(_ path: String) throws -> String {
            let html = try XCTUnwrap(output.text(path), path)
            let start = try XCTUnwrap(html.range(of: "<nav class=\"breadcrumbs\""), path)
            let end = try XCTUnwrap(html.range(of: "</nav>", range: start.upperBound..<html.endIndex), path)
            return String(html[start.lowerBound..<end.upperBound])
        }
        let nav = "<nav class=\"breadcrumbs\" aria-label=\"Навигационная цепочка\">\n  <ol>\n"
        XCTAssertEqual(try crumbs("info/news/pervaya/index.html"), nav + """
                <li><a href="/moc/">Главная</a></li>
                <li><a href="/moc/info/">Информационный блок</a></li>
                <li><a href="/moc/info/news/">Новости</a></li>
                <li><span aria-current="page">Первая новость</span></li>
              </ol>
            </nav>
            """)
        XCTAssertEqual(try crumbs("tags/index.html"), nav + """
                <li><a href="/moc/">Главная</a></li>
                <li><span aria-current="page">Теги</span></li>
              </ol>
            </nav>
            """)
        XCTAssertEqual(try crumbs("info/index.html"), nav + """
                <li><a href="/moc/">Главная</a></li>
                <li><span aria-current="page">Информационный блок</span></li>
              </ol>
            </nav>
            """)
    }

    /// Each rendering thread has its own compiled copy of the templates: the
    /// same output as one thread, and a theme loaded later (a template edited
    /// while `serve` runs) is never rendered from an earlier copy.
    func testEveryThreadRendersTheThemeItWasGiven() throws {
        let project = try DiskProject()
        defer { project.remove() }
        func load() throws -> Theme {
            var diagnostics = DiagnosticBag()
            let theme = Theme.load(name: "moc", projectRoot: project.root, fileSystem: DiskFileSystem(),
                                   requestedAt: SourceLocation(file: "portal.yaml"), diagnostics: &diagnostics)
            XCTAssertEqual(diagnostics.items, [])
            return try XCTUnwrap(theme)
        }
        let makeContext: @Sendable () -> [String: Any] = {
            ["page": ["breadcrumbs": [["title": "Главная", "url": "/"], ["title": "Тест", "url": ""]], "trail": [["title": "Главная", "url": "/"]]]]
        }
        let context = makeContext()
        let first = try load()
        let once = first.render("breadcrumbs", context)
        XCTAssertTrue(once.contains("<span aria-current=\"page\">Тест</span>"), once)
        let results = Slots<String>(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { results[$0] = first.render("breadcrumbs", makeContext()) }
        XCTAssertEqual(results.values, Array(repeating: once, count: 16))

        try project.write("themes/moc/templates/breadcrumbs.mustache", "изменён: {{#page.trail}}{{title}}{{/page.trail}}")
        let second = try load()
        DispatchQueue.concurrentPerform(iterations: 16) { results[$0] = second.render("breadcrumbs", makeContext()) }
        XCTAssertEqual(results.values, Array(repeating: "изменён: Главная", count: 16))
        XCTAssertEqual(second.render("breadcrumbs", context), "изменён: Главная")
        // The earlier theme still renders its own templates.
        XCTAssertEqual(first.render("breadcrumbs", context), once)
    }

    /// A list's pages: the current one named, the others linked, a gap for the numbers left out.
    func testPaginationLinksEveryShownPageButTheCurrentOne() throws {
        var portal = TestPortal.standard()
        for n in 1...80 { portal["info/news/n\(n).md"] = "---\ntitle: Новость \(n)\ndate: 2023-04-\(10 + n % 18)\n---\nТекст.\n" }
        let (report, output) = try build(portal)
        XCTAssertEqual(report.errors, [])
        let html = try XCTUnwrap(output.text("info/news/index.html"))
        let start = try XCTUnwrap(html.range(of: "<ul class=\"pagination__list\">"))
        let end = try XCTUnwrap(html.range(of: "</ul>", range: start.upperBound..<html.endIndex))
        let items = html[start.upperBound..<end.lowerBound].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let page = "<span class=\"visually-hidden\">Страница </span>"
        let last = (81 + 9) / 10
        XCTAssertEqual(items, [
            "<li><span class=\"pagination__page is-current\" aria-current=\"page\">\(page)1</span></li>",
            "<li><a class=\"pagination__page\" href=\"/moc/info/news/page/2/\">\(page)2</a></li>",
            "<li><a class=\"pagination__page\" href=\"/moc/info/news/page/3/\">\(page)3</a></li>",
            "<li><span class=\"pagination__gap\" aria-hidden=\"true\">…</span></li>",
            "<li><a class=\"pagination__page\" href=\"/moc/info/news/page/\(last)/\">\(page)\(last)</a></li>",
            "<li><a class=\"pagination__step\" href=\"/moc/info/news/page/2/\" rel=\"next\">Вперёд <span aria-hidden=\"true\">→</span></a></li>",
        ])
    }
}
