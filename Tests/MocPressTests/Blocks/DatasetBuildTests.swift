import XCTest
@testable import MocPress

/// `data:` files drawn as tables and charts in pages.
final class DatasetBuildTests: XCTestCase {
    func portal(csv: String) -> TestPortal {
        var portal = TestPortal.standard()
        portal.files["themes/t/templates/page.mustache"] = """
            {{<base}}{{$main}}<h1>{{page.title}}</h1>{{#page.datasets}}<figure>{{#hasChart}}{{{chartSvg}}}{{/hasChart}}<figcaption>{{caption}}</figcaption></figure>
            <table><caption>{{title}}</caption><tr>{{#table.columns}}<th>{{name}}</th>{{/table.columns}}</tr>{{#table.rows}}<tr>{{#cells}}<td{{#numeric}} class="num"{{/numeric}}>{{text}}</td>{{/cells}}</tr>{{/table.rows}}</table>
            <a class="src" href="{{source.url}}">{{source.label}}</a>{{/page.datasets}}{{/main}}{{/base}}
            """
        portal["ekspert/okhvat.csv"] = csv
        portal["ekspert/monitoring.md"] = """
            ---
            title: Мониторинг 2023
            data:
              - file: okhvat.csv
                title: Охват детей по направленностям
                chart: bar
                unit: чел.
                caption: По данным навигатора.
            ---
            Итоги.
            """
        return portal
    }

    func testADataFileBecomesATableAndAChart() throws {
        let (report, output) = portal(csv: "Направленность;2022;2023\nТехническая;412;530\n\"Художественная; театр\";1 034;1 120\n").build()
        XCTAssertEqual(report.errors, [])
        let page = try XCTUnwrap(output.text("ekspert/monitoring/index.html"))
        XCTAssertTrue(page.contains("<caption>Охват детей по направленностям</caption><tr><th>Направленность</th><th>2022</th><th>2023</th></tr>"), page)
        XCTAssertTrue(page.contains("<tr><td>Художественная; театр</td><td class=\"num\">1 034</td><td class=\"num\">1 120</td></tr>"), page)
        XCTAssertTrue(page.contains("<svg"))
        XCTAssertTrue(page.contains("role=\"img\""))
        XCTAssertTrue(page.contains("<figcaption>По данным навигатора.</figcaption>"))
        XCTAssertTrue(page.contains("<a class=\"src\" href=\"/moc/ekspert/okhvat.csv\">csv; 1 Кб</a>"))
    }

    func testABadDataFileIsAnErrorAtItsLine() {
        let report = portal(csv: "Направленность;2022;2023\nТехническая;412;530\nХудожественная;1034\n").build().report
        XCTAssertEqual(report.errors.count, 1, "\(report.errors)")
        XCTAssertTrue(report.errors.first?.hasPrefix("content/demo/ekspert/okhvat.csv:3:") ?? false, "\(report.errors)")
    }

    func testADataFileOfTheWrongKindIsAnError() {
        var portal = portal(csv: "a;b\n1;2\n")
        portal["ekspert/okhvat.xlsx"] = "PK"
        portal["ekspert/monitoring.md"] = "---\ntitle: Мониторинг\ndata: okhvat.xlsx\n---\n"
        XCTAssertEqual(portal.build().report.errors, [
            "content/demo/ekspert/monitoring.md:3:7: ошибка: данные для таблицы и диаграммы берутся из файла .csv или .yaml, а не «okhvat.xlsx»",
        ])
    }
}
