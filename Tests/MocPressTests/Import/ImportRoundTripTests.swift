import Foundation
import XCTest
@testable import MocPress

/// The YAML the import writes loads back through `PlanReader` as the same
/// plan, with valid, unique ids.
final class ImportRoundTripTests: XCTestCase {
    func read(_ yaml: String, year: Int) -> (Plan?, errors: [String], warnings: [String]) {
        var bag = DiagnosticBag()
        let plan = PlanReader.read(text: yaml, file: "content/p/mediaplan/\(year).yaml", relativePath: "mediaplan/\(year).yaml",
                                   kind: .media, yearRound: .halfYear, diagnostics: &bag)
        return (plan, bag.items.filter { $0.severity == .error }.map(\.description),
                bag.items.filter { $0.severity == .warning }.map(\.description))
    }

    func testEverySeedTableLoadsBackAsTheSamePlan() throws {
        let years = ["000": 2024, "001": 2023, "002": 2020, "003": 2023, "004": 2020]
        for name in Seeds.names {
            let year = years[String(name.prefix(3))]!
            for table in try Seeds.document(name).tables {
                let imported = ImportedPlan(table: table, year: year)
                let yaml = try imported.yaml(comment: ["Импортировано из \(name)"])
                let (plan, errors, warnings) = read(yaml, year: year)
                XCTAssertEqual(errors, [], name)
                let invalid = imported.items.filter { if case .invalid = $0.parsed { return true } else { return false } }
                XCTAssertEqual(warnings.count, invalid.count, "\(name): only unrecognised schedules warn: \(warnings)")
                let p = try XCTUnwrap(plan, name)
                XCTAssertEqual(p.title, imported.title)
                XCTAssertEqual(p.year, year)
                XCTAssertEqual(p.items.map(\.id), imported.items.map(\.id))
                XCTAssertEqual(p.items.map(\.activity), table.rows.map(\.activity))
                XCTAssertEqual(p.items.map(\.scheduleText), table.rows.map(\.schedule))
                XCTAssertEqual(p.items.map(\.result), table.rows.map(\.result))
                XCTAssertEqual(p.items.map(\.responsible), table.rows.map(\.responsible))
                XCTAssertEqual(p.items.map(\.schedule), imported.items.map(\.parsed), "the report shows what check will use")

                let ids = imported.items.map(\.id)
                XCTAssertEqual(Set(ids).count, ids.count, "\(name): ids are unique")
                for id in ids {
                    XCTAssertTrue(PlanReader.isValidID(id), id)
                    XCTAssertLessThanOrEqual(id.count, 44, id)
                }
            }
        }
    }

    func testTheSosnovskyPlanIsWrittenAsTheProjectsPlansAre() throws {
        let table = try XCTUnwrap(Seeds.document("001_504c2d0822a1fd13.txt").tables.first)
        let yaml = try ImportedPlan(table: table, year: 2023).yaml(comment: ["Импортировано из медиаплана"])
        XCTAssertTrue(yaml.hasPrefix("""
            # Импортировано из медиаплана
            title: Медиаплан освещения деятельности муниципального опорного центра на 2023 год
            year: 2023
            items:
            - id: popolnenie-informatsionnogo-razdela
              activity: Пополнение информационного раздела «Муниципальный опорный центр дополнительного образования детей» на официальном сайте МБОУДО «Центр детского творчества». Заполнение и администрирование раздела.
              schedule: В течение года
              result: Раздел на сайте и МОЦ
              responsible: МОЦ
            - id: uchastnikov-obrazovatelnykh-otnoshenij

            """), yaml)
    }

    func testValuesThatYAMLWouldReadAsSomethingElseAreQuoted() throws {
        let tricky = ["2023", "да", "yes", "null", "~", "- пункт", "Итоги: конкурс", "#медиаплан", "'в кавычках'",
                      "\"двойные\"", "@МОЦ", "1.5", "ноябрь: итоги", "[список]", "{скобки}", "% процентов", "true"]
        let text = "№\tМероприятие\tСроки\tРезультат\n" + tricky.enumerated().map { "\($0.offset + 1)\t\($0.element)\t\($0.element)\t\($0.element)" }.joined(separator: "\n")
        let table = try XCTUnwrap(PlanDocument.read(text: text).tables.first)
        XCTAssertEqual(table.rows.map(\.activity), tricky)
        let yaml = try ImportedPlan(table: table, year: 2023).yaml()
        let (plan, errors, _) = read(yaml, year: 2023)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(plan?.items.map(\.activity), tricky)
        XCTAssertEqual(plan?.items.map(\.scheduleText), tricky)
        XCTAssertEqual(plan?.items.map(\.result), tricky)
    }

