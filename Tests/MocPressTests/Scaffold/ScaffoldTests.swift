import Foundation
import XCTest
import Yams
@testable import MocPress

final class PlaceholderScanTests: XCTestCase {
    func testEveryPlaceholderIsFoundWithItsLineAndCharacterColumn() {
        let text = "title: 'МОЦ [ЗАПОЛНИТЕ: название]'\nurl: https://example.ru/  # [ЗАПОЛНИТЕ: сайт] и [ЗАПОЛНИТЕ: ещё]\n\nТекст [ЗАПОЛНИТЕ: без скобки до конца строки\n"
        let found = Placeholder.scan(Array(text.utf8), file: "content/a/portal.yaml")
        XCTAssertEqual(found.map { "\($0.location.line):\($0.location.column) \($0.hint)" }, [
            "1:13 название",
            "2:29 сайт",
            "2:49 ещё",
            "4:7 без скобки до конца строки",
        ])
        XCTAssertEqual(found[0].message, "не заполнено: название")
    }

    func testOrdinaryBracketsLinksAndListsAreNotPlaceholders() {
        let text = "tags: [навигатор, родителям]\n[методический блок](metodicheskij/_index.md) — заполните анкету [ЗАПОЛНИТЕ без двоеточия]\n"
        XCTAssertTrue(Placeholder.scan(Array(text.utf8), file: "a.md").isEmpty)
    }

    func testTheBuildWarnsOncePerFileAndCheckReportsEachPlaceholder() throws {
        var portal = TestPortal.standard()
        portal["info/news/pervaya.md"] = "---\ntitle: Первая новость\ndate: 2023-05-12\nsummary: '[ЗАПОЛНИТЕ: анонс]'\n---\nТекст [ЗАПОЛНИТЕ: итоги].\n"
        let (report, _) = portal.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        let warnings = report.diagnostics.filter { $0.message.hasPrefix("в файле остались незаполненные места") }
        XCTAssertEqual(warnings.map(\.description), [
            "content/demo/info/news/pervaya.md:4:11: предупреждение: в файле остались незаполненные места: 2 — найдите «[ЗАПОЛНИТЕ:» и впишите свои данные (mocpress check demo покажет каждое)",
        ])

        let checker = Checker(options: BuildOptions(now: TestPortal.buildDate), asOf: LocalDate(iso: "2023-05-20"), fileSystem: portal.fileSystem)
        let check = checker.check(portal: "demo")
        let placeholders = check.findings.filter { $0.kind == .placeholder }
        XCTAssertEqual(placeholders.map { "\($0.location!.file):\($0.location!.line):\($0.location!.column): \($0.message)" }, [
            "content/demo/info/news/pervaya.md:4:11: не заполнено: анонс",
            "content/demo/info/news/pervaya.md:6:7: не заполнено: итоги",
        ])
        XCTAssertEqual(CheckReport(checks: [check], asOf: check.asOf, strict: false).exitCode, 0)
        XCTAssertEqual(CheckReport(checks: [check], asOf: check.asOf, strict: true).exitCode, 1, "placeholders fail check --strict")
        let json = CheckReport(checks: [check], asOf: check.asOf, strict: false).json.text
        XCTAssertTrue(json.contains("\"kind\":\"placeholder\"") || json.contains("\"kind\": \"placeholder\""), json)
        XCTAssertTrue(json.contains("content/demo/info/news/pervaya.md:6:7"), json)
    }
}

final class RussianNameTests: XCTestCase {
    func testRegularNamesAreDeclined() {
        XCTAssertEqual(RussianName.inflect("Сосновский район", .genitive), "Сосновского района")
        XCTAssertEqual(RussianName.inflect("Сосновский район", .prepositional), "Сосновском районе")
        XCTAssertEqual(RussianName.inflect("Верхнетоемский муниципальный округ", .genitive), "Верхнетоемского муниципального округа")
        XCTAssertEqual(RussianName.inflect("Тамбовская область", .genitive), "Тамбовской области")
        XCTAssertEqual(RussianName.inflect("Тамбовская область", .prepositional), "Тамбовской области")
        XCTAssertEqual(RussianName.inflect("Краснодарский край", .prepositional), "Краснодарском крае")
        XCTAssertEqual(RussianName.inflect("Республика Татарстан", .genitive), "Республики Татарстан")
        XCTAssertEqual(RussianName.inflect("Чувашская Республика", .genitive), "Чувашской Республики")
        XCTAssertEqual(RussianName.inflect("Ханты-Мансийский автономный округ", .genitive), "Ханты-Мансийского автономного округа")
        XCTAssertEqual(RussianName.inflect("муниципальное образование «Город Томск»", .genitive), "муниципального образования «Город Томск»")
    }

