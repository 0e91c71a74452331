import Foundation

/// The РМЦ's view of a region (SPEC 4, `audit`): a dashboard of every
/// portal, a page per portal with the item-level detail, the check JSON and
/// CSV, and the half-year report of each portal — plain files that work
/// offline from the folder.
public struct Audit: Sendable {
    public var checks: [PortalCheck]
    public var asOf: LocalDate

    public init(checks: [PortalCheck], asOf: LocalDate) {
        self.checks = checks.sorted { $0.portal < $1.portal }
        self.asOf = asOf
    }

    /// Media plan compliance: windows met among the windows that are due
    /// (met, or missed after the grace days); nil when nothing is due yet.
    public static func compliance(_ check: PortalCheck) -> Double? {
        let windows = check.items.flatMap(\.windows)
        let met = windows.filter { $0.status == .met }.count
        let due = windows.filter { $0.status == .missing }.count + met
        return due == 0 ? nil : Double(met) / Double(due) * 100
    }

    /// The half-year the audit date falls in.
    public var halfYear: HalfYearReport { HalfYearReport("\(asOf.year)-H\(asOf.month <= 6 ? 1 : 2)")! }

    /// Every file of the audit folder, by path inside it.
    public func files() -> [(path: String, text: String)] {
        let report = CheckReport(checks: checks, asOf: asOf, strict: false)
        // The region-wide files first, then each portal's pages, all over the
        // cores: the three big files alone took a second on one core.
        let regionWide: [(path: String, make: @Sendable () -> String)] = [
            ("index.html", { dashboard() }),
            ("audit.json", { report.render(.json) }),
            ("audit.csv", { report.render(.csv) }),
        ]
        let half = halfYear
        let slots = Slots<[(String, String)]>(count: regionWide.count + checks.count)
        DispatchQueue.concurrentPerform(iterations: regionWide.count + checks.count) { i in
            if i < regionWide.count {
                slots[i] = [(regionWide[i].path, regionWide[i].make())]
                return
            }
            let check = checks[i - regionWide.count]
            var own = [("portals/\(check.portal).html", portalPage(check))]
            if !check.hasContentErrors {
                own.append(("portals/\(check.portal)-\(half.name).html", half.html(check)))
                own.append(("portals/\(check.portal)-\(half.name).csv", half.csv(check)))
            }
            slots[i] = own
        }
        return slots.values.flatMap { $0 ?? [] }
    }

