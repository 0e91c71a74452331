import XCTest
@testable import MocPress

final class DataTableTests: XCTestCase {
    let csvPath = "content/moc/analitika/ohvat.csv"
    let yamlPath = "content/moc/analitika/ohvat.yaml"

    func read(_ text: String, as path: String? = nil) -> (table: DataTable?, diagnostics: [Diagnostic]) {
        read(bytes: Array(text.utf8), as: path)
    }

    func read(bytes: [UInt8], as path: String? = nil) -> (table: DataTable?, diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        let table = DataTableReader.read(bytes: bytes, source: path ?? csvPath, diagnostics: &bag)
        return (table, bag.sorted)
    }

    /// `file:line:column: message` of each error, the way the check prints them.
    func errors(_ text: String, as path: String? = nil) -> [String] {
        read(text, as: path).diagnostics.filter { $0.severity == .error }.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
    }

    // MARK: CSV

    func testReadsARussianExcelFileWithSemicolonsBOMAndWindowsLineEndings() throws {
        let text = "\u{FEFF}Направление;2021;2022;2023\r\nТехническая;412;1 034;2 310\r\nХудожественная;980;1\u{00A0}120;1 205\r\n"
        let (table, diagnostics) = read(text)
        XCTAssertEqual(diagnostics, [])
        let data = try XCTUnwrap(table)
        XCTAssertEqual(data.columns.map(\.name), ["Направление", "2021", "2022", "2023"])
        XCTAssertEqual(data.columns.map(\.numeric), [false, true, true, true])
        XCTAssertEqual(data.rows, [["Техническая", "412", "1 034", "2 310"], ["Художественная", "980", "1\u{00A0}120", "1 205"]])
        XCTAssertEqual(data.number(row: 0, column: 3), 2310)
        XCTAssertEqual(data.number(row: 1, column: 2), 1120)
        XCTAssertNil(data.number(row: 0, column: 0))
        XCTAssertNil(data.number(row: 5, column: 1))
    }

    func testReadsACommaSeparatedFileWithQuotedCommasAndTrimsCells() throws {
        let text = "Направление, Доля\n\"Социально-гуманитарная, включая медиа\", 78 %\nТехническая , \"12,5 %\"\n"
        let data = try XCTUnwrap(read(text).table)
        XCTAssertEqual(data.columns.map(\.name), ["Направление", "Доля"])
        XCTAssertEqual(data.rows, [["Социально-гуманитарная, включая медиа", "78 %"], ["Техническая", "12,5 %"]])
        XCTAssertEqual(data.number(row: 1, column: 1), 12.5)
        XCTAssertTrue(data.columns[1].numeric)
    }

    func testDetectsTheDelimiterFromTheHeaderIgnoringQuotedText() throws {
        let semicolons = try XCTUnwrap(read("\"Направление, вид\";\"2021, чел.\"\nТехническая;412\n").table)
        XCTAssertEqual(semicolons.columns.map(\.name), ["Направление, вид", "2021, чел."])
        let commas = try XCTUnwrap(read("\"Направление; вид\",2021\n\"Техническая; робототехника\",412\n").table)
        XCTAssertEqual(commas.rows, [["Техническая; робототехника", "412"]])
        // Excel leaves commas in headers unquoted: «Доля детей, %».
        let excel = try XCTUnwrap(read("Год;Доля детей 5–18 лет, охваченных программами, %;Целевое значение, %\n2021;71,2;72\n").table)
        XCTAssertEqual(excel.columns.map(\.name), ["Год", "Доля детей 5–18 лет, охваченных программами, %", "Целевое значение, %"])
        XCTAssertEqual(excel.number(row: 0, column: 1), 71.2)
    }

    func testQuotedCellsKeepDelimitersNewlinesAndDoubledQuotes() throws {
        let text = "Объединение;Детей\n\"Кружок \"\"Робот\"\";\nтехника\";15\nШахматы;12\n"
        let data = try XCTUnwrap(read(text).table)
        XCTAssertEqual(data.rows, [["Кружок \"Робот\";\nтехника", "15"], ["Шахматы", "12"]])
    }

    func testABadRowAfterAMultiLineCellIsReportedAtItsLineInTheFile() {
        let lf = "Направление;2021;2022\n\"Техническая;\nробототехника\";1;2\nХудожественная;3\n"
        XCTAssertEqual(errors(lf), [
            "\(csvPath):4:1: в строке 4 — 2 значения, а в заголовке 3 столбца: добавьте недостающие значения; пустое значение — два разделителя подряд: ;;",
        ])
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(read(crlf).diagnostics.map(\.line), [4])
    }

