import Foundation

/// One cell of a table row as the reader found it.
struct SourceCell: Sendable, Hashable {
    var text: String
    /// Grid columns the cell covers (Word's `w:gridSpan`); 1 in text and CSV.
    var span: Int = 1
    /// A continuation of the cell above (Word's `w:vMerge`): `text` repeats
    /// the merged cell's text.
    var mergedFromAbove: Bool = false
}

/// One row of a table: its cells in grid order.
struct SourceRow: Sendable, Hashable {
    var cells: [SourceCell]
    var position: ImportPosition

    init(cells: [SourceCell], position: ImportPosition) {
        self.cells = cells
        self.position = position
    }

    init(texts: [String], position: ImportPosition) {
        self.init(cells: texts.map { SourceCell(text: $0) }, position: position)
    }

    /// The cells that hold text, cleaned.
    var nonEmptyTexts: [String] {
        cells.map { ImportText.clean($0.text) }.filter { !$0.isEmpty }
    }
}

/// The document read as a sequence of paragraphs and table rows: the same
/// shape for text, CSV and Word, so that finding the plan's table and
/// joining its split rows is written once.
enum SourceBlock: Sendable, Hashable {
    /// A paragraph or a line of text outside table rows.
    case text(String, ImportPosition)
    /// An empty line or paragraph: separates a title from the text before it.
    case blank(ImportPosition)
    case row(SourceRow)
}

/// Cleaning the text of cells and titles.
enum ImportText {
    /// Tags and bookmarks that Word-to-text converters leave in cells.
    private static let inlineTags = ["<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "<strong>", "</strong>",
                                     "<em>", "</em>", "<br>", "<br/>", "<br />"]

    /// Cell text as it goes into the plan: markup dropped, every run of
    /// whitespace (line breaks of the cell's paragraphs too) one space, trimmed.
    static func clean(_ text: String) -> String {
        var s = text
        if s.contains("<") {
            for tag in inlineTags where s.range(of: tag, options: .caseInsensitive) != nil {
                s = s.replacingOccurrences(of: tag, with: " ", options: .caseInsensitive)
            }
        }
        while let start = s.range(of: "[bookmark:"), let end = s[start.upperBound...].firstIndex(of: "]") {
            s.removeSubrange(start.lowerBound...end)
        }
        return collapseWhitespace(s)
    }

    /// A title paragraph: also Markdown emphasis and escapes (`**…**`, `\_`).
    static func cleanTitle(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "**", with: " ").replacingOccurrences(of: "__", with: " ")
        for c in ["_", "*", "[", "]", "(", ")", "#", ".", "-", "!", "\\"] {
            s = s.replacingOccurrences(of: "\\" + c, with: c)
        }
        s = clean(s)
        while s.hasPrefix("#") { s.removeFirst() }
        return collapseWhitespace(s)
    }

    static func collapseWhitespace(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text {
            if ch.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
        return out
    }

    /// Lower case, `ё` as `е`, punctuation as spaces: for comparing headers.
    static func normalizedKey(_ text: String) -> String {
        var out = ""
        for ch in clean(text).lowercased() {
            if ch == "ё" { out.append("е") } else if ch.isLetter || ch.isNumber || ch == "№" || ch == "/" { out.append(ch) } else { out.append(" ") }
        }
        return collapseWhitespace(out)
    }

    /// «1», «1.», «2.1», «1.1.1», «3)»: the № cell of an item row.
    static func isItemNumber(_ text: String) -> Bool {
        var s = Substring(text.trimmingWhitespace())
        if s.hasSuffix(")") || s.hasSuffix(".") { s = s.dropLast() }
        guard !s.isEmpty, s.count <= 12 else { return false }
        // Up to three digits a part: «27.01.2023» in a cell is a date, not a number.
        return s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    /// «1.» → «1», «2.1» → «2.1».
    static func itemNumber(_ text: String) -> String {
        var s = text.trimmingWhitespace()
        while s.hasSuffix(".") || s.hasSuffix(")") { s.removeLast() }
        return s
    }
}
