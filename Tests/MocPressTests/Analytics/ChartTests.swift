import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import MocPress

final class ChartTests: XCTestCase {
    /// Охват детей по направлениям дополнительного образования.
    let coverage = DataTable(
        header: ["Направление", "2021", "2022", "2023"],
        rows: [
            ["Техническая", "412", "1 034", "2 310"],
            ["Естественнонаучная", "356", "498", "721"],
            ["Художественная", "980", "1 120", "1 205"],
            ["Социально-гуманитарная", "640", "702", "815"],
            ["Туристско-краеведческая", "185", "240", "310"],
            ["Физкультурно-спортивная", "1 150", "1 290", "1 410"],
        ])
    let title = "Охват детей по направлениям, 2021–2023"

    func chart(_ table: DataTable? = nil, _ kind: ChartKind = .bar, unit: String = "") throws -> String {
        try XCTUnwrap(Chart.svg(table ?? coverage, kind: kind, title: title, unit: unit, id: "ohvat"))
    }

    func parse(_ svg: String) throws -> XMLElement {
        try XCTUnwrap(XMLDocument(xmlString: svg, options: []).rootElement())
    }

    /// Elements by local name (the SVG namespace is the default one), optionally with a class.
    func elements(_ root: XMLElement, _ name: String, class cls: String? = nil) throws -> [XMLElement] {
        var conditions: [String] = []
        if name != "*" { conditions.append("local-name()='\(name)'") }
        if let cls { conditions.append("contains(concat(' ', @class, ' '), ' \(cls) ')") }
        let path = ".//*" + (conditions.isEmpty ? "" : "[" + conditions.joined(separator: " and ") + "]")
        return try root.nodes(forXPath: path).compactMap { $0 as? XMLElement }
    }

    /// An attribute by name (`attribute(forName:)` misses them on namespaced elements on Linux).
    func attr(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { ($0.localName ?? $0.name) == name }?.stringValue
    }

    func texts(_ root: XMLElement, in group: String) throws -> [String] {
        try elements(root, "g", class: group).flatMap { try elements($0, "text") }.map { $0.stringValue ?? "" }
    }

    func testABarChartIsWellFormedAccessibleSVG() throws {
        let svg = try parse(try chart())
        XCTAssertEqual(svg.name, "svg")
        XCTAssertEqual(attr(svg, "role"), "img")
        XCTAssertEqual(attr(svg, "class"), "chart chart-bar")
        XCTAssertEqual(attr(svg, "aria-labelledby"), "ohvat-title ohvat-desc")
        XCTAssertTrue(attr(svg, "viewBox")?.hasPrefix("0 0 720 ") ?? false)
        XCTAssertEqual(try elements(svg, "title").first.flatMap { attr($0, "id") }, "ohvat-title")
        XCTAssertEqual(try elements(svg, "title").first?.stringValue, title)
        XCTAssertEqual(
            try elements(svg, "desc").first?.stringValue,
            "Столбчатая диаграмма: Охват детей по направлениям, 2021–2023. Наибольшее значение — 2\u{00A0}310 (Техническая, 2023).")
        // Every id on the page is made from the chart's own.
        let ids = try svg.nodes(forXPath: ".//@id").compactMap(\.stringValue)
        XCTAssertFalse(ids.isEmpty)
        XCTAssertTrue(ids.allSatisfy { $0.hasPrefix("ohvat-") }, "\(ids)")
    }

    func testDrawsOneBarPerCategoryAndSeriesInGroups() throws {
        let svg = try parse(try chart())
        XCTAssertEqual(try elements(svg, "rect", class: "chart-rect").count, 6 * 3)
        for series in 1...3 {
            let group = try XCTUnwrap(elements(svg, "g", class: "chart-series-\(series)").first { $0.parent?.name == "svg" })
            XCTAssertEqual(try elements(group, "rect", class: "chart-rect").count, 6)
        }
        let tooltips = try elements(svg, "rect", class: "chart-rect").map { $0.stringValue ?? "" }
        XCTAssertTrue(tooltips.contains("Техническая, 2023: 2\u{00A0}310"), "\(tooltips)")
    }