    func testNamesItCannotDeclineAreLeftToThePerson() {
        XCTAssertNil(RussianName.inflect("город Мурманск", .genitive))
        XCTAssertNil(RussianName.inflect("Москва", .genitive))
        XCTAssertNil(RussianName.inflect("Ханты-Мансийский автономный округ — Югра", .genitive))
        let names = ScaffoldNames(PortalScaffold(id: "m", municipality: "город Мурманск", region: "Москва", year: 2027, today: LocalDate(iso: "2026-11-21")!))
        XCTAssertEqual(names.title, "Муниципальный опорный центр дополнительного образования детей муниципального образования «город Мурманск»")
        XCTAssertEqual(names.regionGenitive, "[ЗАПОЛНИТЕ: «Москва» в родительном падеже]")
    }
}

final class YAMLTextTests: XCTestCase {
    func testScalarsReadBackAsTheSameString() throws {
        for value in ["Итоги: конкурс", "[ЗАПОЛНИТЕ: номер]", "598", "true", "2024-01-01", "«Шаг в будущее»", "a # b", "it's \"quoted\"", "- пункт"] {
            let yaml = "k: \(YAMLText.scalar(value))\n"
            let loaded = try XCTUnwrap(try Yams.load(yaml: yaml) as? [String: Any], yaml)
            XCTAssertEqual(loaded["k"] as? String, value, yaml)
            XCTAssertFalse(yaml.dropLast().contains("\n"), "one line: \(yaml)")
        }
        XCTAssertEqual(try Yams.load(yaml: "k: \(YAMLText.list(["site", "a, b"]))") as? [String: [String]], ["k": ["site", "a, b"]])
    }
}

final class PortalScaffoldTests: XCTestCase {
    let today = LocalDate(iso: "2026-11-21")!

    func load(_ scaffold: PortalScaffold) -> (portal: Portal?, diagnostics: DiagnosticBag) {
        var files: [String: String] = [:]
        for file in scaffold.files() { files["content/\(scaffold.id)/\(file.path)"] = file.text }
        var diagnostics = DiagnosticBag()
        let portal = ContentLoader(fileSystem: MemoryFileSystem(files), projectRoot: ".").load(portal: scaffold.id, diagnostics: &diagnostics)
        return (portal, diagnostics)
    }

    func testEveryFileIsValidAndThePortalReadsWithoutErrorsOrWarnings() throws {
        let scaffold = PortalScaffold(id: "novyj", year: 2027, today: today)
        for file in scaffold.files() where file.path.hasSuffix(".yaml") {
            XCTAssertNoThrow(try Yams.compose(yaml: file.text), file.path)
        }
        let (portal, diagnostics) = load(scaffold)
        XCTAssertEqual(diagnostics.items.map(\.description), [])
        let loaded = try XCTUnwrap(portal)
        XCTAssertEqual(Set(loaded.sections.values.compactMap(\.block)), Set(BlockKind.allCases))
        XCTAssertEqual(loaded.sections["info/meropriyatiya"]?.kind, .events)
        XCTAssertEqual(loaded.sections["info/dokumenty"]?.kind, .documents)
        XCTAssertEqual(loaded.plans.map(\.relativePath), ["mediaplan/2027.yaml", "workplan/2027.yaml"])
    }

    func testThePlansAreTheTypicalPlansOfTheRecommendationsAndEveryScheduleParses() throws {
        let (portal, _) = load(PortalScaffold(id: "novyj", year: 2027, today: today))
        let media = try XCTUnwrap(portal?.plans.first { $0.kind == .media })
        let work = try XCTUnwrap(portal?.plans.first { $0.kind == .work })
        XCTAssertEqual(media.items.count, 6)
        XCTAssertEqual(work.items.count, 12)
        XCTAssertEqual(media.items.last?.activity, "Предоставление отчетной информации о реализации медиаплана")
        XCTAssertEqual(media.items.last?.schedule.canonical, "2027-06-01..2027-06-30; 2027-12-01..2027-12-31")
        XCTAssertEqual(work.items.first?.scheduleText, "Февраль – март Июнь – сентябрь")
        for item in media.items + work.items {
            if case .invalid(let reason) = item.schedule { XCTFail("\(item.id): \(reason)") }
            XCTAssertEqual(item.responsible, "МОЦ")
        }
        XCTAssertTrue(media.title.hasSuffix("на 2027 год"), media.title)
    }

