import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads a Word document (.docx): the paragraphs and tables of
/// `word/document.xml`, in order.
///
/// A cell's paragraphs are joined; a cell spanning grid columns
/// (`w:gridSpan`) keeps its span so that rows line up with the header; a
/// cell continuing a vertically merged one (`w:vMerge`) repeats the merged
/// text, marked as merged — a new item inherits it («МОЦ» written once for
/// several rows), a continuation row of the same item does not repeat it.
/// Tables inside cells add their text to the cell.
enum DocxReader {
    static func blocks(_ data: Data) throws(PlanImportError) -> [SourceBlock] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw PlanImportError("файл не открывается как документ Word (.docx): это не ZIP-архив. Сохраните документ в Word как «Документ Word (.docx)»")
        }
        guard let entry = archive["word/document.xml"] else {
            throw PlanImportError("в архиве нет word/document.xml: это не документ Word (.docx)")
        }
        var xml = Data()
        do {
            _ = try archive.extract(entry) { chunk in xml.append(chunk) }
        } catch {
            throw PlanImportError("word/document.xml не распаковывается (\(error)): документ повреждён, сохраните его в Word заново")
        }
        let collector = DocxBodyCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "неизвестная ошибка"
            throw PlanImportError("word/document.xml не читается как XML (строка \(parser.lineNumber): \(reason)): документ повреждён, сохраните его в Word заново")
        }
        // FoundationXML on Linux accepts a document cut short.
        guard collector.openElements == 0 else {
            throw PlanImportError("word/document.xml не читается как XML (текст обрывается, не закрыто элементов: \(collector.openElements)): документ повреждён, сохраните его в Word заново")
        }
        return collector.blocks
    }
}

/// SAX walk over `w:body`: `w:p` outside tables are paragraphs; `w:tbl` →
/// `w:tr` → `w:tc` → `w:p` → `w:t` are rows of cells.
private final class DocxBodyCollector: NSObject, XMLParserDelegate {
    enum Merge { case none, restart, proceed }

    private(set) var blocks: [SourceBlock] = []
    private(set) var openElements = 0

    private var tableDepth = 0
    private var tableNumber = 0
    private var rowNumber = 0
    private var paragraphNumber = 0
    private var inText = false
    private var inRun = false

    private var paragraph = ""
    private var cell = ""
    private var cellSpan = 1
    private var cellMerge = Merge.none
    private var rowCells: [(text: String, span: Int, merge: Merge)] = []
    private var gridBefore = 0
    /// Text of the merged cell that starts at each grid column of the current table.
    private var mergedText: [Int: String] = [:]

    private static func local(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }

    private static func value(_ attributes: [String: String]) -> String? {
        attributes.first { local($0.key) == "val" }?.value
    }

    private func append(_ text: String) {
        if tableDepth > 0 { cell += text } else { paragraph += text }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        openElements += 1
        switch Self.local(elementName) {
        case "tbl":
            tableDepth += 1
            if tableDepth == 1 {
                tableNumber += 1
                rowNumber = 0
                mergedText = [:]
            }
        case "tr" where tableDepth == 1:
            rowNumber += 1
            rowCells = []
            gridBefore = 0
        case "gridBefore" where tableDepth == 1:
            gridBefore = Self.value(attributes).flatMap { Int($0) } ?? 0
        case "tc" where tableDepth == 1:
            cell = ""
            cellSpan = 1
            cellMerge = .none
        case "gridSpan" where tableDepth == 1:
            cellSpan = max(1, Self.value(attributes).flatMap { Int($0) } ?? 1)
        case "vMerge" where tableDepth == 1:
            cellMerge = Self.value(attributes) == "restart" ? .restart : .proceed
        case "p":
            if tableDepth == 0 { paragraph = "" } else if !cell.isEmpty { cell += "\n" }
        case "t":
            inText = true
        case "r":
            inRun = true
        case "tab" where inRun:
            // A tab stop definition (`w:tabs/w:tab` in paragraph properties) is not text.
            append(" ")
        case "br" where inRun, "cr" where inRun:
            append("\n")
        case "noBreakHyphen" where inRun:
            append("-")
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { append(string) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        openElements -= 1
        switch Self.local(elementName) {
        case "t":
            inText = false
        case "r":
            inRun = false
        case "p" where tableDepth == 0:
            paragraphNumber += 1
            let position = ImportPosition.paragraph(paragraphNumber)
            blocks.append(paragraph.allSatisfy(\.isWhitespace) ? .blank(position) : .text(paragraph, position))
        case "tc" where tableDepth == 1:
            rowCells.append((cell, cellSpan, cellMerge))
        case "tr" where tableDepth == 1:
            finishRow()
        case "tbl":
            tableDepth -= 1
        default:
            break
        }
    }

    private func finishRow() {
        var cells: [SourceCell] = []
        var grid = 0
        if gridBefore > 0 {
            cells.append(SourceCell(text: "", span: gridBefore))
            grid = gridBefore
        }
        for (text, span, merge) in rowCells {
            switch merge {
            case .proceed:
                cells.append(SourceCell(text: mergedText[grid] ?? "", span: span, mergedFromAbove: true))
            case .restart:
                mergedText[grid] = text
                cells.append(SourceCell(text: text, span: span))
            case .none:
                mergedText[grid] = nil
                cells.append(SourceCell(text: text, span: span))
            }
            grid += span
        }
        blocks.append(.row(SourceRow(cells: cells, position: .tableRow(table: tableNumber, row: rowNumber))))
    }
}
