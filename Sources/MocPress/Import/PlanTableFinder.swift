/// Finds the plan tables of a document: each starts at a header row
/// (`PlanHeader`) and takes the rows after it. A header repeated on the next
/// page (Word repeats it, and text copies keep the copy) continues the table
/// unless a new title stands before it or the numbering starts again at 1.
struct PlanTableFinder {
    struct Table {
        /// The document's title standing before the table («Медиаплан …»), cleaned.
        var title: String?
        var header: PlanHeader
        var lines: [Line] = []
        var notes: [ImportNote] = []
        var end: ImportPosition
    }

    enum Line {
        case row(SourceRow)
        /// The header again: the table went on to a new page.
        case pageBreak(ImportPosition)
    }

    var tables: [Table] = []
    /// Header rows without «Мероприятие» or «Сроки».
    var incomplete: [PlanHeader] = []
    /// The first row of cells in the document: named when no header is found.
    var firstRow: SourceRow?

    /// Text lines between two rows of one table that are skipped rather than end it.
    private static let straySlack = 2

    init(_ blocks: [SourceBlock]) {
        var paragraphs: [[String]] = [[]]
        var current: Int?
        var stray: [(String, ImportPosition)] = []

        func addLine(_ text: String) {
            paragraphs[paragraphs.count - 1].append(text)
        }

        for (index, block) in blocks.enumerated() {
            switch block {
            case .blank:
                if !(paragraphs.last ?? []).isEmpty { paragraphs.append([]) }
            case .text(let text, let position):
                addLine(text)
                if current != nil { stray.append((text, position)) }
            case .row(let row):
                if let header = PlanHeader(row) {
                    let title = Self.title(in: paragraphs)
                    let previous = current ?? (tables.isEmpty ? nil : tables.count - 1)
                    if let c = previous, header.isRepeat(of: tables[c].header), title == nil,
                       !Self.numberingRestarts(blocks, after: index, table: tables[c]) {
                        tables[c].lines.append(.pageBreak(row.position))
                        tables[c].notes.append(ImportNote(.note, "шапка таблицы повторена (перенос на новую страницу): таблица продолжается", at: row.position))
                        tables[c].end = row.position
                        current = c
                    } else if header.isComplete {
                        tables.append(Table(title: title, header: header, end: row.position))
                        current = tables.count - 1
                    } else {
                        incomplete.append(header)
                        current = nil
                    }
                    paragraphs = [[]]
                    stray = []
                } else if let c = current, stray.count <= Self.straySlack {
                    for (text, position) in stray {
                        tables[c].notes.append(ImportNote(.warning, "текст между строками таблицы пропущен: «\(ImportText.clean(text))»", at: position))
                    }
                    tables[c].lines.append(.row(row))
                    tables[c].end = row.position
                    paragraphs = [[]]
                    stray = []
                } else {
                    // Outside a plan table: a title Excel put into the first cell, a
                    // table of contents, another table. Counts as text for titles.
                    current = nil
                    stray = []
                    firstRow = firstRow ?? row
                    let texts = row.nonEmptyTexts
                    if !texts.isEmpty { addLine(texts.joined(separator: " ")) }
                }
            }
        }
    }

    /// Whether the rows after a repeated header number again from 1: a new
    /// table with the same columns, not the next page of this one.
    private static func numberingRestarts(_ blocks: [SourceBlock], after index: Int, table: Table) -> Bool {
        guard table.header.roles[.number] != nil else { return false }
        let numbered = table.lines.contains { line in
            if case .row(let row) = line { return ImportText.isItemNumber(table.header.values(of: row)[.number]) }
            return false
        }
        guard numbered else { return false }
        for block in blocks[(index + 1)...] {
            guard case .row(let row) = block else { continue }
            if PlanHeader(row) != nil { return false }
            let number = table.header.values(of: row)[.number]
            if ImportText.isItemNumber(number) { return ImportText.itemNumber(number) == "1" }
        }
        return false
    }

    /// The nearest paragraph before the table that names a plan within its
    /// first words («МЕДИАПЛАН освещения …», «План работы …»), from that line
    /// to the paragraph's end; lines above it («УТВЕРЖДАЮ», a signature) are not part of it.
    static func title(in paragraphs: [[String]]) -> String? {
        for paragraph in paragraphs.reversed() where !paragraph.isEmpty {
            let lines = paragraph.map(ImportText.cleanTitle)
            guard let start = lines.firstIndex(where: namesAPlan) else { continue }
            let title = ImportText.collapseWhitespace(lines[start...].joined(separator: " "))
            if title.count <= 400 { return title }
        }
        return nil
    }

    private static func namesAPlan(_ line: String) -> Bool {
        let words = ImportText.normalizedKey(line).split(separator: " ").prefix(3)
        return words.contains { $0 == "план" || $0.hasPrefix("медиаплан") }
    }
}
