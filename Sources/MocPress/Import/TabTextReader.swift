/// Reads text with tabs between cells: a table copied from Word or saved by
/// Excel as «Текст (разделители — знаки табуляции)».
///
/// Two layouts occur in real plans. Rows on one line each, cells between
/// tabs, a cell's further paragraphs on the next lines with the other
/// cells empty. Or one cell per line, each line starting with a tab, the
/// cell's further paragraphs on lines without one, rows one after another
/// (what some converters make of a Word table); that layout is recognised by
/// its header — one header cell per line — and turned into rows here.
enum TabTextReader {
    static func blocks(_ text: String) -> [SourceBlock] {
        let records = self.records(text)
        var blocks: [SourceBlock] = []
        var i = 0
        while i < records.count {
            let record = records[i]
            if record.isCellLine, let (header, end) = verticalHeader(records, from: i) {
                blocks.append(.row(SourceRow(texts: header.map(\.text), position: .line(record.line))))
                let (rows, stop) = verticalRows(records, from: end, columns: header.count,
                                                numberFirst: PlanHeader.classify(header[0].text)?.0 == .number)
                blocks.append(contentsOf: rows.map(SourceBlock.row))
                i = stop
                continue
            }
            blocks.append(record.block)
            i += 1
        }
        return blocks
    }

    /// One line of the file, or several when an Excel cell in quotes holds line breaks.
    struct Record {
        var fields: [String]
        var line: Int

        var isBlank: Bool { fields.count == 1 && fields[0].allSatisfy(\.isWhitespace) }
        /// `\tcell text`: a cell of the one-cell-per-line layout.
        var isCellLine: Bool { fields.count == 2 && fields[0].allSatisfy(\.isWhitespace) }
        var isText: Bool { fields.count == 1 && !isBlank }

        var block: SourceBlock {
            if isBlank { return .blank(.line(line)) }
            if fields.count == 1 { return .text(fields[0], .line(line)) }
            return .row(SourceRow(texts: fields, position: .line(line)))
        }
    }

    /// Splits at tabs and line breaks. A field that starts with `"` and ends
    /// with `"` before a tab or a line break, with inner quotes doubled, and
    /// that needed the quotes (it holds a line break, a tab or a doubled
    /// quote) is Excel's quoting and may span lines; any other `"` is text
    /// (Word never quotes: its `"Точка роста"` keeps its quotes).
    static func records(_ text: String) -> [Record] {
        let chars = Array(text)
        var records: [Record] = []
        var i = 0
        var line = 1
        while i < chars.count || records.isEmpty {
            var fields: [String] = []
            let start = line
            var field = ""
            var ended = false
            while !ended {
                if field.isEmpty, i < chars.count, chars[i] == "\"", let quoted = quotedField(chars, at: i) {
                    field = quoted.value
                    i = quoted.end
                    line += quoted.lineBreaks
                }
                while i < chars.count, chars[i] != "\t", chars[i] != "\n" {
                    field.append(chars[i])
                    i += 1
                }
                fields.append(field)
                field = ""
                if i < chars.count, chars[i] == "\t" {
                    i += 1
                } else {
                    if i < chars.count { i += 1; line += 1 }
                    ended = true
                }
            }
            records.append(Record(fields: fields, line: start))
            if i >= chars.count { break }
        }
        return records
    }

    private static func quotedField(_ chars: [Character], at start: Int) -> (value: String, end: Int, lineBreaks: Int)? {
        var value = ""
        var lineBreaks = 0
        var needed = false
        var j = start + 1
        while j < chars.count {
            let c = chars[j]
            if c == "\"" {
                if j + 1 < chars.count, chars[j + 1] == "\"" {
                    value.append("\"")
                    needed = true
                    j += 2
                    continue
                }
                guard needed, j + 1 == chars.count || chars[j + 1] == "\t" || chars[j + 1] == "\n" else { return nil }
                return (value, j + 1, lineBreaks)
            }
            if c == "\n" {
                lineBreaks += 1
                needed = true
                if lineBreaks > 40 { return nil }
            }
            if c == "\t" { needed = true }
            value.append(c)
            j += 1
        }
        return nil
    }

    /// A header of the one-cell-per-line layout: consecutive cell lines that
    /// `PlanHeader` accepts. Returns the cells and the record after them.
    private static func verticalHeader(_ records: [Record], from start: Int) -> ([(text: String, line: Int)], Int)? {
        var cells: [(text: String, line: Int)] = []
        var i = start
        while i < records.count, records[i].isCellLine, cells.count < 12 {
            cells.append((records[i].fields[1], records[i].line))
            i += 1
        }
        guard cells.count >= 2 else { return nil }
        // The header ends where a cell stops being a header name.
        var best: Int?
        for count in stride(from: cells.count, through: 2, by: -1) {
            let row = SourceRow(texts: cells.prefix(count).map(\.text), position: .line(cells[0].line))
            if let header = PlanHeader(row), header.isComplete || best == nil {
                best = count
                if header.isComplete { break }
            }
        }
        guard let count = best else { return nil }
        return (Array(cells.prefix(count)), start + count)
    }

    /// The rows of the one-cell-per-line layout. An item starts at a cell
    /// holding only its number and takes the next `columns - 1` cells; a cell
    /// with other text where a row would start is a section heading spanning
    /// the table. Lines without a tab continue the cell above. The table ends
    /// at text after an empty line once a row is complete, or at a line with
    /// several tabs.
    private static func verticalRows(_ records: [Record], from start: Int, columns: Int, numberFirst: Bool) -> ([SourceRow], Int) {
        struct Cell { var text: String; var line: Int; var startsRow: Bool; var isSection: Bool }
        var cells: [Cell] = []
        var remaining = 0
        var sawBlank = false
        var i = start
        while i < records.count {
            let record = records[i]
            if record.isBlank {
                sawBlank = true
            } else if record.isCellLine {
                let text = record.fields[1]
                var cell = Cell(text: text, line: record.line, startsRow: false, isSection: false)
                if remaining == 0 {
                    if !numberFirst || ImportText.isItemNumber(text) {
                        cell.startsRow = true
                        remaining = columns - 1
                    } else {
                        cell.isSection = true
                    }
                } else {
                    remaining -= 1
                }
                cells.append(cell)
                sawBlank = false
            } else if record.isText, !cells.isEmpty, !(sawBlank && remaining == 0) {
                cells[cells.count - 1].text += "\n" + record.fields[0]
                sawBlank = false
            } else {
                break
            }
            i += 1
        }
        var rows: [SourceRow] = []
        var k = 0
        while k < cells.count {
            let cell = cells[k]
            if cell.isSection {
                rows.append(SourceRow(texts: [cell.text] + Array(repeating: "", count: columns - 1), position: .line(cell.line)))
                k += 1
                continue
            }
            var texts: [String] = []
            var j = k
            while j < cells.count, texts.count < columns, j == k || (!cells[j].startsRow && !cells[j].isSection) {
                texts.append(cells[j].text)
                j += 1
            }
            texts += Array(repeating: "", count: columns - texts.count)
            rows.append(SourceRow(texts: texts, position: .line(cell.line)))
            k = j
        }
        return (rows, i)
    }
}
