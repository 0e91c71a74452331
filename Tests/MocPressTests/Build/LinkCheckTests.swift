import XCTest
@testable import MocPress

/// After every build each internal link, anchor, image and file of the output
/// resolves; a broken one is an error where it was written.
final class LinkCheckTests: XCTestCase {
    func portal(_ body: String) -> TestPortal {
        var portal = TestPortal.standard()
        portal["info/news/pervaya.md"] = "---\ntitle: Первая новость\ndate: 2023-05-12\n---\nНовость.\n\n## Итоги конкурса\n\nИтоги.\n"
        portal["ekspert/monitoring.md"] = "---\ntitle: Мониторинг 2023\n---\n" + body
        return portal
    }

    func testHandWrittenSitePathsImagesAndAnchorsAreCheckedAtTheirLine() {
        let (report, _) = portal("""
            Итоги [здесь](/moc/info/netu/).

            ![Схема](/moc/img/net.png)

            См. [итоги](../info/news/pervaya.md#net-takogo-razdela).
            """).build()
        XCTAssertEqual(report.errors, [
            "content/demo/ekspert/monitoring.md:4:7: ошибка: ссылка «/moc/info/netu/» никуда не ведёт: на портале нет такой страницы или файла (info/netu/index.html) — проверьте адрес",
            "content/demo/ekspert/monitoring.md:6:1: ошибка: ссылка «/moc/img/net.png» никуда не ведёт: на портале нет такой страницы или файла (img/net.png) — проверьте адрес",
            "content/demo/ekspert/monitoring.md:8:5: ошибка: ссылка «/moc/info/news/pervaya/#net-takogo-razdela» ведёт на якорь #net-takogo-razdela, которого нет на странице info/news/pervaya/index.html: проверьте заголовок, на который она указывает",
        ])
    }

    func testAnAnchorWrittenAsTheHeadingReadsGoesToItsIDAndOtherSitesAreNotOurs() throws {
        let (report, output) = portal("""
            См. [итоги](../info/news/pervaya.md#Итоги-конкурса), [главная ЦДТ](/), [сайт](https://example.ru/x/), [почта](mailto:moc@example.ru), [вверх](#top).
            """).build()
        XCTAssertEqual(report.errors, [])
        XCTAssertTrue(try XCTUnwrap(output.text("ekspert/monitoring/index.html")).contains("href=\"/moc/info/news/pervaya/#itogi-konkursa\""))
    }

    func testABrokenLinkInATemplateNamesTheTemplate() {
        var broken = portal("Итоги.\n")
        broken.files["themes/t/templates/page.mustache"] = "{{<base}}{{$main}}<h1>{{page.title}}</h1><a href=\"/moc/kontakty/\">Контакты</a>{{/main}}{{/base}}"
        broken.files["themes/t/templates/tags.mustache"] = "{{<base}}{{$main}}<a href=\"../nigde/\">Никуда</a>{{/main}}{{/base}}"
        let (report, _) = broken.build()
        XCTAssertTrue(report.errors.contains("content/demo/ekspert/monitoring.md:1:1: ошибка: ссылка «/moc/kontakty/» никуда не ведёт: на портале нет такой страницы или файла (kontakty/index.html) — проверьте адрес (её выводит шаблон themes/t/templates/page.mustache)"), "\(report.errors)")
        XCTAssertTrue(report.errors.contains("themes/t/templates/tags.mustache:1:1: ошибка: ссылка «../nigde/» никуда не ведёт: на портале нет такой страницы или файла (nigde/index.html) — проверьте адрес (на странице tags/index.html)"), "\(report.errors)")
        XCTAssertFalse(report.succeeded)
    }

    /// Rendered pages are scanned as they are written; HTML the build only
    /// copied is read back, so its links and anchors count all the same.
    func testCopiedHTMLIsReadBackForItsLinksAndAnchors() {
        var copied = portal("См. [шаг 2](/moc/pamyatka.html#shag-2) и [шаг 3](/moc/pamyatka.html#shag-3).\n")
        copied["static/pamyatka.html"] = "<h2 id=\"shag-2\">Шаг 2</h2><a href=\"/moc/netu/\">Нету</a>"
        let (report, _) = copied.build()
        XCTAssertEqual(report.errors, [
            "content/demo/ekspert/monitoring.md:4:42: ошибка: ссылка «/moc/pamyatka.html#shag-3» ведёт на якорь #shag-3, которого нет на странице pamyatka.html: проверьте заголовок, на который она указывает",
            "content/demo/static/pamyatka.html:1:1: ошибка: ссылка «/moc/netu/» никуда не ведёт: на портале нет такой страницы или файла (netu/index.html) — проверьте адрес",
        ])
    }

    func testLinksAndAnchorsAreReadFromEveryAttributeAndEntity() {
        let html = Array("""
            <a href="/moc/a/?x=1&amp;y=2#frag">a</a><img src='/moc/b.png' srcset="/moc/c.png 1x, /moc/d.png 2x">
            <video poster="e.jpg"></video><h2 id="razdel">Р</h2><a name="old"></a><meta name="viewport" content="x">
            <p>data-href="/not/a/link" и текст href="/ne/atribut"</p>
            """.utf8)
        let scanned = LinkIndex.scan(html)
        XCTAssertEqual(scanned.links, ["/moc/a/?x=1&y=2#frag", "/moc/b.png", "/moc/c.png", "/moc/d.png", "e.jpg"])
        XCTAssertEqual(Set(scanned.ids), ["razdel", "old", "viewport"])
    }

    func testTargetsResolveLikeAWebServer() {
        let base = "/moc/"
        XCTAssertEqual(LinkIndex.target(of: "/moc/info/", from: "index.html", basePath: base)?.path, "info/index.html")
        XCTAssertEqual(LinkIndex.target(of: "../b/c.png", from: "a/x/index.html", basePath: base)?.path, "a/b/c.png")
        XCTAssertEqual(LinkIndex.target(of: "#razdel", from: "a/index.html", basePath: base)?.fragment, "razdel")
        XCTAssertEqual(LinkIndex.target(of: "/moc/%D0%B0.pdf", from: "index.html", basePath: base)?.path, "а.pdf")
        XCTAssertNil(LinkIndex.target(of: "/", from: "index.html", basePath: base), "the host's root is another site")
        XCTAssertNil(LinkIndex.target(of: "tel:+74950000000", from: "index.html", basePath: base))
        XCTAssertEqual(LinkIndex.target(of: "../../../etc/passwd", from: "a/index.html", basePath: base)?.path, "..")
    }

    /// Hand-written paths that go nowhere are refused, hostile ones too (the
    /// hostile portal's inert-output tests keep such vectors in query strings).
    func testHostilePathsThatGoNowhereAreRefusedAsOneLineErrors() {
        let (report, output) = portal("""
            [путь от корня](/info/"><script>alert(1)</script>/) [сущности](&#0000106&#0000097vascript:alert(1))
            """).build()
        XCTAssertEqual(report.errors.count, 2, "\(report.errors)")
        XCTAssertTrue(report.errors.allSatisfy { !$0.contains("\n") && $0.hasPrefix("content/demo/ekspert/monitoring.md:4:") }, "\(report.errors)")
        XCTAssertFalse(report.succeeded)
        _ = output
    }
}
