import CSV
import Foundation
import Yams

/// Таблица данных экспертно-аналитического блока: a page's `data:` file.
///
/// The first column holds the categories (labels); the other columns hold
/// values, usually one per year.
struct DataTable: Sendable, Equatable {
    struct Column: Sendable, Equatable {
        var name: String
        /// Every non-empty cell parses as a number (see `DataTable.parseNumber`),
        /// and there is at least one. Never true for the label column.
        var numeric: Bool
    }

    var columns: [Column]
    /// Cell texts as written (trimmed), one array per row, as long as `columns`.
    var rows: [[String]]

    init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// A table whose column kinds are worked out from its cells.
    init(header: [String], rows: [[String]]) {
        self.rows = rows
        columns = header.enumerated().map { index, name in
            guard index > 0 else { return Column(name: name, numeric: false) }
            var numbers = 0
            for row in rows where index < row.count {
                let cell = row[index]
                if Self.isMissing(cell) { continue }
                guard Self.parseNumber(cell) != nil else { return Column(name: name, numeric: false) }
                numbers += 1
            }
            return Column(name: name, numeric: numbers > 0)
        }
    }

    /// The cell as a number: `1 234,5`, `1234.5`, `12 %` (→ 12); nil for an
    /// empty cell, a «нет данных» mark or text.
    func number(row: Int, column: Int) -> Double? {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return nil }
        return Self.parseNumber(rows[row][column])
    }

    /// Cells that stand for "no data" in Russian statistics tables: they do not
    /// make a column textual.
    static func isMissing(_ cell: String) -> Bool {
        switch cell {
        case "", "—", "–", "-", "н/д", "Н/Д", "нет данных": return true
        default: return false
        }
    }

    /// Reads a number written the Russian or the English way: digits grouped by
    /// threes with a space (also a non-breaking or narrow one), a decimal comma
    /// or point, a leading minus (`-` or `−`), an optional trailing `%`.
    /// Groups must have three digits, so «2021 2022» is not a number.
    static func parseNumber(_ text: String) -> Double? {
        var scalars = Substring(text).unicodeScalars
        func trim() {
            while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
            while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        }
        trim()
        if scalars.last == "%" {
            scalars.removeLast()
            trim()
        }
        var negative = false
        if let first = scalars.first, first == "-" || first == "\u{2212}" {
            negative = true
            scalars.removeFirst()
        }
        var groups: [Int] = [0]  // digit counts of the integer part's groups
        var integer = ""
        var fraction: String?
        for scalar in scalars {
            switch scalar {
            case "0"..."9":
                if fraction != nil {
                    fraction!.unicodeScalars.append(scalar)
                } else {
                    integer.unicodeScalars.append(scalar)
                    groups[groups.count - 1] += 1
                }
            case ",", ".":
                guard fraction == nil, groups.last! > 0 else { return nil }
                fraction = ""
            case _ where isSpace(scalar):
                guard fraction == nil, groups.last! > 0 else { return nil }
                groups.append(0)
            default:
                return nil
            }
        }
        guard !integer.isEmpty, fraction.map({ !$0.isEmpty }) ?? true else { return nil }
        if groups.count > 1 {
            guard groups[0] <= 3, groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        }
        guard let value = Double(integer + (fraction.map { "." + $0 } ?? "")) else { return nil }
        return negative ? -value : value
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\u{00A0}", "\u{202F}", "\u{2009}": return true
        default: return false
        }
    }
}

