import XCTest
@testable import MocPress

final class BuildTests: XCTestCase {
    func testAPageIsWrittenAtItsTransliteratedURLUnderTheBasePath() throws {
        var portal = TestPortal.standard()
        portal["info/news/итоги-конкурса.md"] = "---\ntitle: Итоги конкурса\ndate: 2023-06-01\n---\nТекст.\n"
        let (report, output) = portal.build()
        XCTAssertEqual(report.errors, [])
        let html = try XCTUnwrap(output.text("info/news/itogi-konkursa/index.html"))
        XCTAssertTrue(html.contains("<h1>Итоги конкурса</h1>"))
        XCTAssertTrue(html.contains("<time datetime=\"2023-06-01\">1 июня 2023 г.</time>"), html)
        XCTAssertTrue(html.contains("<link rel=\"canonical\" href=\"https://cdt.example.ru/moc/info/news/itogi-konkursa/\">"), html)
        XCTAssertTrue(html.contains("<a href=\"/moc/info/\" class=\"active\">Информационный блок</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"/moc/info/news/\">Новости</a>"), "breadcrumbs: \(html)")
    }

    func testSlugOverridesTheSegmentOfAPageAndOfASection() throws {
        var portal = TestPortal.standard()
        portal["info/news/_index.md"] = "---\ntitle: Новости\nslug: novosti\n---\n"
        portal["info/news/a.md"] = "---\ntitle: А\nslug: Приказ № 5\n---\n"
        let (report, output) = portal.build()
        XCTAssertEqual(report.errors, [])
        XCTAssertNotNil(output.text("info/novosti/prikaz-5/index.html"))
        XCTAssertNotNil(output.text("info/novosti/pervaya/index.html"))
    }

    func testTwoPagesOnOneURLAreAnErrorNamingBothFiles() {
        var portal = TestPortal.standard()
        portal["info/news/vtoraya.md"] = "---\ntitle: Вторая\nslug: pervaya\n---\n"
        let (report, output) = portal.build()
        XCTAssertEqual(report.errors.count, 1, "\(report.errors)")
        let error = report.errors[0]
        XCTAssertTrue(error.hasPrefix("content/demo/info/news/vtoraya.md:3:7: ошибка:"), error)
        XCTAssertTrue(error.contains("content/demo/info/news/pervaya.md"), error)
        XCTAssertTrue(output.files.isEmpty, "nothing is written when the content is broken")
    }

    func testRelativeMarkdownLinksBecomePageURLsAndMissingOnesAreErrors() throws {
        var portal = TestPortal.standard()
        portal["info/news/pervaya.md"] = "---\ntitle: Первая новость\ndate: 2023-05-12\n---\nНовость.\n\n## Итоги\n\nИтоги конкурса.\n"
        portal["metodicheskij/programma.md"] = """
            ---
            title: Программа
            ---
            См. [новость](../info/news/pervaya.md#itogi), [раздел](../info/news/) и [сайт](https://example.ru).

            А [эта](../info/news/net-takoj.md) страница пропала.
            """
        let (report, _) = portal.build()
        XCTAssertEqual(report.errors, [
            "content/demo/metodicheskij/programma.md:6:3: ошибка: ссылка на несуществующую страницу «../info/news/net-takoj.md» (ищем content/demo/info/news/net-takoj.md): проверьте имя файла и путь",
        ])
        portal["metodicheskij/programma.md"] = "---\ntitle: Программа\n---\nСм. [новость](../info/news/pervaya.md#itogi), [раздел](../info/news/).\n"
        let (fixed, output) = portal.build()
        XCTAssertEqual(fixed.errors, [])
        let html = try XCTUnwrap(output.text("metodicheskij/programma/index.html"))
        XCTAssertTrue(html.contains("<a href=\"/moc/info/news/pervaya/#itogi\">новость</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"/moc/info/news/\">раздел</a>"), html)
    }

    func testALinkThatLeavesThePortalIsAnError() {
        var portal = TestPortal.standard()
        portal["info/news/pervaya.md"] = "---\ntitle: П\n---\n[x](../../../../etc/passwd)\n"
        XCTAssertTrue(portal.build().report.errors.first?.contains("за пределы портала") ?? false)
    }

    func testImagesAndFilesNextToPagesAreCopiedAndLinkedUnderTheBasePath() throws {
        var portal = TestPortal.standard()
        portal["info/news/img/Фото 1.svg"] = "<svg/>"
        portal["info/news/pervaya.md"] = "---\ntitle: П\ndate: 2023-05-12\n---\n![Дети на конкурсе](img/Фото%201.svg)\n"
        let (report, output) = portal.build()
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(output.text("info/news/img/foto-1.svg"), "<svg/>")
        XCTAssertTrue(output.text("info/news/pervaya/index.html")!.contains("<img src=\"/moc/info/news/img/foto-1.svg\" alt=\"Дети на конкурсе\" />"))
    }