    func testTheActsPackageIsCompleteForThePlanYearAndPointsAtThePlans() throws {
        let (portal, _) = load(PortalScaffold(id: "novyj", year: 2027, today: today))
        let acts = try XCTUnwrap(portal).pages.compactMap { page in page.features.act.map { (page.relativePath, $0.kind, page.features.plan?.value) } }
        XCTAssertEqual(acts.map { "\($0.0) \($0.1.rawValue) \($0.2 ?? "-")" }, [
            "info/dokumenty/mediaplan-2027.md media-plan mediaplan/2027.yaml",
            "info/dokumenty/plan-raboty-2027.md work-plan workplan/2027.yaml",
            "info/dokumenty/polozhenie-o-moc.md regulation -",
            "info/dokumenty/prikaz-o-sozdanii-moc.md creation-order -",
        ])
    }

    func testTheRegulationQuotesTheTypicalRegulationWithTheNamesDeclined() throws {
        let scaffold = PortalScaffold(id: "sosnovsky", municipality: "Сосновский район", region: "Тамбовская область", year: 2027, today: today)
        let files = Dictionary(uniqueKeysWithValues: scaffold.files().map { ($0.path, $0.text) })
        let regulation = try XCTUnwrap(files["info/dokumenty/polozhenie-o-moc.md"])
        XCTAssertTrue(regulation.contains("title: Положение о муниципальном опорном центре дополнительного образования детей Сосновского района Тамбовской области\n"))
        XCTAssertTrue(regulation.contains("3.14. Организует на муниципальном уровне работу по независимой оценке качества дополнительного образования детей."))
        XCTAssertTrue(regulation.contains("на территории Сосновского района (далее – МО)"))
        XCTAssertTrue(regulation.contains("в Тамбовской области и других субъектах Российской Федерации"))
        XCTAssertTrue(regulation.contains("## 7. Процедуры обеспечения публичности (открытости) деятельности МОЦ"))
        let yaml = try XCTUnwrap(files["portal.yaml"])
        XCTAssertTrue(yaml.contains("\ntitle: Муниципальный опорный центр дополнительного образования детей Сосновского района\nshort_title: МОЦ Сосновского района\n"), yaml)
        XCTAssertTrue(yaml.contains("\nnational_project: Молодёжь и дети"))
        let order = try XCTUnwrap(files["info/dokumenty/prikaz-o-sozdanii-moc.md"])
        XCTAssertTrue(order.contains("11. Создание информационного портала МОЦ, включающего тематические блоки: методический; дистанционный; экспертно-аналитический; информационный — март – апрель; исполнитель: МОЦ; результат: информационный портал."))
    }

    func testTheExampleEventIsNextMonthAndTheWelcomeNewsIsToday() throws {
        let files = Dictionary(uniqueKeysWithValues: PortalScaffold(id: "a", year: 2026, today: LocalDate(iso: "2026-12-03")!).files().map { ($0.path, $0.text) })
        XCTAssertTrue(try XCTUnwrap(files["info/meropriyatiya/den-otkrytykh-dverej.md"]).contains("\nstart: 2027-01-15T15:00 "))
        XCTAssertTrue(try XCTUnwrap(files["info/novosti/otkrylsya-portal-moc.md"]).contains("\ndate: 2026-12-03\n"))
        XCTAssertEqual(PortalScaffold(id: "a", year: 2024, today: today).files().first { $0.path == "portal.yaml" }?.text.contains("national_project: Успех каждого ребенка"), true)
    }

    func testPortalIDsAreLowerCaseLatinDigitsAndDashes() {
        XCTAssertTrue(PortalScaffold.isValidID("sosnovsky"))
        XCTAssertTrue(PortalScaffold.isValidID("moc-68-2"))
        for bad in ["", "Sosnovsky", "moc_68", "сосновский", "a/b", "..", "a b"] {
            XCTAssertFalse(PortalScaffold.isValidID(bad), bad)
        }
    }
}

