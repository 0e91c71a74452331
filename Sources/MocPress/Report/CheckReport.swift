import Foundation

/// The outputs of `mocpress check`: text for people, JSON, CSV, JUnit and HTML for tools.
public enum CheckFormat: String, Sendable, CaseIterable {
    case text, json, csv, junit, html
}

public struct CheckReport: Sendable {
    public var checks: [PortalCheck]
    public var asOf: LocalDate
    public var strict: Bool

    public init(checks: [PortalCheck], asOf: LocalDate, strict: Bool) {
        self.checks = checks
        self.asOf = asOf
        self.strict = strict
    }

    /// SPEC 4: 2 invalid content; 1 an overdue item (with --strict also
    /// invalid schedules, an incomplete package, a missing or empty block); 0 otherwise.
    public var exitCode: Int32 {
        if checks.contains(where: \.hasContentErrors) { return 2 }
        if checks.contains(where: { !$0.overdue.isEmpty }) { return 1 }
        if strict && checks.contains(where: { !$0.strictFindings.isEmpty }) { return 1 }
        return 0
    }

    public func render(_ format: CheckFormat) -> String {
        switch format {
        case .text: return text
        case .json: return json.text
        case .csv: return csv
        case .junit: return junit
        case .html: return html
        }
    }

    // MARK: JSON

    public var json: JSONValue {
        .object([
            ("asOf", .string(asOf.iso)),
            ("portals", .array(checks.map(Self.json))),
        ])
    }

    static func json(_ check: PortalCheck) -> JSONValue {
        .object([
            ("portal", .string(check.portal)),
            ("items", .array(check.items.map { result in
                .object([
                    ("id", .string(result.item.id)),
                    ("plan", .number(result.plan.year)),
                    ("schedule", .string(result.item.scheduleText)),
                    ("status", .string(result.status.rawValue)),
                    ("windows", .array(result.windows.map { window in
                        .object([
                            ("start", .string(window.window.start.iso)),
                            ("end", .string(window.window.end.iso)),
                            ("min", .number(window.min)),
                            ("status", .string(window.status.rawValue)),
                            ("evidence", .array(window.evidence.map { .string($0.path) })),
                        ])
                    })),
                ])
            })),
            ("package", .object([
                ("complete", .bool(check.package.complete)),
                ("missing", .array(check.package.missing.map { .string($0) })),
            ])),
            ("blocks", .object(BlockKind.allCases.map { ($0.rawValue, .number(check.blocks[$0] ?? 0)) })),
            ("lastPublication", check.lastPublication.map { .string($0.iso) } ?? .null),
            ("findings", .array(check.findings.map { finding in
                .object([("kind", .string(finding.kind.rawValue)), ("message", .string(finding.message))]
                        + (finding.location.map { [("file", .string("\($0.file):\($0.line):\($0.column)"))] } ?? []))
            })),
        ])
    }

    // MARK: CSV

    /// One row per item; UTF-8 with BOM, `;`-separated, CRLF: opens in Russian Excel as is.
    public var csv: String {
        var rows = [["Портал", "План", "№", "id", "Мероприятие", "Сроки", "Статус", "Окна", "Публикаций", "Публикации"]]
        for check in checks {
            for result in check.items {
                let windows = result.windows.map { "\($0.window.start.russianNumeric)–\($0.window.end.russianNumeric): \(Self.windowRussian($0.status)) (\($0.evidence.count) из \($0.min))" }
                let evidence = result.counted
                rows.append([check.portal, String(result.plan.year), String(result.item.number), result.item.id, result.item.activity,
                             result.item.scheduleText, result.status.russian, windows.joined(separator: "; "),
                             String(evidence.count), evidence.map { "\($0.date.day.russianNumeric) \($0.path)" }.joined(separator: "; ")])
            }
        }
        return CSV.document(rows)
    }

    static func windowRussian(_ status: WindowStatus) -> String {
        switch status {
        case .met: return "выполнено"
        case .missing: return "просрочено"
        case .open: return "идёт"
        case .upcoming: return "не началось"
        }
    }

    // MARK: JUnit