    func testDraftsAndFuturePagesAreLeftOutUnlessAskedFor() {
        var portal = TestPortal.standard()
        portal["info/news/chernovik.md"] = "---\ntitle: Черновик\ndraft: true\n---\n"
        portal["info/news/zavtra.md"] = "---\ntitle: Завтра\ndate: 2024-01-16\n---\n"
        let (_, normal) = portal.build()
        XCTAssertNil(normal.text("info/news/chernovik/index.html"))
        XCTAssertNil(normal.text("info/news/zavtra/index.html"))
        XCTAssertFalse(normal.text("sitemap.xml")!.contains("zavtra"))
        let (_, all) = portal.build(BuildOptions(drafts: true, future: true, now: TestPortal.buildDate))
        XCTAssertNotNil(all.text("info/news/chernovik/index.html"))
        XCTAssertNotNil(all.text("info/news/zavtra/index.html"))
    }

    func testTheFutureIsJudgedInThePortalsTimeZone() {
        var portal = TestPortal.standard()
        // 2024-01-15T12:00Z is 15:00 in Moscow: a 14:00 page is published, a 16:00 one is not yet.
        portal["info/news/a.md"] = "---\ntitle: А\ndate: 2024-01-15T14:00\n---\n"
        portal["info/news/b.md"] = "---\ntitle: Б\ndate: 2024-01-15T16:00\n---\n"
        let (_, output) = portal.build()
        XCTAssertNotNil(output.text("info/news/a/index.html"))
        XCTAssertNil(output.text("info/news/b/index.html"))
    }

    func testAliasesWriteRedirectsAndASelfAliasIsAnError() throws {
        var portal = TestPortal.standard()
        portal["info/news/pervaya.md"] = "---\ntitle: П\naliases: [/novosti/staraya/, /old.html]\n---\n"
        let (report, output) = portal.build()
        XCTAssertEqual(report.errors, [])
        let redirect = try XCTUnwrap(output.text("novosti/staraya/index.html"))
        XCTAssertTrue(redirect.contains("url=/moc/info/news/pervaya/"), redirect)
        XCTAssertNotNil(output.text("old.html"))
        portal["info/news/pervaya.md"] = "---\ntitle: П\naliases: [/info/news/pervaya/]\n---\n"
        XCTAssertTrue(portal.build().report.errors.first?.contains("совпадает с адресом самой страницы") ?? false)
        portal["info/news/pervaya.md"] = "---\ntitle: П\naliases: [../../etc]\n---\n"
        XCTAssertTrue(portal.build().report.errors.first?.contains("внутри портала") ?? false)
    }

    func testSectionListsArePaginatedNewestFirst() throws {
        var portal = TestPortal.standard()
        portal["portal.yaml"] = TestPortal.portalYAML + "\npaginate: 2\n"
        for day in 1...4 {
            portal["info/news/n\(day).md"] = "---\ntitle: Новость \(day)\ndate: 2023-05-0\(day)\nsummary: Кратко \(day)\n---\n"
        }
        let (report, output) = portal.build()
        XCTAssertEqual(report.errors, [])
        let first = try XCTUnwrap(output.text("info/news/index.html"))
        XCTAssertTrue(first.contains("1/3"))
        XCTAssertTrue(first.range(of: "Первая новость")!.lowerBound < first.range(of: "Новость 4")!.lowerBound, first)
        XCTAssertFalse(first.contains("Новость 3"))
        XCTAssertTrue(first.contains("<a rel=\"next\" href=\"/moc/info/news/page/2/\">"), first)
        let third = try XCTUnwrap(output.text("info/news/page/3/index.html"))
        XCTAssertTrue(third.contains("Новость 1</a> 1 мая 2023 г. — Кратко 1"), third)
    }

    func testLongListsLinkToTheEndsAndTheNeighboursOfTheCurrentPage() {
        XCTAssertEqual(PortalBuild.paginationWindow(number: 1, total: 3), [1, 2, 3])
        XCTAssertEqual(PortalBuild.paginationWindow(number: 1, total: 150), [1, 2, 3, nil, 150])
        XCTAssertEqual(PortalBuild.paginationWindow(number: 75, total: 150), [1, nil, 73, 74, 75, 76, 77, nil, 150])
        XCTAssertEqual(PortalBuild.paginationWindow(number: 5, total: 150), [1, 2, 3, 4, 5, 6, 7, nil, 150], "one missing number is shown, not «…»")
        XCTAssertEqual(PortalBuild.paginationWindow(number: 150, total: 150), [1, nil, 148, 149, 150])
    }

