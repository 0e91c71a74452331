import XCTest
@testable import MocPress

final class ComplianceTests: XCTestCase {
    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    func plan(_ items: [(String, String, Int)], year: Int = 2023) -> Plan {
        Plan(kind: .media, file: "mediaplan/\(year).yaml", relativePath: "mediaplan/\(year).yaml", year: year, title: "",
             items: items.enumerated().map { offset, item in
                 var schedule = ScheduleParser.parse(item.1, year: year)
                 if case .windows(let w, _) = schedule, item.2 > 1 { schedule = .windows(w, min: item.2) }
                 return PlanItem(id: item.0, number: offset + 1, activity: "Мероприятие \(item.0)", scheduleText: item.1, schedule: schedule,
                                 result: "", responsible: "", location: SourceLocation(file: "mediaplan/\(year).yaml", line: offset + 1))
             })
    }

    func publication(_ path: String, _ date: String, claims: [String]) -> Publication {
        Publication(path: path, title: path, date: PageDate(day: day(date)), claims: claims)
    }

    func statuses(_ plan: Plan, _ publications: [Publication], asOf: String, grace: Int = 7) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Compliance.evaluate(plans: [plan], publications: publications, asOf: day(asOf), graceDays: grace)
            .map { ($0.item.id, $0.status.rawValue) })
    }

    func testAWindowIsMetByAPublicationInsideItAndTheItemIsDone() {
        let results = Compliance.evaluate(plans: [plan([("navigator", "Май 2023 г.", 1)])],
                                          publications: [publication("/info/news/a/", "2023-05-12", claims: ["navigator"])],
                                          asOf: day("2023-07-15"), graceDays: 7)
        XCTAssertEqual(results[0].status, .done)
        XCTAssertEqual(results[0].windows.map(\.status), [.met])
        XCTAssertEqual(results[0].windows[0].evidence.map(\.path), ["/info/news/a/"])
    }

    func testTheGraceDaysCountAfterTheWindowEndsAndNotABitLonger() {
        let p = plan([("navigator", "Май 2023 г.", 1)])
        // Published on 7 June: inside 31 May + 7 days.
        XCTAssertEqual(statuses(p, [publication("/a/", "2023-06-07", claims: ["navigator"])], asOf: "2023-07-01"), ["navigator": "done"])
        // 8 June is too late: the window is missing, the item overdue.
        XCTAssertEqual(statuses(p, [publication("/a/", "2023-06-08", claims: ["navigator"])], asOf: "2023-07-01"), ["navigator": "overdue"])
        // On the last day of grace nothing is overdue yet; the day after, it is.
        XCTAssertEqual(statuses(p, [], asOf: "2023-06-07"), ["navigator": "in-progress"])
        XCTAssertEqual(statuses(p, [], asOf: "2023-06-08"), ["navigator": "overdue"])
    }

    func testEveryItemStatus() {
        let p = plan([
            ("a", "Май 2023 г.", 1),          // done
            ("b", "Март 2023 г.", 1),         // overdue
            ("c", "Июнь Декабрь", 1),         // in-progress: June met, December upcoming
            ("d", "Сентябрь 2023", 1),        // upcoming
            ("e", "по запросу", 1),           // on-demand
            ("f", "весной", 1),               // invalid
            ("g", "Июль 2023", 2),            // in-progress: open window, 1 of 2
        ])
        let publications = [
            publication("/1/", "2023-05-10", claims: ["a"]),
            publication("/2/", "2023-06-20", claims: ["c"]),
            publication("/3/", "2023-07-03", claims: ["g"]),
        ]
        XCTAssertEqual(statuses(p, publications, asOf: "2023-07-15"), [
            "a": "done", "b": "overdue", "c": "in-progress", "d": "upcoming", "e": "on-demand", "f": "invalid", "g": "in-progress",
        ])
    }

    func testWindowStatusesAndTheMinimumCount() {
        let window = Window(start: day("2023-07-01"), end: day("2023-07-31"))
        let two = [publication("/1/", "2023-07-03", claims: []), publication("/2/", "2023-07-20", claims: [])]
        XCTAssertEqual(Compliance.evaluate(window: window, min: 2, claimed: two, asOf: day("2023-07-25"), graceDays: 7).status, .met)
        XCTAssertEqual(Compliance.evaluate(window: window, min: 2, claimed: two, asOf: day("2023-07-10"), graceDays: 7).status, .open)
        XCTAssertEqual(Compliance.evaluate(window: window, min: 3, claimed: two, asOf: day("2023-08-08"), graceDays: 7).status, .missing)
        XCTAssertEqual(Compliance.evaluate(window: window, min: 1, claimed: [], asOf: day("2023-06-30"), graceDays: 7).status, .upcoming)
    }

    func testPublicationsAfterTheAsOfDateDoNotCount() {
        let p = plan([("navigator", "Май 2023 г.", 1)])
        XCTAssertEqual(statuses(p, [publication("/a/", "2023-05-20", claims: ["navigator"])], asOf: "2023-05-15"), ["navigator": "in-progress"])
    }
}
