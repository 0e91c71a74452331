/// Столбец таблицы плана, который переносится в YAML.
public enum PlanColumn: String, Sendable, CaseIterable {
    case number, activity, schedule, result, responsible

    /// The name used in messages.
    public var russian: String {
        switch self {
        case .number: return "№"
        case .activity: return "Мероприятие"
        case .schedule: return "Сроки"
        case .result: return "Результат"
        case .responsible: return "Ответственные"
        }
    }
}

/// Шапка таблицы плана: which header cell holds which column. Russian
/// names in any order and case, with the variants real plans use
/// («Наименование мероприятия», «Срок реализации», «Исполнитель», …).
struct PlanHeader: Sendable, Hashable {
    struct Column: Sendable, Hashable {
        /// The header cell as written, markup removed.
        var name: String
        var gridStart: Int
        var span: Int
    }

    var columns: [Column]
    /// Index into `columns` of each recognised column.
    var roles: [PlanColumn: Int]
    var position: ImportPosition

    /// Nil unless the row looks like a header: at least two different
    /// columns recognised, and most of its filled cells recognised.
    init?(_ row: SourceRow) {
        var columns: [Column] = []
        var grid = 0
        for cell in row.cells {
            columns.append(Column(name: ImportText.clean(cell.text), gridStart: grid, span: max(1, cell.span)))
            grid += max(1, cell.span)
        }
        let filled = columns.indices.filter { !columns[$0].name.isEmpty }
        guard filled.count >= 2, filled.allSatisfy({ columns[$0].name.count <= 100 }) else { return nil }
        var best: [PlanColumn: (index: Int, rank: Int)] = [:]
        var recognised = 0
        for index in filled {
            guard let (role, rank) = Self.classify(columns[index].name) else { continue }
            recognised += 1
            if let current = best[role], current.rank <= rank { continue }
            best[role] = (index, rank)
        }
        guard best.count >= 2, recognised * 2 >= filled.count else { return nil }
        self.columns = columns
        self.roles = best.mapValues(\.index)
        self.position = row.position
    }

    /// Activity and schedule: what every plan item needs.
    var isComplete: Bool { roles[.activity] != nil && roles[.schedule] != nil }

    /// The recognised columns missing for a complete header.
    var missing: [PlanColumn] { [.activity, .schedule].filter { roles[$0] == nil } }

    /// Header cells as written: to list what was found.
    var names: [String] { columns.map(\.name).filter { !$0.isEmpty } }

    /// The same header repeated (Word repeats it on every page).
    func isRepeat(of other: PlanHeader) -> Bool {
        columns.map { ImportText.normalizedKey($0.name) } == other.columns.map { ImportText.normalizedKey($0.name) }
    }

    /// Header cells that are not carried into the plan («Краткое описание процесса»).
    var ignoredNames: [String] {
        let used = Set(roles.values)
        return columns.indices.filter { !used.contains($0) && !columns[$0].name.isEmpty }.map { columns[$0].name }
    }

    func name(of column: PlanColumn) -> String? { roles[column].map { columns[$0].name } }

    /// A data row's text by column: cells that fall into one header cell
    /// (Word's split sub-columns) are joined.
    func values(of row: SourceRow) -> RowValues {
        var values = RowValues()
        let roleOfColumn = Dictionary(uniqueKeysWithValues: roles.map { ($0.value, $0.key) })
        var grid = 0
        for cell in row.cells {
            let start = grid
            grid += max(1, cell.span)
            let text = ImportText.clean(cell.text)
            guard !text.isEmpty else { continue }
            values.all.append(text)
            guard let index = columns.firstIndex(where: { $0.gridStart <= start && start < $0.gridStart + $0.span }),
                  let role = roleOfColumn[index] else {
                values.others.append(text)
                continue
            }
            if let existing = values.text[role] {
                values.text[role] = existing + " " + text
                values.merged[role] = (values.merged[role] ?? false) && cell.mergedFromAbove
            } else {
                values.text[role] = text
                values.merged[role] = cell.mergedFromAbove
            }
        }
        return values
    }

    /// The column a header cell names, with a rank (0 — the usual name,
    /// 2 — only mentions it) so that «Результат» wins over «Промежуточный результат».
    static func classify(_ raw: String) -> (PlanColumn, rank: Int)? {
        let h = ImportText.normalizedKey(raw)
        guard !h.isEmpty, h.count <= 60 else { return nil }
        let first = h.split(separator: " ").first.map(String.init) ?? h
        func starts(_ prefixes: [String]) -> Bool { prefixes.contains { h.hasPrefix($0) } }

        if h.hasPrefix("№") || ["n", "no", "nn", "п/п", "номер", "n п/п", "no п/п", "n п п"].contains(h) || starts(["номер п"]) {
            return (.number, 0)
        }
        if first.hasPrefix("срок") { return (.schedule, h == "сроки" || h == "срок" ? 0 : 1) }
        if first == "дата" || first == "даты" { return (.schedule, 1) }
        if h == "результат" || h == "результаты" { return (.result, 0) }
        if first.hasPrefix("результат") || starts(["ожидаем", "планируем", "форма представления", "форма отчет", "вид отчет", "итоговый документ"]) {
            return (.result, 1)
        }
        if first.hasPrefix("ответствен") || first.hasPrefix("исполнител") {
            return (.responsible, h == "ответственные" || h == "ответственный" ? 0 : 1)
        }
        if h == "мероприятие" || h == "мероприятия" { return (.activity, 0) }
        if starts(["наименование", "название", "содержание", "мероприят", "тема", "вид работ", "вид деятельност", "направлени", "деятельност"]) {
            return (.activity, 1)
        }
        if starts(["период", "время проведения", "когда"]) || h.contains("срок") { return (.schedule, 2) }
        if h.contains("результат") { return (.result, 2) }
        if h.contains("ответствен") || h.contains("исполнител") { return (.responsible, 2) }
        if h.contains("мероприят") { return (.activity, 2) }
        return nil
    }
}

/// A data row's cleaned text by plan column.
struct RowValues: Sendable {
    var text: [PlanColumn: String] = [:]
    /// True when every cell that gave the column's text continues a merged cell above.
    var merged: [PlanColumn: Bool] = [:]
    /// Text in columns the plan does not keep.
    var others: [String] = []
    /// Every filled cell, in order.
    var all: [String] = []

    subscript(_ column: PlanColumn) -> String { text[column] ?? "" }

    var isEmpty: Bool { all.isEmpty }
}
