import Foundation
import XCTest
@testable import MocPress

/// `mocpress import mediaplan` run as a user runs it.
final class ImportCommandTests: XCTestCase {
    var project: DiskProject!

    override func setUpWithError() throws {
        project = try DiskProject()
        try project.add(TestPortal.standard())
        try FileManager.default.copyItem(at: Seeds.url("001_504c2d0822a1fd13.txt"), to: URL(fileURLWithPath: project.root + "/mediaplan.txt"))
    }

    override func tearDown() { project.remove() }

    func testWithAPortalItWritesThePlanPrintsTheSchedulesAndTheSiteBuilds() throws {
        // The test portal has its 2023 plan already: the seed goes in as the next year's.
        let result = try project.run(["import", "mediaplan", "mediaplan.txt", "--year", "2024", "--portal", "demo"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let yaml = try XCTUnwrap(project.read("content/demo/mediaplan/2024.yaml"))
        XCTAssertTrue(yaml.contains("\ntitle: Медиаплан освещения деятельности муниципального опорного центра на 2023 год\nyear: 2024\nitems:\n- id: popolnenie-informatsionnogo-razdela\n"), yaml)
        XCTAssertTrue(result.stdout.contains("  1   popolnenie-informatsionnogo-razdela       В течение года         2024-01-01..2024-06-30; 2024-07-01..2024-12-31\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  2   uchastnikov-obrazovatelnykh-otnoshenij    Май 2023 г.            2023-05-01..2023-05-31\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("mediaplan.txt:13: замечание: продолжение пункта 2 присоединено: «Результат»"), result.stdout)
        XCTAssertTrue(result.stdout.contains("mediaplan.txt:9: предупреждение: заголовок документа называет 2023 год, а план импортируется на 2024 (--year)"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("Сроки распознаны: 10, по необходимости: 0, не распознаны: 0.\nЗаписано: content/demo/mediaplan/2024.yaml\n"), result.stdout)
        let build = try project.run(["build", "demo"])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(build.stderr, "")
    }

    func testAnExistingPlanIsNotOverwrittenWithoutForce() throws {
        let existing = try XCTUnwrap(project.read("content/demo/mediaplan/2023.yaml"))
        let refused = try project.run(["import", "mediaplan", "mediaplan.txt", "--year", "2023", "--portal", "demo"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "mocpress: content/demo/mediaplan/2023.yaml уже есть: план не перезаписан. Чтобы заменить его импортом, добавьте --force\n")
        XCTAssertEqual(project.read("content/demo/mediaplan/2023.yaml"), existing)

        let forced = try project.run(["import", "mediaplan", "mediaplan.txt", "--year", "2023", "--portal", "demo", "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertNotEqual(project.read("content/demo/mediaplan/2023.yaml"), existing)

        let file = try project.run(["import", "mediaplan", "mediaplan.txt", "--year", "2023", "--output", "content/demo/mediaplan/2023.yaml"])
        XCTAssertEqual(file.status, 2, "--output refuses to overwrite too")
    }

    func testOutputDashPrintsTheYAMLAndTheReportGoesToStderr() throws {
        let result = try project.run(["import", "mediaplan", "mediaplan.txt", "--year", "2023", "--output", "-"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("# Импортировано из mediaplan.txt командой mocpress import mediaplan.\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n- id: osveshchenie-deyatelnosti-mots\n  activity: Освещение деятельности МОЦ\n  schedule: В течение года\n  result: Информация на сайте МОЦ\n  responsible: МОЦ\n"), result.stdout)
        XCTAssertTrue(result.stderr.hasPrefix("Файл: mediaplan.txt (кодировка UTF-8)\n"), result.stderr)
        XCTAssertFalse(result.stderr.contains("Записано"))
    }

    func testAnotherFileAnotherTableAndAnUnrecognisedScheduleStillExitZero() throws {
        try FileManager.default.copyItem(at: Seeds.url("002_7c48805990971334.txt"), to: URL(fileURLWithPath: project.root + "/smolensk.txt"))
        let result = try project.run(["import", "mediaplan", "smolensk.txt", "--year", "2020", "--table", "1", "--output", "plans/first.yaml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Таблиц плана в файле: 3; выбрана 1-я, другую выбирает --table N:"), result.stdout)
        XCTAssertNotNil(project.read("plans/first.yaml"))

        try project.write("vesnoj.txt", "Мероприятие\tСроки\nСубботник\tвесной\n")
        let spring = try project.run(["import", "mediaplan", "vesnoj.txt", "--year", "2024", "--output", "vesnoj.yaml"])
        XCTAssertEqual(spring.status, 0, spring.stderr)
        XCTAssertTrue(spring.stdout.contains("не распознано: не удалось распознать «весной»"), spring.stdout)
        XCTAssertTrue(spring.stdout.contains("не распознаны: 1 — такие пункты mocpress check покажет как «invalid»"), spring.stdout)
    }

    func testUsageErrorsExit64AndAFileWithoutAPlanExits2() throws {
        let noYear = try project.run(["import", "mediaplan", "mediaplan.txt", "--portal", "demo"])
        XCTAssertEqual(noYear.status, 64)
        XCTAssertTrue(noYear.stderr.contains("--year"), noYear.stderr)
        let nowhere = try project.run(["import", "mediaplan", "mediaplan.txt", "--year", "2023"])
        XCTAssertEqual(nowhere.status, 64)
        XCTAssertTrue(nowhere.stderr.contains("укажите, куда записать план: --portal ПОРТАЛ"), nowhere.stderr)
        XCTAssertEqual(try project.run(["import", "mediaplan", "mediaplan.txt", "--year", "2023", "--portal", "demo", "--output", "-"]).status, 64)
        XCTAssertEqual(try project.run(["import", "mediaplan", "mediaplan.txt", "--year", "23", "--output", "-"]).status, 64)
        let unknown = try project.run(["import", "mediaplan", "mediaplan.txt", "--year", "2023", "--portal", "net"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("нет портала «net»"), unknown.stderr)
        let missing = try project.run(["import", "mediaplan", "net.txt", "--year", "2023", "--output", "-"])
        XCTAssertEqual(missing.status, 64)
        XCTAssertEqual(missing.stderr, "mocpress: нет файла «net.txt»\n")
        XCTAssertEqual(try project.run(["import", "mediaplan", "mediaplan.txt", "--year", "2023", "--output", "-", "--table", "2"]).status, 64)

        try project.write("notes.txt", "Просто заметки\n")
        let notAPlan = try project.run(["import", "mediaplan", "notes.txt", "--year", "2023", "--output", "notes.yaml"])
        XCTAssertEqual(notAPlan.status, 2)
        XCTAssertTrue(notAPlan.stderr.hasPrefix("notes.txt: ошибка: не найдена таблица плана"), notAPlan.stderr)
        XCTAssertNil(project.read("notes.yaml"))
    }
}
