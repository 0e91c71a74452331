import Foundation
import Yams

/// Медиаплан, собранный из таблицы документа: what `mocpress import
/// mediaplan` writes to `mediaplan/<year>.yaml` (SPEC 2.6), with each
/// item's «Сроки» already parsed for the report.
public struct ImportedPlan: Sendable {
    public struct Item: Sendable {
        public var id: String
        /// № п/п in the document.
        public var number: String
        public var position: ImportPosition
        public var activity: String
        /// «Сроки» as written in the document.
        public var schedule: String
        public var result: String
        public var responsible: String
        /// What `check` will make of `schedule` for the plan's year.
        public var parsed: Schedule
    }

    public var title: String
    public var year: Int
    public var items: [Item]
    /// About the title and the ids (the table's own notes stay with the table).
    public var notes: [ImportNote]

    /// `reservedIDs`: ids of the portal's other media plans, which an item
    /// id may not repeat (they are unique across the portal).
    public init(table: ImportedTable, year: Int, yearRound: PortalConfig.YearRoundCadence = .halfYear,
                reservedIDs: Set<String> = []) {
        self.year = year
        var notes: [ImportNote] = []
        title = Self.title(from: table.title, year: year, position: table.position, notes: &notes)
        var ids = PlanItemIDMaker(activities: table.rows.map(\.activity), reserved: reservedIDs)
        var sameStart: [String: [(id: String, position: ImportPosition)]] = [:]
        var bases: [String] = []
        items = table.rows.enumerated().map { offset, row in
            let fallback = "punkt-" + (row.number.isEmpty ? String(offset + 1) : row.number.replacingOccurrences(of: ".", with: "-"))
            let id = ids.make(activity: row.activity, fallback: fallback)
            let base = ids.base(for: row.activity)
            if reservedIDs.contains(base) {
                notes.append(ImportNote(.note, "id «\(base)» уже есть в другом медиаплане портала: пункт получил «\(id)»", at: row.position))
            } else if !base.isEmpty {
                if sameStart[base] == nil { bases.append(base) }
                sameStart[base, default: []].append((id, row.position))
            }
            let parsed: Schedule = row.schedule.isEmpty
                ? .invalid(reason: "у пункта нет «Сроков»")
                : ScheduleParser.parse(row.schedule, year: year, yearRound: yearRound)
            return Item(id: id, number: row.number, position: row.position, activity: row.activity, schedule: row.schedule,
                        result: row.result, responsible: row.responsible, parsed: parsed)
        }
        for base in bases {
            guard let group = sameStart[base], group.count > 1 else { continue }
            let list = group.count <= 3 ? group.map { "«\($0.id)»" }.joined(separator: ", ")
                                        : "«\(group[0].id)», «\(group[1].id)» … «\(group[group.count - 1].id)»"
            notes.append(ImportNote(.note, "у \(RussianPlural.count(group.count, "пункта", "пунктов", "пунктов")) одинаковое начало мероприятия: id \(list); замените их на более понятные", at: group[1].position))
        }
        self.notes = notes
    }

    /// The plan as YAML, written by Yams so that every value is quoted as it
    /// needs; `comment` lines go first as `#` comments.
    public func yaml(comment: [String] = []) throws -> String {
        func string(_ text: String) -> Node { .scalar(text.represented()) }
        let itemNodes: [Node] = items.map { item in
            var pairs: [(Node, Node)] = [(string("id"), string(item.id)), (string("activity"), string(item.activity))]
            if !item.schedule.isEmpty { pairs.append((string("schedule"), string(item.schedule))) }
            if !item.result.isEmpty { pairs.append((string("result"), string(item.result))) }
            if !item.responsible.isEmpty { pairs.append((string("responsible"), string(item.responsible))) }
            return .mapping(Node.Mapping(pairs))
        }
        let root = Node.mapping(Node.Mapping([
            (string("title"), string(title)),
            (string("year"), Node(String(year), Tag(.int))),
            (string("items"), .sequence(Node.Sequence(itemNodes))),
        ]))
        let body = try Yams.serialize(node: root, width: -1, allowUnicode: true)
        return comment.map { "# " + $0 + "\n" }.joined() + body
    }

    /// The document's title made a plan title: the definition in brackets
    /// («(далее – медиацентры, ПОО)») and a template's blanks
    /// («_____ (наименование муниципального образования)») dropped, a
    /// capitalised first word («МЕДИАПЛАН») written as a word, and « на <year>
    /// год» added when the title names no year.
    static func title(from document: String?, year: Int, position: ImportPosition, notes: inout [ImportNote]) -> String {
        guard let document, !document.isEmpty else { return "Медиаплан МОЦ на \(year) год" }
        var title = removingBrackets(document) { content in
            let c = content.lowercased()
            return c.hasPrefix("далее") || c.hasPrefix("наименование") || c.allSatisfy { $0 == "_" || $0 == " " }
        }
        title = ImportText.collapseWhitespace(title.replacingOccurrences(of: "_", with: " "))
        for (bad, good) in [(" ,", ","), (" .", "."), (" )", ")"), ("( ", "(")] {
            title = title.replacingOccurrences(of: bad, with: good)
        }
        if let firstWord = title.split(separator: " ").first, firstWord.count > 1,
           firstWord.allSatisfy({ !$0.isLetter || $0.isUppercase }) {
            title = firstWord.prefix(1) + firstWord.dropFirst().lowercased() + title.dropFirst(firstWord.count)
        }
        let years = yearsNamed(in: title)
        if years.isEmpty {
            title += " на \(year) год"
        } else if !years.contains(year) {
            let named = years.map(String.init).joined(separator: ", ")
            notes.append(ImportNote(.warning, "заголовок документа называет \(named) год, а план импортируется на \(year) (--year): проверьте год или заголовок", at: position))
        }
        return title
    }

    private static func removingBrackets(_ text: String, where drop: (String) -> Bool) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ")") else {
                rest = rest[open...]
                break
            }
            let content = String(rest[rest.index(after: open)..<close]).trimmingWhitespace()
            if !drop(content) { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private static func yearsNamed(in text: String) -> [Int] {
        var years: [Int] = []
        var digits = ""
        for ch in text + " " {
            if ch.isASCII && ch.isNumber {
                digits.append(ch)
                continue
            }
            if digits.count == 4, let y = Int(digits), (1990...2100).contains(y), !years.contains(y) { years.append(y) }
            digits = ""
        }
        return years
    }
}
