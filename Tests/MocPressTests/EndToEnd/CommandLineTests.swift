import XCTest
@testable import MocPress

final class CommandLineTests: XCTestCase {
    var project: DiskProject!

    override func setUpWithError() throws {
        project = try DiskProject()
        try project.add(TestPortal.standard())
    }

    override func tearDown() { project.remove() }

    func testABuildWritesTheSiteAndExitsZero() throws {
        let result = try project.run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Собрано: 1 портал, "), result.stdout)
        XCTAssertNotNil(project.read("site/demo/index.html"))
        XCTAssertNotNil(project.read("site/demo/info/news/pervaya/index.html"))
        XCTAssertEqual(result.stderr, "", "a clean portal prints no diagnostics")
    }

    func testBrokenContentExitsTwoWithARussianDiagnosticAndLeavesThePreviousSiteUntouched() throws {
        XCTAssertEqual(try project.run(["build"]).status, 0)
        let before = project.snapshot("site/demo")
        XCTAssertFalse(before.isEmpty)
        try project.write("content/demo/info/news/pervaya.md", "---\ntitle: Итоги: конкурс\n---\n")
        try project.write("content/demo/info/news/vtoraya.md", "---\ntitle: Вторая\n---\n[x](net.md)\n")
        let result = try project.run(["build"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("content/demo/info/news/pervaya.md:2:13: ошибка: лишнее двоеточие"), result.stderr)
        XCTAssertTrue(result.stderr.contains("content/demo/info/news/vtoraya.md:4:1: ошибка: ссылка на несуществующую страницу «net.md»"), result.stderr)
        XCTAssertEqual(project.snapshot("site/demo"), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root + "/site")
        XCTAssertEqual(leftovers, ["demo"], "no temporary folders are left behind")
    }

    func testUnknownPortalsAndOptionsAreUsageErrors() throws {
        let unknown = try project.run(["build", "nет"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("нет портала «nет»"), unknown.stderr)
        XCTAssertEqual(try project.run(["build", "--no-such-option"]).status, 64)
        XCTAssertEqual(try project.run(["frobnicate"]).status, 64)
    }

    func testOutputAndBaseURLOptions() throws {
        let result = try project.run(["build", "demo", "--output", "public", "--base-url", "http://127.0.0.1:8000/{portal}/"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let home = try XCTUnwrap(project.read("public/demo/index.html"))
        XCTAssertTrue(home.contains("href=\"/demo/info/\""))
        XCTAssertNil(project.read("site/demo/index.html"))
    }

    func testAMisspeltKeyIsAWarningButTheBuildSucceeds() throws {
        try project.write("content/demo/info/news/pervaya.md", "---\ntitle: Первая\ntittle: опечатка\n---\n")
        let result = try project.run(["build"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("content/demo/info/news/pervaya.md:3:1: предупреждение: неизвестный ключ «tittle» в front matter: возможно, имелось в виду «title»"), result.stderr)
    }
}

final class OutsideThePortalTests: XCTestCase {
    func testSymbolicLinksInContentOrStaticAreErrorsAndNothingIsPublished() throws {
        let project = try DiskProject()
        defer { project.remove() }
        try project.add(TestPortal.standard())
        try project.write("secret.txt", "секрет")
        try FileManager.default.createDirectory(atPath: project.root + "/content/demo/static", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.root + "/content/demo/static/leak.txt", withDestinationPath: project.root + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: project.root + "/content/demo/info/news/link.md", withDestinationPath: project.root + "/secret.txt")
        let result = try project.run(["build"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("content/demo/static/leak.txt:1:1: ошибка: символическая ссылка в static/ не допускается"), result.stderr)
        XCTAssertTrue(result.stderr.contains("content/demo/info/news/link.md:1:1: ошибка: символическая ссылка"), result.stderr)
        XCTAssertNil(project.read("site/demo/leak.txt"))
    }
}
