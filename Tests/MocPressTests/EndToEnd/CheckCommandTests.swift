import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import MocPress

final class CheckCommandTests: XCTestCase {
    var project: DiskProject!

    override func setUpWithError() throws {
        project = try DiskProject()
        var portal = TestPortal.standard()
        portal["info/docs/_index.md"] = "---\ntitle: Документы\nkind: documents\n---\n"
        portal["info/docs/files/a.pdf"] = "%PDF-1.4"
        for (name, kind) in [("sozdanie", "creation-order"), ("polozhenie", "regulation"), ("plan", "work-plan"), ("media", "media-plan")] {
            portal["info/docs/\(name).md"] = "---\ntitle: \(name)\nact:\n  kind: \(kind)\n  number: \"1\"\n  date: 2023-01-10\n  status: active\nfile: files/a.pdf\n---\n"
        }
        portal["info/news/pervaya.md"] = "---\ntitle: Первая новость\ndate: 2023-05-12\nmediaplan: [navigator, site-section]\n---\n"
        try project.add(portal)
    }

    override func tearDown() { project.remove() }

    func testJSONFollowsTheSpecShape() throws {
        let result = try project.run(["check", "--as-of", "2023-07-15", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["asOf"] as? String, "2023-07-15")
        let portal = try XCTUnwrap((json["portals"] as? [[String: Any]])?.first)
        XCTAssertEqual(portal["portal"] as? String, "demo")
        let items = try XCTUnwrap(portal["items"] as? [[String: Any]])
        let navigator = try XCTUnwrap(items.first { $0["id"] as? String == "navigator" })
        XCTAssertEqual(navigator["plan"] as? Int, 2023)
        XCTAssertEqual(navigator["schedule"] as? String, "Май 2023 г.")
        XCTAssertEqual(navigator["status"] as? String, "done")
        let window = try XCTUnwrap((navigator["windows"] as? [[String: Any]])?.first)
        XCTAssertEqual(window["start"] as? String, "2023-05-01")
        XCTAssertEqual(window["end"] as? String, "2023-05-31")
        XCTAssertEqual(window["min"] as? Int, 1)
        XCTAssertEqual(window["status"] as? String, "met")
        XCTAssertEqual(window["evidence"] as? [String], ["/info/news/pervaya/"])
        XCTAssertEqual((portal["package"] as? [String: Any])?["complete"] as? Bool, true)
        XCTAssertEqual(portal["blocks"] as? [String: Int], ["methodical": 1, "distance": 1, "expert": 1, "info": 5])
        XCTAssertEqual(portal["lastPublication"] as? String, "2023-05-12")
    }

    func testAnOverdueItemExitsOneAndSaysWhatToPublish() throws {
        let result = try project.run(["check", "--as-of", "2024-01-20"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("Просрочено (1):"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[site-section]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("окно 01.07.2023–31.12.2023: опубликовано 0 из 1, срок истёк 07.01.2024"), result.stdout)
        XCTAssertTrue(result.stdout.contains("mediaplan: [site-section]"), result.stdout)
    }

    func testStrictFailsOnAnIncompletePackage() throws {
        XCTAssertEqual(try project.run(["check", "--as-of", "2023-07-15"]).status, 0)
        try FileManager.default.removeItem(atPath: project.root + "/content/demo/info/docs/polozhenie.md")
        XCTAssertEqual(try project.run(["check", "--as-of", "2023-07-15"]).status, 0)
        let strict = try project.run(["check", "--as-of", "2023-07-15", "--strict", "--format", "json"])
        XCTAssertEqual(strict.status, 1)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(strict.stdout.utf8)) as? [String: Any])
        let package = ((json["portals"] as? [[String: Any]])?.first?["package"]) as? [String: Any]
        XCTAssertEqual(package?["complete"] as? Bool, false)
        XCTAssertEqual(package?["missing"] as? [String], ["regulation"])
    }

    func testInvalidContentExitsTwoAndWrongUsageSixtyFour() throws {
        try project.write("content/demo/info/news/pervaya.md", "---\ntitle: П\ndate: 2023-05-12\nmediaplan: [net-takogo]\n---\n")
        let broken = try project.run(["check", "--as-of", "2023-07-15"])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("content/demo/info/news/pervaya.md:4:13: ошибка: неизвестный пункт медиаплана «net-takogo»"), broken.stderr)
        XCTAssertEqual(try project.run(["check", "--as-of", "15.07.2023"]).status, 64)
        XCTAssertEqual(try project.run(["check", "--format", "pdf"]).status, 64)
    }

    func testJUnitCSVAndHTMLOutputs() throws {
        let junitPath = project.root + "/report.xml"
        XCTAssertEqual(try project.run(["check", "--as-of", "2024-01-20", "--format", "junit", "--output", junitPath]).status, 1)
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: junitPath))
        let failures = try document.nodes(forXPath: "//testcase[failure]/@name").map { $0.stringValue ?? "" }
        XCTAssertEqual(failures, ["site-section: Пополнение раздела МОЦ на сайте"])
        let csv = try project.run(["check", "--as-of", "2023-07-15", "--format", "csv"]).stdout
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}Портал;План;№;id;Мероприятие;Сроки;Статус"), csv)
        XCTAssertTrue(csv.contains("demo;2023;1;navigator;Информирование о работе регионального навигатора;Май 2023 г.;выполнено;"), csv)
        let html = try project.run(["check", "--as-of", "2023-07-15", "--format", "html"]).stdout
        XCTAssertTrue(html.contains("<td>выполнено</td>"))
    }

    func testTheScheduleCommandPrintsTheCanonicalParse() throws {
        let result = try project.run(["schedule", "Июнь Декабрь", "--year", "2020"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "2020-06-01..2020-06-30; 2020-12-01..2020-12-31\n")
        let invalid = try project.run(["schedule", "весной", "--year", "2020"])
        XCTAssertEqual(invalid.status, 2)
        XCTAssertEqual(invalid.stdout, "invalid\n")
        XCTAssertTrue(invalid.stderr.contains("весной"))
    }
}

final class HalfYearReportTests: XCTestCase {
    func testTheHalfYearReportListsItemsOfThePeriodWithTheirPublications() throws {
        var portal = TestPortal.standard()
        portal["info/news/pervaya.md"] = "---\ntitle: Первая\ndate: 2023-05-12\nmediaplan: [navigator, site-section]\n---\n"
        portal["info/news/vtoraya.md"] = "---\ntitle: Вторая\ndate: 2023-07-10\nmediaplan: [site-section]\n---\n"
        let project = try DiskProject()
        defer { project.remove() }
        try project.add(portal)
        let result = try project.run(["check", "--as-of", "2023-12-31", "--report", "2023-H2", "--output", "reports"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: project.root + "/reports/demo-2023-H2.csv"))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with BOM for Excel")
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("№;Мероприятие;Сроки;Результат;Количество публикаций;Публикации;Статус\r\n"), csv)
        XCTAssertTrue(csv.contains("2;Пополнение раздела МОЦ на сайте;в течение года;Публикации;1;10.07.2023 Вторая https://cdt.example.ru/moc/info/news/vtoraya/;выполнено"), csv)
        XCTAssertFalse(csv.contains("Информирование о работе регионального навигатора"), "May is not in the second half-year")
        let html = try XCTUnwrap(project.read("reports/demo-2023-H2.html"))
        XCTAssertTrue(html.contains("за второе полугодие 2023 года"))
        XCTAssertEqual(try project.run(["check", "--report", "2023-H3"]).status, 64)
    }
}
