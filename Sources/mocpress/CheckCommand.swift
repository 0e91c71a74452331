import ArgumentParser
import Foundation
import MocPress

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Проверить, что опубликовано всё, что обещает медиаплан, и что пакет документов и блоки на месте."
    )

    @Argument(help: "Порталы (папки в content/); по умолчанию все.")
    var portals: [String] = []

    @Option(name: .customLong("as-of"), help: "Дата проверки ГГГГ-ММ-ДД (по умолчанию сегодня в часовом поясе портала).")
    var asOf: String?

    @Option(name: .long, help: "Формат: text, json, csv, junit или html.")
    var format: String = "text"

    @Option(name: .long, help: "Записать отчёт в файл вместо вывода на экран.")
    var output: String?

    @Flag(name: .long, help: "Считать ошибкой и нераспознанные сроки, неполный пакет документов, отсутствующий или пустой блок.")
    var strict = false

    @Option(name: .long, help: "Полугодовой отчёт для РМЦ, например 2023-H1: пишет <портал>-2023-H1.html и .csv в папку --output (по умолчанию текущую).")
    var report: String?

    @Option(name: .long, help: "Папка проекта с content/ и themes/.")
    var source: String = "."

    @OptionGroup var shard: ShardOption

    func validate() throws {
        if let report, HalfYearReport(report) == nil {
            throw ValidationError("--report ожидает полугодие в виде 2023-H1 или 2023-H2, а не «\(report)»")
        }
        if let asOf, LocalDate(iso: asOf) == nil {
            throw ValidationError("--as-of ожидает дату ГГГГ-ММ-ДД, а не «\(asOf)»")
        }
        if CheckFormat(rawValue: format) == nil {
            throw ValidationError("--format принимает text, json, csv, junit или html, а не «\(format)»")
        }
    }

    func run() throws {
        let options = BuildOptions(projectRoot: source, portals: portals, now: Date())
        let checker = Checker(options: options, asOf: asOf.flatMap { LocalDate(iso: $0) })
        let ids: [String]
        switch checker.builder.portalIDs() {
        case .success(let list): ids = shard.apply(list)
        case .failure(let diagnostic):
            printError("mocpress: \(diagnostic.message)")
            throw Exit.usage
        }
        let checks = checker.check(portals: ids)
        for check in checks {
            for diagnostic in check.diagnostics { printError(diagnostic.description) }
        }
        let reportDate = checks.first?.asOf ?? LocalDate(iso: asOf ?? "") ?? LocalDate.today(at: Date(), in: .current)
        let report = CheckReport(checks: checks, asOf: reportDate, strict: strict)
        if let halfYear = self.report.flatMap(HalfYearReport.init) {
            try writeHalfYear(halfYear, checks: checks)
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
            return
        }
        let text = report.render(CheckFormat(rawValue: format)!)
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                printError("mocpress: не удалось записать отчёт в \(output): \(error.localizedDescription)")
                throw Exit.invalidContent
            }
        } else {
            print(text, terminator: "")
        }
        let code = report.exitCode
        if code != 0 { throw ExitCode(code) }
    }
}

extension CheckCommand {
    func writeHalfYear(_ halfYear: HalfYearReport, checks: [PortalCheck]) throws {
        let folder = output ?? "."
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for check in checks where !check.hasContentErrors {
                let base = (folder as NSString).appendingPathComponent("\(check.portal)-\(halfYear.name)")
                try halfYear.html(check).write(toFile: base + ".html", atomically: true, encoding: .utf8)
                try halfYear.csv(check).write(toFile: base + ".csv", atomically: true, encoding: .utf8)
                print("Отчёт за \(halfYear.russian): \(base).html, \(base).csv")
            }
        } catch {
            printError("mocpress: не удалось записать отчёт в \(folder): \(error.localizedDescription)")
            throw Exit.invalidContent
        }
    }
}

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Показать, как понимаются «Сроки» из медиаплана."
    )

    @Argument(help: "Текст «Сроков», например «Июнь Декабрь».")
    var text: String

    @Option(name: .long, help: "Год плана (по умолчанию текущий).")
    var year: Int?

    func validate() throws {
        if let year, !(1900...2200).contains(year) { throw ValidationError("--year ожидает год, например 2024") }
    }

    func run() throws {
        let planYear = year ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let schedule = ScheduleParser.parse(text, year: planYear)
        print(schedule.canonical)
        if case .invalid(let reason) = schedule {
            printError(reason)
            throw Exit.invalidContent
        }
    }
}
