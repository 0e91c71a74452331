import Foundation

/// Вид диаграммы: столбчатая или линейная.
enum ChartKind: String, Sendable {
    case bar, line
}

/// Диаграмма по таблице данных, нарисованная при сборке: an inline SVG
/// with no colours of its own. Series are drawn inside
/// `<g class="chart-series-N">` (N = 1…6, cycling), which the theme colours
/// with `fill` and `stroke`; text and axes use `currentColor`. So that the
/// series can be told apart without colour, bars of series 2… are hatched
/// or dotted (`url(#…)` patterns drawn in the series' own colour) and lines
/// differ in dashes and marker shapes.
enum Chart {
    /// An inline SVG: categories from the first column, one series per numeric column.
    /// Nil when the table has no rows or no numeric column.
    ///
    /// The value axis starts at 0 for bars. For lines it starts at 0 too,
    /// unless all values lie further from 0 than they spread (80–100 %):
    /// then it spans the values, so that the changes stay visible.
    static func svg(_ table: DataTable, kind: ChartKind, title: String, unit: String, id: String) -> String? {
        guard let data = ChartData(table) else { return nil }
        var drawing = ChartDrawing(data: data, kind: kind, title: title, unit: unit, id: id)
        return drawing.render()
    }
}

/// The part of a table a chart draws.
struct ChartData {
    struct Series {
        var name: String
        var values: [Double?]
    }

    var categories: [String]
    var series: [Series]

    init?(_ table: DataTable) {
        let numeric = table.columns.indices.filter { $0 > 0 && table.columns[$0].numeric }
        guard !table.rows.isEmpty, !numeric.isEmpty else { return nil }
        categories = table.rows.map { $0.first ?? "" }
        series = numeric.map { column in
            Series(name: table.columns[column].name, values: table.rows.indices.map { table.number(row: $0, column: column) })
        }
        guard !values.isEmpty else { return nil }
    }

    var values: [Double] { series.flatMap { $0.values.compactMap { $0 } } }
}

/// A value axis with "nice" ticks: steps of 1, 2, 2,5 or 5 × 10ⁿ, 4 to 6 ticks.
struct ChartAxis: Equatable {
    var low: Double
    var high: Double
    var step: Double

    var ticks: [Double] {
        let count = Int(((high - low) / step).rounded())
        return (0...count).map { (((low + Double($0) * step) * 10).rounded() / 10) }
    }

    /// The tightest axis with 4–6 ticks covering `min…max`. Steps below 0,1
    /// and 0,25 are not used: tick labels have at most one decimal.
    static func nice(min: Double, max: Double) -> ChartAxis {
        var low = min, high = max
        if high - low < 1e-9 {
            if low == 0 { high = 1 } else if low > 0 { low = 0 } else { high = 0 }
        }
        var candidates: [(axis: ChartAxis, count: Int)] = []
        let firstExponent = Int((log10(high - low) - 2).rounded(.down))
        for exponent in firstExponent...(firstExponent + 4) {
            for mantissa in [1.0, 2.0, 2.5, 5.0] {
                let step = mantissa * pow(10, Double(exponent))
                let tenths = step * 10
                guard step >= 0.1 - 1e-9, abs(tenths - tenths.rounded()) < 1e-6 else { continue }
                let from = (low / step + 1e-9).rounded(.down) * step
                let to = (high / step - 1e-9).rounded(.up) * step
                let count = Int(((to - from) / step).rounded()) + 1
                candidates.append((ChartAxis(low: from, high: to, step: step), count))
            }
        }
        if let best = candidates.filter({ (4...6).contains($0.count) }).min(by: { $0.axis.step < $1.axis.step }) {
            return best.axis
        }
        return candidates.min { abs($0.count - 5) < abs($1.count - 5) }!.axis
    }
}

/// Numbers in charts: Russian format, at most one decimal.
enum ChartNumber {
    /// `1 234,5`, `−12`, `0,5` — grouped by threes with a non-breaking space.
    static func text(_ value: Double) -> String { RussianNumber.format(value, decimals: 1) }

    /// A coordinate: one decimal at most, no "-0".
    static func coordinate(_ value: Double) -> String {
        var text = String(format: "%.1f", value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text == "-0" ? "0" : text
    }
}

/// Lays out and writes one chart.
private struct ChartDrawing {
    let data: ChartData
    let kind: ChartKind
    let title: String
    let unit: String
    let id: String

