import Foundation
import Yams

/// `portal.yaml`: who the МОЦ is and how its portal is published.
public struct PortalConfig: Sendable {
    public struct Organization: Sendable { public var name: String; public var url: String? }
    public struct Contacts: Sendable {
        public var address: String?
        public var phone: String?
        public var email: String?
        /// Руководитель МОЦ.
        public var head: String?
    }
    public struct SocialLink: Sendable { public var name: String; public var url: String }
    /// How often ongoing work («в течение года») must be covered.
    public enum YearRoundCadence: String, Sendable, CaseIterable {
        case halfYear = "half-year", quarter, month, year
    }

    public var title: String
    public var shortTitle: String
    public var municipality: String?
    public var region: String?
    public var hostOrganization: Organization?
    public var baseURL: BaseURL
    public var theme: String
    /// Where `theme:` was written (or the top of portal.yaml).
    public var themeLocation: SourceLocation
    /// Brand token overrides (`brand:`), by token name, with their places.
    public var brand: [String: Located<String>]
    public var timeZone: TimeZone
    public var timeZoneID: String
    public var contacts: Contacts
    public var navigatorURL: String?
    public var nationalProject: String?
    public var social: [SocialLink]
    public var graceDays: Int
    public var yearRound: YearRoundCadence
    public var unsafeHTML: Bool
    public var posWidget: String?
    public var metrika: String?
    /// Cards per page of a section list.
    public var paginate: Int

    static let keys = [
        "title", "short_title", "municipality", "region", "host_organization", "base_url", "theme",
        "brand", "timezone", "contacts", "navigator_url", "national_project", "social", "mediaplan",
        "unsafe_html", "pos_widget", "metrika", "paginate", "description",
    ]

    /// Decodes `portal.yaml`; nil when it cannot be used at all.
    static func read(text: String, file: String, diagnostics: inout DiagnosticBag) -> PortalConfig? {
        let reader = YAMLReader(file: file, lineOffset: 0)
        let root: Node
        switch reader.parse(text) {
        case .success(let node): root = node
        case .failure(let d): diagnostics.append(d); return nil
        }
        guard let map = MappingReader(root, reader: reader, what: "portal.yaml", diagnostics: &diagnostics) else { return nil }
        map.warnUnknownKeys(known: keys, context: "в portal.yaml", &diagnostics)
        let fileStart = SourceLocation(file: file, line: 1, column: 1)

        let title = map.string("title", &diagnostics)
        if title == nil || title!.value.trimmingWhitespace().isEmpty {
            diagnostics.error("в portal.yaml нет названия портала: добавьте title: «Муниципальный опорный центр …»", at: fileStart)
        }
        let shortTitle = map.string("short_title", &diagnostics)?.value

        var baseURL = BaseURL(scheme: "https", host: "example.ru", path: "/")
        if let raw = map.string("base_url", &diagnostics) {
            if let parsed = BaseURL(raw.value) {
                baseURL = parsed
            } else {
                diagnostics.error("base_url должен быть полным адресом сайта вида https://cdt.example.ru/moc/, а не «\(raw.value)»", at: raw.location)
            }
        } else {
            diagnostics.error("в portal.yaml нет base_url: укажите адрес, по которому будет открываться портал, например base_url: https://cdt.example.ru/moc/", at: fileStart)
        }

        var timeZoneID = "Europe/Moscow"
        if let tz = map.string("timezone", &diagnostics) {
            if TimeZone(identifier: tz.value) != nil {
                timeZoneID = tz.value
            } else {
                diagnostics.error("неизвестный часовой пояс «\(tz.value)»: укажите имя из базы IANA, например Europe/Moscow или Asia/Yekaterinburg", at: tz.location)
            }
        }

        var host: Organization?
        if let node = map.value("host_organization") {
            if case .scalar(let s) = node {
                host = Organization(name: s.string, url: nil)
            } else if let org = MappingReader(node, reader: reader, what: "host_organization", diagnostics: &diagnostics) {
                org.warnUnknownKeys(known: ["name", "url"], context: "в host_organization", &diagnostics)
                if let name = org.string("name", &diagnostics) {
                    host = Organization(name: name.value, url: checkedURL(org.string("url", &diagnostics), &diagnostics))
                } else {
                    diagnostics.error("у host_organization нет name: укажите название организации, на базе которой работает МОЦ", at: map.location(node))
                }
            }
        }

        var contacts = Contacts()
        if let node = map.value("contacts"), let c = MappingReader(node, reader: reader, what: "contacts", diagnostics: &diagnostics) {
            c.warnUnknownKeys(known: ["address", "phone", "email", "head"], context: "в contacts", &diagnostics)
            contacts = Contacts(address: c.string("address", &diagnostics)?.value,
                                phone: c.string("phone", &diagnostics)?.value,
                                email: c.string("email", &diagnostics)?.value,
                                head: c.string("head", &diagnostics)?.value)
        }

        var social: [SocialLink] = []
        if let node = map.value("social") {
            social = readSocial(node, map: map, &diagnostics)
        }

        var brand: [String: Located<String>] = [:]
        if let node = map.value("brand"), let b = MappingReader(node, reader: reader, what: "brand", diagnostics: &diagnostics) {
            for pair in b.pairs {
                if let value = b.string(pair.key, &diagnostics) { brand[pair.key] = value }
            }
        }

        var graceDays = 7
        var yearRound = YearRoundCadence.halfYear
        if let node = map.value("mediaplan"), let m = MappingReader(node, reader: reader, what: "mediaplan", diagnostics: &diagnostics) {
            m.warnUnknownKeys(known: ["grace_days", "year_round"], context: "в mediaplan", &diagnostics)
            if let g = m.int("grace_days", &diagnostics) {
                if g.value >= 0 { graceDays = g.value } else {
                    diagnostics.error("grace_days не может быть отрицательным", at: g.location)
                }
            }
            if let y = m.string("year_round", &diagnostics) {
                if let cadence = YearRoundCadence(rawValue: y.value) { yearRound = cadence } else {
                    diagnostics.error("year_round принимает half-year, quarter, month или year, а не «\(y.value)»", at: y.location)
                }
            }
        }

        var paginate = 10
        if let p = map.int("paginate", &diagnostics) {
            if p.value >= 1 { paginate = p.value } else { diagnostics.error("paginate должно быть не меньше 1", at: p.location) }
        }

        let themeValue = map.string("theme", &diagnostics)
        return PortalConfig(
            title: title?.value ?? "",
            shortTitle: shortTitle ?? title?.value ?? "",
            municipality: map.string("municipality", &diagnostics)?.value,
            region: map.string("region", &diagnostics)?.value,
            hostOrganization: host,
            baseURL: baseURL,
            theme: themeValue?.value ?? "moc",
            themeLocation: themeValue?.location ?? fileStart,
            brand: brand,
            timeZone: TimeZone(identifier: timeZoneID)!,
            timeZoneID: timeZoneID,
            contacts: contacts,
            navigatorURL: checkedURL(map.string("navigator_url", &diagnostics), &diagnostics),
            nationalProject: map.string("national_project", &diagnostics)?.value,
            social: social,
            graceDays: graceDays,
            yearRound: yearRound,
            unsafeHTML: map.bool("unsafe_html", &diagnostics) ?? false,
            posWidget: map.string("pos_widget", &diagnostics)?.value,
            metrika: map.string("metrika", &diagnostics)?.value,
            paginate: paginate
        )
    }

