import XCTest
@testable import MocPress

/// `serve` rewrites an edited page alone when nothing else can show the
/// edit, and every result is byte for byte what a clean build gives.
final class PageUpdateTests: XCTestCase {
    var project: DiskProject!
    let now = ISO8601DateFormatter().date(from: "2024-01-15T09:00:00Z")!
    let news = "content/demo/info/news/vtoraya.md"
    let newsHead = "---\ntitle: Вторая новость\ndate: 2023-06-01\ntags: [Навигатор]\n---\n"

    override func setUpWithError() throws {
        project = try DiskProject()
        var portal = TestPortal.standard()
        portal["info/news/vtoraya.md"] = newsHead + "Первый абзац — он же анонс.\n\n## Подробности\n\nВторой абзац.\n"
        portal["ekspert/monitoring.md"] = "---\ntitle: Мониторинг 2023\n---\nИтоги: [подробности](../info/news/vtoraya.md#подробности).\n"
        try project.add(portal)
    }

    override func tearDown() { project.remove() }

    var options: BuildOptions { BuildOptions(projectRoot: project.root, now: now) }

    /// The first build of `serve`: never skipped, kept in memory.
    func start() throws -> LivePortal {
        let (report, live) = SiteBuilder(options: options).buildToDisk(portal: "demo", outputRoot: project.root + "/served",
                                                                      skipUnchanged: false, keepLive: true)
        XCTAssertTrue(report.succeeded, "\(report.errors)")
        return try XCTUnwrap(live)
    }

    func update(_ live: LivePortal, _ paths: String...) -> LivePortal.Outcome {
        live.update(changed: Set(paths), now: now)
    }

    /// The served folder and the kept diagnostics are those of a clean build.
    func assertSameAsCleanBuild(_ live: LivePortal, file: StaticString = #filePath, line: UInt = #line) {
        let clean = "clean-\(UUID().uuidString)"
        var options = self.options
        options.cache = false
        let report = SiteBuilder(options: options).buildToDisk(portal: "demo", outputRoot: project.root + "/" + clean)
        XCTAssertEqual(live.diagnostics.map(\.description), report.diagnostics.map(\.description), file: file, line: line)
        project.assertSameTree("served/demo", as: "\(clean)/demo", file: file, line: line)
    }

    func testAnEditOfTheTextBelowTheAnnouncementRewritesThatPageAlone() throws {
        let live = try start()
        let before = project.snapshot("served/demo")
        try project.write(news, newsHead + "Первый абзац — он же анонс.\n\n## Подробности\n\nВторой абзац, дополненный.\n")
        guard case .updated(let pages, _) = update(live, news) else { return XCTFail("expected an update in place") }
        XCTAssertEqual(pages, 1)
        let after = project.snapshot("served/demo")
        XCTAssertEqual(Set(after.keys).subtracting(before.keys), [])
        XCTAssertEqual(after.keys.filter { after[$0] != before[$0] }, ["info/news/vtoraya/index.html"])
        XCTAssertTrue(String(decoding: after["info/news/vtoraya/index.html"]!, as: UTF8.self).contains("Второй абзац, дополненный."))
        assertSameAsCleanBuild(live)
    }

    func testWhatOtherPagesShowIsABuild() throws {
        let live = try start()
        let edits = [
            ("the announcement cards quote", newsHead + "Другой первый абзац.\n\n## Подробности\n\nВторой абзац.\n"),
            ("a heading others link to", newsHead + "Первый абзац — он же анонс.\n\n## Детали\n\nВторой абзац.\n"),
            ("the title", newsHead.replacingOccurrences(of: "Вторая новость", with: "Новость") + "Первый абзац — он же анонс.\n\n## Подробности\n\nВторой абзац.\n"),
        ]
        for (what, text) in edits {
            try project.write(news, text)
            guard case .needsBuild = update(live, news) else { return XCTFail("\(what): expected a build") }
        }
        for path in ["content/demo/portal.yaml", "content/demo/info/news/_index.md", "content/demo/info/news/novaya.md",
                     "content/demo/mediaplan/2023.yaml", "themes/moc/templates/page.mustache"] {
            guard case .needsBuild = update(live, path) else { return XCTFail("\(path): expected a build") }
        }
        // After the day of the build, dates in every list may read differently.
        guard case .needsBuild = live.update(changed: [news], now: now.addingTimeInterval(86_400)) else { return XCTFail("next day") }
    }