    func testEveryBadRowIsReportedNotOnlyTheFirst() {
        let text = "Направление,2021\nТехническая,412,5\nХудожественная\nТуристско-краеведческая,310\n"
        XCTAssertEqual(errors(text), [
            "\(csvPath):2:1: в строке 2 — 3 значения, а в заголовке 2 столбца: лишний разделитель «,»? Если он есть внутри значения, заключите значение в кавычки: \"1,5\"",
            "\(csvPath):3:1: в строке 3 — 1 значение, а в заголовке 2 столбца: добавьте недостающие значения; пустое значение — два разделителя подряд: ,,",
        ])
    }

    func testBlankLinesAndRowsOfEmptyCellsFromExcelAreSkipped() throws {
        let data = try XCTUnwrap(read("Направление;2021\n\nТехническая;412\n;\n\r\n;;\n\n").table)
        XCTAssertEqual(data.rows, [["Техническая", "412"]])
    }

    func testHeaderProblemsAreReportedAtTheirCells() {
        XCTAssertEqual(errors("Направление;;2022\nТехническая;1;2\n"), [
            "\(csvPath):1:13: у столбца 2 нет названия: впишите его в строку заголовка",
        ])
        XCTAssertEqual(errors("Направление;2021;2021\nТехническая;1;2\n"), [
            "\(csvPath):1:18: столбец «2021» назван дважды: названия столбцов должны различаться",
        ])
        XCTAssertEqual(errors("Направление\nТехническая\n"), [
            "\(csvPath):1:1: в таблице 1 столбец, а нужно не меньше двух: в первом — категории (подписи), в остальных — значения",
        ])
    }

    func testAnEmptyFileOrAHeaderWithoutRowsIsAnError() {
        let empty = "\(csvPath):1:1: файл данных пуст: первой строкой впишите заголовок таблицы, ниже — строки с данными"
        XCTAssertEqual(errors(""), [empty])
        XCTAssertEqual(errors("\u{FEFF}"), [empty])
        XCTAssertEqual(errors("\r\n\n  \n"), [empty])
        XCTAssertEqual(errors("Направление;2021\n\n"), ["\(csvPath):1:1: в таблице только заголовок: добавьте строки с данными"])
    }

    func testAnUnclosedQuoteIsReportedWhereItOpens() {
        // CSV.swift would silently read the rest of the file into the cell.
        let text = "Направление;2021\nТехническая;412\n\"Художественная;980\nТуристско-краеведческая;310\n"
        XCTAssertEqual(errors(text), [
            "\(csvPath):3:1: кавычка открыта, но не закрыта до конца файла: закройте её после значения или, если кавычка — часть текста, напишите её дважды (\"\")",
        ])
    }

    func testTextAfterAClosingQuoteIsAnError() {
        let text = "Объединение;Детей\n\"Кружок \"Робот\"\";15\n"
        XCTAssertEqual(read(text).diagnostics.map { "\($0.line):\($0.column)" }, ["2:10"])
        XCTAssertTrue(errors(text)[0].contains("кавычку внутри значения пишут дважды"))
    }

    func testAQuoteInsideAnUnquotedCellIsText() throws {
        let data = try XCTUnwrap(read("Объединение;Детей\nКружок \"Робот\";15\n").table)
        XCTAssertEqual(data.rows, [["Кружок \"Робот\"", "15"]])
    }

    func testAFileNotInUTF8IsReportedAtTheFirstBadByte() {
        var bytes = Array("Направление;2021\nТех".utf8)
        bytes += [0xFF] + Array("ническая;412\n".utf8)
        let diagnostics = read(bytes: bytes).diagnostics
        XCTAssertEqual(diagnostics.map { "\($0.line):\($0.column)" }, ["2:4"])
        XCTAssertTrue(diagnostics[0].message.hasPrefix("файл не в кодировке UTF-8 (недопустимый байт 0xFF)"))

        // «Направление» saved by Excel in Windows-1251.
        let cp1251: [UInt8] = [0xCD, 0xE0, 0xEF, 0xF0, 0xE0, 0xE2, 0xEB, 0xE5, 0xED, 0xE8, 0xE5, 0x3B, 0x31, 0x0A]
        XCTAssertEqual(read(bytes: cp1251).diagnostics.map { "\($0.line):\($0.column)" }, ["1:1"])
    }

    // MARK: Numbers