    static let width = 720.0
    static let plotHeight = 240.0
    static let fontSize = 12.0
    static let valueFontSize = 11.0
    static let lineHeight = 15.0
    /// Text width is estimated, not measured: about 0,55 em per character
    /// (0,6 em for digits, which are wider in most fonts).
    static func textWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (("0"..."9").contains($1) ? 0.6 : 0.55) } * size
    }

    private var out = ""

    init(data: ChartData, kind: ChartKind, title: String, unit: String, id: String) {
        self.data = data
        self.kind = kind
        self.title = title
        self.unit = unit
        self.id = id
    }

    // MARK: Layout

    var axis: ChartAxis {
        let values = data.values
        var low = values.min()!, high = values.max()!
        let fromZero: Bool
        switch kind {
        case .bar: fromZero = true
        case .line:
            let sameSign = low > 0 || high < 0
            let nearest = Swift.min(abs(low), abs(high))
            fromZero = !(sameSign && nearest > high - low && high > low)
        }
        if fromZero {
            low = Swift.min(low, 0)
            high = Swift.max(high, 0)
        }
        return ChartAxis.nice(min: low, max: high)
    }

    enum CategoryLabels {
        /// One or two lines under each category.
        case horizontal([[String]])
        /// Turned by 45°, on one or two lines; every `every`-th label when there are many.
        case rotated([[String]], every: Int)
    }

    struct Frame {
        var left: Double
        var right: Double
        var plotTop: Double
        var plotBottom: Double
        var labelTop: Double
        var height: Double
        var labels: CategoryLabels
        var legendRows: [[(series: Int, x: Double)]]
        var legendTop: Double
        var unitBaseline: Double
    }

    func layout(axis: ChartAxis) -> Frame {
        let width = Self.width
        let tickWidth = axis.ticks.map { Self.textWidth(ChartNumber.text($0), size: Self.fontSize) }.max() ?? 0
        var left = Swift.max(40, tickWidth + 16)
        let right = width - 8

        var labels = horizontalLabels(left: left, right: right)
        if labels == nil {
            // Turned labels, on two lines when there is room across them for every label.
            let options = [true, false].map { rotatedLabels(twoLines: $0, left: left, right: right) }
            let best = options.first { $0.every == 1 } ?? options.min { $0.every < $1.every }!
            left = best.left
            labels = .rotated(best.lines, every: best.every)
        }

        var y = 8.0
        let legendRows = legendLayout()
        let legendTop = y
        y += Double(legendRows.count) * 22
        if !legendRows.isEmpty { y += 4 }
        var unitBaseline = 0.0
        if !unit.isEmpty {
            unitBaseline = y + 12
            y += 18
        }
        let plotTop = y + 18
        let plotBottom = plotTop + Self.plotHeight
        let negativeLabels = data.values.contains { $0 < 0 } ? 14.0 : 0
        let labelTop = plotBottom + negativeLabels + 6
        let labelArea: Double
        switch labels! {
        case .horizontal(let lines):
            labelArea = Double(lines.map(\.count).max() ?? 1) * Self.lineHeight + 4
        case .rotated(let lines, _):
            let longest = lines.map { label in
                (label.map { Self.textWidth($0, size: Self.fontSize) }.max() ?? 0) + Double(label.count) * Self.lineHeight
            }.max() ?? 0
            labelArea = longest * 0.71 + 10
        }
        return Frame(
            left: left, right: right, plotTop: plotTop, plotBottom: plotBottom, labelTop: labelTop,
            height: (labelTop + labelArea + 8).rounded(.up), labels: labels!, legendRows: legendRows,
            legendTop: legendTop, unitBaseline: unitBaseline)
    }

    /// Labels turned by 45°; the longest lose their middle words (the table has
    /// them in full). The plot moves right when the first label needs room.
    func rotatedLabels(twoLines: Bool, left: Double, right: Double) -> (lines: [[String]], left: Double, every: Int) {
        let count = Double(data.categories.count)
        let lines = data.categories.map { label -> [String] in
            let text = Self.shorten(label)
            return twoLines && Self.textWidth(text, size: Self.fontSize) > 120 ? Self.split(text) : [text]
        }
        // The first label reaches left of its category, into the margin.
        let first = (lines[0].map { Self.textWidth($0, size: Self.fontSize) }.max() ?? 0) + Double(lines[0].count) * Self.lineHeight / 2
        let slot = (right - left) / count
        let left = Swift.max(left, Swift.min(first * 0.71 + 6 - slot / 2, Self.width / 3))
        let across = Double(lines.map(\.count).max() ?? 1) * Self.lineHeight + 2
        let every = Swift.max(1, Int((across / ((right - left) / count * 0.71)).rounded(.up)))
        return (lines, left, every)
    }

    /// Labels on one or two lines, or nil when some of them would touch.
    func horizontalLabels(left: Double, right: Double) -> CategoryLabels? {
        let slot = (right - left) / Double(data.categories.count)
        let gap = 4.0
        let lines = data.categories.map { label -> [String] in
            Self.textWidth(label, size: Self.fontSize) <= slot - gap ? [label] : Self.split(label)
        }
        let widths = lines.map { $0.map { Self.textWidth($0, size: Self.fontSize) }.max() ?? 0 }
        for (index, width) in widths.enumerated() {
            let centre = left + slot * (Double(index) + 0.5)
            if centre - width / 2 < 2 || centre + width / 2 > Self.width - 2 { return nil }
            if index > 0 && (widths[index - 1] + width) / 2 + gap > slot { return nil }
            if lines[index].count > 2 { return nil }
        }
        return .horizontal(lines)
    }

    /// A label of more than 48 characters without its middle words:
    /// «Муниципальное бюджетное … образования № 1».
    static func shorten(_ label: String) -> String {
        guard label.count > 48 else { return label }
        let words = label.split(separator: " ")
        var head: [Substring] = [], tail: [Substring] = []
        for word in words {
            guard (head + [word]).joined(separator: " ").count <= 28 else { break }
            head.append(word)
        }
        for word in words.reversed() {
            guard ([word] + tail).joined(separator: " ").count <= 18 else { break }
            tail.insert(word, at: 0)
        }
        if head.isEmpty || tail.isEmpty || head.count + tail.count >= words.count {
            return String(label.prefix(30)) + "…" + String(label.suffix(17))
        }
        return head.joined(separator: " ") + " … " + tail.joined(separator: " ")
    }

    /// The label in two lines of the closest widths, broken at a space or after a hyphen.
    static func split(_ label: String) -> [String] {
        let characters = Array(label)
        var best: [String] = [label]
        var bestWidth = textWidth(label, size: fontSize)
        for index in characters.indices.dropFirst().dropLast() {
            let first: String, second: String
            if characters[index] == " " {
                first = String(characters[..<index])
                second = String(characters[(index + 1)...])
            } else if characters[index - 1] == "-" {
                first = String(characters[..<index])
                second = String(characters[index...])
            } else {
                continue
            }
            let width = Swift.max(textWidth(first, size: fontSize), textWidth(second, size: fontSize))
            if width < bestWidth {
                best = [first.trimmingWhitespace(), second.trimmingWhitespace()]
                bestWidth = width
            }
        }
        return best
    }

    /// Width of a legend key: a square for bars, a piece of line with its marker for lines.
    var swatchWidth: Double { kind == .bar ? 16 : 28 }

    /// Legend items flowed into rows; none for a single series.
    func legendLayout() -> [[(series: Int, x: Double)]] {
        guard data.series.count > 1 else { return [] }
        var rows: [[(series: Int, x: Double)]] = [[]]
        var x = 8.0
        for (index, series) in data.series.enumerated() {
            let width = swatchWidth + 6 + Self.textWidth(legendName(series.name), size: Self.fontSize)
            if x + width > Self.width - 8 && !rows[rows.count - 1].isEmpty {
                rows.append([])
                x = 8
            }
            rows[rows.count - 1].append((index, x))
            x += width + 20
        }
        return rows
    }

    func legendName(_ name: String) -> String { name.count > 60 ? String(name.prefix(59)) + "…" : name }

    // MARK: Writing

    mutating func render() -> String {
        let axis = self.axis
        let frame = layout(axis: axis)
        let scale = { (value: Double) -> Double in
            frame.plotTop + (axis.high - value) / (axis.high - axis.low) * Self.plotHeight
        }
        let slot = (frame.right - frame.left) / Double(data.categories.count)
        let kindClass = kind == .bar ? "chart-bar" : "chart-line"
        let ref = Escape.xml(id)

        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(Self.width)) \(n(frame.height))\""
        out += " role=\"img\" aria-labelledby=\"\(ref)-title \(ref)-desc\" class=\"chart \(kindClass)\""
        out += " font-size=\"\(n(Self.fontSize))\">\n"
        out += "<title id=\"\(ref)-title\">\(Escape.xml(title.isEmpty ? "Диаграмма" : title))</title>\n"
        out += "<desc id=\"\(ref)-desc\">\(Escape.xml(description))</desc>\n"

        writeLegend(frame)
        let baseline = writeAxis(axis, frame: frame, scale: scale)
        switch kind {
        case .bar:
            writeBars(frame: frame, slot: slot, scale: scale, zero: scale(Swift.min(Swift.max(0, axis.low), axis.high)))
            out += baseline  // over the bars' feet
        case .line:
            out += baseline  // under the markers
            writeLines(frame: frame, slot: slot, scale: scale)
        }
        writeCategoryLabels(frame: frame, slot: slot)
        out += "</svg>\n"
        return out
    }

    /// «Столбчатая диаграмма: Охват детей, 2021–2023. Наибольшее значение — 2 310 (Техническая, 2023).»
    var description: String {
        var text = kind == .bar ? "Столбчатая диаграмма" : "Линейная диаграмма"
        var name = title.trimmingWhitespace()
        while name.hasSuffix(".") { name.removeLast() }
        text += name.isEmpty ? " по данным таблицы." : ": \(name)."
        let points = data.series.indices.flatMap { s in
            data.categories.indices.compactMap { c in data.series[s].values[c].map { (value: $0, series: s, category: c) } }
        }
        func describe(_ point: (value: Double, series: Int, category: Int)) -> String {
            var where_ = data.categories[point.category]
            if data.series.count > 1 { where_ += ", " + data.series[point.series].name }
            return "\(valueText(point.value)) (\(where_))"
        }
        let highest = points.max { $0.value < $1.value }!
        text += " Наибольшее значение — \(describe(highest))"
        let lowest = points.min { $0.value < $1.value }!
        if lowest.value < 0 { text += ", наименьшее — \(describe(lowest))" }
        return text + "."
    }

    func valueText(_ value: Double) -> String {
        ChartNumber.text(value) + (unit.isEmpty ? "" : "\u{00A0}" + unit)
    }

    func seriesClass(_ index: Int) -> String { "chart-series chart-series-\(index % 6 + 1)" }

    /// Hatching for the bars of series 2…6. The pattern sits inside its series'
    /// group, so its shapes inherit the series' colour from the theme.
    func pattern(_ index: Int) -> String {
        let cycle = index % 6
        guard cycle > 0, data.series.count > 1, index < 6 else { return "" }
        let head = "<defs><pattern id=\"\(Escape.xml(id))-hatch-\(cycle + 1)\" patternUnits=\"userSpaceOnUse\""
        let shapes: String
        switch cycle {
        case 1: shapes = " width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"3.5\" height=\"6\" stroke=\"none\"/>"
        case 2: shapes = " width=\"5\" height=\"5\"><circle cx=\"2.5\" cy=\"2.5\" r=\"1.8\" stroke=\"none\"/>"
        case 3: shapes = " width=\"6\" height=\"6\" patternTransform=\"rotate(-45)\"><rect width=\"3.5\" height=\"6\" stroke=\"none\"/>"
        case 4: shapes = " width=\"6\" height=\"6\"><rect width=\"6\" height=\"3.5\" stroke=\"none\"/>"
        default:
            shapes = " width=\"7\" height=\"7\" patternTransform=\"rotate(45)\"><rect width=\"2.5\" height=\"7\" stroke=\"none\"/>"
                + "<rect width=\"7\" height=\"2.5\" stroke=\"none\"/>"
        }
        return head + shapes + "</pattern></defs>\n"
    }

    /// `fill` of a bar: series 1 (and 7, 13, …) are solid, the others use a pattern.
    func barFill(_ index: Int) -> String {
        let cycle = index % 6
        guard cycle > 0, data.series.count > 1 else { return "" }
        return " fill=\"url(#\(Escape.xml(id))-hatch-\(cycle + 1))\""
    }

    mutating func writeLegend(_ frame: Frame) {
        guard !frame.legendRows.isEmpty else { return }
        out += "<g class=\"chart-legend\">\n"
        for (row, items) in frame.legendRows.enumerated() {
            let middle = frame.legendTop + Double(row) * 22 + 9
            for item in items {
                out += "<g class=\"\(seriesClass(item.series))\">"
                switch kind {
                case .bar:
                    out += "<rect x=\"\(n(item.x))\" y=\"\(n(middle - 8))\" width=\"16\" height=\"16\" stroke-width=\"1\"\(barFill(item.series))/>"
                case .line:
                    out += "<line x1=\"\(n(item.x))\" y1=\"\(n(middle))\" x2=\"\(n(item.x + swatchWidth))\" y2=\"\(n(middle))\" fill=\"none\" stroke-width=\"2.5\"\(dash(item.series))/>"
                    out += marker(item.series, x: item.x + swatchWidth / 2, y: middle, tooltip: nil)
                }
                out += "</g>"
                out += "<text x=\"\(n(item.x + swatchWidth + 6))\" y=\"\(n(middle + 4))\" fill=\"currentColor\">"
                out += "\(Escape.xml(legendName(data.series[item.series].name)))</text>\n"
            }
        }
        out += "</g>\n"
    }

    /// Grid lines and tick labels; the base line (0, or the axis' end nearest
    /// to it) is returned to be drawn over the bars.
    mutating func writeAxis(_ axis: ChartAxis, frame: Frame, scale: (Double) -> Double) -> String {
        out += "<g class=\"chart-axis\" fill=\"currentColor\">\n"
        if !unit.isEmpty {
            out += "<text class=\"chart-unit\" x=\"8\" y=\"\(n(frame.unitBaseline))\">\(Escape.xml(unit))</text>\n"
        }
        let base = Swift.min(Swift.max(0, axis.low), axis.high)
        for tick in axis.ticks where abs(tick - base) > 1e-9 {
            let y = n(scale(tick))
            out += "<line x1=\"\(n(frame.left))\" y1=\"\(y)\" x2=\"\(n(frame.right))\" y2=\"\(y)\" stroke=\"currentColor\" stroke-opacity=\"0.2\"/>"
        }
        for tick in axis.ticks {
            out += "<text x=\"\(n(frame.left - 8))\" y=\"\(n(scale(tick) + 4))\" text-anchor=\"end\">\(ChartNumber.text(tick))</text>\n"
        }
        out += "</g>\n"
        let y = n(scale(base))
        return "<line class=\"chart-baseline\" x1=\"\(n(frame.left))\" y1=\"\(y)\" x2=\"\(n(frame.right))\" y2=\"\(y)\" stroke=\"currentColor\" stroke-width=\"1.5\"/>\n"
    }

    mutating func writeBars(frame: Frame, slot: Double, scale: (Double) -> Double, zero: Double) {
        let count = Double(data.series.count)
        let group = Swift.min(slot * 0.8, count * 48)
        let pitch = group / count
        let gap = data.series.count > 1 ? Swift.min(4, pitch * 0.15) : 0
        let labelWidth = data.values.map { Self.textWidth(ChartNumber.text($0), size: Self.valueFontSize) }.max() ?? 0
        let showValues = labelWidth + 3 <= pitch
        var labels = ""
        for (index, series) in data.series.enumerated() {
            out += "<g class=\"\(seriesClass(index))\" stroke-width=\"1\">\n" + pattern(index)
            for (category, value) in series.values.enumerated() {
                guard let value else { continue }
                let x = frame.left + slot * Double(category) + (slot - group) / 2 + pitch * Double(index) + gap / 2
                let top = Swift.min(scale(value), zero), bottom = Swift.max(scale(value), zero)
                out += "<rect class=\"chart-rect\" x=\"\(n(x))\" y=\"\(n(top))\" width=\"\(n(pitch - gap))\" height=\"\(n(bottom - top))\"\(barFill(index))>"
                out += "<title>\(Escape.xml(tooltip(series: index, category: category, value: value)))</title></rect>\n"
                if showValues {
                    let y = value < 0 ? bottom + Self.valueFontSize + 2 : top - 5
                    labels += "<text x=\"\(n(x + (pitch - gap) / 2))\" y=\"\(n(y))\">\(ChartNumber.text(value))</text>\n"
                }
            }
            out += "</g>\n"
        }
        if !labels.isEmpty {
            out += "<g class=\"chart-values\" fill=\"currentColor\" font-size=\"\(n(Self.valueFontSize))\" text-anchor=\"middle\">\n\(labels)</g>\n"
        }
    }

    mutating func writeLines(frame: Frame, slot: Double, scale: (Double) -> Double) {
        let labelWidth = data.values.map { Self.textWidth(ChartNumber.text($0), size: Self.valueFontSize) }.max() ?? 0
        let showValues = labelWidth + 8 <= slot
        let x = { (category: Int) in frame.left + slot * (Double(category) + 0.5) }
        for (index, series) in data.series.enumerated() {
            out += "<g class=\"\(seriesClass(index))\">\n"
            // A missing value breaks the line.
            var runs: [[Int]] = [[]]
            for (category, value) in series.values.enumerated() {
                if value == nil { runs.append([]) } else { runs[runs.count - 1].append(category) }
            }
            for run in runs where run.count > 1 {
                let points = run.map { "\(n(x($0))),\(n(scale(series.values[$0]!)))" }.joined(separator: " ")
                out += "<polyline class=\"chart-polyline\" fill=\"none\" stroke-width=\"2.5\" stroke-linejoin=\"round\"\(dash(index)) points=\"\(points)\"/>\n"
            }
            for (category, value) in series.values.enumerated() {
                guard let value else { continue }
                out += marker(index, x: x(category), y: scale(value), tooltip: tooltip(series: index, category: category, value: value)) + "\n"
            }
            out += "</g>\n"
        }
        guard showValues else { return }
        out += "<g class=\"chart-values\" fill=\"currentColor\" font-size=\"\(n(Self.valueFontSize))\" text-anchor=\"middle\">\n"
        for label in lineLabels(frame: frame, x: x, scale: scale) {
            out += "<text x=\"\(n(label.x))\" y=\"\(n(label.y))\">\(label.text)</text>\n"
        }
        out += "</g>\n"
    }

    /// A rectangle on the chart: something a value label must not cover.
    struct Box {
        var x0, y0, x1, y1: Double
        func intersects(_ other: Box) -> Bool { x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1 }
    }

    /// Value labels of a line chart, each above its point or else below it, and
    /// left out where both places would cover a marker, a line or another label
    /// (the table under the chart has every value).
    func lineLabels(frame: Frame, x: (Int) -> Double, scale: (Double) -> Double) -> [(x: Double, y: Double, text: String)] {
        struct Point { var x, y, value: Double }
        let points: [[Point?]] = data.series.map { series in
            series.values.enumerated().map { category, value in value.map { Point(x: x(category), y: scale($0), value: $0) } }
        }
        var obstacles = points.flatMap { $0.compactMap { $0 } }.map { Box(x0: $0.x - 6, y0: $0.y - 6, x1: $0.x + 6, y1: $0.y + 6) }
        let segments = points.flatMap { series in
            zip(series, series.dropFirst()).compactMap { pair -> (Point, Point)? in
                guard let a = pair.0, let b = pair.1 else { return nil }
                return (a, b)
            }
        }
        func crossesLine(_ box: Box) -> Bool {
            segments.contains { a, b in
                let from = Swift.max(box.x0, a.x), to = Swift.min(box.x1, b.x)
                guard from <= to else { return false }
                let y = { (x: Double) in a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x) }
                return Swift.max(y(from), y(to)) + 1.5 > box.y0 && Swift.min(y(from), y(to)) - 1.5 < box.y1
            }
        }
        var labels: [(x: Double, y: Double, text: String)] = []
        for category in data.categories.indices {
            for point in points.compactMap({ $0[category] }).sorted(by: { $0.y < $1.y }) {
                let text = ChartNumber.text(point.value)
                let half = Self.textWidth(text, size: Self.valueFontSize) / 2 + 1
                for baseline in [point.y - 9, point.y + 9 + Self.valueFontSize * 0.75] {
                    let box = Box(x0: point.x - half, y0: baseline - Self.valueFontSize * 0.75, x1: point.x + half, y1: baseline + 2)
                    guard box.y0 >= frame.plotTop - 16, box.y1 <= frame.plotBottom - 2,
                          !obstacles.contains(where: { $0.intersects(box) }), !crossesLine(box) else { continue }
                    labels.append((point.x, baseline, text))
                    obstacles.append(box)
                    break
                }
            }
        }
        return labels
    }

    mutating func writeCategoryLabels(frame: Frame, slot: Double) {
        out += "<g class=\"chart-categories\" fill=\"currentColor\" text-anchor=\"middle\">\n"
        switch frame.labels {
        case .horizontal(let lines):
            for (index, label) in lines.enumerated() {
                let x = n(frame.left + slot * (Double(index) + 0.5))
                let y = frame.labelTop + Self.fontSize
                if label.count == 1 {
                    out += "<text x=\"\(x)\" y=\"\(n(y))\">\(Escape.xml(label[0]))</text>\n"
                } else {
                    out += "<text x=\"\(x)\" y=\"\(n(y))\">"
                    for (line, text) in label.enumerated() {
                        out += "<tspan x=\"\(x)\"\(line == 0 ? "" : " dy=\"\(n(Self.lineHeight))\"")>\(Escape.xml(text))</tspan>"
                    }
                    out += "</text>\n"
                }
            }
        case .rotated(let lines, let every):
            for (index, label) in lines.enumerated() where index % every == 0 {
                // Lines of a label are stacked across the turned baseline, centred on the tick.
                let x = n(frame.left + slot * (Double(index) + 0.5) + 4)
                let y = n(frame.labelTop + 4)
                out += "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"end\" transform=\"rotate(-45 \(x) \(y))\">"
                if label.count == 1 {
                    out += Escape.xml(label[0])
                } else {
                    for (line, text) in label.enumerated() {
                        let dy = line == 0 ? -Self.lineHeight / 2 + 4 : Self.lineHeight
                        out += "<tspan x=\"\(x)\" dy=\"\(n(dy))\">\(Escape.xml(text))</tspan>"
                    }
                }
                out += "</text>\n"
            }
        }
        out += "</g>\n"
    }

    func tooltip(series: Int, category: Int, value: Double) -> String {
        var text = data.categories[category]
        if data.series.count > 1 { text += ", " + data.series[series].name }
        return text + ": " + valueText(value)
    }

    func dash(_ index: Int) -> String {
        let patterns = ["", "9 4", "2 3", "12 3 2 3", "5 5", "1 4"]
        let pattern = patterns[index % 6]
        return pattern.isEmpty ? "" : " stroke-dasharray=\"\(pattern)\""
    }

    /// A point marker; its shape tells the series apart without colour.
    func marker(_ index: Int, x: Double, y: Double, tooltip: String?) -> String {
        let content = tooltip.map { "<title>\(Escape.xml($0))</title>" } ?? ""
        let close = content.isEmpty ? "/>" : ">\(content)"
        let shape: String
        switch index % 6 {
        case 0:
            shape = "<circle class=\"chart-marker\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"4.5\"" + close + (content.isEmpty ? "" : "</circle>")
            return shape
        case 1:
            shape = "<rect class=\"chart-marker\" x=\"\(n(x - 4))\" y=\"\(n(y - 4))\" width=\"8\" height=\"8\"" + close + (content.isEmpty ? "" : "</rect>")
            return shape
        case 2: shape = "M\(n(x)) \(n(y - 5.5))L\(n(x + 5.5)) \(n(y + 4))L\(n(x - 5.5)) \(n(y + 4))Z"
        case 3: shape = "M\(n(x)) \(n(y - 6))L\(n(x + 6)) \(n(y))L\(n(x)) \(n(y + 6))L\(n(x - 6)) \(n(y))Z"
        case 4: shape = "M\(n(x)) \(n(y + 5.5))L\(n(x + 5.5)) \(n(y - 4))L\(n(x - 5.5)) \(n(y - 4))Z"
        default:
            shape = "M\(n(x - 2)) \(n(y - 6))h4v4h4v4h-4v4h-4v-4h-4v-4h4Z"
        }
        return "<path class=\"chart-marker\" d=\"\(shape)\"" + close + (content.isEmpty ? "" : "</path>")
    }

    func n(_ value: Double) -> String { ChartNumber.coordinate(value) }
}