    func testTheSameBytesOrAnEditorsSwapFileChangeNothing() throws {
        let live = try start()
        try project.write(news, project.read(news)!)
        try project.write("content/demo/info/news/.vtoraya.md.swp", "мусор редактора")
        guard case .unchanged = update(live, news, "content/demo/info/news/.vtoraya.md.swp") else { return XCTFail("expected nothing to do") }
    }

    func testABrokenLinkIsAnErrorUntilFixedAndTheServedPageStaysTheLastGoodOne() throws {
        let live = try start()
        let served = project.snapshot("served/demo")
        try project.write(news, newsHead + "Первый абзац — он же анонс.\n\n## Подробности\n\nСм. [план](../../net.md).\n")
        guard case .failed(let diagnostics) = update(live, news) else { return XCTFail("expected an error") }
        let error = try XCTUnwrap(diagnostics.first { $0.severity == .error })
        XCTAssertEqual(error.file, news)
        XCTAssertEqual(error.line, 10)
        XCTAssertEqual(project.snapshot("served/demo"), served, "nothing is written")

        // Another page's edit does not make the error go quiet.
        let other = "content/demo/ekspert/monitoring.md"
        try project.write(other, project.read(other)! + "\nЕщё строка.\n")
        guard case .failed(let still) = update(live, other) else { return XCTFail("the error must stay") }
        XCTAssertTrue(still.contains { $0.severity == .error && $0.file == news })

        try project.write(news, newsHead + "Первый абзац — он же анонс.\n\n## Подробности\n\nСм. [мониторинг](../../ekspert/monitoring.md).\n")
        guard case .updated(let pages, let fixed) = update(live, news) else { return XCTFail("expected the fix to be taken") }
        XCTAssertEqual(pages, 2, "the fixed page and the one edited meanwhile")
        XCTAssertFalse(fixed.contains { $0.severity == .error })
        assertSameAsCleanBuild(live)
    }

    func testAPlaceholderInTheTextIsWarnedAboutAsABuildWould() throws {
        let live = try start()
        try project.write(news, newsHead + "Первый абзац — он же анонс.\n\n## Подробности\n\n[ЗАПОЛНИТЕ: итоги]\n")
        guard case .updated(_, let diagnostics) = update(live, news) else { return XCTFail("expected an update in place") }
        XCTAssertTrue(diagnostics.contains { $0.file == news && $0.line == 10 && $0.message.contains("незаполненные места: 1") })
        assertSameAsCleanBuild(live)
        try project.write(news, newsHead + "Первый абзац — он же анонс.\n\n## Подробности\n\nИтоги подведены.\n")
        guard case .updated(_, let cleared) = update(live, news) else { return XCTFail("expected an update in place") }
        XCTAssertFalse(cleared.contains { $0.message.contains("незаполненные") })
        assertSameAsCleanBuild(live)
    }

    func testTheBuildCacheIsNotFooledByPagesRewrittenInPlace() throws {
        let live = try start()
        let original = project.read(news)!
        try project.write(news, newsHead + "Первый абзац — он же анонс.\n\n## Подробности\n\nПравка в serve.\n")
        guard case .updated = update(live, news) else { return XCTFail("expected an update in place") }
        // Back to the bytes the recorded build was made from: the folder holds the edit, so no skip.
        try project.write(news, original)
        let report = SiteBuilder(options: options).buildToDisk(portal: "demo", outputRoot: project.root + "/served")
        XCTAssertFalse(report.reused)
        XCTAssertGreaterThan(report.pagesReused, 0, "pages whose keys were kept right are still linked")
        assertSameAsCleanBuild(live)
    }
}
