/// Строка плана, собранная из документа: one numbered row with the text of
/// its continuation lines joined on.
public struct ImportedRow: Sendable, Hashable {
    /// № п/п as written, without a trailing dot: «1», «2.1», «1.1.1»; empty
    /// when the table has no № column.
    public var number: String
    /// Where the row starts in the document.
    public var position: ImportPosition
    public var activity: String
    /// «Сроки» as written, line breaks as spaces.
    public var schedule: String
    public var result: String
    public var responsible: String
    /// The section heading the row stands under («Организационный трек»), if any.
    public var section: String?
}

/// Раздел таблицы («Организационный трек»): a heading row spanning the table.
public struct ImportedSection: Sendable, Hashable {
    public var title: String
    public var position: ImportPosition
}

/// Таблица плана, найденная в документе, with its rows joined into items.
public struct ImportedTable: Sendable {
    /// The document's title before the table, cleaned; nil when there is none.
    public var title: String?
    /// The header row.
    public var position: ImportPosition
    /// Where the table's last row is.
    public var end: ImportPosition
    /// Header cells carried into the plan, by column.
    public var columns: [PlanColumn: String]
    /// Header cells not carried into the plan («Краткое описание процесса»).
    public var ignoredColumns: [String]
    public var rows: [ImportedRow]
    /// Section headings between the rows, kept out of the items.
    public var sections: [ImportedSection]
    /// How rows were read: continuations, page breaks, skipped rows.
    public var notes: [ImportNote]

    /// A media plan by its title (the table the import picks by default).
    public var isMediaPlan: Bool { title?.lowercased().contains("медиаплан") ?? false }
}

