import Foundation
import XCTest
@testable import MocPress

/// Every plan table of the real seeds, imported and read against its source rows.
final class SeedImportTests: XCTestCase {
    /// The item rows of each seed's tables, counted by reading the seeds.
    static let expectedItems: [String: [Int]] = [
        "000_f5e1e969b6db206b.txt": [8],
        "001_504c2d0822a1fd13.txt": [10],
        "002_7c48805990971334.txt": [12, 12, 6],
        // 87 numbered rows; 7.5 is a numbered row with every other cell empty.
        "003_558ad63ee22f53b6.txt": [86],
        "004_f877d70fde49202f.txt": [11],
    ]

    /// The «Сроки» column of the rows-on-one-line seeds (the one-cell-per-line seed has no columns on a line).
    static let scheduleColumn: [String: Int] = [
        "000_f5e1e969b6db206b.txt": 5, "001_504c2d0822a1fd13.txt": 2,
        "002_7c48805990971334.txt": 2, "004_f877d70fde49202f.txt": 2,
    ]

    func testEverySeedGivesOneItemPerNumberedSourceRowInSourceOrder() throws {
        for name in Seeds.names {
            let document = try Seeds.document(name)
            XCTAssertEqual(document.tables.map(\.rows.count), Self.expectedItems[name], name)
            let items = document.tables.flatMap(\.rows)
            var source = Seeds.numberedRows(try Seeds.text(name))
            if name.hasPrefix("003") {
                XCTAssertEqual(source.count, 87)
                source.removeAll { $0.number == "7.5" } // empty in the source: reported, not imported
            }
            XCTAssertEqual(items.count, source.count, name)
            for (item, row) in zip(items, source) {
                XCTAssertEqual(item.number, ImportText.itemNumber(row.number), "\(name):\(row.line)")
                XCTAssertEqual(item.position, .line(row.line), "\(name):\(row.line)")
                let activity = Seeds.clean(row.cells[1])
                XCTAssertFalse(activity.isEmpty, "\(name):\(row.line)")
                XCTAssertTrue(item.activity.hasPrefix(activity), "\(name):\(row.line): «\(item.activity)» does not start with «\(activity)»")
                if let column = Self.scheduleColumn[name] {
                    XCTAssertTrue(item.schedule.hasPrefix(Seeds.clean(row.cells[column])), "\(name):\(row.line): «\(item.schedule)»")
                }
            }
        }
    }

    func testTheMinistryPlanJoinsSubRowsSchedulesAndSkipsTrackHeadings() throws {
        let document = try Seeds.document("000_f5e1e969b6db206b.txt")
        let table = try XCTUnwrap(document.tables.first)
        XCTAssertEqual(table.title, "План мероприятий по созданию молодежных медиацентров в профессиональных образовательных организациях в 2024 году (далее – медиацентры, ПОО)")
        XCTAssertEqual(table.columns[.activity], "Наименование мероприятия")
        XCTAssertEqual(table.columns[.schedule], "Срок")
        XCTAssertEqual(table.columns[.result], "Результат по процессу")
        XCTAssertNil(table.columns[.responsible])
        XCTAssertEqual(table.ignoredColumns, ["Краткое описание процесса", "Промежуточный результат"])
        XCTAssertEqual(table.sections.map(\.title), ["Организационный трек", "Образовательный и методический трек", "Событийный трек", "Рейтинговый трек"])
        let rows = table.rows
        XCTAssertEqual(rows[0].activity, "Создание медиацентров в ПОО")
        XCTAssertEqual(rows[0].schedule, "Январь – декабрь 2024 г.")
        XCTAssertEqual(rows[0].result, "Организована работа медиацентров в 2000 ПОО")
        XCTAssertEqual(rows[2].schedule, "Апрель 2024 г. Ноябрь 2024 г.")
        XCTAssertEqual(rows[4].schedule, "Февраль 2024 г. Май 2024 г. Сентябрь 2024 г. Декабрь 2024 г.")
        XCTAssertEqual(rows[5].activity, "Организация и проведение конкурса среди медиацентров")
        XCTAssertEqual(rows[5].schedule, "Февраль – март 2024 г. Апрель 2024 г. Ноябрь 2024 г. Декабрь 2024 г.")
        XCTAssertEqual(rows[6].schedule, "Февраль 2024 г. Март 2024 г. Июнь 2024 г. Сентябрь 2024 г.")
        XCTAssertEqual(rows[7].schedule, "Январь – февраль 2024 г. Апрель 2024 г. Ноябрь 2024 г. Ноябрь 2024 г.")
        XCTAssertEqual(rows[7].section, "Рейтинговый трек")

        let plan = ImportedPlan(table: table, year: 2024)
        XCTAssertEqual(plan.title, "План мероприятий по созданию молодежных медиацентров в профессиональных образовательных организациях в 2024 году")
        XCTAssertEqual(plan.items[5].parsed.canonical, "2024-02-01..2024-03-31; 2024-04-01..2024-04-30; 2024-11-01..2024-11-30; 2024-12-01..2024-12-31")
    }

