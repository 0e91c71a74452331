import Foundation
import XCTest
import ZIPFoundation
@testable import MocPress

/// The real plans in `shared/seeds/` when the repository sits next to
/// `shared/`, else the copies kept in `Import/Fixtures/`.
enum Seeds {
    static let names = [
        "000_f5e1e969b6db206b.txt", // Минпросвещения: план по медиацентрам ПОО на 2024 год
        "001_504c2d0822a1fd13.txt", // Сосновский район: медиаплан МОЦ на 2023 год
        "002_7c48805990971334.txt", // Смоленская область: методические рекомендации с тремя типовыми планами
        "003_558ad63ee22f53b6.txt", // Верхнетоемский округ: план работы, по ячейке на строку
        "004_f877d70fde49202f.txt", // Мурманск: первоочередные мероприятия, шапка на каждой странице
    ]

    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    static var sharedFolder: URL { repository.deletingLastPathComponent().appendingPathComponent("shared/seeds") }
    static var fixtureFolder: URL { repository.appendingPathComponent("Tests/MocPressTests/Import/Fixtures") }

    static func url(_ name: String) -> URL {
        let shared = sharedFolder.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: shared.path) ? shared : fixtureFolder.appendingPathComponent(name)
    }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    static func text(_ name: String) throws -> String { try XCTUnwrap(String(data: data(name), encoding: .utf8)) }

    static func document(_ name: String) throws -> PlanDocument {
        try PlanDocument.read(data(name), file: name)
    }

    /// A row of the source whose № cell is a number, found without the
    /// importer: a line `1.<tab>…` (rows on one line) or `<tab>1.1.1` (one
    /// cell per line, the activity on the next line).
    struct NumberedRow {
        var line: Int
        var number: String
        /// The row's cells on its first line; for one-cell-per-line rows, the
        /// number and the activity's first line.
        var cells: [String]
    }

    static func numberedRows(_ text: String) -> [NumberedRow] {
        let number = try! Regex("^[0-9]{1,3}(\\.[0-9]{1,3})*\\.?$") // «27.01.2023» is a date
        let lines = text.components(separatedBy: "\n")
        var rows: [NumberedRow] = []
        for (index, line) in lines.enumerated() {
            let fields = line.components(separatedBy: "\t")
            if fields.count >= 3, fields[0].wholeMatch(of: number) != nil {
                rows.append(NumberedRow(line: index + 1, number: fields[0], cells: fields))
            } else if fields.count == 2, fields[0].trimmingCharacters(in: .whitespaces).isEmpty,
                      fields[1].trimmingCharacters(in: .whitespaces).wholeMatch(of: number) != nil, index + 1 < lines.count {
                let activity = lines[index + 1].components(separatedBy: "\t").last ?? ""
                rows.append(NumberedRow(line: index + 1, number: fields[1].trimmingCharacters(in: .whitespaces), cells: [fields[1], activity]))
            }
        }
        return rows
    }

    /// Whitespace runs as one space, trimmed: how the importer writes cell text.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Builds a minimal Word document in memory.
enum DocxFixture {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func document(body: String) throws -> Data {
        let contentTypes = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>
            """
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(namespace)"><w:body>\(body)<w:sectPr/></w:body></w:document>
            """
        return try zip(["[Content_Types].xml": contentTypes, "word/document.xml": document])
    }

    static func zip(_ files: [String: String]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try XCTUnwrap(archive.data)
    }

    static func paragraph(_ text: String) -> String {
        text.isEmpty ? "<w:p/>" : "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// A cell: each string a paragraph; `properties` go into `w:tcPr`.
    static func cell(_ paragraphs: [String], properties: String = "") -> String {
        let body = paragraphs.isEmpty ? "<w:p/>" : paragraphs.map(paragraph).joined()
        return "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/>\(properties)</w:tcPr>\(body)</w:tc>"
    }

    static func cell(_ text: String, properties: String = "") -> String {
        cell(text.isEmpty ? [] : [text], properties: properties)
    }

    static func row(_ cells: [String], properties: String = "") -> String {
        "<w:tr><w:trPr>\(properties)</w:trPr>\(cells.joined())</w:tr>"
    }

    static func table(_ rows: [String], columns: Int) -> String {
        let grid = String(repeating: "<w:gridCol w:w=\"2000\"/>", count: columns)
        return "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr><w:tblGrid>\(grid)</w:tblGrid>\(rows.joined())</w:tbl>"
    }
}

extension PlanDocument {
    /// Reads text given in the test as a file of that name.
    static func read(text: String, file: String = "plan.txt") throws -> PlanDocument {
        try read(Data(text.utf8), file: file)
    }
}