    func testTheValueAxisHasNiceTicksInRussianFormat() throws {
        let svg = try parse(try chart(unit: "чел."))
        XCTAssertEqual(try texts(svg, in: "chart-axis"), ["чел.", "0", "500", "1\u{00A0}000", "1\u{00A0}500", "2\u{00A0}000", "2\u{00A0}500"])

        let ranges: [(Double, Double)] = [(0, 2310), (0, 1), (0, 7), (0, 100), (-120, 980), (92, 99.5), (0, 0.4), (0, 123_456), (-50, -10), (0, 0)]
        for (low, high) in ranges {
            let axis = ChartAxis.nice(min: low, max: high)
            let mantissa = axis.step / pow(10, floor(log10(axis.step)))
            XCTAssertTrue([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-9 }, "\(low)…\(high): step \(axis.step)")
            XCTAssertTrue((4...6).contains(axis.ticks.count), "\(low)…\(high): \(axis.ticks)")
            XCTAssertLessThanOrEqual(axis.low, low)
            XCTAssertGreaterThanOrEqual(axis.high, high)
        }
        XCTAssertEqual(ChartAxis.nice(min: 0, max: 2310).ticks, [0, 500, 1000, 1500, 2000, 2500])
        XCTAssertEqual(ChartAxis.nice(min: 0, max: 7).ticks, [0, 2, 4, 6, 8])
    }

    func testNumbersArePrintedTheRussianWayWithAtMostOneDecimal() {
        XCTAssertEqual(ChartNumber.text(1234.5), "1\u{00A0}234,5")
        XCTAssertEqual(ChartNumber.text(2310), "2\u{00A0}310")
        XCTAssertEqual(ChartNumber.text(1_234_567.89), "1\u{00A0}234\u{00A0}567,9")
        XCTAssertEqual(ChartNumber.text(-12.04), "\u{2212}12")
        XCTAssertEqual(ChartNumber.text(-0.01), "0")
        XCTAssertEqual(ChartNumber.text(78), "78")
    }

    func testTextFromTheDataIsEscaped() throws {
        let table = DataTable(header: ["Направление", "Дети & взрослые"], rows: [["<script>alert(1)</script>", "5"], ["\"Кванториум\"", "7"]])
        let output = try XCTUnwrap(Chart.svg(table, kind: .bar, title: "<b>Охват</b>", unit: "<чел.>", id: "a\"b"))
        XCTAssertFalse(output.contains("<script"))
        XCTAssertFalse(output.contains("<b>"))
        let svg = try parse(output)
        XCTAssertEqual(try texts(svg, in: "chart-categories"), ["<script>alert(1)</script>", "\"Кванториум\""])
        XCTAssertEqual(try elements(svg, "title").first?.stringValue, "<b>Охват</b>")
        XCTAssertEqual(try elements(svg, "text", class: "chart-unit").first?.stringValue, "<чел.>")
    }

    func testSeriesHaveNoColoursOfTheirOwnSoTheThemeSetsThem() throws {
        for kind in [ChartKind.bar, .line] {
            let output = try chart(nil, kind)
            for colour in ["fill=\"#", "stroke=\"#", "rgb(", "hsl(", "style=", "<style"] {
                XCTAssertFalse(output.contains(colour), "\(kind): \(colour)")
            }
            let svg = try parse(output)
            let seriesElements = try elements(svg, "g", class: "chart-series").flatMap { try $0.nodes(forXPath: ".//*") }
            XCTAssertFalse(seriesElements.isEmpty)
            for case let element as XMLElement in seriesElements {
                let fill = attr(element, "fill")
                XCTAssertTrue(fill == nil || fill == "none" || fill!.hasPrefix("url(#ohvat-hatch-"), "\(kind): \(element)")
                let stroke = attr(element, "stroke")
                XCTAssertTrue(stroke == nil || stroke == "none", "\(kind): \(element)")
            }
            for text in try elements(svg, "text") {
                let painted = sequence(first: text as XMLNode) { $0.parent }.compactMap { ($0 as? XMLElement).flatMap { attr($0, "fill") } }
                XCTAssertEqual(painted.first, "currentColor", "\(kind): \(text)")
            }
        }
    }

