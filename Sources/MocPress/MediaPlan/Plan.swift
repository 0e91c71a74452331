import Foundation
import Yams

/// An approved plan as data: the media plan (медиаплан освещения
/// деятельности МОЦ), checked; or the work plan (план работы), published only.
public struct Plan: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case media = "mediaplan"
        case work = "workplan"

        /// «Медиаплан» / «План работы».
        public var title: String { self == .media ? "Медиаплан" : "План работы" }
    }

    public var kind: Kind
    /// Display path: `content/sosnovsky/mediaplan/2023.yaml`.
    public var file: String
    /// Path inside the portal: `mediaplan/2023.yaml`.
    public var relativePath: String
    public var year: Int
    public var title: String
    public var items: [PlanItem]
}

/// Пункт плана: one row of the approved table.
public struct PlanItem: Sendable {
    /// `[a-z0-9-]+`, unique within the portal's media plans.
    public var id: String
    /// № п/п: the row's position in the plan, from 1.
    public var number: Int
    /// Мероприятие.
    public var activity: String
    /// «Сроки» exactly as the approved plan has them.
    public var scheduleText: String
    /// The parse of `scheduleText`, or of `windows:` when given.
    public var schedule: Schedule
    /// Результат.
    public var result: String
    /// Ответственные.
    public var responsible: String
    /// Where the item starts in the plan file.
    public var location: SourceLocation
}

/// Reads `mediaplan/<year>.yaml` and `workplan/<year>.yaml`.
enum PlanReader {
    static let planKeys = ["title", "year", "items"]
    static let itemKeys = ["id", "activity", "schedule", "result", "responsible", "min", "windows"]

    static func read(text: String, file: String, relativePath: String, kind: Plan.Kind,
                     yearRound: PortalConfig.YearRoundCadence, diagnostics: inout DiagnosticBag) -> Plan? {
        let reader = YAMLReader(file: file, lineOffset: 0)
        let root: Node
        switch reader.parse(text) {
        case .success(let node): root = node
        case .failure(let d): diagnostics.append(d); return nil
        }
        guard let map = MappingReader(root, reader: reader, what: "план", diagnostics: &diagnostics) else { return nil }
        map.warnUnknownKeys(known: planKeys, context: "в плане", &diagnostics)
        let top = SourceLocation(file: file, line: 1, column: 1)

        let nameYear = Int(Path.stem(of: Path.fileName(of: relativePath)))
        var year = nameYear ?? 0
        if let declared = map.int("year", &diagnostics) {
            year = declared.value
            if let nameYear, nameYear != declared.value {
                diagnostics.warning("год в файле (year: \(declared.value)) не совпадает с именем файла \(nameYear).yaml: переименуйте файл или исправьте year", at: declared.location)
            }
        }
        guard (2000...2100).contains(year) else {
            diagnostics.error("у плана не указан год: добавьте year: 2024 или назовите файл по году (\(kind.rawValue)/2024.yaml)", at: top)
            return nil
        }
        let title = map.string("title", &diagnostics)?.value ?? "\(kind.title) на \(year) год"

        var items: [PlanItem] = []
        guard let itemsNode = map.value("items") else {
            diagnostics.error("в плане нет пунктов: добавьте items: со списком мероприятий", at: top)
            return Plan(kind: kind, file: file, relativePath: relativePath, year: year, title: title, items: [])
        }
        guard case .sequence(let sequence) = itemsNode else {
            diagnostics.error("items должно быть списком пунктов, каждый начинается с «- id: …»", at: map.location(itemsNode))
            return nil
        }
        var seen: [String: SourceLocation] = [:]
        for (offset, node) in sequence.enumerated() {
            guard let entry = MappingReader(node, reader: reader, what: "пункт плана", diagnostics: &diagnostics) else { continue }
            entry.warnUnknownKeys(known: itemKeys, context: "в пункте плана", &diagnostics)
            let location = map.location(node)
            guard let id = entry.string("id", &diagnostics) else {
                diagnostics.error("у пункта № \(offset + 1) нет id: добавьте id: из строчных латинских букв, цифр и дефисов (например, navigator)", at: location)
                continue
            }
            if !isValidID(id.value) {
                diagnostics.error("id «\(id.value)» должен состоять из строчных латинских букв, цифр и дефисов, например «\(suggestedID(id.value))»", at: id.location)
                continue
            }
            if let previous = seen[id.value] {
                diagnostics.error("id «\(id.value)» уже есть у другого пункта (строка \(previous.line)): у каждого пункта свой id", at: id.location)
                continue
            }
            seen[id.value] = id.location
            let activity = entry.string("activity", &diagnostics)
            if activity == nil {
                diagnostics.error("у пункта «\(id.value)» нет activity: перенесите название мероприятия из плана", at: location)
            }
            let scheduleText = entry.string("schedule", &diagnostics)
            var schedule: Schedule
            if let scheduleText {
                schedule = ScheduleParser.parse(scheduleText.value, year: year, yearRound: yearRound)
            } else {
                schedule = .invalid(reason: "у пункта нет «Сроков»: добавьте schedule: как в утверждённом плане")
            }
            if let windowsNode = entry.value("windows") {
                if let windows = readWindows(windowsNode, entry: entry, diagnostics: &diagnostics) {
                    schedule = .windows(windows, min: 1)
                }
            }
            if let min = entry.int("min", &diagnostics) {
                if min.value < 1 {
                    diagnostics.error("min должно быть не меньше 1", at: min.location)
                } else if case .windows(let windows, _) = schedule {
                    schedule = .windows(windows, min: min.value)
                }
            }
            if kind == .media, case .invalid(let reason) = schedule {
                diagnostics.warning("«Сроки» пункта «\(id.value)» не распознаны: \(reason)", at: scheduleText?.location ?? location)
            }
            items.append(PlanItem(id: id.value, number: offset + 1, activity: activity?.value ?? "",
                                  scheduleText: scheduleText?.value ?? "", schedule: schedule,
                                  result: entry.string("result", &diagnostics)?.value ?? "",
                                  responsible: entry.string("responsible", &diagnostics)?.value ?? "",
                                  location: location))
        }
        return Plan(kind: kind, file: file, relativePath: relativePath, year: year, title: title, items: items)
    }

    /// `windows: ["2023-05-01..2023-05-31", …]`
    private static func readWindows(_ node: Node, entry: MappingReader, diagnostics: inout DiagnosticBag) -> [Window]? {
        var windows: [Window] = []
        for text in entry.strings("windows", &diagnostics) {
            guard let window = Window(canonical: text.value) else {
                diagnostics.error("окно «\(text.value)» записывается как ГГГГ-ММ-ДД..ГГГГ-ММ-ДД (начало не позже конца)", at: text.location)
                return nil
            }
            windows.append(window)
        }
        return windows.isEmpty ? nil : Array(Set(windows)).sorted()
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    static func suggestedID(_ id: String) -> String {
        let slug = Transliteration.slug(id)
        return slug.isEmpty ? "punkt-1" : slug
    }
}
