import Foundation
import XCTest
@testable import MocPress

/// CSV from Excel, text with tabs, encodings and header variants.
final class TableFormatImportTests: XCTestCase {
    func testASemicolonCSVFromRussianExcelWithATitleRowAndQuotedCells() throws {
        let csv = """
            Медиаплан освещения деятельности МОЦ Тестового района на 2024 год;;;;
            ;;;;
            № п/п;Мероприятие;Сроки;Результат;Ответственные
            1;"Освещение конкурса ""Шаг в будущее""; итоги";Май 2024;"Публикации
            на сайте";МОЦ
            2;Информирование о навигаторе;"Июнь, декабрь";Новость;МОЦ; методист
            """
        let document = try PlanDocument.read(text: csv, file: "plan.csv")
        XCTAssertEqual(document.delimiter, ";")
        let table = try XCTUnwrap(document.tables.first)
        XCTAssertEqual(table.title, "Медиаплан освещения деятельности МОЦ Тестового района на 2024 год")
        XCTAssertEqual(table.rows.map(\.activity), ["Освещение конкурса \"Шаг в будущее\"; итоги", "Информирование о навигаторе"])
        XCTAssertEqual(table.rows.map(\.schedule), ["Май 2024", "Июнь, декабрь"])
        XCTAssertEqual(table.rows.map(\.result), ["Публикации на сайте", "Новость"])
        XCTAssertEqual(table.rows.map(\.position), [.line(4), .line(6)], "a quoted line break moves the next row down a line")
        XCTAssertEqual(table.rows[1].responsible, "МОЦ", "a cell past the header's columns is not carried")
    }

    func testACommaCSVWithColumnsInAnotherOrderAndHeaderVariants() throws {
        let csv = """
            Сроки проведения,Ответственный исполнитель,Содержание деятельности,N,Форма представления результата
            В течение года,Методист МОЦ,"Ведение раздела МОЦ на сайте, наполнение",1,Раздел на сайте
            "1 раз в полугодие",МОЦ,Отчёт о реализации медиаплана,2,Отчёт в РМЦ
            """
        let table = try XCTUnwrap(PlanDocument.read(text: csv, file: "plan.csv").tables.first)
        XCTAssertEqual(table.columns[.number], "N")
        XCTAssertEqual(table.columns[.activity], "Содержание деятельности")
        XCTAssertEqual(table.columns[.schedule], "Сроки проведения")
        XCTAssertEqual(table.columns[.result], "Форма представления результата")
        XCTAssertEqual(table.columns[.responsible], "Ответственный исполнитель")
        XCTAssertEqual(table.rows.map(\.number), ["1", "2"])
        XCTAssertEqual(table.rows[0].activity, "Ведение раздела МОЦ на сайте, наполнение")
        XCTAssertEqual(table.rows[1].schedule, "1 раз в полугодие")
        XCTAssertEqual(table.rows[1].responsible, "МОЦ")
        XCTAssertNil(table.title)
    }

    func testHeaderNamesAreRecognisedInTheirCommonVariants() {
        let cases: [(String, PlanColumn)] = [
            ("№", .number), ("№ п/п", .number), ("N", .number), ("№п/п", .number),
            ("Мероприятие", .activity), ("Мероприятия", .activity), ("Наименование мероприятия", .activity),
            ("Содержание деятельности", .activity), ("НАИМЕНОВАНИЕ МЕРОПРИЯТИЙ", .activity),
            ("Сроки", .schedule), ("Срок", .schedule), ("Сроки проведения", .schedule), ("Сроки исполнения", .schedule),
            ("Дата", .schedule), ("Срок реализации", .schedule),
            ("Результат", .result), ("Ожидаемый результат", .result), ("Форма представления результата", .result),
            ("Результат реализации мероприятия", .result),
            ("Ответственные", .responsible), ("Ответственный", .responsible), ("Исполнитель", .responsible),
            ("Исполнители", .responsible), ("Ответственный исполнитель", .responsible), ("Ответственные исполнители", .responsible),
        ]
        for (name, column) in cases {
            XCTAssertEqual(PlanHeader.classify(name)?.0, column, name)
        }
        XCTAssertNil(PlanHeader.classify("Краткое описание процесса"))
        XCTAssertEqual(PlanHeader.classify("Промежуточный результат")?.rank, 2, "loses to «Результат по процессу»")
    }

    func testAWindows1251TextFileIsDecoded() throws {
        let text = "МЕДИАПЛАН МОЦ\r\nна 2024 год\r\n\r\n№\tМероприятие\tСроки\tОтветственные\r\n1.\tОсвещение деятельности МОЦ\tВ течение года\tМОЦ\r\n"
        let data = try XCTUnwrap(text.data(using: .windowsCP1251))
        XCTAssertNil(String(data: data, encoding: .utf8), "the bytes are not UTF-8")
        let document = try PlanDocument.read(data, file: "plan.txt")
        XCTAssertEqual(document.encoding, "Windows-1251")
        let table = try XCTUnwrap(document.tables.first)
        XCTAssertEqual(table.title, "МЕДИАПЛАН МОЦ на 2024 год")
        XCTAssertEqual(table.rows.map(\.activity), ["Освещение деятельности МОЦ"])
        XCTAssertEqual(table.rows.map(\.schedule), ["В течение года"])
        XCTAssertEqual(ImportedPlan(table: table, year: 2024).title, "Медиаплан МОЦ на 2024 год")
    }

