import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import MocPress

/// `mocpress serve` in the test process: a small portal with the real `moc`
/// theme, served on an ephemeral port of 127.0.0.1, asked over loopback.
final class DevServerTests: XCTestCase {
    var project: DiskProject!
    var server: DevServer!
    var client: LoopbackClient { LoopbackClient(port: server.port) }

    override func setUp() async throws {
        project = try DiskProject()
        try project.add(TestPortal.standard(), theme: "moc")
        server = DevServer(options: DevServer.Options(projectRoot: project.root, portal: "demo", port: 0))
        try await server.start()
        XCTAssertEqual(server.status, ServeStatus(build: 1, ok: true, diagnostics: []), "the first build of a clean portal")
    }

    override func tearDown() async throws {
        await server?.stop()
        project?.remove()
    }

    func testAPageOverLoopbackCarriesTheLiveScriptWhichTheBuiltFileDoesNot() async throws {
        XCTAssertTrue(server.portalURL.hasPrefix("http://127.0.0.1:"))
        XCTAssertTrue(server.portalURL.hasSuffix("/moc/"))
        XCTAssertNotEqual(server.port, 0)
        let (data, response) = try await URLSession.shared.data(from: URL(string: server.portalURL + "info/news/pervaya/")!)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        XCTAssertEqual(http.statusCode, 200)
        XCTAssertEqual(http.value(forHTTPHeaderField: "Content-Type"), "text/html; charset=utf-8")
        XCTAssertEqual(http.value(forHTTPHeaderField: "Cache-Control"), "no-store")
        let html = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(html.contains("Первая новость"))
        XCTAssertTrue(html.contains("<script src=\"/__mocpress/live.js\" data-build=\"1\"></script></body>"), html.suffix(300).description)
        XCTAssertTrue(html.contains("href=\"/moc/info/news/\""), "links keep the portal's base path")

        let onDisk = try XCTUnwrap(project.read(".mocpress-cache/serve/demo/info/news/pervaya/index.html"))
        XCTAssertFalse(onDisk.contains("__mocpress"), "the built file is what `mocpress build` writes")
        XCTAssertTrue(onDisk.contains("http://127.0.0.1:\(server.port)/moc/info/news/pervaya/"), "canonical URLs use the local address")

        let css = try client.request("/moc/css/theme.css")
        XCTAssertEqual(css.status, 200)
        XCTAssertEqual(css.headers["content-type"], "text/css; charset=utf-8")
        XCTAssertFalse(css.body.contains("__mocpress"))
        XCTAssertEqual(css.body, project.read(".mocpress-cache/serve/demo/css/theme.css"))

        let script = try client.request("/__mocpress/live.js")
        XCTAssertEqual(script.headers["content-type"], "text/javascript; charset=utf-8")
        XCTAssertTrue(script.body.contains("new EventSource(\"/__mocpress/events\")"))
        XCTAssertTrue(script.body.contains("Сборка не удалась — показана последняя удачная версия"))
        XCTAssertTrue(script.body.contains("\"role\", \"alert\""))

        let head = try client.request("/moc/", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, "")
        XCTAssertEqual(try client.request("/moc/", method: "POST").status, 405)
    }