/// Reads a data file (CSV or YAML) into a `DataTable`, reporting every
/// problem in Russian at its line.
enum DataTableReader {
    /// `source` is the path shown in messages (content/<portal>/…/file.csv).
    /// Files ending in `.yaml` or `.yml` are YAML, others CSV. Nil when there
    /// were errors (all of them are in `diagnostics`).
    static func read(bytes: [UInt8], source: String, diagnostics: inout DiagnosticBag) -> DataTable? {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = decode(bytes, source: source, diagnostics: &diagnostics) else { return nil }
        let lower = source.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            return YAMLTable(reader: YAMLReader(file: source, lineOffset: 0)).read(text, diagnostics: &diagnostics)
        }
        return CSVTable(source: source).read(text, diagnostics: &diagnostics)
    }

    private static func decode(_ bytes: ArraySlice<UInt8>, source: String, diagnostics: inout DiagnosticBag) -> String? {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Slow path, only for a broken file: find the first bad byte.
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        parsing: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: break parsing
            case .emptyInput: return String(decoding: bytes, as: UTF8.self)
            }
        }
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        let line = bytes[..<offset].count(where: { $0 == 0x0A }) + 1
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        diagnostics.error(
            "файл не в кодировке UTF-8 (недопустимый байт 0x\(String(bytes[offset], radix: 16, uppercase: true))): "
                + "сохраните его в UTF-8 — в Excel «Сохранить как» → «CSV UTF-8 (разделитель — запятая)»",
            at: SourceLocation(file: source, line: line, column: column))
        return nil
    }

    /// Checks shared by both formats: the header and the presence of rows.
    static func checkHeader(
        _ header: [String], locations: (Int) -> SourceLocation, rowCount: Int, diagnostics: inout DiagnosticBag
    ) {
        if header.count < 2 {
            diagnostics.error(
                "в таблице \(RussianPlural.count(header.count, "столбец", "столбца", "столбцов")), а нужно не меньше двух: "
                    + "в первом — категории (подписи), в остальных — значения",
                at: locations(0))
        }
        var seen: Set<String> = []
        for (index, name) in header.enumerated() {
            if name.isEmpty {
                diagnostics.error("у столбца \(index + 1) нет названия: впишите его в строку заголовка", at: locations(index))
            } else if !seen.insert(name).inserted {
                diagnostics.error("столбец «\(name)» назван дважды: названия столбцов должны различаться", at: locations(index))
            }
        }
        if rowCount == 0 {
            diagnostics.error("в таблице только заголовок: добавьте строки с данными", at: locations(0))
        }
    }
}

// MARK: - CSV

private struct CSVTable {
    let source: String

    func location(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(file: source, line: line, column: column)
    }

    func read(_ text: String, diagnostics: inout DiagnosticBag) -> DataTable? {
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            diagnostics.error("файл данных пуст: первой строкой впишите заголовок таблицы, ниже — строки с данными", at: location(1))
            return nil
        }
        let delimiter = QuoteScan.delimiter(of: text)
        let scan = QuoteScan(text, delimiter: delimiter)
        if let problem = scan.problem {
            diagnostics.error(problem.message, at: location(problem.line, problem.column))
            return nil
        }

        // CSV.swift reports neither positions nor unclosed quotes (it reads up to
        // the end of the file); the scan above caught those, and the line of each
        // row is recovered from the line breaks inside its quoted cells.
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false, trimFields: true, delimiter: delimiter) else {
            diagnostics.error("не удалось прочитать CSV", at: location(1))
            return nil
        }
        var records: [(line: Int, cells: [String])] = []
        var line = 1
        while let row = reader.next() {
            let cells = row.map { $0.trimmingWhitespace() }
            if cells.contains(where: { !$0.isEmpty }) { records.append((line, cells)) }
            line += 1 + row.reduce(0) { $0 + Self.lineBreaks(in: $1) }
        }
        if let error = reader.error {
            diagnostics.error("не удалось прочитать CSV: \(error)", at: location(line))
            return nil
        }
        guard let header = records.first else { return nil }

        let before = diagnostics.errors.count
        let headerColumns = header.line == scan.firstRecordLine ? scan.firstRecordColumns : []
        DataTableReader.checkHeader(
            header.cells,
            locations: { index in location(header.line, index < headerColumns.count ? headerColumns[index] : 1) },
            rowCount: records.count - 1, diagnostics: &diagnostics)
        let width = header.cells.count
        let separator = delimiter == ";" ? "«;»" : "«,»"
        for record in records.dropFirst() where record.cells.count != width {
            let hint = record.cells.count > width
                ? "лишний разделитель \(separator)? Если он есть внутри значения, заключите значение в кавычки: \"1\(delimiter)5\""
                : "добавьте недостающие значения; пустое значение — два разделителя подряд: \(delimiter)\(delimiter)"
            diagnostics.error(
                "в строке \(record.line) — \(RussianPlural.count(record.cells.count, "значение", "значения", "значений")), "
                    + "а в заголовке \(RussianPlural.count(width, "столбец", "столбца", "столбцов")): \(hint)",
                at: location(record.line))
        }
        guard diagnostics.errors.count == before else { return nil }
        return DataTable(header: header.cells, rows: records.dropFirst().map(\.cells))
    }

    /// CRLF, LF and a lone CR each end a line.
    static func lineBreaks(in cell: String) -> Int {
        var count = 0
        var afterCR = false
        for scalar in cell.unicodeScalars {
            if scalar == "\r" { count += 1 } else if scalar == "\n" && !afterCR { count += 1 }
            afterCR = scalar == "\r"
        }
        return count
    }
}

/// Where the quotes of a CSV text open and close — not a parser (CSV.swift
/// parses), only what CSV.swift does not tell: which delimiter the header
/// uses, where the header's cells start, and whether a quote is left open.
private struct QuoteScan {
    struct Problem {
        var line: Int
        var column: Int
        var message: String
    }

