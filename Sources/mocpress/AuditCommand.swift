import ArgumentParser
import Foundation
import MocPress

/// `--shard I/N` for build, check and audit.
struct ShardOption: ParsableArguments {
    @Option(name: .long, help: "Часть порталов для одной из N задач CI: I/N (порталы по алфавиту, k-й от нуля — в части k mod N + 1).")
    var shard: String?

    func validate() throws {
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard ожидает I/N, где 1 ≤ I ≤ N, например 2/4, а не «\(shard)»")
        }
    }

    func apply(_ ids: [String]) -> [String] {
        shard.flatMap(Shard.init).map { $0.select(ids) } ?? ids
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Отчёт РМЦ по всем порталам: сводная таблица, страница каждого портала, audit.json и audit.csv."
    )

    @Option(name: .long, help: "Папка, куда записать отчёт (index.html, audit.json, audit.csv, portals/).")
    var output: String

    @Option(name: .customLong("as-of"), help: "Дата проверки ГГГГ-ММ-ДД (по умолчанию сегодня).")
    var asOf: String?

    @Option(name: .customLong("content"), parsing: .upToNextOption,
            help: "Папки content/ (по одной на репозиторий МОЦ); по умолчанию content/ проекта.")
    var contentFolders: [String] = []

    @OptionGroup var shard: ShardOption

    @Option(name: .long, help: "Папка проекта с content/ и themes/.")
    var source: String = "."

    func validate() throws {
        if let asOf, LocalDate(iso: asOf) == nil {
            throw ValidationError("--as-of ожидает дату ГГГГ-ММ-ДД, а не «\(asOf)»")
        }
    }

    func run() throws {
        let now = Date()
        let date = asOf.flatMap { LocalDate(iso: $0) }
        // Each content folder is a project of its own; themes missing there come from --source.
        let roots = contentFolders.isEmpty ? [source] : contentFolders.map(Self.projectRoot)
        var work: [(checker: Checker, id: String)] = []
        var seen: [String: String] = [:]
        for root in roots {
            var options = BuildOptions(projectRoot: root, now: now)
            options.themesRoot = source
            let checker = Checker(options: options, asOf: date)
            switch checker.builder.portalIDs() {
            case .success(let ids):
                for id in ids {
                    if let other = seen[id] {
                        printError("mocpress: портал «\(id)» есть и в \(other)/content, и в \(root)/content: переименуйте один из них")
                        throw Exit.usage
                    }
                    seen[id] = root
                    work.append((checker, id))
                }
            case .failure(let diagnostic):
                printError("mocpress: \(root): \(diagnostic.message)")
                throw Exit.usage
            }
        }
        let selected = Set(shard.apply(work.map(\.id)))
        work = work.filter { selected.contains($0.id) }
        let started = Date()
        var checks: [PortalCheck] = []
        for root in roots {
            let here = work.filter { seen[$0.id] == root }
            guard let checker = here.first?.checker else { continue }
            checks += checker.check(portals: here.map(\.id))
        }
        for check in checks {
            for diagnostic in check.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
        }
        let reportDate = date ?? checks.first?.asOf ?? LocalDate.today(at: now, in: .current)
        let audit = Audit(checks: checks, asOf: reportDate)
        do {
            try audit.write(to: output)
        } catch {
            printError("mocpress: не удалось записать отчёт в \(output): \((error as? FileSystemError)?.reason ?? error.localizedDescription)")
            throw Exit.invalidContent
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started)).replacingOccurrences(of: ".", with: ",")
        print("Аудит: \(russianCount(checks.count, "портал", "портала", "порталов")) за \(seconds) с → \((output as NSString).appendingPathComponent("index.html"))")
        let code = CheckReport(checks: checks, asOf: reportDate, strict: false).exitCode
        if code != 0 { throw ExitCode(code) }
    }

    /// `repo/content` → `repo`; a folder that holds `content/` is the project itself.
    static func projectRoot(_ folder: String) -> String {
        let trimmed = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        if FileManager.default.fileExists(atPath: (trimmed as NSString).appendingPathComponent("content")) { return trimmed }
        if (trimmed as NSString).lastPathComponent == "content" {
            let parent = (trimmed as NSString).deletingLastPathComponent
            return parent.isEmpty ? "." : parent
        }
        return trimmed
    }
}
