import XCTest
@testable import MocPress

/// `.mocpress-cache/`: a build with nothing changed is skipped, and every
/// kind of change gives exactly what a clean build gives.
final class BuildCacheTests: XCTestCase {
    var project: DiskProject!
    let now = ISO8601DateFormatter().date(from: "2024-01-15T09:00:00Z")!   // 12:00 in Moscow

    override func setUpWithError() throws {
        project = try DiskProject()
        try project.add(TestPortal.standard())
    }

    override func tearDown() { project.remove() }

    func build(at moment: Date? = nil, cache: Bool = true, output: String = "site") -> PortalBuildReport {
        let options = BuildOptions(projectRoot: project.root, now: moment ?? now, cache: cache)
        return SiteBuilder(options: options).buildToDisk(portal: "demo", outputRoot: project.root + "/" + output)
    }

    /// The cached build's output is byte for byte a clean build's.
    func assertSameAsCleanBuild(at moment: Date? = nil, file: StaticString = #filePath, line: UInt = #line) {
        let clean = "clean-\(UUID().uuidString)"
        XCTAssertTrue(build(at: moment, cache: false, output: clean).succeeded, file: file, line: line)
        project.assertSameTree("site/demo", as: "\(clean)/demo", file: file, line: line)
    }

    func testASecondBuildWithNothingChangedIsSkippedAndRepeatsItsWarnings() throws {
        try project.write("content/demo/info/news/bez-daty.md", "---\ntitle: Заметка\n---\n![](https://example.org/snimok.png)\n")
        let first = build()
        XCTAssertFalse(first.reused)
        XCTAssertTrue(first.succeeded, first.errors.joined())
        let before = project.snapshot("site/demo")

        let second = build(at: now.addingTimeInterval(3600))
        XCTAssertTrue(second.reused)
        XCTAssertEqual(second.diagnostics, first.diagnostics, "the warnings are repeated, not lost")
        XCTAssertEqual(second.pagesWritten, first.pagesWritten)
        XCTAssertEqual(project.snapshot("site/demo"), before)
        XCTAssertEqual(project.read(".mocpress-cache/.gitignore"), "*\n")

        XCTAssertFalse(build(at: now.addingTimeInterval(3600), cache: false).reused, "--no-cache builds anyway")
    }

    func testEveryKindOfChangeRebuildsToWhatACleanBuildGives() throws {
        XCTAssertFalse(build().reused)
        let changes: [(String, () throws -> Void)] = [
            ("page text", { try self.project.write("content/demo/info/news/pervaya.md", "---\ntitle: Первая новость (исправлено)\ndate: 2023-05-12\ntags: [Навигатор]\nmediaplan: [navigator]\n---\nДругой текст.\n") }),
            ("a page others link to", { try self.project.write("content/demo/ekspert/monitoring.md", "---\ntitle: Мониторинг 2023\nslug: itogi\n---\nИтоги.\n") }),
            ("a linking page", { try self.project.write("content/demo/metodicheskij/programma.md", "---\ntitle: Программа «Робототехника»\ndate: 2023-03-01\ndirection: техническая\n---\nСм. [итоги](../ekspert/monitoring.md).\n") }),
            ("a template", { try self.project.write("themes/moc/templates/footer.mustache", (self.project.read("themes/moc/templates/footer.mustache") ?? "") + "<!-- изменено -->\n") }),
            ("a brand token", { try self.project.write("content/demo/portal.yaml", TestPortal.portalYAML.replacingOccurrences(of: "theme: t", with: "theme: moc") + "\nbrand:\n  color_primary: \"#0b5394\"\n") }),
            ("the media plan", { try self.project.write("content/demo/mediaplan/2023.yaml", TestPortal.mediaPlan.replacingOccurrences(of: "Май 2023 г.", with: "Июнь 2023 г.")) }),
            ("a theme's static file", { try self.project.write("themes/moc/static/css/theme.css", (self.project.read("themes/moc/static/css/theme.css") ?? "") + "\n/* изменено */\n") }),
            ("a new page", { try self.project.write("content/demo/info/news/vtoraya.md", "---\ntitle: Вторая новость\ndate: 2023-06-01\n---\nТекст.\n") }),
            ("a removed page", { try FileManager.default.removeItem(atPath: self.project.root + "/content/demo/info/news/vtoraya.md") }),
        ]
        var reusedSomewhere = false
        for (name, change) in changes {
            try change()
            let report = build()
            XCTAssertTrue(report.succeeded, "\(name): \(report.errors)")
            XCTAssertFalse(report.reused, "\(name) must rebuild")
            // A colour or a stylesheet changes css/ only: every page may be linked.
            if !["a brand token", "a theme's static file"].contains(name) {
                XCTAssertLessThan(report.pagesReused, report.pagesWritten, "\(name): something is rendered anew")
            }
            if name == "page text" {
                XCTAssertGreaterThan(report.pagesReused, 0, "pages that do not show the changed one are linked, not rendered")
            }
            reusedSomewhere = reusedSomewhere || report.pagesReused > 0
            assertSameAsCleanBuild()
        }
        XCTAssertTrue(reusedSomewhere)
        XCTAssertTrue(project.read("site/demo/ekspert/itogi/index.html") != nil)
        XCTAssertTrue(project.read("site/demo/metodicheskij/programma/index.html")?.contains("/moc/ekspert/itogi/") ?? false,
                      "the link follows the renamed page")
    }

    func testTimeIsAnInputFutureDatedPagesAndMidnight() throws {
        // 2024-01-16 10:00 in Moscow: not yet published at `now`.
        try project.write("content/demo/info/news/zavtra.md", "---\ntitle: Завтрашняя новость\ndate: 2024-01-16T10:00\n---\nТекст.\n")
        XCTAssertFalse(build().reused)
        XCTAssertNil(project.read("site/demo/info/news/zavtra/index.html"))
        XCTAssertTrue(build(at: now.addingTimeInterval(5 * 3600)).reused, "17:00 the same day: nothing is due")
        let evening = now.addingTimeInterval(13 * 3600)   // 01:00 on the 16th in Moscow: a new day
        XCTAssertFalse(build(at: evening).reused, "after midnight events and the package year may change")
        XCTAssertNil(project.read("site/demo/info/news/zavtra/index.html"))
        let due = ISO8601DateFormatter().date(from: "2024-01-16T07:01:00Z")!   // 10:01 in Moscow
        XCTAssertFalse(build(at: due).reused, "the future page came due")
        XCTAssertNotNil(project.read("site/demo/info/news/zavtra/index.html"))
        assertSameAsCleanBuild(at: due)
    }

    func testAFailedBuildOrAReplacedOutputIsNeverTrusted() throws {
        XCTAssertFalse(build().reused)
        let good = project.snapshot("site/demo")
        let page = project.read("content/demo/info/news/pervaya.md")!
        try project.write("content/demo/info/news/pervaya.md", "---\ntitle: [\n---\n")
        XCTAssertFalse(build().succeeded)
        XCTAssertEqual(project.snapshot("site/demo"), good, "the previous site stays")
        try project.write("content/demo/info/news/pervaya.md", page)
        XCTAssertFalse(build().reused, "after a failed build the next one is full")
        XCTAssertTrue(build().reused)

        try FileManager.default.removeItem(atPath: project.root + "/site/demo")
        XCTAssertFalse(build().reused, "the output folder is gone")
        XCTAssertNotNil(project.read("site/demo/index.html"))
        XCTAssertFalse(build(output: "elsewhere").reused, "another output folder")
    }
}
