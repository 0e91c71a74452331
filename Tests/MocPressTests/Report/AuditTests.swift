import XCTest
@testable import MocPress

final class ShardTests: XCTestCase {
    func testShardsCoverEveryPortalExactlyOnce() {
        let ids = (1...23).map { String(format: "portal-%02d", $0) }.shuffled()
        for count in 1...7 {
            let parts = (1...count).map { Shard("\($0)/\(count)")!.select(ids) }
            XCTAssertEqual(parts.flatMap { $0 }.sorted(), ids.sorted(), "N=\(count): no gap")
            XCTAssertEqual(Set(parts.flatMap { $0 }).count, ids.count, "N=\(count): no overlap")
        }
        // Portal number k (from 0, by id) belongs to shard (k mod N) + 1.
        XCTAssertEqual(Shard("2/3")!.select(["c", "a", "e", "b", "d"]), ["b", "e"])
    }

    func testOnlyIOfNWithOneToNIsAShard() {
        XCTAssertNil(Shard("0/3"))
        XCTAssertNil(Shard("4/3"))
        XCTAssertNil(Shard("1/0"))
        XCTAssertNil(Shard("2"))
        XCTAssertNil(Shard("a/b"))
        XCTAssertEqual(Shard("3/3"), Shard("3/3"))
    }
}

final class AuditTests: XCTestCase {
    func audit(_ portals: [TestPortal]) -> Audit {
        var files: [String: String] = [:]
        for portal in portals { files.merge(portal.files) { a, _ in a } }
        let fileSystem = MemoryFileSystem(files.merging(TestPortal.theme) { a, _ in a })
        let checker = Checker(options: BuildOptions(now: TestPortal.buildDate), asOf: LocalDate(year: 2023, month: 7, day: 15), fileSystem: fileSystem)
        return Audit(checks: checker.check(portals: portals.map(\.id)), asOf: LocalDate(year: 2023, month: 7, day: 15)!)
    }

    func portals() -> [TestPortal] {
        let good = TestPortal.standard(id: "alpha")
        var late = TestPortal.standard(id: "beta")
        late["info/news/pervaya.md"] = "---\ntitle: Первая новость\ndate: 2023-06-20\n---\nНовость без пунктов медиаплана.\n"
        var broken = TestPortal.standard(id: "gamma")
        broken["info/news/pervaya.md"] = "---\ntitle: Новость\ndate: 12.05.2023\n---\n"
        return [late, good, broken]
    }

    func testTheDashboardHasARowPerPortalWorstFirstAndLinksToTheirPages() throws {
        let files = Dictionary(uniqueKeysWithValues: audit(portals()).files().map { ($0.path, $0.text) })
        let index = try XCTUnwrap(files["index.html"])
        XCTAssertTrue(index.contains("<html lang=\"ru\">"))
        XCTAssertTrue(index.contains("<svg"), "the chart is drawn")
        let beta = try XCTUnwrap(index.range(of: "portals/beta.html")).lowerBound
        let alpha = try XCTUnwrap(index.range(of: "portals/alpha.html")).lowerBound
        XCTAssertLessThan(beta, alpha, "the overdue portal comes first")
        XCTAssertTrue(index.contains("ошибки в содержимом: 1 — портал не проверен"))
        XCTAssertFalse(index.contains("src=\"http"), "nothing from another host")
        XCTAssertNotNil(files["portals/alpha.html"])
        XCTAssertTrue(files["portals/gamma.html"]?.contains("content/gamma/info/news/pervaya.md:3:7") ?? false)
        XCTAssertNotNil(files["portals/alpha-2023-H2.csv"])
        XCTAssertNil(files["portals/gamma-2023-H2.csv"], "no report for a portal that does not build")
        XCTAssertTrue(files["audit.csv"]?.hasPrefix("\u{FEFF}") ?? false)
        let json = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(files["audit.json"]).utf8)) as? [String: Any]
        XCTAssertEqual((json?["portals"] as? [Any])?.count, 3)
    }

    func testComplianceCountsDueWindowsOnly() throws {
        let checks = audit(portals()).checks
        let alpha = try XCTUnwrap(checks.first { $0.portal == "alpha" })
        let beta = try XCTUnwrap(checks.first { $0.portal == "beta" })
        XCTAssertEqual(Audit.compliance(alpha), 50, "navigator met in May; the year-round item's first half-year missed")
        XCTAssertEqual(Audit.compliance(beta), 0, "both due windows missed")
    }

    func testTextFromContentIsEscapedInTheDashboard() throws {
        var portal = TestPortal.standard(id: "xss")
        portal["portal.yaml"] = TestPortal.portalYAML.replacingOccurrences(of: "title: Муниципальный опорный центр Тестового района", with: "title: \"<script>alert(1)</script>\"")
        let files = Dictionary(uniqueKeysWithValues: audit([portal]).files().map { ($0.path, $0.text) })
        XCTAssertFalse(try XCTUnwrap(files["index.html"]).contains("<script>alert"))
        XCTAssertTrue(try XCTUnwrap(files["index.html"]).contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