    /// Each plan item is a test case: overdue fails; upcoming and on-demand are skipped.
    public var junit: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"mocpress check\">\n"
        for check in checks {
            var cases: [String] = []
            var failures = 0, skipped = 0
            for result in check.items {
                let name = Escape.xml("\(result.item.id): \(result.item.activity)")
                var body = ""
                switch result.status {
                case .overdue:
                    failures += 1
                    body = "<failure message=\"\(Escape.xml("просрочено: \(Self.overdueSummary(result))"))\" type=\"overdue\">\(Escape.xml(Self.todo(result)))</failure>"
                case .invalid:
                    if strict { failures += 1; body = "<failure message=\"\(Escape.xml("сроки не распознаны: «\(result.item.scheduleText)»"))\" type=\"invalid-schedule\"/>" }
                    else { skipped += 1; body = "<skipped message=\"\(Escape.xml("сроки не распознаны: «\(result.item.scheduleText)»"))\"/>" }
                case .upcoming, .onDemand:
                    skipped += 1
                    body = "<skipped message=\"\(Escape.xml(result.status.russian))\"/>"
                case .done, .inProgress:
                    break
                }
                cases.append("    <testcase classname=\"\(Escape.xml("\(check.portal).mediaplan-\(result.plan.year)"))\" name=\"\(name)\">\(body)</testcase>")
            }
            for finding in check.strictFindings {
                if strict { failures += 1 } else { skipped += 1 }
                let tag = strict ? "<failure message=\"\(Escape.xml(finding.message))\" type=\"\(finding.kind.rawValue)\"/>" : "<skipped message=\"\(Escape.xml(finding.message))\"/>"
                cases.append("    <testcase classname=\"\(Escape.xml("\(check.portal).portal"))\" name=\"\(Escape.xml(finding.kind.rawValue))\">\(tag)</testcase>")
            }
            out += "  <testsuite name=\"\(Escape.xml(check.portal))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
            out += cases.joined(separator: "\n") + (cases.isEmpty ? "" : "\n")
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    // MARK: Text

    static let order: [ItemStatus] = [.overdue, .invalid, .inProgress, .upcoming, .done, .onDemand]

    static func heading(_ status: ItemStatus) -> String {
        switch status {
        case .overdue: return "Просрочено"
        case .invalid: return "Сроки не распознаны"
        case .inProgress: return "Выполняется"
        case .upcoming: return "Срок не наступил"
        case .done: return "Выполнено"
        case .onDemand: return "По необходимости (не проверяется)"
        }
    }

    static func overdueSummary(_ result: ItemResult) -> String {
        result.windows.filter { $0.status == .missing }.map {
            "окно \($0.window.start.russianNumeric)–\($0.window.end.russianNumeric): опубликовано \($0.evidence.count) из \($0.min), срок истёк \($0.deadline.russianNumeric)"
        }.joined(separator: "; ")
    }

    static func todo(_ result: ItemResult) -> String {
        let expected = result.item.result.isEmpty ? "" : " (ожидаемый результат по плану: «\(result.item.result.oneLine)»)"
        return "опубликуйте в информационном блоке материал по этому пункту\(expected) и укажите в его front matter mediaplan: [\(result.item.id)]. Если публикация уже есть, добавьте этот id в её mediaplan:."
    }

    public var text: String {
        // Portals one by one over the cores: a region of 2,000 portals spent
        // a third of a second here after the checks themselves.
        let parts = Slots<String>(count: checks.count)
        DispatchQueue.concurrentPerform(iterations: checks.count) { i in parts[i] = Self.text(of: checks[i]) }
        return parts.values.map { $0 ?? "" }.joined()
    }

    static func text(of check: PortalCheck) -> String {
        var out = "Портал \(check.portal) — по состоянию на \(check.asOf.russianText)\n"
        if check.hasContentErrors {
            out += "  Содержимое с ошибками: исправьте их (см. сообщения выше) и запустите проверку снова.\n\n"
            return out
        }
        if check.items.isEmpty { out += "  Медиаплана нет: создайте content/\(check.portal)/mediaplan/<год>.yaml.\n" }
        for status in Self.order {
            let group = check.items.filter { $0.status == status }
            guard !group.isEmpty else { continue }
            out += "  \(Self.heading(status)) (\(group.count)):\n"
            for result in group {
                out += "    [\(result.item.id)] \(result.item.activity.oneLine) — сроки «\(result.item.scheduleText.oneLine)» (медиаплан \(result.plan.year))\n"
                switch status {
                case .overdue:
                    out += "      \(Self.overdueSummary(result))\n"
                    out += "      Что сделать: \(Self.todo(result))\n"
                case .invalid:
                    if case .invalid(let reason) = result.item.schedule {
                        out += "      \(reason.oneLine) (\(result.plan.file):\(result.item.location.line))\n"
                    }
                case .inProgress, .upcoming:
                    for window in result.windows where window.status != .met {
                        out += "      окно \(window.window.start.russianNumeric)–\(window.window.end.russianNumeric): опубликовано \(window.evidence.count) из \(window.min)\(window.status == .open ? ", публикации засчитываются до \(window.deadline.russianNumeric)" : "")\n"
                    }
                case .done:
                    let paths = Array(Set(result.windows.flatMap(\.evidence).map(\.path))).sorted()
                    out += "      публикации: \(paths.joined(separator: ", "))\n"
                case .onDemand:
                    break
                }
            }
        }
        out += check.package.complete
            ? "  Пакет нормативных документов: полный\n"
            : "  Пакет нормативных документов: нет \(check.package.missing.map(ActsPackage.title).joined(separator: ", ")) на \(check.asOf.year) год\n"
        out += "  Блоки: " + BlockKind.allCases.map { "\($0.title.lowercased()) — \(check.blocks[$0].map { "\($0)" } ?? "нет")" }.joined(separator: ", ") + "\n"
        if let last = check.lastPublication, let days = check.daysSinceLastPublication {
            out += "  Последняя публикация: \(last.russianText) (дней назад: \(days))\n"
        } else {
            out += "  Публикаций пока нет\n"
        }
        for finding in check.findings where finding.kind != .incompletePackage && finding.kind != .invalidSchedule {
            let place = finding.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
            out += "  Замечание: \(place.printable)\(finding.message.oneLine)\n"
        }
        let counts = Self.order.compactMap { status -> String? in
            let n = check.items.filter { $0.status == status }.count
            return n == 0 ? nil : "\(Self.heading(status).lowercased()) \(n)"
        }
        out += "  Итого пунктов: \(check.items.count)" + (counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))") + "\n\n"
        return out
    }