/// Joins the rows of a found table into plan rows.
///
/// A row whose № cell holds a number starts an item; a row with an empty №
/// cell continues the item above, each of its cells appended to the same
/// column (the seeds split one Word row over several lines this way, and a
/// row with several «Сроки» sub-rows gets them all). A row with text only in
/// one cell, or with a heading rather than a number in the № cell
/// («Организационный трек», «I. …», «1.2 Разработка …»), is a section. A
/// numbered row with no «Сроки», «Результат» or «Ответственные» followed by
/// its sub-items («1» before «1.1») is a section too.
enum PlanRowGrouper {
    static func table(_ found: PlanTableFinder.Table) -> ImportedTable {
        let header = found.header
        var notes = found.notes
        var rows: [ImportedRow] = []
        var sections: [ImportedSection] = []
        var section: String?
        var afterPageBreak = false
        let hasNumber = header.roles[.number] != nil
        let carried: [PlanColumn] = [.activity, .schedule, .result, .responsible]

        func startSection(_ title: String, at position: ImportPosition) {
            sections.append(ImportedSection(title: title, position: position))
            section = title
        }

        for line in found.lines {
            let row: SourceRow
            switch line {
            case .pageBreak:
                afterPageBreak = true
                continue
            case .row(let r):
                row = r
            }
            let values = header.values(of: row)
            guard !values.isEmpty else { continue }
            // «1 2 3 4 5» under the header: the numbers of the columns, as official forms have.
            if values.all.count >= 3, values.all == (1...values.all.count).map(String.init) {
                notes.append(ImportNote(.note, "строка с номерами столбцов пропущена", at: row.position))
                continue
            }
            let wasAfterBreak = afterPageBreak
            afterPageBreak = false

            let number = values[.number]
            let numberContinues = number.isEmpty || (values.merged[.number] ?? false)
            let onlyDetails = values[.schedule].isEmpty && values[.result].isEmpty && values[.responsible].isEmpty
            let spansTable = values.all.count == 1 && (row.cells.first { !ImportText.clean($0.text).isEmpty }?.span ?? 1) > 1

            enum Kind { case item, continuation, section }
            let kind: Kind
            if spansTable {
                kind = .section
            } else if hasNumber {
                if !numberContinues && ImportText.isItemNumber(number) {
                    kind = .item
                } else if numberContinues {
                    kind = rows.isEmpty ? .section : .continuation
                } else if onlyDetails {
                    kind = .section
                } else {
                    kind = .item
                    notes.append(ImportNote(.warning, "в столбце «№» не номер, а «\(number)»: строка считается новым пунктом", at: row.position))
                }
            } else {
                kind = values[.activity].isEmpty || (values.merged[.activity] ?? false) ? (rows.isEmpty ? .section : .continuation) : .item
            }

            switch kind {
            case .section:
                if rows.isEmpty && values.all.count > 1 && hasNumber && numberContinues {
                    notes.append(ImportNote(.warning, "строка до первого пункта без номера пропущена: «\(values.all.joined(separator: " | "))»", at: row.position))
                } else {
                    startSection(values.all.joined(separator: " "), at: row.position)
                }
            case .item:
                rows.append(ImportedRow(number: hasNumber ? ImportText.itemNumber(number) : "", position: row.position,
                                        activity: values[.activity], schedule: values[.schedule],
                                        result: values[.result], responsible: values[.responsible], section: section))
            case .continuation:
                var last = rows[rows.count - 1]
                var appended: [String] = []
                var repeated = 0
                for column in carried {
                    let text = values[column]
                    guard !text.isEmpty, !(values.merged[column] ?? false) else { continue }
                    let existing = last[column]
                    if wasAfterBreak, existing.hasSuffix(text) {
                        repeated += 1
                        continue
                    }
                    last[column] = existing.isEmpty ? text : existing + " " + text
                    appended.append("«\(header.name(of: column) ?? column.russian)»")
                }
                rows[rows.count - 1] = last
                let label = last.number.isEmpty ? "«\(ImportText.excerpt(last.activity))»" : last.number
                if !appended.isEmpty {
                    notes.append(ImportNote(.note, "продолжение пункта \(label) присоединено: \(appended.joined(separator: ", "))", at: row.position))
                } else if repeated > 0 {
                    notes.append(ImportNote(.note, "строка повторяет конец пункта \(label) после переноса таблицы на новую страницу: пропущена", at: row.position))
                }
            }
        }

        // «1» with no details before «1.1»: the heading of a group of items.
        var k = 0
        while k < rows.count {
            let r = rows[k]
            if !r.number.isEmpty, r.schedule.isEmpty, r.result.isEmpty, r.responsible.isEmpty,
               k + 1 < rows.count, rows[k + 1].number.hasPrefix(r.number + ".") {
                let title = r.number + ". " + r.activity
                sections.append(ImportedSection(title: title, position: r.position))
                notes.append(ImportNote(.note, "пункт \(r.number) без сроков перед подпунктами \(r.number).… считается разделом", at: r.position))
                for j in (k + 1)..<rows.count where rows[j].section == r.section { rows[j].section = title }
                rows.remove(at: k)
                continue
            }
            k += 1
        }

        var kept: [ImportedRow] = []
        var seenNumbers: [String: ImportPosition] = [:]
        for r in rows {
            let label = r.number.isEmpty ? "" : " \(r.number)"
            if r.activity.isEmpty {
                let empty = r.schedule.isEmpty && r.result.isEmpty && r.responsible.isEmpty
                notes.append(ImportNote(.warning, empty ? "пункт\(label) пуст: пропущен" : "у пункта\(label) нет мероприятия: пропущен", at: r.position))
                continue
            }
            if r.schedule.isEmpty {
                notes.append(ImportNote(.warning, "у пункта\(label) нет «Сроков»: в плане он будет «invalid», допишите schedule", at: r.position))
            }
            if !r.number.isEmpty, let first = seenNumbers[r.number] {
                notes.append(ImportNote(.warning, "номер \(r.number) уже был (\(first)): проверьте нумерацию в документе", at: r.position))
            }
            seenNumbers[r.number] = seenNumbers[r.number] ?? r.position
            kept.append(r)
        }

        var columns: [PlanColumn: String] = [:]
        for column in PlanColumn.allCases { columns[column] = header.name(of: column) }
        return ImportedTable(title: found.title, position: header.position, end: found.end, columns: columns,
                             ignoredColumns: header.ignoredNames, rows: kept,
                             sections: sections.sorted { $0.position.sortKey.lexicographicallyPrecedes($1.position.sortKey) },
                             notes: notes)
    }
}

extension ImportedRow {
    subscript(_ column: PlanColumn) -> String {
        get {
            switch column {
            case .number: return number
            case .activity: return activity
            case .schedule: return schedule
            case .result: return result
            case .responsible: return responsible
            }
        }
        set {
            switch column {
            case .number: number = newValue
            case .activity: activity = newValue
            case .schedule: schedule = newValue
            case .result: result = newValue
            case .responsible: responsible = newValue
            }
        }
    }
}

extension ImportText {
    /// The first words of a long text, for messages.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
