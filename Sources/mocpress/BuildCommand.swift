import ArgumentParser
import Foundation
import MocPress

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Собрать порталы из content/ в site/<портал>/."
    )

    @Argument(help: "Порталы (папки в content/); по умолчанию все.")
    var portals: [String] = []

    @Option(name: .long, help: "Папка результата (по умолчанию site/ проекта).")
    var output: String?

    @Flag(name: .long, help: "Собирать и черновики (draft: true).")
    var drafts = false

    @Flag(name: .long, help: "Собирать и страницы с датой в будущем.")
    var future = false

    @Option(name: .customLong("base-url"), help: "Адрес публикации вместо base_url из portal.yaml; {portal} заменяется на имя портала.")
    var baseURL: String?

    @Option(name: .long, help: "Папка проекта с content/ и themes/.")
    var source: String = "."

    @Flag(name: .customLong("no-cache"), help: "Собрать заново и порталы, в которых ничего не изменилось (не смотреть в .mocpress-cache/).")
    var noCache = false

    @OptionGroup var shard: ShardOption

    func run() throws {
        let started = Date()
        let options = BuildOptions(projectRoot: source, portals: portals, drafts: drafts, future: future, baseURL: baseURL, now: started, cache: !noCache)
        let builder = SiteBuilder(options: options)
        let ids: [String]
        switch builder.portalIDs() {
        case .success(let list): ids = shard.apply(list)
        case .failure(let diagnostic):
            printError("mocpress: \(diagnostic.message)")
            throw Exit.usage
        }
        let outputRoot = output ?? (source as NSString).appendingPathComponent("site")
        var failed: [String] = []
        var pages = 0
        var errors = 0
        var warnings = 0
        var unchanged: [String] = []
        var reusedPages = 0
        for id in ids {
            if isInteractive { printError("Сборка портала \(id)…") }
            let report = builder.buildToDisk(portal: id, outputRoot: outputRoot)
            for diagnostic in report.diagnostics { printError(diagnostic.description) }
            errors += report.diagnostics.filter { $0.severity == .error }.count
            warnings += report.diagnostics.filter { $0.severity == .warning }.count
            if report.reused { unchanged.append(id) }
            reusedPages += report.pagesReused
            if report.succeeded {
                pages += report.pagesWritten
                if isInteractive { printError("  \(id): \(russianCount(report.pagesWritten, "страница", "страницы", "страниц"))") }
            } else {
                failed.append(id)
            }
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started)).replacingOccurrences(of: ".", with: ",")
        let built = ids.count - failed.count
        var summary = "Собрано: \(russianCount(built, "портал", "портала", "порталов")), \(russianCount(pages, "страница", "страницы", "страниц"))\(reusedPages > 0 ? " (\(reusedPages) не изменились)" : "") за \(seconds) с"
        if warnings > 0 { summary += "; \(russianCount(warnings, "предупреждение", "предупреждения", "предупреждений"))" }
        if !unchanged.isEmpty {
            summary += unchanged.count == ids.count ? "; без изменений с прошлой сборки" : "; без изменений: \(unchanged.joined(separator: ", "))"
        }
        print(summary)
        if !failed.isEmpty {
            printError("Не собрано из-за ошибок (\(russianCount(errors, "ошибка", "ошибки", "ошибок"))): \(failed.joined(separator: ", ")). Прежняя версия этих порталов в \(outputRoot)/ не изменена.")
            throw Exit.invalidContent
        }
    }
}