    func testTheRootRedirectsToTheBasePathAndAMissingPageIsThePortals404() throws {
        let root = try client.request("/")
        XCTAssertEqual(root.status, 302)
        XCTAssertEqual(root.headers["location"], "/moc/")
        XCTAssertEqual(try client.request("/moc").headers["location"], "/moc/")
        let folder = try client.request("/moc/info/news")
        XCTAssertEqual(folder.status, 302)
        XCTAssertEqual(folder.headers["location"], "/moc/info/news/")

        let missing = try client.request("/moc/net-takoj-stranitsy/")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.headers["content-type"], "text/html; charset=utf-8")
        let page404 = try XCTUnwrap(project.read(".mocpress-cache/serve/demo/404.html"))
        XCTAssertEqual(missing.body, String(decoding: LiveReload.inject(into: Data(page404.utf8), build: 1), as: UTF8.self))
        XCTAssertEqual(try client.request("/drugoj-sajt/").status, 404)
        XCTAssertEqual(try client.request("/moc/info/news/pervaya/index.html/").status, 404)
    }

    func testNoRequestReadsAFileOutsideThePortalsOutput() throws {
        try project.write("secret.txt", "СЕКРЕТ проекта")
        try project.write(".mocpress-cache/serve/secret.txt", "СЕКРЕТ рядом с сайтом")
        let output = project.root + "/.mocpress-cache/serve/demo"
        try FileManager.default.createSymbolicLink(atPath: output + "/leak.txt", withDestinationPath: project.root + "/secret.txt")
        let attempts = [
            "/moc/../secret.txt", "/moc/../../../secret.txt", "/moc/../../../../../../etc/passwd",
            "/moc/%2e%2e/secret.txt", "/moc/%2e%2e/%2e%2e/%2e%2e/secret.txt", "/moc/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
            "/moc/..%2f..%2f..%2fsecret.txt", "/moc/%2e%2e%2f%2e%2e%2fsecret.txt", "/moc/..\\..\\..\\secret.txt",
            "/moc/%5c..%5c..%5csecret.txt", "/moc//etc/passwd", "//etc/passwd", "/etc/passwd", "/moc/leak.txt",
            "/moc/secret.txt%00.html", "/moc" + project.root + "/secret.txt", project.root + "/secret.txt",
        ]
        for target in attempts {
            let response = try client.request(target)
            XCTAssertTrue([400, 404].contains(response.status), "\(target) → \(response.status)")
            XCTAssertFalse(response.body.contains("СЕКРЕТ"), target)
            XCTAssertFalse(response.body.contains("root:"), target)
        }
    }

    func testOnlyLocalHostNamesAreAnsweredSoAnotherSiteCannotRebindItsNameHere() throws {
        XCTAssertEqual(try client.request("/moc/", host: "localhost:\(server.port)").status, 200)
        XCTAssertEqual(try client.request("/moc/", host: "127.0.0.1").status, 200)
        let foreign = try client.request("/moc/", host: "evil.example:\(server.port)")
        XCTAssertEqual(foreign.status, 403)
        XCTAssertFalse(foreign.body.contains("Первая новость"))
        XCTAssertEqual(try client.request("/__mocpress/status", host: "evil.example").status, 403)
    }

    func testEditingAMarkdownFileRebuildsThePortalAndTheStatusCountsTheBuild() throws {
        try project.write("content/demo/info/news/pervaya.md",
                          "---\ntitle: Первая новость\ndate: 2023-05-12\n---\nНовость после правки.\n")
        let status = try waitForStatus { $0.build >= 2 }
        XCTAssertTrue(status.ok)
        let page = try client.request("/moc/info/news/pervaya/")
        XCTAssertTrue(page.body.contains("Новость после правки."))
        XCTAssertTrue(page.body.contains("data-build=\"\(status.build)\""))
    }

    func testASaveThatChangesNothingDoesNotReloadTheTabs() throws {
        let text = try XCTUnwrap(project.read("content/demo/info/news/pervaya.md"))
        try project.write("content/demo/info/news/pervaya.md", text)
        let result = server.rebuild(changed: ["content/demo/info/news/pervaya.md"])
        XCTAssertTrue(result.succeeded)
        XCTAssertEqual(result.status.build, 1, "the same bytes: the build number, and so the open tabs, stay")
        XCTAssertEqual(server.status.build, 1)
    }

    func testBrokenFrontMatterIsReportedWithFileAndLineWhileTheLastGoodPageIsServed() throws {
        try project.write("content/demo/info/news/pervaya.md", "---\ntitle: Итоги: конкурс\n---\nСломанная правка.\n")
        let broken = try waitForStatus { !$0.ok }
        let diagnostic = try XCTUnwrap(broken.diagnostics.first { $0.severity == .error })
        XCTAssertEqual(diagnostic.description.prefix(50), "content/demo/info/news/pervaya.md:2:13: ошибка: ли")
        XCTAssertTrue(diagnostic.message.hasPrefix("лишнее двоеточие"), diagnostic.message)

        let json = try client.request("/__mocpress/status")
        XCTAssertEqual(json.headers["content-type"], "application/json; charset=utf-8")
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
        XCTAssertEqual(decoded["ok"] as? Bool, false)
        XCTAssertEqual(decoded["build"] as? Int, broken.build)
        let first = try XCTUnwrap((decoded["diagnostics"] as? [[String: Any]])?.first { $0["severity"] as? String == "error" })
        XCTAssertEqual(first["file"] as? String, "content/demo/info/news/pervaya.md")
        XCTAssertEqual(first["line"] as? Int, 2)
        XCTAssertEqual(first["column"] as? Int, 13)
        XCTAssertTrue((first["message"] as? String ?? "").hasPrefix("лишнее двоеточие"))

        let kept = try client.request("/moc/info/news/pervaya/")
        XCTAssertEqual(kept.status, 200)
        XCTAssertTrue(kept.body.contains("Новость о навигаторе."), "the last good page is still served")
        XCTAssertFalse(kept.body.contains("Сломанная правка."))

        try project.write("content/demo/info/news/pervaya.md", "---\ntitle: \"Итоги: конкурс\"\ndate: 2023-05-12\n---\nИсправлено.\n")
        let fixed = try waitForStatus { $0.ok && $0.build > broken.build }
        XCTAssertTrue(fixed.diagnostics.isEmpty)
        XCTAssertTrue(try client.request("/moc/info/news/pervaya/").body.contains("Исправлено."))
    }

    func testTheEventStreamTellsOpenTabsAboutEachBuild() throws {
        let events = try client.stream("/__mocpress/events")
        XCTAssertTrue(events.read(until: "\"build\": 1", timeout: 5), events.text)
        XCTAssertTrue(events.text.contains("Content-Type: text/event-stream"), events.text)
        XCTAssertTrue(events.text.contains("retry: 1000"))
        XCTAssertTrue(events.text.contains("data:   \"ok\": true"), events.text)

        try project.write("content/demo/info/news/pervaya.md", "---\ntitle: Итоги: конкурс\n---\n")
        XCTAssertTrue(events.read(until: "\"build\": 2", timeout: 10), events.text)
        XCTAssertTrue(events.read(until: "\"file\": \"content/demo/info/news/pervaya.md\"", timeout: 5), events.text)
        XCTAssertTrue(events.text.contains("\"ok\": false"))
    }

    func testATabThatWentAwayIsForgottenAtTheNextMessage() throws {
        var events: LoopbackClient.Stream? = try client.stream("/__mocpress/events")
        XCTAssertTrue(events?.read(until: "\"build\": 1", timeout: 5) == true)
        XCTAssertEqual(server.state.events.count, 1)
        events = nil
        // The kernel may take one more write after the tab closed; the next one fails and ends the stream.
        let deadline = Date().addingTimeInterval(5)
        while server.state.events.count > 0 && Date() < deadline {
            server.state.events.broadcast(EventHub.heartbeat)
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTAssertEqual(server.state.events.count, 0)
    }

    func testPagesInAFolderCreatedWhileServingAreBuiltToo() throws {
        try FileManager.default.createDirectory(atPath: project.root + "/content/demo/info/konkursy/2024", withIntermediateDirectories: true)
        try project.write("content/demo/info/konkursy/_index.md", "---\ntitle: Конкурсы\n---\n")
        try project.write("content/demo/info/konkursy/2024/itogi.md", "---\ntitle: Итоги конкурса 2024\n---\nПобедители.\n")
        _ = try waitForStatus { _ in
            (try? self.client.request("/moc/info/konkursy/2024/itogi/").status) == 200
        }
        // A file saved later inside the new folder is seen as well: the folder got its own watch.
        try project.write("content/demo/info/konkursy/2024/itogi.md", "---\ntitle: Итоги конкурса 2024\n---\nПризёры.\n")
        _ = try waitForStatus { _ in
            (try? self.client.request("/moc/info/konkursy/2024/itogi/").body.contains("Призёры.")) == true
        }
    }

    func testASecondServerOnABusyPortSaysSoInRussian() async throws {
        let second = DevServer(options: DevServer.Options(projectRoot: project.root, portal: "demo", port: server.port))
        do {
            try await second.start()
            XCTFail("the port is taken")
        } catch let error as DevServer.StartError {
            XCTAssertEqual("\(error)", "порт \(server.port) уже занят (может быть, mocpress serve уже запущен): укажите другой, например --port 0 — любой свободный")
        }
        await second.stop()
        XCTAssertEqual(try client.request("/moc/").status, 200, "the first server goes on")
    }

    /// Polls the status endpoint until `condition` holds; fails after `timeout`.
    @discardableResult
    func waitForStatus(timeout: TimeInterval = 15, _ condition: @escaping (ServeStatus) -> Bool) throws -> ServeStatus {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let response = try client.request("/__mocpress/status")
            if let status = Self.decode(response.body), condition(status) { return status }
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTFail("the status did not change in \(timeout) s: \(try client.request("/__mocpress/status").body)")
        throw CancellationError()
    }

    static func decode(_ body: String) -> ServeStatus? {
        guard let json = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
              let build = json["build"] as? Int, let ok = json["ok"] as? Bool,
              let items = json["diagnostics"] as? [[String: Any]] else { return nil }
        let diagnostics = items.map { item in
            Diagnostic(file: item["file"] as? String ?? "", line: item["line"] as? Int ?? 0, column: item["column"] as? Int ?? 0,
                       severity: item["severity"] as? String == "warning" ? .warning : .error, message: item["message"] as? String ?? "")
        }
        return ServeStatus(build: build, ok: ok, diagnostics: diagnostics)
    }
}

final class WatcherTests: XCTestCase {
    func testABurstOfSavesIsReportedOnceWithEveryFileAndEditorSwapFilesAreIgnored() throws {
        let root = NSTemporaryDirectory() + "mocpress-watch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/a", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let batches = Batches()
        let watcher = Watcher(roots: [root], debounce: 0.1) { batches.append($0) }
        try watcher.start()
        defer { watcher.stop() }
        for name in ["a/1.md", "a/2.md", "3.md", ".3.md.swp", "3.md~"] {
            try "текст".write(toFile: root + "/" + name, atomically: false, encoding: .utf8)
        }
        let deadline = Date().addingTimeInterval(5)
        while batches.all.isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        // Twice the debounce: a burst split in two would have shown its second half by now.
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(batches.all.count, 1, "\(batches.all)")
        XCTAssertEqual(Set(batches.all.first ?? []), [root + "/a/1.md", root + "/a/2.md", root + "/3.md"])
    }
}

private final class Batches: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[String]] = []
    func append(_ batch: [String]) { lock.withLock { batches.append(batch) } }
    var all: [[String]] { lock.withLock { batches } }
}
