import XCTest
@testable import MocPress

final class SitePathTests: XCTestCase {
    func testTheRootAndTheBasePathWithoutItsSlashRedirectToTheBasePath() {
        XCTAssertEqual(SitePath.resolve(rawPath: "/", basePath: "/moc/"), .redirect("/moc/"))
        XCTAssertEqual(SitePath.resolve(rawPath: "/moc", basePath: "/moc/"), .redirect("/moc/"))
        XCTAssertEqual(SitePath.resolve(rawPath: "/moc/", basePath: "/moc/"), .site([], trailingSlash: true))
        XCTAssertEqual(SitePath.resolve(rawPath: "/", basePath: "/"), .site([], trailingSlash: true))
    }

    func testPathsUnderTheBasePathAreDecodedSegments() {
        XCTAssertEqual(SitePath.resolve(rawPath: "/moc/info/news/", basePath: "/moc/"), .site(["info", "news"], trailingSlash: true))
        XCTAssertEqual(SitePath.resolve(rawPath: "/moc/css/theme.css", basePath: "/moc/"), .site(["css", "theme.css"], trailingSlash: false))
        XCTAssertEqual(SitePath.resolve(rawPath: "/moc/files/%D0%BF%D1%80%D0%B8%D0%BA%D0%B0%D0%B7%201.pdf", basePath: "/moc/"),
                       .site(["files", "приказ 1.pdf"], trailingSlash: false))
        XCTAssertEqual(SitePath.resolve(rawPath: "/a/b/c/", basePath: "/a/b/"), .site(["c"], trailingSlash: true))
    }

    func testPathsOutsideTheBasePathAreNotFound() {
        XCTAssertEqual(SitePath.resolve(rawPath: "/other/", basePath: "/moc/"), .outside)
        XCTAssertEqual(SitePath.resolve(rawPath: "/mocx/", basePath: "/moc/"), .outside)
        XCTAssertEqual(SitePath.resolve(rawPath: "/moc//etc/passwd", basePath: "/moc/"), .outside)
        XCTAssertEqual(SitePath.resolve(rawPath: "//etc/passwd", basePath: "/"), .outside)
    }

    func testEveryWayOfClimbingOutIsRefused() {
        for raw in ["/moc/../secret.txt", "/moc/./index.html", "/moc/%2e%2e/secret.txt", "/moc/%2E%2E/%2E%2E/etc/passwd",
                    "/moc/.%2e/secret.txt", "/moc/..%2f..%2fsecret.txt", "/moc/%2e%2e%2f%2e%2e%2fsecret.txt",
                    "/moc/..\\..\\secret.txt", "/moc/%5c..%5csecret.txt", "/moc/a%00.html", "/moc/%zz",
                    "moc/index.html", "http://127.0.0.1/etc/passwd", "/.."] {
            XCTAssertEqual(SitePath.resolve(rawPath: raw, basePath: "/moc/"), .refused, raw)
        }
    }

    func testContentTypesOfThePortalsFiles() {
        XCTAssertEqual(ContentType.of("a/index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(ContentType.of("css/theme.css"), "text/css; charset=utf-8")
        XCTAssertEqual(ContentType.of("js/a11y.js"), "text/javascript; charset=utf-8")
        XCTAssertEqual(ContentType.of("logo.svg"), "image/svg+xml")
        XCTAssertEqual(ContentType.of("foto.PNG"), "image/png")
        XCTAssertEqual(ContentType.of("foto.jpg"), "image/jpeg")
        XCTAssertEqual(ContentType.of("files/prikaz.pdf"), "application/pdf")
        XCTAssertEqual(ContentType.of("sitemap.xml"), "application/xml; charset=utf-8")
        XCTAssertEqual(ContentType.of("calendar.ics"), "text/calendar; charset=utf-8")
        XCTAssertEqual(ContentType.of("paket-dokumentov.zip"), "application/zip")
        XCTAssertEqual(ContentType.of("data.json"), "application/json; charset=utf-8")
        XCTAssertEqual(ContentType.of("mediaplan/2023.yaml"), "application/yaml")
        XCTAssertEqual(ContentType.of("fonts/PTSans-Regular.woff2"), "font/woff2")
        XCTAssertEqual(ContentType.of("v.1/README"), "application/octet-stream")
    }
}

final class LiveReloadTests: XCTestCase {
    func testTheScriptGoesBeforeTheLastClosingBodyTagInAnyCase() {
        let page = Data("<html><body><p>&lt;/body&gt;</p></BODY>\n</html>".utf8)
        let out = String(decoding: LiveReload.inject(into: page, build: 7), as: UTF8.self)
        XCTAssertEqual(out, "<html><body><p>&lt;/body&gt;</p><script src=\"/__mocpress/live.js\" data-build=\"7\"></script></BODY>\n</html>")
    }

    func testAPageWithoutABodyGetsTheScriptAtTheEnd() {
        let page = Data("<!doctype html><meta http-equiv=\"refresh\" content=\"0; url=/moc/\">".utf8)
        let out = String(decoding: LiveReload.inject(into: page, build: 1), as: UTF8.self)
        XCTAssertTrue(out.hasSuffix("url=/moc/\"><script src=\"/__mocpress/live.js\" data-build=\"1\"></script>"), out)
    }

    func testTheStatusJSONHasTheBuildAndEachDiagnosticWithFileAndLine() {
        let status = ServeStatus(build: 3, ok: false, diagnostics: [
            Diagnostic(file: "content/demo/a.md", line: 2, column: 13, message: "лишнее двоеточие"),
        ])
        let json = try? JSONSerialization.jsonObject(with: Data(status.json.text.utf8)) as? [String: Any]
        XCTAssertEqual(json?["build"] as? Int, 3)
        XCTAssertEqual(json?["ok"] as? Bool, false)
        let first = (json?["diagnostics"] as? [[String: Any]])?.first
        XCTAssertEqual(first?["file"] as? String, "content/demo/a.md")
        XCTAssertEqual(first?["line"] as? Int, 2)
        XCTAssertEqual(first?["column"] as? Int, 13)
        XCTAssertEqual(first?["severity"] as? String, "error")
        XCTAssertEqual(first?["message"] as? String, "лишнее двоеточие")
    }

    func testTheRebuildLineIsRussianWithADecimalComma() {
        let ok = RebuildResult(status: ServeStatus(build: 2, ok: true, diagnostics: []), changed: ["content/demo/a.md"], pagesWritten: 5, seconds: 0.123)
        XCTAssertEqual(ok.summary, "Пересобрано за 0,12 с")
        let failed = RebuildResult(status: ServeStatus(build: 3, ok: false, diagnostics: [Diagnostic(file: "a.md", message: "x")]),
                                   changed: ["a.md"], pagesWritten: 0, seconds: 0.05)
        XCTAssertEqual(failed.summary, "Сборка не удалась (1 ошибка) за 0,05 с — в браузере показана последняя удачная версия")
    }
}