    private static let socialNames = [
        "vk": "ВКонтакте", "ok": "Одноклассники", "telegram": "Telegram", "rutube": "Rutube",
        "max": "MAX", "dzen": "Дзен", "youtube": "YouTube",
    ]

    /// `social:` as a list of {name, url} or as a map `vk: URL`.
    private static func readSocial(_ node: Node, map: MappingReader, _ diagnostics: inout DiagnosticBag) -> [SocialLink] {
        var links: [SocialLink] = []
        switch node {
        case .sequence(let seq):
            for item in seq {
                guard let entry = MappingReader(item, reader: map.reader, what: "элемент social", diagnostics: &diagnostics) else { continue }
                entry.warnUnknownKeys(known: ["name", "url"], context: "в social", &diagnostics)
                guard let name = entry.string("name", &diagnostics), let url = checkedURL(entry.string("url", &diagnostics), &diagnostics) else {
                    diagnostics.error("у страницы в social нужны name и url", at: map.location(item))
                    continue
                }
                links.append(SocialLink(name: socialNames[name.value.lowercased()] ?? name.value, url: url))
            }
        case .mapping:
            guard let entries = MappingReader(node, reader: map.reader, what: "social", diagnostics: &diagnostics) else { return [] }
            for pair in entries.pairs {
                if let url = checkedURL(entries.string(pair.key, &diagnostics), &diagnostics) {
                    links.append(SocialLink(name: socialNames[pair.key.lowercased()] ?? pair.key, url: url))
                }
            }
        default:
            diagnostics.error("social должен быть списком страниц: - {name: ВКонтакте, url: https://vk.com/…}", at: map.location(node))
        }
        return links
    }

    /// Only http(s) and mailto URLs reach a page from configuration.
    static func checkedURL(_ value: Located<String>?, _ diagnostics: inout DiagnosticBag) -> String? {
        guard let value else { return nil }
        let lower = value.value.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            diagnostics.error("адрес «\(value.value)» должен начинаться с https:// или http://", at: value.location)
            return nil
        }
        return value.value
    }
}

/// The absolute address a portal is published at; its path prefixes every link.
public struct BaseURL: Sendable, Hashable {
    public var scheme: String
    public var host: String
    /// Always starts and ends with "/".
    public var path: String

    public init(scheme: String, host: String, path: String) {
        self.scheme = scheme
        self.host = host
        self.path = path
    }

    public init?(_ text: String) {
        guard let components = URLComponents(string: text.trimmingWhitespace()),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil else { return nil }
        var path = components.percentEncodedPath
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        guard !path.contains("//"), !path.split(separator: "/").contains("..") else { return nil }
        self.scheme = scheme
        self.host = components.port.map { "\(host):\($0)" } ?? host
        self.path = path
    }

    /// `https://cdt.example.ru/moc/`
    public var string: String { "\(scheme)://\(host)\(path)" }

    /// Absolute URL of a site path that already includes the base path.
    public func absolute(_ sitePath: String) -> String { "\(scheme)://\(host)\(sitePath)" }
}
