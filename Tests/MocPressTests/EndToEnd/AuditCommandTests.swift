import XCTest
@testable import MocPress

/// `mocpress audit` and `--shard` through the real binary.
final class AuditCommandTests: XCTestCase {
    var project: DiskProject!

    override func setUpWithError() throws {
        project = try DiskProject()
        for id in ["alpha", "beta", "gamma"] { try project.add(TestPortal.standard(id: id)) }
    }

    override func tearDown() { project.remove() }

    func testAuditWritesTheDashboardAndReportsOfEveryPortal() throws {
        let result = try project.run(["audit", "--output", "audit", "--as-of", "2023-06-10"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Аудит: 3 портала за "), result.stdout)
        for file in ["audit/index.html", "audit/audit.json", "audit/audit.csv", "audit/portals/beta.html", "audit/portals/beta-2023-H1.csv"] {
            XCTAssertNotNil(project.read(file), file)
        }
        XCTAssertEqual(try project.run(["audit"]).status, 64, "--output is required")
        XCTAssertEqual(try project.run(["audit", "--output", "x", "--as-of", "15.07.2023"]).status, 64)
    }

    func testAuditReplacesItsPreviousReportWholeAndNeverAnotherFolder() throws {
        XCTAssertEqual(try project.run(["audit", "--output", "audit", "--as-of", "2023-06-10"]).status, 0)
        try project.write("audit/portals/retired.html", "портал, которого больше нет")
        XCTAssertEqual(try project.run(["audit", "--output", "audit", "--as-of", "2023-06-10"]).status, 0)
        XCTAssertNil(project.read("audit/portals/retired.html"), "a stale page of the previous audit is gone")
        XCTAssertNotNil(project.read("audit/portals/alpha.html"))

        try project.write("notes/plan.txt", "чужой файл")
        let refused = try project.run(["audit", "--output", "notes", "--as-of", "2023-06-10"])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("не похожа на прежний отчёт аудита"), refused.stderr)
        XCTAssertEqual(project.read("notes/plan.txt"), "чужой файл")
    }

    func testAuditOfSeveralContentFoldersAndOfAShard() throws {
        let other = try DiskProject()
        defer { other.remove() }
        try other.add(TestPortal.standard(id: "delta"))
        let result = try project.run(["audit", "--output", "audit", "--as-of", "2023-06-10", "--content", "content", other.root + "/content"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Аудит: 4 портала"), result.stdout)
        XCTAssertNotNil(project.read("audit/portals/delta.html"))

        let shard = try project.run(["audit", "--output", "shard", "--as-of", "2023-06-10", "--shard", "2/2"])
        XCTAssertTrue(shard.stdout.hasPrefix("Аудит: 1 портал"), shard.stdout)
        XCTAssertNotNil(project.read("shard/portals/beta.html"))
        XCTAssertNil(project.read("shard/portals/alpha.html"))
    }

    func testBuildAndCheckShardsCoverEveryPortalOnce() throws {
        var seen: [String] = []
        for index in 1...2 {
            let result = try project.run(["check", "--shard", "\(index)/2", "--as-of", "2023-06-10", "--format", "json"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            seen += ((json?["portals"] as? [[String: Any]]) ?? []).compactMap { $0["portal"] as? String }
        }
        XCTAssertEqual(seen.sorted(), ["alpha", "beta", "gamma"])
        XCTAssertEqual(try project.run(["build", "--shard", "2/2"]).status, 0)
        XCTAssertNotNil(project.read("site/beta/index.html"))
        XCTAssertNil(project.read("site/alpha/index.html"))
        let wrong = try project.run(["build", "--shard", "3/2"])
        XCTAssertEqual(wrong.status, 64)
        XCTAssertTrue(wrong.stderr.contains("--shard ожидает I/N"), wrong.stderr)
    }
}