    func testBarsOfLaterSeriesAreHatchedSoTheyDifferWithoutColour() throws {
        let svg = try parse(try chart())
        let fills = try (1...3).map { series in
            try elements(svg, "g", class: "chart-series-\(series)").first { $0.parent?.name == "svg" }
                .map { try elements($0, "rect", class: "chart-rect").map { attr($0, "fill") } } ?? []
        }
        XCTAssertEqual(fills[0], Array(repeating: nil, count: 6))
        XCTAssertEqual(fills[1], Array(repeating: "url(#ohvat-hatch-2)", count: 6))
        XCTAssertEqual(fills[2], Array(repeating: "url(#ohvat-hatch-3)", count: 6))
        XCTAssertEqual(try elements(svg, "pattern").compactMap { attr($0, "id") }, ["ohvat-hatch-2", "ohvat-hatch-3"])
    }

    func testALineChartDrawsAPolylineWithMarkersAndValuesPerSeries() throws {
        let svg = try parse(try chart(nil, .line))
        XCTAssertEqual(attr(svg, "class"), "chart chart-line")
        let lines = try elements(svg, "polyline")
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines.map { attr($0, "fill") }, ["none", "none", "none"])
        XCTAssertEqual(lines.map { attr($0, "points")?.split(separator: " ").count }, [6, 6, 6])
        // Marker shapes differ between series: circles, squares, triangles.
        let markers = try elements(svg, "*", class: "chart-marker").filter { $0.parent?.parent?.name == "svg" }
        XCTAssertEqual(markers.count, 18)
        XCTAssertEqual(Set(markers.prefix(6).map { $0.name ?? "" }), ["circle"])
        XCTAssertEqual(Set(markers.dropFirst(6).prefix(6).map { $0.name ?? "" }), ["rect"])
        XCTAssertEqual(Set(markers.suffix(6).map { $0.name ?? "" }), ["path"])
        XCTAssertTrue(try elements(svg, "desc").first?.stringValue?.hasPrefix("Линейная диаграмма: ") ?? false)
    }

    func testLineValueLabelsNeverCoverEachOtherOrAMarker() throws {
        let svg = try parse(try chart(nil, .line))
        func number(_ element: XMLElement, _ name: String) -> Double { Double(attr(element, name) ?? "") ?? .nan }
        // Boxes as the chart estimates them: 0,6 em per character at 11 px.
        let labels = try elements(svg, "g", class: "chart-values").flatMap { try elements($0, "text") }.map { text in
            let half = Double((text.stringValue ?? "").count) * 0.6 * 11 / 2
            return (x0: number(text, "x") - half, y0: number(text, "y") - 8, x1: number(text, "x") + half, y1: number(text, "y") + 2)
        }
        XCTAssertTrue((6...18).contains(labels.count), "\(labels.count) labels")
        let markers = try elements(svg, "circle", class: "chart-marker").map { (x: number($0, "cx"), y: number($0, "cy")) }
        for (index, a) in labels.enumerated() {
            for b in labels[(index + 1)...] {
                XCTAssertFalse(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, "\(a) and \(b)")
            }
            for m in markers {
                XCTAssertFalse(a.x0 < m.x + 4.5 && m.x - 4.5 < a.x1 && a.y0 < m.y + 4.5 && m.y - 4.5 < a.y1, "\(a) covers \(m)")
            }
        }
        // A single line far from the others gets every value.
        let single = DataTable(header: ["Год", "Детей"], rows: [["2021", "412"], ["2022", "1 034"], ["2023", "2 310"]])
        XCTAssertEqual(try texts(parse(chart(single, .line)), in: "chart-values"), ["412", "1\u{00A0}034", "2\u{00A0}310"])
    }

    func testALineAxisLeavesOutZeroOnlyWhenTheValuesAreFarFromIt() throws {
        let share = DataTable(header: ["Год", "Доля"], rows: [["2021", "92 %"], ["2022", "96,5 %"], ["2023", "99 %"]])
        XCTAssertFalse(try texts(parse(chart(share, .line)), in: "chart-axis").contains("0"))
        XCTAssertTrue(try texts(parse(chart(share, .bar)), in: "chart-axis").contains("0"))
        XCTAssertTrue(try texts(parse(chart(coverage, .line)), in: "chart-axis").contains("0"))
    }

    func testNegativeValuesHangBelowTheZeroLine() throws {
        let balance = DataTable(header: ["Год", "Изменение"], rows: [["2021", "120"], ["2022", "-80"], ["2023", "45"]])
        let output = try chart(balance, unit: "чел.")
        let svg = try parse(output)
        XCTAssertEqual(try texts(svg, in: "chart-axis"), ["чел.", "\u{2212}100", "\u{2212}50", "0", "50", "100", "150"])
        let bars = try elements(svg, "rect", class: "chart-rect")
        let y = { (bar: XMLElement, name: String) in Double(self.attr(bar, name) ?? "") ?? .nan }
        XCTAssertEqual(y(bars[0], "y") + y(bars[0], "height"), y(bars[1], "y"), accuracy: 0.11, "the bars meet at the zero line")
        XCTAssertTrue(output.contains("наименьшее — \u{2212}80\u{00A0}чел. (2022)"))
    }

    func testLongCategoryLabelsAreWrappedOrTurnedSoTheyNeverOverlap() throws {
        let svg = try parse(try chart())
        let labels = try elements(svg, "g", class: "chart-categories").flatMap { try elements($0, "text") }
        XCTAssertEqual(labels.count, 6)
        let wrapped = try XCTUnwrap(labels.first { $0.stringValue == "Социально-гуманитарная" })
        XCTAssertEqual(try elements(wrapped, "tspan").map { $0.stringValue ?? "" }, ["Социально-", "гуманитарная"])

        let many = DataTable(
            header: ["Учреждение", "Детей"],
            rows: (1...14).map { ["Муниципальное бюджетное учреждение дополнительного образования № \($0)", "\($0 * 10)"] })
        let turned = try elements(parse(chart(many)), "g", class: "chart-categories").flatMap { try elements($0, "text") }
        XCTAssertEqual(turned.count, 14)
        XCTAssertTrue(turned.allSatisfy { attr($0, "transform")?.hasPrefix("rotate(-45 ") ?? false })
        let lines = try elements(turned[0], "tspan").map { $0.stringValue ?? "" }
        XCTAssertEqual(
            lines.isEmpty ? turned[0].stringValue : lines.joined(separator: " "), "Муниципальное бюджетное … образования № 1",
            "very long labels lose their middle words")
    }

    func testALegendNamesTheSeriesOnlyWhenThereAreSeveral() throws {
        XCTAssertEqual(try texts(parse(chart()), in: "chart-legend"), ["2021", "2022", "2023"])
        let single = DataTable(header: ["Направление", "Детей"], rows: [["Техническая", "412"], ["Художественная", "980"]])
        XCTAssertEqual(try elements(parse(chart(single)), "g", class: "chart-legend").count, 0)
    }

    func testNoChartWithoutNumbersOrRows() {
        let text = DataTable(header: ["Направление", "Руководитель"], rows: [["Техническая", "Иванова И. И."]])
        XCTAssertNil(Chart.svg(text, kind: .bar, title: title, unit: "", id: "a"))
        let empty = DataTable(header: ["Направление", "2021"], rows: [])
        XCTAssertNil(Chart.svg(empty, kind: .line, title: title, unit: "", id: "a"))
        let blank = DataTable(header: ["Направление", "2021"], rows: [["Техническая", ""]])
        XCTAssertNil(Chart.svg(blank, kind: .bar, title: title, unit: "", id: "a"))
    }

    func testTheSameTableGivesTheSameBytes() throws {
        XCTAssertEqual(try chart(), try chart())
        XCTAssertEqual(try chart(nil, .line), try chart(nil, .line))
    }
}