    func testAUTF8BOMAndUTF16TextAreRead() throws {
        let csv = "Мероприятие;Сроки\nОсвещение деятельности МОЦ;Май\n"
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data(csv.utf8)
        let document = try PlanDocument.read(bom, file: "plan.csv")
        XCTAssertEqual(document.encoding, "UTF-8 (с BOM)")
        XCTAssertEqual(document.tables.first?.columns[.activity], "Мероприятие", "the BOM is not part of the first header")
        XCTAssertEqual(document.tables.first?.rows.map(\.schedule), ["Май"])

        let utf16 = try XCTUnwrap(("\u{FEFF}" + csv.replacingOccurrences(of: ";", with: "\t")).data(using: .utf16LittleEndian))
        let excelUnicode = try PlanDocument.read(utf16, file: "plan.txt")
        XCTAssertEqual(excelUnicode.encoding, "UTF-16")
        XCTAssertEqual(excelUnicode.tables.first?.rows.map(\.activity), ["Освещение деятельности МОЦ"])
    }

    func testExcelTabTextQuotesCellsWithLineBreaksWhileWordsQuotesStayText() throws {
        let text = "№\tМероприятие\tСроки\n1\t\"Ведение раздела\nна сайте\"\tМай\n2\t\"Точка роста\" и \"Кванториум\"\tИюнь\n"
        let rows = try XCTUnwrap(PlanDocument.read(text: text).tables.first).rows
        XCTAssertEqual(rows.map(\.activity), ["Ведение раздела на сайте", "\"Точка роста\" и \"Кванториум\""])
        XCTAssertEqual(rows.map(\.position), [.line(2), .line(4)])
    }

    func testASectionNumberedLikeItsItemsIsASectionNotAnItem() throws {
        let text = """
            №\tМероприятие\tСроки\tОтветственные
            1.\tИнформационное сопровождение\t\t
            1.1\tВедение раздела МОЦ\tЕжемесячно\tМОЦ
            1.2\tОсвещение конкурсов\tМай\tМОЦ
            2. Методическое сопровождение\t\t\t
            2.1\tСеминар для педагогов\tОктябрь\tМОЦ
            """
        let table = try XCTUnwrap(PlanDocument.read(text: text).tables.first)
        XCTAssertEqual(table.rows.map(\.number), ["1.1", "1.2", "2.1"])
        XCTAssertEqual(table.sections.map(\.title), ["1. Информационное сопровождение", "2. Методическое сопровождение"])
        XCTAssertEqual(table.rows.map(\.section), ["1. Информационное сопровождение", "1. Информационное сопровождение", "2. Методическое сопровождение"])
    }

    func testASemicolonFileSavedAsTxtAndARowNumberingTheColumnsAreHandled() throws {
        let text = "№;Мероприятие;Сроки;Ответственные\n1;2;3;4\n1;Освещение деятельности МОЦ;Ежеквартально;МОЦ\n"
        let document = try PlanDocument.read(text: text, file: "plan.txt")
        XCTAssertEqual(document.format, .csv)
        XCTAssertEqual(document.delimiter, ";")
        let table = try XCTUnwrap(document.tables.first)
        XCTAssertEqual(table.rows.map(\.activity), ["Освещение деятельности МОЦ"])
        XCTAssertEqual(table.notes.map { $0.description(file: "plan.txt") }, ["plan.txt:2: замечание: строка с номерами столбцов пропущена"])
    }

    func testAHeaderWithoutSchedulesIsAnErrorNamingWhatWasFound() {
        let text = "УТВЕРЖДАЮ\n\nМедиаплан\n№ п/п\tМероприятие\tОтветственные\n1\tОсвещение\tМОЦ\n"
        XCTAssertThrowsError(try PlanDocument.read(text: text)) { error in
            let error = error as! PlanImportError
            XCTAssertEqual(error.description(file: "plan.txt"),
                           "plan.txt:4: ошибка: в шапке таблицы нет столбца «Сроки»: найдены столбцы «№ п/п», «Мероприятие», «Ответственные». Назовите столбцы как в плане: «Мероприятие» (или «Наименование мероприятия»), «Сроки» (или «Срок проведения»)")
        }
    }

    func testATextWithoutAPlanTableIsAnErrorShowingItsFirstRow() {
        XCTAssertThrowsError(try PlanDocument.read(text: "Отчёт\n\nКолонка А\tКолонка Б\n1\t2\n")) { error in
            let message = (error as! PlanImportError).description(file: "otchet.txt")
            XCTAssertTrue(message.hasPrefix("otchet.txt:3: ошибка: не найдена таблица плана: нужна строка-шапка со столбцами «Мероприятие» и «Сроки»"), message)
            XCTAssertTrue(message.hasSuffix("первая строка с ячейками (строка 3): «Колонка А», «Колонка Б»"), message)
        }
        XCTAssertThrowsError(try PlanDocument.read(text: "Просто текст без таблицы.\n")) { error in
            XCTAssertTrue((error as! PlanImportError).message.hasSuffix("в файле нет строк с ячейками, разделёнными табуляцией"))
        }
        XCTAssertThrowsError(try PlanDocument.read(Data(), file: "plan.xlsx")) { error in
            XCTAssertTrue((error as! PlanImportError).message.contains("сохраните лист в Excel как «CSV (разделители — точка с запятой)»"))
        }
    }
}