    /// Writes `files()` into `folder`, in parallel over the cores, over the
    /// previous audit's files, then removes those of portals no longer audited.
    ///
    /// Not swapped in whole: on ext4 a folder of thousands of files deleted
    /// and created again costs seconds of inode searching, more than the audit.
    public func write(to folder: String) throws {
        let fm = FileManager.default
        // Only ever a folder that is empty or holds an audit.
        let existing = (try? fm.contentsOfDirectory(atPath: folder)) ?? []
        if !existing.isEmpty && !existing.contains("audit.json") {
            throw FileSystemError(path: folder, reason: "папка не пуста и не похожа на прежний отчёт аудита (в ней нет audit.json): укажите новую папку")
        }
        let sink = DiskSink(root: folder)
        let files = files()
        let failures = Slots<Error>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            do { try sink.write(files[i].path, text: files[i].text) } catch { failures[i] = error }
        }
        if let failure = failures.values.lazy.compactMap({ $0 }).first { throw failure }
        let written = Set(files.map(\.path))
        for name in (try? fm.contentsOfDirectory(atPath: Path.join(folder, "portals"))) ?? [] where !written.contains("portals/" + name) {
            try? fm.removeItem(atPath: Path.join(folder, "portals/" + name))
        }
    }

    // MARK: - The dashboard

    struct Row {
        var check: PortalCheck
        var compliance: Double?
        var overdue: Int
        var missingBlocks: [BlockKind]
        var days: Int?
    }

    var rows: [Row] {
        checks.map { check in
            Row(check: check, compliance: Self.compliance(check), overdue: check.overdue.count,
                missingBlocks: BlockKind.allCases.filter { (check.blocks[$0] ?? 0) == 0 },
                days: check.daysSinceLastPublication)
        }
    }

    static func percent(_ value: Double?) -> String {
        value.map { RussianNumber.format($0, decimals: 0) + " %" } ?? "—"
    }

    func dashboard() -> String {
        let rows = self.rows
        let valid = rows.filter { !$0.check.hasContentErrors }
        let withCompliance = valid.compactMap(\.compliance)
        let average = withCompliance.isEmpty ? nil : withCompliance.reduce(0, +) / Double(withCompliance.count)
        let overduePortals = valid.filter { $0.overdue > 0 }.count
        let incomplete = valid.filter { !$0.check.package.complete }.count
        let stale = valid.filter { ($0.days ?? Int.max) > 30 }.count
        let invalid = rows.count - valid.count

        var out = Self.head(title: "Порталы МОЦ: аудит на \(asOf.russianText)", css: Self.css)
        out += "<header class=\"top\"><h1>Порталы МОЦ: аудит на \(Escape.xml(asOf.russianText))</h1>\n"
        out += "<p>Исполнение медиапланов, пакет нормативных документов, блоки и свежесть публикаций по каждому порталу. Файлы для работы: <a href=\"audit.csv\">audit.csv</a> (Excel), <a href=\"audit.json\">audit.json</a>.</p></header>\n<main>\n"
        out += "<ul class=\"summary\">"
        out += "<li><b>\(rows.count)</b> \(RussianPlural.word(rows.count, "портал", "портала", "порталов"))</li>"
        out += "<li><b>\(Self.percent(average))</b> исполнение медиапланов в среднем</li>"
        out += "<li class=\"\(overduePortals > 0 ? "bad" : "")\"><b>\(overduePortals)</b> с просроченными пунктами</li>"
        out += "<li class=\"\(incomplete > 0 ? "warn" : "")\"><b>\(incomplete)</b> с неполным пакетом документов</li>"
        out += "<li class=\"\(stale > 0 ? "warn" : "")\"><b>\(stale)</b> без публикаций больше 30 дней</li>"
        if invalid > 0 { out += "<li class=\"bad\"><b>\(invalid)</b> с ошибками в содержимом</li>" }
        out += "</ul>\n"

        // How many portals fall in each band of compliance.
        let bands: [(String, ClosedRange<Double>)] = [("до 50 %", 0...49.999), ("50–69 %", 50...69.999), ("70–89 %", 70...89.999), ("90–99 %", 90...99.999), ("100 %", 100...100)]
        var table = DataTable(columns: [.init(name: "Исполнение медиаплана", numeric: false), .init(name: "Порталов", numeric: true)], rows: [])
        for (name, range) in bands {
            table.rows.append([name, String(withCompliance.filter { range.contains($0) }.count)])
        }
        table.rows.append(["нет сроков", String(valid.filter { $0.compliance == nil }.count)])
        if let svg = Chart.svg(table, kind: .bar, title: "Порталы по исполнению медиаплана", unit: "порталов", id: "bands") {
            out += "<figure class=\"chart\">\(svg)<figcaption>Сколько порталов в каждой полосе исполнения медиаплана: окна «Сроков», которые уже прошли, с публикациями к ним.</figcaption></figure>\n"
        }

        out += """
        <div class="table-wrap" role="region" aria-label="Порталы" tabindex="0">
        <table id="portals" class="sortable">
        <caption>Порталы (нажмите на заголовок столбца, чтобы отсортировать)</caption>
        <thead><tr><th scope="col" data-type="text"><button type="button">Портал</button></th><th scope="col" data-type="number"><button type="button">Исполнение медиаплана</button></th><th scope="col" data-type="number"><button type="button">Просрочено пунктов</button></th><th scope="col" data-type="number"><button type="button">Пакет документов</button></th><th scope="col" data-type="number"><button type="button">Блоки</button></th><th scope="col" data-type="number"><button type="button">Дней без публикаций</button></th></tr></thead>
        <tbody>

        """
        for row in rows.sorted(by: { ($0.compliance ?? 1000, $0.check.portal) < ($1.compliance ?? 1000, $1.check.portal) }) {
            let check = row.check
            let link = "<a href=\"portals/\(Escape.xml(check.portal)).html\">\(Escape.xml(check.title.isEmpty ? check.portal : check.title))</a><br><small>\(Escape.xml(check.portal))</small>"
            if check.hasContentErrors {
                let errors = check.diagnostics.filter { $0.severity == .error }.count
                out += "<tr class=\"bad\"><td data-value=\"\(Escape.xml(check.portal))\">\(link)</td><td data-value=\"-1\" colspan=\"5\">ошибки в содержимом: \(errors) — портал не проверен</td></tr>\n"
                continue
            }
            let compliance = row.compliance.map { String(format: "%.1f", $0) } ?? "101"
            let packageText = check.package.complete ? "полный" : "нет: " + check.package.missing.map(ActsPackage.title).joined(separator: ", ")
            let blocks = 4 - row.missingBlocks.count
            let blocksText = row.missingBlocks.isEmpty ? "4 из 4" : "\(blocks) из 4: нет " + row.missingBlocks.map { $0.title.lowercased() }.joined(separator: ", ")
            let daysText = row.days.map(String.init) ?? "нет публикаций"
            out += "<tr><td data-value=\"\(Escape.xml(check.portal))\">\(link)</td>"
            out += "<td data-value=\"\(compliance)\" class=\"\(Self.level(row.compliance))\">\(Self.percent(row.compliance))</td>"
            out += "<td data-value=\"\(row.overdue)\" class=\"\(row.overdue > 0 ? "bad" : "")\">\(row.overdue)</td>"
            out += "<td data-value=\"\(check.package.complete ? 1 : 0)\" class=\"\(check.package.complete ? "" : "warn")\">\(Escape.xml(packageText))</td>"
            out += "<td data-value=\"\(blocks)\" class=\"\(row.missingBlocks.isEmpty ? "" : "warn")\">\(Escape.xml(blocksText))</td>"
            out += "<td data-value=\"\(row.days ?? 100_000)\" class=\"\((row.days ?? Int.max) > 30 ? "warn" : "")\">\(daysText)</td></tr>\n"
        }
        out += "</tbody></table></div>\n"
        out += "<p class=\"note\">Исполнение медиаплана — доля окон «Сроков», срок которых уже наступил (с учётом дней отсрочки портала), в которых есть нужное число публикаций. Пункты «по необходимости», с нераспознанными сроками и ещё не наступившие не учитываются.</p>\n"
        out += "</main>\n<script>\n\(Self.sortScript)</script>\n</body></html>\n"
        return out
    }

    static func level(_ compliance: Double?) -> String {
        guard let compliance else { return "" }
        return compliance >= 90 ? "good" : compliance >= 70 ? "" : compliance >= 50 ? "warn" : "bad"
    }

    // MARK: - A portal's page

    func portalPage(_ check: PortalCheck) -> String {
        let title = check.title.isEmpty ? check.portal : check.title
        var out = Self.head(title: "\(title): аудит на \(asOf.russianText)", css: Self.css)
        out += "<header class=\"top\"><p><a href=\"../index.html\">← Все порталы</a></p><h1>\(Escape.xml(title))</h1>\n"
        out += "<p>Портал <b>\(Escape.xml(check.portal))</b>"
        if !check.baseURL.isEmpty { out += " · <a href=\"\(Escape.xml(check.baseURL))\">\(Escape.xml(check.baseURL))</a>" }
        out += " · по состоянию на \(Escape.xml(asOf.russianText))</p></header>\n<main>\n"
        if check.hasContentErrors {
            out += "<section class=\"box bad\"><h2>Ошибки в содержимом</h2><p>Портал не собирается, поэтому не проверен. Ошибки:</p><ul>"
            for diagnostic in check.diagnostics where diagnostic.severity == .error {
                out += "<li><code>\(Escape.xml(Self.place(diagnostic.location)))</code> \(Escape.xml(diagnostic.message))</li>"
            }
            return out + "</ul></section></main></body></html>\n"
        }
        let half = halfYear
        out += "<ul class=\"summary\">"
        out += "<li class=\"\(Self.level(Self.compliance(check)))\"><b>\(Self.percent(Self.compliance(check)))</b> исполнение медиаплана</li>"
        out += "<li class=\"\(check.overdue.isEmpty ? "" : "bad")\"><b>\(check.overdue.count)</b> просрочено пунктов</li>"
        out += "<li class=\"\(check.package.complete ? "" : "warn")\"><b>\(check.package.complete ? "полный" : "неполный")</b> пакет документов</li>"
        out += "<li><b>\(check.daysSinceLastPublication.map(String.init) ?? "—")</b> дней с последней публикации</li></ul>\n"
        out += "<p>Отчёт за \(Escape.xml(half.russian)): <a href=\"\(Escape.xml(check.portal))-\(half.name).html\">HTML</a>, <a href=\"\(Escape.xml(check.portal))-\(half.name).csv\">CSV для Excel</a>.</p>\n"

        out += "<div class=\"table-wrap\" role=\"region\" aria-label=\"Пункты медиаплана\" tabindex=\"0\"><table><caption>Пункты медиаплана</caption>\n"
        out += "<thead><tr><th scope=\"col\">№</th><th scope=\"col\">Мероприятие</th><th scope=\"col\">Сроки</th><th scope=\"col\">Статус</th><th scope=\"col\">Окна и публикации</th></tr></thead><tbody>\n"
        for result in check.items.sorted(by: { (Self.order($0.status), $0.plan.year, $0.item.number) < (Self.order($1.status), $1.plan.year, $1.item.number) }) {
            var windows = ""
            for window in result.windows {
                windows += "<li class=\"\(window.status.rawValue)\">\(Escape.xml(window.window.start.russianNumeric))–\(Escape.xml(window.window.end.russianNumeric)): \(Escape.xml(CheckReport.windowRussian(window.status))), \(window.evidence.count) из \(window.min)"
                for publication in window.evidence {
                    windows += "<br><a href=\"\(Escape.xml(check.baseURL + String(publication.path.dropFirst())))\">\(Escape.xml(publication.title))</a> (\(Escape.xml(publication.date.day.russianNumeric)))"
                }
                windows += "</li>"
            }
            if case .invalid(let reason) = result.item.schedule { windows = "<li>\(Escape.xml(reason))</li>" }
            out += "<tr class=\"\(result.status.rawValue)\"><td>\(result.item.number)</td><td>\(Escape.xml(result.item.activity.oneLine))<br><small>\(Escape.xml(result.item.id)) · медиаплан \(result.plan.year)</small></td>"
            out += "<td>\(Escape.xml(result.item.scheduleText.oneLine))</td><td>\(Escape.xml(result.status.russian))</td><td><ul class=\"windows\">\(windows)</ul></td></tr>\n"
        }
        out += "</tbody></table></div>\n"

        out += "<h2>Пакет документов и блоки</h2><ul>"
        out += "<li>Пакет нормативных документов: \(check.package.complete ? "полный" : "нет " + Escape.xml(check.package.missing.map(ActsPackage.title).joined(separator: ", ")))</li>"
        for block in BlockKind.allCases {
            let count = check.blocks[block]
            out += "<li>\(Escape.xml(block.title)): \(count.map { RussianPlural.count($0, "страница", "страницы", "страниц") } ?? "нет блока")</li>"
        }
        out += "</ul>\n"
        if !check.findings.isEmpty {
            out += "<h2>Замечания</h2><ul>"
            for finding in check.findings {
                out += "<li>\(finding.location.map { "<code>\(Escape.xml(Self.place($0)))</code> " } ?? "")\(Escape.xml(finding.message))</li>"
            }
            out += "</ul>\n"
        }
        return out + "</main></body></html>\n"
    }

    /// `content/a/b.md:3:7`.
    static func place(_ location: SourceLocation) -> String {
        location.line > 0 ? "\(location.file):\(location.line):\(location.column)" : location.file
    }

    static func order(_ status: ItemStatus) -> Int {
        [ItemStatus.overdue, .invalid, .inProgress, .upcoming, .done, .onDemand].firstIndex(of: status) ?? 9
    }

    // MARK: - Shared page parts

    static func head(title: String, css: String) -> String {
        """
        <!doctype html>
        <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Escape.xml(title))</title>
        <style>\(css)</style></head><body>

        """
    }

    static let css = """
    :root{--ink:#1b2430;--muted:#4a5868;--line:#c9d3df;--head:#eef2f7;--good:#1e6b3a;--good-bg:#e6f4ea;--warn-bg:#fff4d6;--bad-bg:#fde4e4;--bad:#a3191e;--link:#1f4e8c}
    body{font:16px/1.5 "PT Sans","Liberation Sans",Arial,sans-serif;margin:0;color:var(--ink);background:#fff}
    .top,main{max-width:80rem;margin:0 auto;padding:0 1rem}.top{padding-top:1.5rem}h1{font-size:1.8rem;margin:.3rem 0}
    a{color:var(--link)}small{color:var(--muted)}
    .summary{display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;padding:0;margin:1rem 0}
    .summary li{border:1px solid var(--line);border-radius:.5rem;padding:.6rem 1rem;min-width:11rem;background:var(--head)}
    .summary b{display:block;font-size:1.6rem}.summary .bad{background:var(--bad-bg)}.summary .warn{background:var(--warn-bg)}.summary .good{background:var(--good-bg)}
    .chart{margin:1rem 0;max-width:46rem;color:var(--ink)}.chart svg{width:100%;height:auto}.chart-series-1 .chart-rect,.chart-series-1 rect{fill:var(--link)}
    .table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:1rem 0 2rem}
    caption{text-align:left;font-weight:bold;font-size:1.15rem;margin-bottom:.5rem}
    th,td{border:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top}th{background:var(--head)}
    th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:left}
    th button::after{content:" ↕";color:var(--muted)}th[aria-sort=ascending] button::after{content:" ↑"}th[aria-sort=descending] button::after{content:" ↓"}
    td.good{background:var(--good-bg)}td.warn,tr.warn{background:var(--warn-bg)}td.bad,tr.bad,tr.overdue{background:var(--bad-bg)}tr.done{background:var(--good-bg)}tr.invalid{background:#f3e8fd}
    .windows{margin:0;padding-left:1rem}.windows .missing{color:var(--bad)}.note{color:var(--muted);max-width:50rem}
    .box{border:1px solid var(--line);border-radius:.5rem;padding:1rem}.box.bad{background:var(--bad-bg)}
    @media print{th button::after{content:""}a{color:inherit}}
    """

    /// Sorts the table by a column, keeping the original order for ties;
    /// without JavaScript the table stays in its printed order (worst first).
    static let sortScript = """
    (function(){var t=document.getElementById("portals");if(!t)return;var hs=t.tHead.rows[0].cells;
    Array.prototype.forEach.call(hs,function(th,i){var b=th.querySelector("button");if(!b)return;b.addEventListener("click",function(){
    var asc=th.getAttribute("aria-sort")!=="ascending";Array.prototype.forEach.call(hs,function(h){h.removeAttribute("aria-sort")});
    th.setAttribute("aria-sort",asc?"ascending":"descending");var num=th.getAttribute("data-type")==="number";
    var rows=Array.prototype.slice.call(t.tBodies[0].rows);rows.sort(function(a,b){var x=a.cells[Math.min(i,a.cells.length-1)].getAttribute("data-value")||"",
    y=b.cells[Math.min(i,b.cells.length-1)].getAttribute("data-value")||"";var c=num?(parseFloat(x)-parseFloat(y)):x.localeCompare(y,"ru");return asc?c:-c});
    rows.forEach(function(r){t.tBodies[0].appendChild(r)})})})})();
    """
}
