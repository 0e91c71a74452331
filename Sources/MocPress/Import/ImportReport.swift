/// Отчёт об импорте плана: which table was read, which columns, how each
/// item's «Сроки» are understood, and every decision about rows — for the
/// methodist to check before committing the plan.
public enum ImportReport {
    public static func text(document: PlanDocument, tableIndex: Int, plan: ImportedPlan) -> String {
        let table = document.tables[tableIndex]
        var lines: [String] = []
        var source = "Файл: \(document.file)"
        var details: [String] = []
        if let encoding = document.encoding { details.append("кодировка \(encoding)") }
        if let delimiter = document.delimiter { details.append("разделитель «\(delimiter == "\t" ? "табуляция" : String(delimiter))»") }
        if !details.isEmpty { source += " (\(details.joined(separator: ", ")))" }
        lines.append(source)

        let titleText = table.title.map { "«\(ImportText.excerpt($0, limit: 90))»" } ?? "без заголовка"
        lines.append("Таблица: \(titleText), \(span(table))")
        lines.append("Заголовок плана: \(plan.title)")
        let columns = PlanColumn.allCases.compactMap { column in
            table.columns[column].map { "\(column.russian) — «\($0)»" }
        }
        lines.append("Столбцы: " + columns.joined(separator: "; "))
        let absent = [PlanColumn.number, .result, .responsible].filter { table.columns[$0] == nil }
        if !absent.isEmpty {
            lines.append("Нет столбцов: " + absent.map { "«\($0.russian)»" }.joined(separator: ", "))
        }
        if !table.ignoredColumns.isEmpty {
            lines.append("Не переносятся столбцы: " + table.ignoredColumns.map { "«\($0)»" }.joined(separator: ", "))
        }
        if !table.sections.isEmpty {
            lines.append("Разделы таблицы (заголовки, в план не переносятся): \(table.sections.count)")
            for section in table.sections {
                lines.append("  \(section.position): «\(ImportText.excerpt(section.title, limit: 90))»")
            }
        }
        if document.tables.count > 1 {
            lines.append("Таблиц плана в файле: \(document.tables.count); выбрана \(tableIndex + 1)-я, другую выбирает --table N:")
            for (index, other) in document.tables.enumerated() {
                let mark = index == tableIndex ? "→" : " "
                let name = other.title.map { "«\(ImportText.excerpt($0, limit: 80))»" } ?? "без заголовка"
                lines.append("  \(mark) \(index + 1). \(name), \(span(other)), \(RussianPlural.count(other.rows.count, "пункт", "пункта", "пунктов"))")
            }
        }
        lines.append("")

        lines.append("Пункты (\(plan.items.count)) и их «Сроки» на \(plan.year) год:")
        let headers = ["№", "id", "Сроки", "Окна"]
        let rows = plan.items.map { [$0.number, $0.id, $0.schedule.isEmpty ? "—" : $0.schedule, windows($0.parsed)] }
        let widths = (0..<3).map { column in
            min(column == 2 ? 44 : 48, ([headers] + rows).map { $0[column].count }.max() ?? 0)
        }
        for row in [headers] + rows {
            var line = "  "
            for column in 0..<3 {
                line += row[column] + String(repeating: " ", count: max(1, widths[column] - row[column].count + 2))
            }
            lines.append(line + row[3])
        }

        let notes = table.notes + plan.notes
        if !notes.isEmpty {
            lines.append("")
            lines.append("Замечания:")
            for note in notes { lines.append("  " + note.description(file: document.file)) }
        }

        lines.append("")
        let recognised = plan.items.filter { if case .windows = $0.parsed { return true } else { return false } }.count
        let onDemand = plan.items.filter { $0.parsed == .onDemand }.count
        let invalid = plan.items.count - recognised - onDemand
        var summary = "Сроки распознаны: \(recognised), по необходимости: \(onDemand), не распознаны: \(invalid)"
        if invalid > 0 {
            summary += " — такие пункты mocpress check покажет как «invalid»: исправьте schedule или добавьте windows: в файле плана"
        }
        lines.append(summary + ".")
        return lines.joined(separator: "\n") + "\n"
    }

    /// «2023-05-01..2023-05-31», «по необходимости», «не распознано: …»;
    /// a long list of windows is cut to its first and last.
    static func windows(_ schedule: Schedule) -> String {
        switch schedule {
        case .onDemand:
            return "по необходимости"
        case .invalid(let reason):
            return "не распознано: " + reason
        case .windows(let windows, let min):
            let list = windows.count <= 4
                ? windows.map(\.canonical).joined(separator: "; ")
                : "\(RussianPlural.count(windows.count, "окно", "окна", "окон")): \(windows[0].canonical) … \(windows[windows.count - 1].canonical)"
            return min > 1 ? list + " min=\(min)" : list
        }
    }

    private static func span(_ table: ImportedTable) -> String {
        if case .line(let a) = table.position, case .line(let b) = table.end { return "строки \(a)–\(b)" }
        if case .tableRow(let t, _) = table.position { return "таблица \(t) документа" }
        return table.position.description
    }
}