    private(set) var problem: Problem?
    private(set) var firstRecordLine = 0
    /// 1-based columns where the cells of the first non-empty record start.
    private(set) var firstRecordColumns: [Int] = []
    private(set) var semicolons = 0

    /// `;` when the header has a semicolon outside quotes (Russian Excel
    /// saves so, and its headers often hold commas: «Доля детей, %»), else `,`.
    static func delimiter(of text: String) -> Unicode.Scalar {
        let scan = QuoteScan(text, delimiters: [";", ","], headerOnly: true)
        return scan.semicolons > 0 ? ";" : ","
    }

    init(_ text: String, delimiter: Unicode.Scalar) {
        self.init(text, delimiters: [delimiter], headerOnly: false)
    }

    private enum State { case cellStart, unquoted, quoted, afterQuote }

    private init(_ text: String, delimiters: Set<Unicode.Scalar>, headerOnly: Bool) {
        var state = State.cellStart
        var line = 1, column = 0
        var opened = (line: 0, column: 0)
        // The record being read: its first line, where its cells start, whether
        // it has any text (CSV.swift's rows of spaces and delimiters are skipped).
        var recordLine = 1
        var cellStarts = [1]
        var content = false
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            if previous == "\r" && scalar == "\n" {
                previous = scalar
                continue  // the CR already ended the line
            }
            previous = scalar
            column += 1
            let newline = scalar == "\n" || scalar == "\r"
            let space = scalar == " " || scalar == "\t" || scalar == "\u{00A0}"
            let collecting = firstRecordColumns.isEmpty
            switch state {
            case .quoted:
                if scalar == "\"" { state = .afterQuote }
            case .cellStart, .unquoted, .afterQuote:
                if delimiters.contains(scalar) {
                    if collecting {
                        if scalar == ";" { semicolons += 1 }
                        cellStarts.append(column + 1)
                    }
                    state = .cellStart
                } else if newline {
                    if collecting && content {
                        firstRecordColumns = cellStarts
                        firstRecordLine = recordLine
                        if headerOnly { return }
                    }
                    if collecting && !content { semicolons = 0 }
                    recordLine = line + 1
                    cellStarts = [1]
                    content = false
                    state = .cellStart
                } else if state == .afterQuote {
                    if scalar == "\"" {
                        state = .quoted  // a doubled quote inside a quoted cell
                    } else if !space {
                        problem = Problem(
                            line: line, column: column,
                            message: "после закрывающей кавычки идёт текст: кавычку внутри значения пишут дважды (\"\"), "
                                + "а всё значение заключают в кавычки — \"Кружок \"\"Робототехника\"\"\"")
                        return
                    }
                } else if state == .cellStart && scalar == "\"" {
                    opened = (line, column)
                    state = .quoted
                    content = true
                } else if !space {
                    state = .unquoted
                    content = true
                }
            }
            if newline {
                line += 1
                column = 0
            }
        }
        if firstRecordColumns.isEmpty && content {
            firstRecordColumns = cellStarts
            firstRecordLine = recordLine
        }
        if state == .quoted {
            problem = Problem(
                line: opened.line, column: opened.column,
                message: "кавычка открыта, но не закрыта до конца файла: закройте её после значения "
                    + "или, если кавычка — часть текста, напишите её дважды (\"\")")
        }
    }
}

// MARK: - YAML

private struct YAMLTable {
    let reader: YAMLReader

