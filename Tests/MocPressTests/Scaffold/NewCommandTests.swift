import Foundation
import XCTest
@testable import MocPress

/// `mocpress new` as a methodist runs it: a new portal builds and checks at
/// once, `check` points at every place still to fill, and new pages land where
/// their kind belongs.
final class NewCommandTests: XCTestCase {
    var project: DiskProject!
    /// The plans are for next year, checked in its first days: no window has
    /// passed, so only the placeholders can fail `check --strict`.
    let year = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
    var asOf: String { "\(year)-01-10" }

    override func setUpWithError() throws {
        project = try DiskProject()
    }

    override func tearDown() { project.remove() }

    func newPortal(_ extra: [String] = []) throws {
        let result = try project.run(["new", "portal", "novyj", "--year", String(year)] + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Создан портал content/novyj/: 24 файла."), result.stdout)
    }

    func contentFiles() -> [String] {
        let root = project.root + "/content/novyj"
        return (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") || $0.hasSuffix(".csv") }.sorted()
    }

    func testANewPortalBuildsAtOnceWithOnlyTheExpectedWarnings() throws {
        try newPortal()
        let build = try project.run(["build", "novyj"])
        XCTAssertEqual(build.status, 0, build.stderr)
        let lines = build.stderr.split(separator: "\n").map(String.init)
        let unexpected = lines.filter { !$0.contains("предупреждение: в файле остались незаполненные места: ") && !$0.contains("предупреждение: у документа нет файла") }
        XCTAssertEqual(unexpected, [], "only placeholders and the acts without signed files")
        XCTAssertEqual(lines.filter { $0.contains("у документа нет файла") }.count, 4)
        XCTAssertTrue(lines.contains { $0.hasPrefix("content/novyj/portal.yaml:7:") && $0.contains("в файле остались незаполненные места: 14") }, build.stderr)
        XCTAssertEqual(Set(lines.compactMap { $0.split(separator: ":").first.map(String.init) }).count, lines.count - 4, "one placeholder warning per file")

        for page in ["index.html", "metodicheskij/programma-tekhnicheskoj-napravlennosti/index.html",
                     "distantsionnyj/navigator-dlya-roditelej/urok-2-sertifikat/index.html",
                     "ekspertno-analiticheskij/okhvat-po-napravlennostyam/index.html",
                     "info/novosti/otkrylsya-portal-moc/index.html", "info/meropriyatiya/den-otkrytykh-dverej/index.html",
                     "info/dokumenty/index.html", "info/dokumenty/polozhenie-o-moc/index.html", "info/kontakty/index.html",
                     "info/mediaplan/\(year)/index.html", "info/workplan/\(year)/index.html"] {
            XCTAssertNotNil(project.read("site/novyj/" + page), page)
        }
        let regulation = try XCTUnwrap(project.read("site/novyj/info/dokumenty/polozhenie-o-moc/index.html"))
        XCTAssertTrue(regulation.contains("3.11. Формирует информационно-телекоммуникационный контур муниципальной системы дополнительного образования детей"))
    }

    func testCheckListsEveryPlaceholderWithFileLineAndColumnAndStrictFails() throws {
        try newPortal(["--municipality", "Сосновский район", "--region", "Тамбовская область"])
        let check = try project.run(["check", "novyj", "--as-of", asOf])
        XCTAssertEqual(check.status, 0, "a plain check keeps its exit codes: nothing is overdue yet\n" + check.stdout)
        XCTAssertTrue(check.stdout.contains("  Замечание: content/novyj/portal.yaml:12:10: не заполнено: наименование образовательной организации, на базе которой создан МОЦ\n"), check.stdout)
        XCTAssertTrue(check.stdout.contains("  Замечание: content/novyj/info/dokumenty/polozhenie-o-moc.md:8:12: не заполнено: номер документа\n"), check.stdout)
        XCTAssertTrue(check.stdout.contains("  Замечание: content/novyj/mediaplan/\(year).yaml:3:3: не заполнено: сверьте пункты"), check.stdout)
        XCTAssertTrue(check.stdout.contains("  Пакет нормативных документов: полный\n"), check.stdout)
        XCTAssertFalse(check.stdout.contains("Сосновский район]"), "names given on the command line are filled in")

        let json = try project.run(["check", "novyj", "--as-of", asOf, "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"kind\": \"placeholder\""), json.stdout)
        XCTAssertTrue(json.stdout.contains("\"file\": \"content/novyj/info/kontakty.md:12:16\""), json.stdout)

        let strict = try project.run(["check", "novyj", "--as-of", asOf, "--strict"])
        XCTAssertEqual(strict.status, 1, strict.stdout)
    }

    func testFilledPlaceholdersAreNoLongerReported() throws {
        try newPortal()
        XCTAssertGreaterThan(try project.run(["check", "novyj", "--as-of", asOf]).stdout.components(separatedBy: "не заполнено:").count, 60)
        let placeholder = try NSRegularExpression(pattern: "\\[ЗАПОЛНИТЕ:[^\\]\\n]*\\]")
        for file in contentFiles() {
            let path = "content/novyj/" + file
            let text = try XCTUnwrap(project.read(path))
            let filled = placeholder.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "Сосновского района")
            try project.write(path, filled)
        }
        let check = try project.run(["check", "novyj", "--as-of", asOf, "--strict"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertFalse(check.stdout.contains("не заполнено"), check.stdout)
        XCTAssertFalse(check.stderr.contains("незаполненные места"), check.stderr)
        let build = try project.run(["build", "novyj"])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertFalse(build.stderr.contains("незаполненные места"), build.stderr)
    }

    func testAnExistingPortalIsNeverOverwritten() throws {
        try newPortal()
        try project.write("content/novyj/info/novosti/moya.md", "---\ntitle: Моя новость\n---\n")
        let before = project.snapshot("content/novyj")
        let again = try project.run(["new", "portal", "novyj"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("портал «novyj» уже есть"), again.stderr)
        XCTAssertEqual(project.snapshot("content/novyj"), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.root + "/content"), ["novyj"], "no temporary folder is left")
    }

    func testAPortalIDMustBeLowerCaseLatinDigitsAndDashes() throws {
        for bad in ["Novyj", "novyj_2", "новый", "../novyj"] {
            let result = try project.run(["new", "portal", bad])
            XCTAssertEqual(result.status, 64, bad)
            XCTAssertTrue(result.stderr.contains("имя портала «\(bad)» не подходит: используйте строчные латинские буквы, цифры и дефис"), result.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.root + "/content"), [])
    }

    func testNewPagesLandInTheirSectionsAndTheBuildPublishesThem() throws {
        try newPortal()
        let post = try project.run(["new", "post", "novyj", "Итоги конкурса: «Шаг в будущее»"])
        XCTAssertEqual(post.status, 0, post.stderr)
        XCTAssertEqual(post.stdout, "content/novyj/info/novosti/itogi-konkursa-shag-v-budushchee.md\n")
        let event = try project.run(["new", "event", "novyj", "Фестиваль «РобоСтарт»"])
        XCTAssertEqual(event.stdout, "content/novyj/info/meropriyatiya/festival-robostart.md\n", event.stderr)
        let act = try project.run(["new", "act", "novyj", "Соглашение о сотрудничестве с РМЦ"])
        XCTAssertEqual(act.stdout, "content/novyj/info/dokumenty/soglashenie-o-sotrudnichestve-s-rmts.md\n", act.stderr)
        let announcement = try project.run(["new", "post", "novyj", "Приём заявок", "--section", "info/anonsy"])
        XCTAssertEqual(announcement.stdout, "content/novyj/info/anonsy/priyom-zayavok.md\n", announcement.stderr)

        let postText = try XCTUnwrap(project.read("content/novyj/info/novosti/itogi-konkursa-shag-v-budushchee.md"))
        XCTAssertTrue(postText.hasPrefix("---\ntitle: 'Итоги конкурса: «Шаг в будущее»'\ndate: "), postText)
        XCTAssertTrue(postText.contains("\nmediaplan: []"))
        XCTAssertTrue(postText.contains("\nchannels: [site]"))
        let actText = try XCTUnwrap(project.read("content/novyj/info/dokumenty/soglashenie-o-sotrudnichestve-s-rmts.md"))
        XCTAssertTrue(actText.contains("\n  kind: agreement "), actText)
        XCTAssertTrue(actText.contains("\n# file: files/soglashenie-o-sotrudnichestve-s-rmts.pdf "), actText)

        let build = try project.run(["build", "novyj"])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertNotNil(project.read("site/novyj/info/novosti/itogi-konkursa-shag-v-budushchee/index.html"))
        XCTAssertNotNil(project.read("site/novyj/info/anonsy/priyom-zayavok/index.html"))
        let eventPage = try XCTUnwrap(project.read("site/novyj/info/meropriyatiya/festival-robostart/index.html"))
        XCTAssertTrue(eventPage.contains("application/ld+json"), "an event page with schema.org Event")
        XCTAssertTrue(try XCTUnwrap(project.read("site/novyj/info/dokumenty/index.html")).contains("Соглашение от "), "the agreement is in the package table")

        let check = try project.run(["check", "novyj", "--as-of", asOf])
        XCTAssertTrue(check.stdout.contains("content/novyj/info/novosti/itogi-konkursa-shag-v-budushchee.md:4:11: не заполнено: одно-два предложения для списка новостей"), check.stdout)
    }

    func testNewPagesRefuseToOverwriteAndExplainWrongCalls() throws {
        try newPortal()
        XCTAssertEqual(try project.run(["new", "post", "novyj", "Новость"]).status, 0)
        let before = project.read("content/novyj/info/novosti/novost.md")
        let again = try project.run(["new", "post", "novyj", "Новость"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("файл content/novyj/info/novosti/novost.md уже есть"), again.stderr)
        XCTAssertEqual(project.read("content/novyj/info/novosti/novost.md"), before)

        let unknown = try project.run(["new", "event", "net", "Фестиваль"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("нет портала «net» (есть: novyj)"), unknown.stderr)
        XCTAssertEqual(try project.run(["new", "post", "novyj", "…"]).status, 64)
        XCTAssertEqual(try project.run(["new", "post", "novyj", "Новость", "--section", "../chuzhoj"]).status, 64)

        try FileManager.default.removeItem(atPath: project.root + "/content/novyj/info/meropriyatiya")
        let noEvents = try project.run(["new", "event", "novyj", "Фестиваль"])
        XCTAssertEqual(noEvents.status, 64)
        XCTAssertTrue(noEvents.stderr.contains("нужен раздел мероприятий (kind: events)"), noEvents.stderr)
    }
}
