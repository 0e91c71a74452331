import Foundation
import XCTest
@testable import MocPress

/// A Word document built in the test: title paragraphs, a signature table,
/// and the plan table with a merged heading row, merged cells and cells of
/// several paragraphs.
final class DocxImportTests: XCTestCase {
    typealias W = DocxFixture

    static func planDocument() throws -> Data {
        let signatures = W.table([W.row([W.cell("СОГЛАСОВАНО"), W.cell("УТВЕРЖДАЮ")]),
                                  W.row([W.cell("Начальник отдела образования"), W.cell("Директор ЦДТ")])], columns: 2)
        let restart = "<w:vMerge w:val=\"restart\"/>"
        let proceed = "<w:vMerge/>"
        let plan = W.table([
            W.row([W.cell("№ п/п"), W.cell("Мероприятие"), W.cell("Сроки проведения"), W.cell("Ответственный исполнитель"), W.cell("Ожидаемый результат")],
                  properties: "<w:tblHeader/>"),
            W.row([W.cell("1. Информационное сопровождение", properties: "<w:gridSpan w:val=\"5\"/>")]),
            W.row([W.cell("1.1", properties: restart), W.cell(["Ведение раздела МОЦ", "на сайте ЦДТ"], properties: restart),
                   W.cell("Ежемесячно"), W.cell("МОЦ", properties: restart), W.cell("Публикации")]),
            W.row([W.cell("", properties: proceed), W.cell("", properties: proceed),
                   W.cell("(не менее 2 новостей)"), W.cell("", properties: proceed), W.cell("")]),
            W.row([W.cell("1.2", properties: restart), W.cell("Освещение конкурса «Шаг в будущее»", properties: restart),
                   W.cell("Май 2024"), W.cell("", properties: proceed), W.cell("Новость")]),
            W.row([W.cell("", properties: proceed), W.cell("", properties: proceed), W.cell("Сентябрь 2024"), W.cell("", properties: proceed), W.cell("")]),
            W.row([W.cell("2. Работа с навигатором", properties: "<w:gridSpan w:val=\"5\"/>")]),
            // A manual line break, a tab stop definition, a deleted word and a split run.
            W.row([W.cell("2.1"),
                   "<w:tc><w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>Информирование</w:t></w:r><w:r><w:br/><w:t xml:space=\"preserve\">о навигаторе </w:t></w:r><w:del><w:r><w:delText>старом</w:delText></w:r></w:del><w:r><w:t>допобразования</w:t></w:r></w:p></w:tc>",
                   W.cell("по запросу"), W.cell("Методист"), W.cell("")]),
        ], columns: 5)
        return try W.document(body: [
            W.paragraph("УТВЕРЖДАЮ"), W.paragraph("Директор ЦДТ"), W.paragraph(""),
            signatures, W.paragraph(""),
            W.paragraph("МЕДИАПЛАН"), W.paragraph("освещения деятельности МОЦ Тестового района"), W.paragraph("на 2024 год"),
            plan,
            W.paragraph("Ответственный за медиаплан: методист МОЦ"),
        ].joined())
    }

    func testAWordTableWithMergedAndMultiParagraphCellsBecomesPlanRows() throws {
        let document = try PlanDocument.read(Self.planDocument(), file: "mediaplan.docx")
        XCTAssertEqual(document.format, .docx)
        XCTAssertNil(document.encoding)
        XCTAssertEqual(document.tables.count, 1, "the signature table is not a plan")
        let table = try XCTUnwrap(document.tables.first)
        XCTAssertEqual(table.title, "МЕДИАПЛАН освещения деятельности МОЦ Тестового района на 2024 год")
        XCTAssertEqual(table.position, .tableRow(table: 2, row: 1))
        XCTAssertEqual(table.columns[.responsible], "Ответственный исполнитель")
        XCTAssertEqual(table.sections.map(\.title), ["1. Информационное сопровождение", "2. Работа с навигатором"])
        XCTAssertEqual(table.rows.map(\.number), ["1.1", "1.2", "2.1"])
        XCTAssertEqual(table.rows.map(\.activity), ["Ведение раздела МОЦ на сайте ЦДТ", "Освещение конкурса «Шаг в будущее»",
                                                    "Информирование о навигаторе допобразования"])
        XCTAssertEqual(table.rows.map(\.schedule), ["Ежемесячно (не менее 2 новостей)", "Май 2024 Сентябрь 2024", "по запросу"])
        XCTAssertEqual(table.rows.map(\.responsible), ["МОЦ", "МОЦ", "Методист"],
                       "item 1.2 inherits the merged «МОЦ»; the merged cell is not repeated in a sub-row")
        XCTAssertEqual(table.rows.map(\.result), ["Публикации", "Новость", ""])
        XCTAssertEqual(table.rows.map(\.position), [.tableRow(table: 2, row: 3), .tableRow(table: 2, row: 5), .tableRow(table: 2, row: 8)])

        let plan = ImportedPlan(table: table, year: 2024)
        XCTAssertEqual(plan.title, "Медиаплан освещения деятельности МОЦ Тестового района на 2024 год")
        XCTAssertEqual(plan.items.map(\.parsed.canonical), [
            (1...12).map { String(format: "2024-%02d-01..", $0) + Window.lastDay(month: $0) }.joined(separator: "; "),
            "2024-05-01..2024-05-31; 2024-09-01..2024-09-30",
            "on-demand",
        ])
        XCTAssertEqual(table.notes.first?.description(file: "mediaplan.docx"),
                       "mediaplan.docx (таблица 2, строка 4): замечание: продолжение пункта 1.1 присоединено: «Сроки проведения»")
    }

    func testAZipWithoutADocumentAndBrokenXMLAreReadableErrors() throws {
        let notWord = try DocxFixture.zip(["readme.txt": "привет"])
        XCTAssertThrowsError(try PlanDocument.read(notWord, file: "plan.docx")) { error in
            XCTAssertEqual((error as! PlanImportError).message, "в архиве нет word/document.xml: это не документ Word (.docx)")
        }
        let broken = try DocxFixture.zip(["word/document.xml": "<w:document><w:body><w:p>"])
        XCTAssertThrowsError(try PlanDocument.read(broken, file: "plan.docx")) { error in
            let message = (error as! PlanImportError).message
            XCTAssertTrue(message.hasPrefix("word/document.xml не читается как XML"), message)
        }
        XCTAssertThrowsError(try PlanDocument.read(Data("не zip".utf8), file: "plan.docx")) { error in
            let message = (error as! PlanImportError).message
            XCTAssertTrue(message.hasPrefix("файл не открывается как документ Word (.docx)"), message)
        }
        let noTable = try DocxFixture.document(body: DocxFixture.paragraph("Медиаплан будет позже"))
        XCTAssertThrowsError(try PlanDocument.read(noTable, file: "plan.docx")) { error in
            let message = (error as! PlanImportError).message
            XCTAssertTrue(message.hasSuffix("; в документе нет ни одной таблицы"), message)
        }
    }
}

extension Window {
    /// «2024-02-29»: the last day of a month of 2024, for expected windows.
    static func lastDay(month: Int) -> String {
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return String(format: "2024-%02d-%02d", month, days[month - 1])
    }
}
