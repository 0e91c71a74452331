import ArgumentParser
import Foundation
import MocPress

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Перенести в портал данные из документов Word и Excel.",
        subcommands: [ImportMediaPlanCommand.self]
    )
}

struct ImportMediaPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediaplan",
        abstract: "Превратить таблицу медиаплана из Word (.docx), Excel (.csv) или текста с табуляциями в content/<портал>/mediaplan/<год>.yaml.",
        discussion: """
            Шапка таблицы узнаётся по названиям столбцов («№», «Мероприятие», «Сроки», «Результат», «Ответственные» и их вариантам), строки, \
            разбитые на несколько, склеиваются. Печатает, как поняты «Сроки» каждого пункта. Коды выхода: 0 — план записан (даже если \
            какие-то сроки не распознаны), 2 — в файле не найдена таблица плана или файл плана уже есть, 64 — неверный вызов.
            """
    )

    @Argument(help: "Файл с таблицей плана: .docx, .csv, .tsv или .txt (текст с табуляциями).")
    var file: String

    @Option(name: .long, help: "Год плана: «Сроки» без года относятся к нему.")
    var year: Int

    @Option(name: .long, help: "Портал (папка в content/): записать content/<портал>/mediaplan/<год>.yaml.")
    var portal: String?

    @Option(name: .long, help: "Записать YAML в этот файл; «-» — вывести на экран.")
    var output: String?

    @Option(name: .long, help: "Номер таблицы плана, если их в файле несколько (по умолчанию — медиаплан или первая).")
    var table: Int?

    @Flag(name: .long, help: "Перезаписать существующий файл плана.")
    var force = false

    @Option(name: .long, help: "Папка проекта с content/.")
    var source: String = "."

    func validate() throws {
        guard (2000...2100).contains(year) else { throw ValidationError("--year ожидает год плана, например 2024") }
        switch (portal, output) {
        case (nil, nil): throw ValidationError("укажите, куда записать план: --portal ПОРТАЛ (content/<портал>/mediaplan/\(year).yaml) или --output ФАЙЛ («-» — на экран)")
        case (.some, .some): throw ValidationError("укажите что-то одно: --portal или --output")
        default: break
        }
        if let table, table < 1 { throw ValidationError("--table ожидает номер таблицы, начиная с 1") }
    }

    func run() throws {
        // Where the plan goes, checked first: nothing is read in vain.
        var target: PortalPlanTarget?
        var destination: String?
        if let portal {
            switch PortalPlanTarget.resolve(portal: portal, year: year, projectRoot: source) {
            case .success(let t): target = t
            case .failure(let diagnostic):
                printError("mocpress: \(diagnostic.message)")
                throw Exit.usage
            }
            destination = target!.path
        } else if let output, output != "-" {
            destination = output
        }
        let shown = target?.display ?? destination ?? "-"
        if let destination, FileManager.default.fileExists(atPath: destination), !force {
            printError("mocpress: \(shown) уже есть: план не перезаписан. Чтобы заменить его импортом, добавьте --force")
            throw Exit.invalidContent
        }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            printError("mocpress: нет файла «\(file)»")
            throw Exit.usage
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("mocpress: не удалось прочитать «\(file)»: проверьте права доступа")
            throw Exit.invalidContent
        }
        let document: PlanDocument
        do {
            document = try PlanDocument.read(data, file: file)
        } catch {
            printError(error.description(file: file))
            throw Exit.invalidContent
        }
        guard let (index, chosen) = document.table(table) else {
            printError("mocpress: в файле \(document.tables.count == 1 ? "одна таблица плана" : "таблиц плана: \(document.tables.count)"), а указана --table \(table ?? 0)")
            throw Exit.usage
        }
        let plan = ImportedPlan(table: chosen, year: year, yearRound: target?.yearRound ?? .halfYear,
                                reservedIDs: target?.reservedIDs ?? [])
        let yaml: String
        do {
            yaml = try plan.yaml(comment: [
                "Импортировано из \((file as NSString).lastPathComponent) командой mocpress import mediaplan.",
                "Сверьте с утверждённым планом; id можно заменить на более понятные, пока на них не ссылаются публикации.",
            ])
        } catch {
            printError("mocpress: не удалось записать YAML: \(error)")
            throw Exit.invalidContent
        }

        let report = ImportReport.text(document: document, tableIndex: index, plan: plan)
        guard let destination else {
            FileHandle.standardError.write(Data(report.utf8))
            print(yaml, terminator: "")
            return
        }
        do {
            let folder = (destination as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try yaml.write(toFile: destination, atomically: true, encoding: .utf8)
        } catch {
            printError("mocpress: не удалось записать \(shown): \(error.localizedDescription)")
            throw Exit.invalidContent
        }
        print(report + "Записано: \(shown)")
    }
}