    func testIdsSkipFillerWordsStayShortAndNeverRepeat() {
        var maker = PlanItemIDMaker(reserved: ["osveshchenie-deyatelnosti-mots"])
        XCTAssertEqual(maker.make(activity: "Информирование участников образовательных отношений о работе навигатора", fallback: "x"),
                       "uchastnikov-obrazovatelnykh-otnoshenij")
        XCTAssertEqual(maker.make(activity: "Организация и проведение конкурса «Шаг в будущее»", fallback: "x"), "konkursa-shag-budushchee")
        XCTAssertEqual(maker.make(activity: "Освещение деятельности МОЦ", fallback: "x"), "osveshchenie-deyatelnosti-mots-2",
                       "taken by another plan of the portal")
        XCTAssertEqual(maker.make(activity: "Организация и проведение конкурса «Шаг в будущее»", fallback: "x"), "konkursa-shag-budushchee-2")
        XCTAssertEqual(maker.make(activity: "В течение года", fallback: "x"), "techenie-goda")
        XCTAssertEqual(maker.make(activity: "и в на", fallback: "x"), "i-v-na", "only filler words: all of them")
        XCTAssertEqual(maker.make(activity: "«—»", fallback: "punkt-3"), "punkt-3")
        let long = maker.make(activity: "Информационно-просветительская кампания о персонифицированном финансировании", fallback: "x")
        XCTAssertEqual(long, "informatsionno-prosvetitelskaya", "«kampaniya» would make it 41 characters")
        XCTAssertLessThanOrEqual(long.count, PlanItemIDMaker.limit)
    }

    func testRowsThatStartAlikeGetIdsFromTheWordsThatDiffer() {
        let activities = ["в круглом столе «Отечество»", "в марафоне передовых практик", "в лаборатории методического опыта",
                          "в семинаре для педагогов", "в методическом дне"].map { "Принять участие и привлечь образовательные организации " + $0 }
            + ["Освещение деятельности МОЦ"]
        var maker = PlanItemIDMaker(activities: activities)
        XCTAssertEqual(PlanItemIDMaker.plainBase(for: activities[0]), "privlech-obrazovatelnye-organizatsii")
        XCTAssertEqual(activities.map { maker.make(activity: $0, fallback: "x") }, [
            "kruglom-stole-otechestvo", "marafone-peredovykh-praktik", "laboratorii-metodicheskogo-opyta",
            "seminare-pedagogov", "metodicheskom-dne", "osveshchenie-deyatelnosti-mots",
        ])
    }

    func testAnImportIntoAPortalAvoidsItsOtherPlansIdsAndTheBuildAcceptsIt() throws {
        var portal = TestPortal.standard()
        portal["mediaplan/2023.yaml"] = TestPortal.mediaPlan.replacingOccurrences(of: "id: site-section", with: "id: osveshchenie-deyatelnosti-mots")
        let target = try PortalPlanTarget.resolve(portal: "demo", year: 2024, projectRoot: ".", fileSystem: portal.fileSystem).get()
        XCTAssertEqual(target.display, "content/demo/mediaplan/2024.yaml")
        XCTAssertFalse(target.exists)
        XCTAssertEqual(target.reservedIDs, ["navigator", "osveshchenie-deyatelnosti-mots"])

        let text = try Seeds.text("001_504c2d0822a1fd13.txt").replacingOccurrences(of: "2023", with: "2024")
        let table = try XCTUnwrap(PlanDocument.read(text: text).tables.first)
        let plan = ImportedPlan(table: table, year: 2024, yearRound: target.yearRound, reservedIDs: target.reservedIDs)
        XCTAssertEqual(plan.items[7].id, "osveshchenie-deyatelnosti-mots-2")
        XCTAssertTrue(plan.notes.contains { $0.message == "id «osveshchenie-deyatelnosti-mots» уже есть в другом медиаплане портала: пункт получил «osveshchenie-deyatelnosti-mots-2»" })
        portal["mediaplan/2024.yaml"] = try plan.yaml()
        let (report, output) = portal.build()
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(report.warnings, [])
        XCTAssertNotNil(output.text("info/mediaplan/2024/index.html"))

        XCTAssertThrowsError(try PortalPlanTarget.resolve(portal: "net", year: 2024, projectRoot: ".", fileSystem: portal.fileSystem).get()) { error in
            XCTAssertTrue((error as! Diagnostic).message.hasPrefix("нет портала «net»"))
        }
    }
}