final class PageScaffoldTests: XCTestCase {
    func portal(_ portal: TestPortal) throws -> Portal {
        var diagnostics = DiagnosticBag()
        return try XCTUnwrap(ContentLoader(fileSystem: portal.fileSystem, projectRoot: ".").load(portal: portal.id, diagnostics: &diagnostics))
    }

    func testPagesGoToTheNewsEventsAndDocumentsSections() throws {
        var test = TestPortal.standard()
        test["info/announcements/_index.md"] = "---\ntitle: Анонсы\n---\n"
        test["info/afisha/_index.md"] = "---\ntitle: Афиша\nkind: events\n---\n"
        test["info/afisha/2023/_index.md"] = "---\ntitle: Архив\n---\n"
        test["info/docs/_index.md"] = "---\ntitle: Документы\nkind: documents\n---\n"
        let loaded = try portal(test)
        let now = TestPortal.buildDate
        XCTAssertEqual(PageScaffold(kind: .post, title: "Новость", now: now).defaultSection(in: loaded), "info/news")
        XCTAssertEqual(PageScaffold(kind: .event, title: "Фестиваль", now: now).defaultSection(in: loaded), "info/afisha")
        XCTAssertEqual(PageScaffold(kind: .act, title: "Приказ", now: now).defaultSection(in: loaded), "info/docs")

        test["info/news/_index.md"] = nil
        test["info/news/pervaya.md"] = nil
        XCTAssertEqual(PageScaffold(kind: .post, title: "Новость", now: now).defaultSection(in: try portal(test)), "info",
                       "without a news section a post goes to the information block itself")
    }

    func testTheFileNameIsTheTransliteratedTitleCutAtAWord() {
        let now = TestPortal.buildDate
        XCTAssertEqual(PageScaffold(kind: .post, title: "Итоги конкурса «Шаг в будущее»", now: now).slug, "itogi-konkursa-shag-v-budushchee")
        let long = PageScaffold(kind: .post, title: String(repeating: "Муниципальный опорный центр ", count: 6), now: now).slug
        XCTAssertLessThanOrEqual(long.count, PageScaffold.maxSlug)
        XCTAssertTrue(long.hasSuffix("tsentr") || long.hasSuffix("opornyj") || long.hasSuffix("munitsipalnyj"), long)
    }

    func testTheActKindIsGuessedFromTheTitle() {
        XCTAssertEqual(PageScaffold.actKind(of: "Положение о МОЦ"), .regulation)
        XCTAssertEqual(PageScaffold.actKind(of: "Приказ «О создании МОЦ»"), .creationOrder)
        XCTAssertEqual(PageScaffold.actKind(of: "Медиаплан на 2025 год"), .mediaPlan)
        XCTAssertEqual(PageScaffold.actKind(of: "План работы МОЦ на 2025 год"), .workPlan)
        XCTAssertEqual(PageScaffold.actKind(of: "Соглашение с РМЦ"), .agreement)
        XCTAssertEqual(PageScaffold.actKind(of: "Приказ об итогах конкурса"), .other)
    }

    func testFrontMatterOfEachKindReadsBackWithItsKeys() throws {
        let loaded = try portal(TestPortal.standard())
        for kind in PageScaffold.Kind.allCases {
            let page = PageScaffold(kind: kind, title: "Итоги: «Шаг в будущее»", now: TestPortal.buildDate)
            var diagnostics = DiagnosticBag()
            let read = try XCTUnwrap(PageReader.read(bytes: Array(page.text(for: loaded).utf8), source: "x.md", relativePath: "info/x.md", diagnostics: &diagnostics))
            XCTAssertEqual(diagnostics.items.map(\.description), [], kind.rawValue)
            XCTAssertEqual(read.title, "Итоги: «Шаг в будущее»")
            switch kind {
            case .post:
                XCTAssertEqual(read.date?.day.iso, "2024-01-15")
                XCTAssertEqual(read.channels, ["site"])
                XCTAssertTrue(read.mediaplanClaims.isEmpty)
            case .event:
                XCTAssertTrue(read.features.hasStart)
                XCTAssertEqual(read.features.direction?.value, .technical)
            case .act:
                XCTAssertEqual(read.features.act?.kind, .other)
                XCTAssertNil(read.features.file, "no signed file yet: the file: line is a comment")
            }
        }
    }
}