    func testReadsNumbersWrittenTheRussianWay() {
        let cases: [(String, Double?)] = [
            ("1 234,5", 1234.5), ("1234,5", 1234.5), ("1234.5", 1234.5), ("78 %", 78), ("78%", 78),
            ("1\u{00A0}234", 1234), ("1\u{202F}234\u{202F}567", 1_234_567), ("-12", -12), ("\u{2212}12,5", -12.5),
            (" 412 ", 412), ("0,5", 0.5), ("0", 0),
            ("", nil), ("2021 2022", nil), ("12 34", nil), ("1,234.5", nil), ("1 234,5,6", nil), (",5", nil),
            ("5,", nil), ("Техническая", nil), ("12 чел.", nil), ("%", nil), ("-", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(DataTable.parseNumber(text), expected, "«\(text)»")
        }
    }

    func testAColumnIsNumericWhenAllItsFilledCellsAreNumbers() {
        let table = DataTable(
            header: ["Год", "Детей", "Примечание", "Доля", "Пусто"],
            rows: [["2021", "412", "рост", "12 %", ""], ["2022", "", "12", "—", ""], ["2023", "1 034", "5", "н/д", ""]])
        // The first column is the labels even when they look like numbers.
        XCTAssertEqual(table.columns.map(\.numeric), [false, true, false, true, false])
        XCTAssertNil(table.number(row: 1, column: 3))
    }

    // MARK: YAML

    func testReadsAYAMLListOfRowsWithTheSameKeys() throws {
        let text = """
            - Направление: Техническая
              2021: 412
              2022: 1 034
            - Направление: Художественная
              2022: 1 120
              2021: 980
            - Направление: "Социально-гуманитарная"
              2021: ~
              2022: 78,5

            """
        let (table, diagnostics) = read(text, as: yamlPath)
        XCTAssertEqual(diagnostics, [])
        let data = try XCTUnwrap(table)
        XCTAssertEqual(data.columns, [.init(name: "Направление", numeric: false), .init(name: "2021", numeric: true), .init(name: "2022", numeric: true)])
        XCTAssertEqual(data.rows, [["Техническая", "412", "1 034"], ["Художественная", "980", "1 120"], ["Социально-гуманитарная", "", "78,5"]])
    }

    func testReadsYAMLColumnsAndRows() throws {
        let text = """
            columns: [Направление, "2021", "2022"]
            rows:
              - [Техническая, 412, 1034.5]
              - [Художественная, 980, "1 120"]

            """
        let data = try XCTUnwrap(read(text, as: "content/moc/ohvat.yml").table)
        XCTAssertEqual(data.columns.map(\.name), ["Направление", "2021", "2022"])
        XCTAssertEqual(data.rows, [["Техническая", "412", "1\u{00A0}034,5"], ["Художественная", "980", "1 120"]], "YAML numbers are shown the Russian way")
        XCTAssertEqual(data.number(row: 0, column: 2), 1034.5)
    }

    func testYAMLThatIsNotATableIsReportedAtItsLine() {
        let scalar = read("Охват детей по направлениям\n", as: yamlPath).diagnostics
        XCTAssertEqual(scalar.map { "\($0.line):\($0.column)" }, ["1:1"])
        XCTAssertTrue(scalar[0].message.hasPrefix("данные в YAML записывают списком строк"))
        XCTAssertEqual(errors("", as: yamlPath).count, 1)
        XCTAssertEqual(read("title: Охват\n", as: yamlPath).diagnostics.filter { $0.severity == .error }.map(\.line), [1])
    }

    func testYAMLRowsWithOtherKeysWrongLengthsOrNestedValuesAreReportedAtTheirLines() {
        let list = """
            - Направление: Техническая
              2021: 412
            - Направление: Художественная
              2022: 980
            - Направление: Туристско-краеведческая
              2021: [310, 320]

            """
        XCTAssertEqual(errors(list, as: yamlPath), [
            "\(yamlPath):3:3: в строке 2 таблицы другие столбцы, чем в первой: нет «2021»; лишние «2022»; у всех строк должны быть одни и те же ключи",
            "\(yamlPath):6:9: значение в столбце «2021» должно быть числом или текстом, а не списком или набором ключей",
        ])
        let rows = """
            columns: [Направление, "2021", "2022"]
            rows:
              - [Техническая, 412, 1034]
              - [Художественная, 980]
              - Шахматы

            """
        XCTAssertEqual(errors(rows, as: yamlPath), [
            "\(yamlPath):4:5: в строке 2 — 2 значения, а в columns 3 столбца: у каждой строки должно быть по значению на столбец (пустое — ~)",
            "\(yamlPath):5:5: строка 3 в rows должна быть списком значений: - [Техническая, 412, 1034]",
        ])
    }

    func testYAMLSyntaxErrorsAndUnknownKeysUseTheProjectsMessages() {
        let broken = read("- Направление: Техническая\n  2021: \"412\n", as: yamlPath).diagnostics
        XCTAssertEqual(broken.count, 1)
        XCTAssertTrue(broken[0].message.contains("кавычки"), broken[0].message)
        let unknown = read("columns: [Направление, \"2021\"]\nrow: []\nrows: [[Техническая, 1]]\n", as: yamlPath).diagnostics
        XCTAssertEqual(unknown.map(\.severity), [.warning])
        XCTAssertEqual(unknown.first?.message, "неизвестный ключ «row» в файле данных: возможно, имелось в виду «rows»")
    }
}