    func testTheSosnovskyMediaPlanJoinsACellSplitOverTwoLines() throws {
        let table = try XCTUnwrap(Seeds.document("001_504c2d0822a1fd13.txt").tables.first)
        XCTAssertEqual(table.title, "МЕДИАПЛАН освещения деятельности муниципального опорного центра на 2023 год")
        XCTAssertEqual(table.rows[1].schedule, "Май 2023 г.")
        XCTAssertEqual(table.rows[1].result, "Информация на сайте ОУ, МОЦ, образовательных организаций, реализующих дополнительные общеобразовательные программы. Информация на педагогических советах, родительских собраниях")
        XCTAssertEqual(table.rows[3].schedule, "Май - сентябрь 2023 г")
        XCTAssertEqual(table.rows[7].activity, "Освещение деятельности МОЦ")
        XCTAssertEqual(table.rows[7].result, "Информация на сайте МОЦ")
        XCTAssertEqual(table.rows.map(\.responsible), Array(repeating: "МОЦ", count: 10))
        XCTAssertEqual(table.notes.map(\.position), [.line(13), .line(21)])

        let plan = ImportedPlan(table: table, year: 2023)
        XCTAssertEqual(plan.title, "Медиаплан освещения деятельности муниципального опорного центра на 2023 год")
        XCTAssertEqual(plan.items.map(\.parsed.canonical), [
            "2023-01-01..2023-06-30; 2023-07-01..2023-12-31", "2023-05-01..2023-05-31", "2023-06-01..2023-08-31",
            "2023-05-01..2023-09-30", "2023-01-01..2023-01-31",
        ] + Array(repeating: "2023-01-01..2023-06-30; 2023-07-01..2023-12-31", count: 5))
    }

    func testTheSmolenskRecommendationsHoldThreePlansAndTheMediaPlanIsPickedByDefault() throws {
        let document = try Seeds.document("002_7c48805990971334.txt")
        XCTAssertEqual(document.tables.map { $0.title.map { String($0.prefix(40)) } }, [
            "План первоочередных действий по созданию",
            "План работы муниципального опорного цент",
            "Медиаплан освещения деятельности муницип",
        ])
        XCTAssertEqual(document.tables.map(\.position), [.line(137), .line(323), .line(355)])
        let (index, media) = try XCTUnwrap(document.table())
        XCTAssertEqual(index, 2)
        XCTAssertEqual(media.rows[5].activity, "Предоставление отчетной информации о реализации медиаплана")
        XCTAssertEqual(media.rows[5].schedule, "Июнь Декабрь")
        XCTAssertEqual(media.rows[5].result, "Отчет в РМЦ")
        XCTAssertEqual(media.rows[0].responsible, "", "the «Ответственный» column is empty in this typical plan")

        let first = document.tables[0]
        XCTAssertEqual(first.columns[.activity], "Наименование мероприятия", "<b> tags of the header are dropped")
        XCTAssertEqual(first.rows[0].schedule, "Январь")
        XCTAssertEqual(first.rows[0].responsible, "ОМСУ*")
        XCTAssertEqual(first.rows[10].activity, "Создание информационного портала МОЦ, включающего тематические блоки: – методический; – дистанционный; – экспертно-аналитический; – информационный",
                       "the row continues on the next page, under the repeated header")
        XCTAssertEqual(first.rows[11].schedule, "Апрель")
        XCTAssertEqual(document.tables[1].rows[0].schedule, "Февраль – март Июнь – сентябрь")
        XCTAssertEqual(document.tables[1].rows[7].activity, "Поддержание в актуальном состоянии информационного портала МОЦ")

        let plan = ImportedPlan(table: media, year: 2020)
        XCTAssertEqual(plan.title, "Медиаплан освещения деятельности муниципального опорного центра дополнительного образования детей Смоленской области на 2020 год",
                       "the template's blank «_____ (наименование муниципального образования)» is dropped")
    }

