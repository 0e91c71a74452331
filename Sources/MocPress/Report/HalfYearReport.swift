import Foundation

/// Полугодовой отчёт МОЦ для РМЦ: what each media plan item of the half-year
/// produced — item, «Сроки», result, the publications with dates and links, status.
public struct HalfYearReport: Sendable {
    public var year: Int
    /// 1 (January–June) or 2 (July–December).
    public var half: Int

    /// `2023-H1`, `2023-H2`.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), (2000...2100).contains(year), parts[1] == "H1" || parts[1] == "H2" else { return nil }
        self.year = year
        self.half = parts[1] == "H1" ? 1 : 2
    }

    public var start: LocalDate { LocalDate(year: year, month: half == 1 ? 1 : 7, day: 1)! }
    public var end: LocalDate { LocalDate(year: year, month: half == 1 ? 6 : 12, day: half == 1 ? 30 : 31)! }
    public var name: String { "\(year)-H\(half)" }
    public var russian: String { "\(half == 1 ? "первое" : "второе") полугодие \(year) года" }

    struct Row {
        var result: ItemResult
        var publications: [Publication]
    }

    /// Items with a window in the half-year, and on-demand items that have publications in it.
    func rows(_ check: PortalCheck) -> [Row] {
        check.items.compactMap { result in
            let publications = result.claimedBy.filter { start <= $0.date.day && $0.date.day <= min(end, check.asOf) }
            let inPeriod = result.windows.contains { $0.window.start <= end && $0.window.end >= start }
            guard inPeriod || !publications.isEmpty else { return nil }
            return Row(result: result, publications: publications)
        }
    }

    func link(_ publication: Publication, in check: PortalCheck) -> String {
        check.baseURL + String(publication.path.dropFirst())
    }

    public func csv(_ check: PortalCheck) -> String {
        var table = [["№", "Мероприятие", "Сроки", "Результат", "Количество публикаций", "Публикации", "Статус"]]
        for row in rows(check) {
            table.append([String(row.result.item.number), row.result.item.activity, row.result.item.scheduleText, row.result.item.result,
                         String(row.publications.count),
                         row.publications.map { "\($0.date.day.russianNumeric) \($0.title) \(link($0, in: check))" }.joined(separator: "\n"),
                         row.result.status.russian])
        }
        return CSV.document(table)
    }

    public func html(_ check: PortalCheck) -> String {
        var out = """
        <!doctype html>
        <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Отчёт об исполнении медиаплана: \(Escape.xml(russian))</title>
        <style>
        body{font:15px/1.45 "PT Sans",Arial,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b2430}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #9aa7b5;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#eef2f7}@media print{body{margin:0}a{color:inherit}}
        </style></head><body>
        <h1>Отчёт об исполнении медиаплана за \(Escape.xml(russian))</h1>
        <p>\(Escape.xml(check.title.isEmpty ? check.portal : check.title)). Сведения по состоянию на \(Escape.xml(check.asOf.russianText)).</p>
        <table><thead><tr><th>№</th><th>Мероприятие</th><th>Сроки</th><th>Результат</th><th>Публикаций</th><th>Публикации (дата, ссылка)</th><th>Статус</th></tr></thead><tbody>

        """
        for row in rows(check) {
            let links = row.publications.map {
                "\(Escape.xml($0.date.day.russianNumeric)) <a href=\"\(Escape.xml(link($0, in: check)))\">\(Escape.xml($0.title))</a>"
            }.joined(separator: "<br>")
            out += "<tr><td>\(row.result.item.number)</td><td>\(Escape.xml(row.result.item.activity))</td><td>\(Escape.xml(row.result.item.scheduleText))</td><td>\(Escape.xml(row.result.item.result))</td><td>\(row.publications.count)</td><td>\(links)</td><td>\(Escape.xml(row.result.status.russian))</td></tr>\n"
        }
        return out + "</tbody></table>\n</body></html>\n"
    }
}
