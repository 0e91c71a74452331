import XCTest
@testable import MocPress

final class PlanReaderTests: XCTestCase {
    func read(_ text: String) -> (Plan?, [String]) {
        var bag = DiagnosticBag()
        let plan = PlanReader.read(text: text, file: "content/p/mediaplan/2023.yaml", relativePath: "mediaplan/2023.yaml",
                                   kind: .media, yearRound: .halfYear, diagnostics: &bag)
        return (plan, bag.sorted.map(\.description))
    }

    func testReadsItemsWithTheirSchedulesAndLines() throws {
        let (plan, diagnostics) = read(TestPortal.mediaPlan)
        XCTAssertEqual(diagnostics, [])
        let p = try XCTUnwrap(plan)
        XCTAssertEqual(p.year, 2023)
        XCTAssertEqual(p.items.map(\.id), ["navigator", "site-section"])
        XCTAssertEqual(p.items[0].schedule.canonical, "2023-05-01..2023-05-31")
        XCTAssertEqual(p.items[1].schedule.canonical, "2023-01-01..2023-06-30; 2023-07-01..2023-12-31")
        XCTAssertEqual(p.items[1].location.line, 9)
    }

    func testDuplicateAndMalformedIdsUnknownKeysAndInvalidSchedulesAreReportedAtTheirLines() {
        let (plan, diagnostics) = read("""
            year: 2023
            items:
              - id: navigator
                activity: А
                schedule: Май
              - id: navigator
                activity: Б
                schedule: Июнь
              - id: Навигатор 2
                activity: В
                schedule: Июль
              - id: spring
                activity: Г
                schedule: весной
                resposible: МОЦ
              - id: extra
                activity: Д
                schedule: Август
                windows: ["2023-08-01..2023-08-15"]
                min: 2
            """)
        XCTAssertEqual(diagnostics, [
            "content/p/mediaplan/2023.yaml:6:9: ошибка: id «navigator» уже есть у другого пункта (строка 3): у каждого пункта свой id",
            "content/p/mediaplan/2023.yaml:9:9: ошибка: id «Навигатор 2» должен состоять из строчных латинских букв, цифр и дефисов, например «navigator-2»",
            "content/p/mediaplan/2023.yaml:14:15: предупреждение: «Сроки» пункта «spring» не распознаны: не удалось распознать «весной»: укажите месяц, квартал или дату, например «март – май»",
            "content/p/mediaplan/2023.yaml:15:5: предупреждение: неизвестный ключ «resposible» в пункте плана: возможно, имелось в виду «responsible»",
        ])
        XCTAssertEqual(plan?.items.map(\.id), ["navigator", "spring", "extra"])
        XCTAssertEqual(plan?.items.last?.schedule.canonical, "2023-08-01..2023-08-15 min=2")
    }

    func testAClaimOnAnUnknownItemIsABuildErrorAtItsLine() {
        var portal = TestPortal.standard()
        portal["info/news/pervaya.md"] = "---\ntitle: П\ndate: 2023-05-12\nmediaplan: [navigatr]\n---\n"
        XCTAssertEqual(portal.build().report.errors, [
            "content/demo/info/news/pervaya.md:4:13: ошибка: неизвестный пункт медиаплана «navigatr»: возможно, имелось в виду «navigator»",
        ])
    }

    func testAnInvalidScheduleNeverStopsTheBuild() {
        var portal = TestPortal.standard()
        portal["mediaplan/2023.yaml"] = TestPortal.mediaPlan.replacingOccurrences(of: "schedule: Май 2023 г.", with: "schedule: весной")
        let (report, output) = portal.build()
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(report.warnings.count, 1)
        XCTAssertNotNil(output.text("index.html"))
    }
}

final class PlanPageTests: XCTestCase {
    func testTheMediaPlanPageShowsEachItemsStatusAndItsPublications() throws {
        // Built on 2024-01-15: May is done, the second half of the year overdue.
        let (report, output) = TestPortal.standard().build()
        XCTAssertEqual(report.errors, [])
        let html = try XCTUnwrap(output.text("info/mediaplan/2023/index.html"))
        XCTAssertTrue(html.contains("<tr id=\"navigator\"><td>1</td><td>Информирование о работе регионального навигатора</td><td>Май 2023 г.</td><td class=\"done\">выполнено <a href=\"/moc/info/news/pervaya/\">Первая новость</a></td></tr>"), html)
        XCTAssertTrue(html.contains("<td class=\"overdue\">просрочено</td>"), html)
        let publication = try XCTUnwrap(output.text("info/news/pervaya/index.html"))
        XCTAssertTrue(publication.contains("<a class=\"claim\" href=\"/moc/info/mediaplan/2023/#navigator\">Информирование о работе регионального навигатора</a>"), publication)
    }

    func testTheWorkPlanIsPublishedWithoutStatuses() throws {
        var portal = TestPortal.standard()
        portal["workplan/2023.yaml"] = "year: 2023\nitems:\n  - id: seminar\n    activity: Семинар\n    schedule: весной\n"
        let (report, output) = portal.build()
        XCTAssertEqual(report.warnings, [], "work plans are published, not checked")
        let html = try XCTUnwrap(output.text("info/workplan/2023/index.html"))
        XCTAssertTrue(html.contains("<tr id=\"seminar\"><td>1</td><td>Семинар</td><td>весной</td></tr>"), html)
    }
}

final class PlanLinksTests: XCTestCase {
    func testTheInformationBlockPageLinksToThePlans() throws {
        let project = try DiskProject()
        defer { project.remove() }
        try project.add(TestPortal.standard())
        let sink = MemorySink()
        let report = SiteBuilder(options: BuildOptions(projectRoot: project.root, now: TestPortal.buildDate)).build(portal: "demo", into: sink)
        XCTAssertEqual(report.errors, [])
        let info = try XCTUnwrap(sink.text("info/index.html"))
        XCTAssertTrue(info.contains("<a href=\"/moc/info/mediaplan/2023/\">Медиаплан освещения деятельности МОЦ на 2023 год</a>"), info)
        XCTAssertFalse(try XCTUnwrap(sink.text("info/news/index.html")).contains("Планы МОЦ"))
    }
}