    func testTheVerkhnetoemskyPlanWithOneCellPerLineBecomesRows() throws {
        let table = try XCTUnwrap(Seeds.document("003_558ad63ee22f53b6.txt").tables.first)
        XCTAssertNil(table.title)
        XCTAssertEqual(table.columns[.responsible], "Ответственные исполнители")
        XCTAssertEqual(table.columns[.result], "Результат реализации мероприятия")
        XCTAssertEqual(table.columns[.schedule], "Срок реализации")
        XCTAssertEqual(table.sections.count, 18)
        XCTAssertEqual(table.sections.first?.title.prefix(30), "I. Развитие системы управления")
        XCTAssertTrue(table.sections.contains { $0.title.hasPrefix("5.3 Организация областных методических") },
                      "«5.3 …» with text is a section even though an item 5.3 stands right above it")
        XCTAssertTrue(table.sections.contains { $0.title.hasPrefix("II. Выявление") }, "the [bookmark: _GoBack] is dropped")

        let byNumber = Dictionary(table.rows.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byNumber["1.1.1"]?.responsible, "РМЦ, МОЦ, Управление образования")
        XCTAssertEqual(byNumber["1.1.1"]?.schedule, "январь-февраль 2023")
        XCTAssertEqual(byNumber["1.3.2"]?.result, "страница МОЦ https://vt-rcdo.ru/6869/6871/")
        XCTAssertEqual(byNumber["1.6.1"]?.activity.hasPrefix("Организация мониторинга по реализации мероприятий муниципальных программ: - региональный проект «Успех каждого ребенка»"), true)
        XCTAssertEqual(byNumber["1.7.4"]?.schedule, "август 2023 (по отдельному плану)")
        XCTAssertEqual(byNumber["1.7.8"]?.schedule, "в течение года (по необходимости)")
        XCTAssertEqual(byNumber["2.1.2"]?.schedule, "14-17.02.2023")
        XCTAssertEqual(byNumber["5.3"]?.schedule, "в течение года далее - ежегодно")
        XCTAssertEqual(byNumber["5.3.12"]?.schedule, "6 мероприятий в течении учебного года")
        XCTAssertEqual(byNumber["7.4"]?.responsible, "РМЦ, МОЦ")
        XCTAssertNil(byNumber["7.5"])
        XCTAssertEqual(table.rows.last?.number, "8.6")
        XCTAssertTrue(table.notes.contains { $0.position == .line(674) && $0.message == "пункт 7.5 пуст: пропущен" })

        let plan = ImportedPlan(table: table, year: 2023)
        XCTAssertEqual(plan.title, "Медиаплан МОЦ на 2023 год")
        let parsed = Dictionary(plan.items.map { ($0.number, $0.parsed.canonical) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(parsed["5.3.12"], "2023-09-01..2024-05-31 min=6")
        XCTAssertEqual(parsed["3.2"], "on-demand")
        XCTAssertEqual(parsed["5.2"], "2022-10-01..2023-04-30")
    }

    func testTheMurmanskPlanRepeatsItsHeaderOnEveryPageAndOnePageRepeatsARowsTail() throws {
        let table = try XCTUnwrap(Seeds.document("004_f877d70fde49202f.txt").tables.first)
        XCTAssertEqual(table.rows.map(\.number), (1...11).map(String.init))
        XCTAssertEqual(table.columns[.responsible], "Исполнитель")
        XCTAssertEqual(table.rows[0].schedule, "До 15 марта 2020 года")
        XCTAssertEqual(table.rows[0].result, "Постановление администрации города Мурманска")
        XCTAssertEqual(table.rows[2].responsible, "Муниципальный опорный центр (далее – МОЦ)")
        XCTAssertTrue(table.rows[6].activity.hasSuffix("иных участников деятельности по реализации приоритетного проекта «Доступное дополнительное образование для детей»"),
                      "the tail repeated after the page break is not appended twice: \(table.rows[6].activity)")
        XCTAssertEqual(table.notes.map(\.position), [.line(19), .line(25), .line(26)])

        let plan = ImportedPlan(table: table, year: 2020)
        XCTAssertEqual(plan.title, "План первоочередных мероприятий по созданию и функционированию муниципального опорного центра дополнительного образования детей города Мурманска на 2020 год")
        XCTAssertEqual(plan.items[0].parsed.canonical, "2020-01-01..2020-03-15")
        XCTAssertEqual(plan.items[2].parsed.canonical, "2020-01-01..2020-06-30; 2020-07-01..2020-12-31")
    }

    func testTheCopiesKeptWithTheTestsAreTheSeedsThemselves() throws {
        for name in Seeds.names {
            let copy = try Data(contentsOf: Seeds.fixtureFolder.appendingPathComponent(name))
            XCTAssertEqual(try PlanDocument.read(copy, file: name).tables.map(\.rows.count), Self.expectedItems[name], name)
            let shared = Seeds.sharedFolder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: shared.path) {
                XCTAssertEqual(try Data(contentsOf: shared), copy, "\(name): refresh Tests/MocPressTests/Import/Fixtures from shared/seeds")
            }
        }
    }
}