    // MARK: HTML

    public var html: String {
        var out = """
        <!doctype html>
        <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Проверка медиапланов на \(asOf.russianText)</title>
        <style>
        body{font:16px/1.5 "PT Sans",Arial,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b2430}
        table{border-collapse:collapse;width:100%;margin:1rem 0 2rem}th,td{border:1px solid #c9d3df;padding:.4rem .6rem;text-align:left;vertical-align:top}
        th{background:#eef2f7}.overdue{background:#fde8e8}.done{background:#e8f6ec}.in-progress{background:#fff7e0}.invalid{background:#f3e8fd}
        caption{text-align:left;font-weight:bold;font-size:1.2rem;margin-bottom:.5rem}
        </style></head><body>
        <h1>Проверка медиапланов на \(asOf.russianText)</h1>

        """
        for check in checks {
            out += "<table><caption>Портал \(Escape.xml(check.portal))</caption>\n<thead><tr><th>№</th><th>Мероприятие</th><th>Сроки</th><th>Результат</th><th>Статус</th><th>Публикации</th></tr></thead><tbody>\n"
            for result in check.items {
                let evidence = result.counted
                let links = evidence.map { "\(Escape.xml($0.date.day.russianNumeric)) <a href=\"\(Escape.xml($0.path))\">\(Escape.xml($0.title))</a>" }.joined(separator: "<br>")
                out += "<tr class=\"\(result.status.rawValue)\"><td>\(result.item.number)</td><td>\(Escape.xml(result.item.activity))</td><td>\(Escape.xml(result.item.scheduleText))</td><td>\(Escape.xml(result.item.result))</td><td>\(Escape.xml(result.status.russian))</td><td>\(links)</td></tr>\n"
            }
            out += "</tbody></table>\n"
            out += "<p>Пакет документов: \(check.package.complete ? "полный" : "нет " + Escape.xml(check.package.missing.map(ActsPackage.title).joined(separator: ", ")))."
            out += " Последняя публикация: \(check.lastPublication.map { Escape.xml($0.russianText) } ?? "нет").</p>\n"
        }
        return out + "</body></html>\n"
    }
}

extension String {
    /// Plan cells copied from Word keep their line breaks; one line for
    /// reports, without the control characters a terminal would act on.
    var oneLine: String {
        split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == " " || $0 == "\t" }).joined(separator: " ").printable
    }
}

extension PortalCheck {
    /// Findings that fail `check --strict`.
    var strictFindings: [Finding] {
        findings.filter { [.invalidSchedule, .incompletePackage, .missingBlock, .emptyBlock, .placeholder].contains($0.kind) }
    }
}

/// CSV that Russian Excel opens as is.
enum CSV {
    static func document(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(cell).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes when needed. A cell Excel or LibreOffice could run as a formula
    /// is prefixed with ': one starting with a tab or CR, or whose first
    /// character after spaces and line breaks is =, +, - or @ (« =1+1» is a formula too).
    static func cell(_ value: String) -> String {
        var text = value
        let formulaStart = { (byte: UInt8) in byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@") }
        if let first = text.utf8.first, first == 0x09 || first == 0x0D
            || text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }).map(formulaStart) == true {
            text = "'" + text
        }
        if text.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
