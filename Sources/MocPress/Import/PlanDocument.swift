import Foundation

/// Документ с таблицей плана (Word, Excel или текст): its plan tables, each
/// with its rows joined into items. What `import mediaplan` reads.
public struct PlanDocument: Sendable {
    /// The file name as the user gave it, for messages.
    public var file: String
    public var format: PlanSourceFormat
    /// The text encoding found («UTF-8», «Windows-1251»…); nil for Word.
    public var encoding: String?
    /// The CSV delimiter found; nil for other formats.
    public var delimiter: Character?
    /// Plan tables with at least one item, in document order.
    public var tables: [ImportedTable]

    /// Reads the document. Throws when no table with «Мероприятие» and
    /// «Сроки» columns and numbered rows is found: the message says what was
    /// found instead.
    public static func read(_ data: Data, file: String) throws(PlanImportError) -> PlanDocument {
        var format: PlanSourceFormat
        switch PlanSourceFormat.detect(fileName: file, data: data) {
        case .success(let f): format = f
        case .failure(let error): throw error
        }
        var encoding: String?
        var delimiter: Character?
        var text = ""
        let blocks: [SourceBlock]
        switch format {
        case .docx:
            blocks = try DocxReader.blocks(data)
        case .csv:
            let decoded = ImportTextDecoder.decode(data)
            encoding = decoded.encoding
            let read = try CSVTableReader.blocks(decoded.text)
            blocks = read.blocks
            delimiter = read.delimiter
        case .tabText:
            let decoded = ImportTextDecoder.decode(data)
            encoding = decoded.encoding
            text = decoded.text
            blocks = TabTextReader.blocks(text)
        }
        var finder = PlanTableFinder(blocks)
        // A CSV saved as .txt: tabs find nothing, semicolons do.
        if format == .tabText, finder.tables.isEmpty, finder.incomplete.isEmpty,
           let csv = try? CSVTableReader.blocks(text) {
            let csvFinder = PlanTableFinder(csv.blocks)
            if !csvFinder.tables.isEmpty {
                finder = csvFinder
                format = .csv
                delimiter = csv.delimiter
            }
        }
        let tables = finder.tables.map(PlanRowGrouper.table)
        let withItems = tables.filter { !$0.rows.isEmpty }
        guard withItems.isEmpty else {
            return PlanDocument(file: file, format: format, encoding: encoding, delimiter: delimiter, tables: withItems)
        }
        if let empty = tables.first {
            throw PlanImportError("в таблице плана нет пунктов: под шапкой нет строк с номером в столбце «\(empty.columns[.number] ?? "№")» и текстом мероприятия", at: empty.position)
        }
        if let header = finder.incomplete.first {
            let missing = header.missing.map { "«\($0.russian)»" }.joined(separator: " и ")
            let found = header.names.map { "«\($0)»" }.joined(separator: ", ")
            throw PlanImportError("в шапке таблицы нет столбца \(missing): найдены столбцы \(found). Назовите столбцы как в плане: «Мероприятие» (или «Наименование мероприятия»), «Сроки» (или «Срок проведения»)", at: header.position)
        }
        var message = "не найдена таблица плана: нужна строка-шапка со столбцами «Мероприятие» и «Сроки» (в любом порядке; подходят и «Наименование мероприятия», «Содержание деятельности», «Срок», «Сроки проведения», «Дата»)"
        if let row = finder.firstRow {
            let cells = row.nonEmptyTexts.prefix(8).map { "«\(ImportText.excerpt($0, limit: 40))»" }.joined(separator: ", ")
            message += "; первая строка с ячейками (\(row.position)): \(cells)"
            throw PlanImportError(message, at: row.position)
        }
        message += format == .docx
            ? "; в документе нет ни одной таблицы"
            : "; в файле нет строк с ячейками, разделёнными табуляцией\(format == .csv ? ", «;» или «,»" : "")"
        throw PlanImportError(message)
    }

    /// The table to import: `number` (from 1) when given, else the first
    /// media plan by its title, else the first table.
    public func table(_ number: Int? = nil) -> (index: Int, table: ImportedTable)? {
        if let number {
            guard tables.indices.contains(number - 1) else { return nil }
            return (number - 1, tables[number - 1])
        }
        let index = tables.firstIndex(where: \.isMediaPlan) ?? 0
        return tables.isEmpty ? nil : (index, tables[index])
    }
}
