import Foundation

/// Where a piece of the imported document stands: a line of a text or CSV
/// file, a row of a table of a Word document, or a paragraph of it.
public enum ImportPosition: Sendable, Hashable, CustomStringConvertible {
    case line(Int)
    case tableRow(table: Int, row: Int)
    case paragraph(Int)

    /// «строка 12», «таблица 2, строка 5», «абзац 3».
    public var description: String {
        switch self {
        case .line(let n): return "строка \(n)"
        case .tableRow(let t, let r): return "таблица \(t), строка \(r)"
        case .paragraph(let n): return "абзац \(n)"
        }
    }

    /// `plan.txt:12` (the form editors link to) or `plan.docx (таблица 2, строка 5)`.
    public func located(in file: String) -> String {
        if case .line(let n) = self { return "\(file):\(n)" }
        return "\(file) (\(description))"
    }

    /// Document order.
    var sortKey: [Int] {
        switch self {
        case .line(let n): return [n]
        case .tableRow(let t, let r): return [t, r]
        case .paragraph(let n): return [n]
        }
    }

    /// The text line, for sorting and for tests; 0 for Word documents.
    public var line: Int {
        if case .line(let n) = self { return n }
        return 0
    }
}

/// Замечание импорта: what the importer decided about a row, or what the
/// methodist should check in the written plan.
public struct ImportNote: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        /// Something the plan file will not say the way the document does.
        case warning
        /// How a row of the document was read.
        case note

        public var label: String { self == .warning ? "предупреждение" : "замечание" }
    }

    public var severity: Severity
    public var position: ImportPosition?
    public var message: String

    public init(_ severity: Severity, _ message: String, at position: ImportPosition? = nil) {
        self.severity = severity
        self.message = message
        self.position = position
    }

    /// `plan.txt:26: замечание: …`
    public func description(file: String) -> String {
        let place = position.map { $0.located(in: file) } ?? file
        return "\(place): \(severity.label): \(message)"
    }
}

/// The document cannot be read as a plan table (exit code 2): the message
/// says what was found and what to change.
public struct PlanImportError: Error, Sendable, Hashable {
    public var message: String
    public var position: ImportPosition?

    public init(_ message: String, at position: ImportPosition? = nil) {
        self.message = message
        self.position = position
    }

    /// `plan.txt:9: ошибка: …`
    public func description(file: String) -> String {
        let place = position.map { $0.located(in: file) } ?? file
        return "\(place): ошибка: \(message)"
    }
}

/// Форматы, из которых переносится таблица плана.
public enum PlanSourceFormat: String, Sendable {
    /// Text with tabs between cells: Word's «Обычный текст» and Excel's
    /// «Текст (разделители — знаки табуляции)», or a table pasted into a text editor.
    case tabText
    /// Excel's CSV, with `;` (Russian locale) or `,`.
    case csv
    /// A Word document: a ZIP with `word/document.xml`.
    case docx

    /// By the file's extension, else by its first bytes. A failure for formats
    /// the importer does not read names what to save the file as.
    public static func detect(fileName: String, data: Data) -> Result<PlanSourceFormat, PlanImportError> {
        let ext = (fileName as NSString).pathExtension.lowercased()
        switch ext {
        case "docx": return .success(.docx)
        case "csv": return .success(.csv)
        case "tsv", "tab", "txt", "text": return .success(.tabText)
        case "doc", "rtf", "odt":
            return .failure(PlanImportError("формат .\(ext) не читается: сохраните документ в Word как .docx или как «Обычный текст» (.txt)"))
        case "xls", "xlsx", "ods":
            return .failure(PlanImportError("формат .\(ext) не читается: сохраните лист в Excel как «CSV (разделители — точка с запятой)» или «Текст (разделители — знаки табуляции)»"))
        case "pdf":
            return .failure(PlanImportError("из PDF таблица не переносится: откройте исходный документ Word и сохраните его как .docx"))
        default:
            if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .success(.docx) }
            return .success(.tabText)
        }
    }
}

/// Bytes of a text or CSV file → text: UTF-8 (with or without BOM), UTF-16
/// with BOM (Excel's «Юникод-текст»), else Windows-1251 — what Word and Excel
/// on Russian Windows write as «Текст».
enum ImportTextDecoder {
    static func decode(_ data: Data) -> (text: String, encoding: String) {
        let bytes = [UInt8](data.prefix(4))
        var text: String
        var encoding: String
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = String(decoding: data.dropFirst(3), as: UTF8.self)
            encoding = "UTF-8 (с BOM)"
        } else if bytes.starts(with: [0xFF, 0xFE]), let utf16 = String(data: data, encoding: .utf16LittleEndian) {
            text = utf16
            encoding = "UTF-16"
        } else if bytes.starts(with: [0xFE, 0xFF]), let utf16 = String(data: data, encoding: .utf16BigEndian) {
            text = utf16
            encoding = "UTF-16"
        } else if let utf8 = String(data: data, encoding: .utf8) {
            text = utf8
            encoding = "UTF-8"
        } else if let cp1251 = String(data: data, encoding: .windowsCP1251) {
            text = cp1251
            encoding = "Windows-1251"
        } else {
            text = String(decoding: data, as: UTF8.self)
            encoding = "UTF-8 (с ошибками)"
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return (normalizeLineBreaks(text), encoding)
    }

    /// `\r\n` and `\r` become `\n`; Word's manual line break (vertical tab)
    /// stays inside its cell as a space; a page break ends a line.
    static func normalizeLineBreaks(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                out.append("\n")
                previousCR = true
                continue
            case "\n":
                if !previousCR { out.append("\n") }
            case "\u{0B}":
                out.append(" ")
            case "\u{0C}":
                out.append("\n")
            default:
                out.append(scalar)
            }
            previousCR = false
        }
        return String(out)
    }
}