    func read(_ text: String, diagnostics: inout DiagnosticBag) -> DataTable? {
        let root: Node
        switch reader.parse(text) {
        case .success(let node): root = node
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        let before = diagnostics.errors.count
        let table: DataTable?
        switch root {
        case .sequence(let items):
            table = readList(items, at: root, diagnostics: &diagnostics)
        case .mapping(let mapping) where mapping.isEmpty:
            diagnostics.error("файл данных пуст: запишите строки таблицы списком («- Направление: Техническая») "
                + "или ключами columns и rows", at: reader.location(line: 1, column: 1))
            return nil
        case .mapping:
            table = readColumnsAndRows(root, diagnostics: &diagnostics)
        default:
            diagnostics.error(Self.shapeHint, at: reader.location(of: root))
            return nil
        }
        return diagnostics.errors.count == before ? table : nil
    }

    static let shapeHint = "данные в YAML записывают списком строк с одинаковыми ключами "
        + "(«- Направление: Техническая» и ниже «  2023: 412») или ключами columns (список названий) и rows (список строк)"

    /// `- {Направление: Техническая, 2021: 412}` — keys of the first item are the columns.
    private func readList(_ items: Node.Sequence, at node: Node, diagnostics: inout DiagnosticBag) -> DataTable? {
        var header: [String] = []
        var rows: [[String]] = []
        for (index, item) in items.enumerated() {
            guard case .mapping(let mapping) = item else {
                diagnostics.error("строка \(index + 1) таблицы должна быть набором «столбец: значение», как первая", at: reader.location(of: item))
                continue
            }
            let keys = mapping.map { $0.key.string ?? "" }
            if rows.isEmpty && header.isEmpty {
                header = keys
                DataTableReader.checkHeader(
                    header, locations: { reader.location(of: Array(mapping.keys)[$0]) }, rowCount: items.count,
                    diagnostics: &diagnostics)
            } else if Set(keys) != Set(header) {
                let missing = header.filter { !keys.contains($0) }.map { "«\($0)»" }
                let extra = keys.filter { !header.contains($0) }.map { "«\($0)»" }
                var parts: [String] = []
                if !missing.isEmpty { parts.append("нет \(missing.joined(separator: ", "))") }
                if !extra.isEmpty { parts.append("лишние \(extra.joined(separator: ", "))") }
                diagnostics.error(
                    "в строке \(index + 1) таблицы другие столбцы, чем в первой: \(parts.joined(separator: "; ")); "
                        + "у всех строк должны быть одни и те же ключи",
                    at: reader.location(of: item))
                continue
            }
            var row: [String] = []
            for name in header {
                let value = mapping.first { $0.key.string == name }!.value
                row.append(cell(value, column: name, diagnostics: &diagnostics))
            }
            rows.append(row)
        }
        if items.isEmpty {
            diagnostics.error("список строк таблицы пуст: добавьте строки с данными", at: reader.location(of: node))
        }
        return DataTable(header: header, rows: rows)
    }

    /// `columns: [Направление, 2021]` and `rows: [[Техническая, 412]]`.
    private func readColumnsAndRows(_ node: Node, diagnostics: inout DiagnosticBag) -> DataTable? {
        guard let map = MappingReader(node, reader: reader, what: "файл данных", diagnostics: &diagnostics) else { return nil }
        map.warnUnknownKeys(known: ["columns", "rows"], context: "в файле данных", &diagnostics)
        guard let columnsNode = map.value("columns"), let rowsNode = map.value("rows") else {
            diagnostics.error(Self.shapeHint, at: reader.location(of: node))
            return nil
        }
        guard case .sequence(let columnItems) = columnsNode else {
            diagnostics.error("columns должно быть списком названий столбцов: [Направление, 2021, 2022]", at: reader.location(of: columnsNode))
            return nil
        }
        guard case .sequence(let rowItems) = rowsNode else {
            diagnostics.error("rows должно быть списком строк: - [Техническая, 412, 1034]", at: reader.location(of: rowsNode))
            return nil
        }
        let header = columnItems.map { cell($0, column: "columns", diagnostics: &diagnostics) }
        DataTableReader.checkHeader(
            header, locations: { reader.location(of: columnItems[$0]) }, rowCount: rowItems.count, diagnostics: &diagnostics)
        var rows: [[String]] = []
        for (index, rowNode) in rowItems.enumerated() {
            guard case .sequence(let values) = rowNode else {
                diagnostics.error("строка \(index + 1) в rows должна быть списком значений: - [Техническая, 412, 1034]", at: reader.location(of: rowNode))
                continue
            }
            if values.count != header.count {
                diagnostics.error(
                    "в строке \(index + 1) — \(RussianPlural.count(values.count, "значение", "значения", "значений")), "
                        + "а в columns \(RussianPlural.count(header.count, "столбец", "столбца", "столбцов")): "
                        + "у каждой строки должно быть по значению на столбец (пустое — ~)",
                    at: reader.location(of: rowNode))
                continue
            }
            rows.append(zip(values, header).map { cell($0, column: $1, diagnostics: &diagnostics) })
        }
        return DataTable(header: header, rows: rows)
    }

    /// A scalar's text as written; `~`, `null` and nothing are an empty cell.
    private func cell(_ node: Node, column: String, diagnostics: inout DiagnosticBag) -> String {
        guard case .scalar(let scalar) = node else {
            diagnostics.error("значение в столбце «\(column)» должно быть числом или текстом, а не списком или набором ключей", at: reader.location(of: node))
            return ""
        }
        if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return "" }
        let text = scalar.string.trimmingWhitespace()
        // A plain YAML number (17.1) is shown the Russian way, as in CSV files: 17,1.
        if scalar.style == .plain, text.contains("."), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
           let value = Double(text) {
            let decimals = text.split(separator: ".").last.map(\.count) ?? 0
            return RussianNumber.format(value, decimals: decimals)
        }
        return text
    }
}