    func testTagPagesListTheirPages() throws {
        let (_, output) = TestPortal.standard().build()
        let tag = try XCTUnwrap(output.text("tags/navigator/index.html"))
        XCTAssertTrue(tag.contains("<a href=\"/moc/info/news/pervaya/\">Первая новость</a>"))
        XCTAssertTrue(output.text("tags/index.html")!.contains("Навигатор (1)"))
        XCTAssertTrue(output.text("info/news/pervaya/index.html")!.contains("ВКонтакте"))
    }

    func testTheHomePageShowsTheFourBlocksAndTheLatestPublications() throws {
        let (report, output) = TestPortal.standard().build()
        XCTAssertEqual(report.warnings, [])
        let home = try XCTUnwrap(output.text("index.html"))
        for block in ["methodical", "distance", "expert", "info"] {
            XCTAssertTrue(home.contains("class=\"block-\(block)\""), block)
        }
        XCTAssertTrue(home.contains("<ul class=\"latest\"><li><a href=\"/moc/info/news/pervaya/\">Первая новость</a></li></ul>"), home)
    }

    func testAMissingOrEmptyBlockIsAWarning() {
        var portal = TestPortal.standard()
        portal.files.removeValue(forKey: "content/demo/distantsionnyj/_index.md")
        portal.files.removeValue(forKey: "content/demo/distantsionnyj/kurs.md")
        portal["ekspert/monitoring.md"] = "---\ntitle: М\ndraft: true\n---\n"
        let warnings = portal.build().report.warnings
        XCTAssertTrue(warnings.contains { $0.contains("нет блока «Дистанционный блок»") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("блок «Экспертно-аналитический блок» пуст") }, "\(warnings)")
    }

    func testFeedsSitemapRobotsAnd404UseTheFullBaseURL() throws {
        let (_, output) = TestPortal.standard().build()
        let atom = try XCTUnwrap(output.text("atom.xml"))
        XCTAssertTrue(atom.contains("<id>https://cdt.example.ru/moc/info/news/pervaya/</id>"), atom)
        XCTAssertTrue(atom.contains("<updated>2023-05-12T00:00:00+03:00</updated>"), atom)
        XCTAssertFalse(atom.contains("Программа"), "only publications of the info block are in the feed")
        XCTAssertTrue(output.text("sitemap.xml")!.contains("<loc>https://cdt.example.ru/moc/metodicheskij/programma/</loc><lastmod>2023-03-01</lastmod>"))
        XCTAssertEqual(output.text("robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://cdt.example.ru/moc/sitemap.xml\n")
        XCTAssertNotNil(output.text("404.html"))
    }

    func testBrandTokensBecomeCSSVariablesAndThePortalOverridesThem() throws {
        var portal = TestPortal.standard()
        portal["portal.yaml"] = TestPortal.portalYAML + "\nbrand:\n  color_primary: \"#aa0000\"\n  color_primery: \"#000\"\n"
        let (report, output) = portal.build()
        XCTAssertEqual(output.text("css/brand.css"), ":root {\n  --color-primary: #aa0000;\n  --font-body: \"PT Sans\", \"Helvetica Neue\", \"Arial\", sans-serif;\n}\n")
        XCTAssertEqual(report.warnings.first, "content/demo/portal.yaml:9:18: предупреждение: неизвестный токен бренда «color_primery»: возможно, имелось в виду «color_primary»")
        portal["portal.yaml"] = TestPortal.portalYAML + "\nbrand:\n  color_primary: \"red; background: url(x)\"\n"
        XCTAssertTrue(portal.build().report.errors.first?.contains("#rrggbb") ?? false)
    }

    func testStaticFilesAndThemeFilesAreCopiedToThePortalRoot() {
        var portal = TestPortal.standard()
        portal["static/img/logo.svg"] = "<svg id=\"portal\"/>"
        let (_, output) = portal.build()
        XCTAssertEqual(output.text("img/logo.svg"), "<svg id=\"portal\"/>", "the portal's file replaces the theme's")
        XCTAssertEqual(output.text("css/theme.css"), "body{}")
    }

    func testEverythingFromContentIsEscaped() throws {
        var portal = TestPortal.standard()
        portal["info/news/pervaya.md"] = "---\ntitle: \"<script>alert(1)</script>\"\ndate: 2023-05-12\ntags: [\"\\\"><img src=x>\"]\n---\n"
        let (_, output) = portal.build()
        let html = try XCTUnwrap(output.text("info/news/pervaya/index.html"))
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(output.text("atom.xml")!.contains("<script>"))
    }

    func testTwoBuildsOfTheSameInputAreByteIdentical() {
        let portal = TestPortal.standard()
        XCTAssertEqual(portal.build().output.files, portal.build().output.files)
    }

    func testTheBaseURLOptionReplacesThePortalsOwn() throws {
        let (_, output) = TestPortal.standard().build(BuildOptions(baseURL: "http://localhost:8000/{portal}/", now: TestPortal.buildDate))
        XCTAssertTrue(output.text("index.html")!.contains("href=\"/demo/info/\""))
    }
}
