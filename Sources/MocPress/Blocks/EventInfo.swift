import Foundation

/// Форма проведения мероприятия.
public enum EventFormat: String, Sendable, CaseIterable {
    case offline, online, mixed

    /// «очно», «дистанционно», «смешанно».
    public var title: String {
        switch self {
        case .offline: return "очно"
        case .online: return "дистанционно"
        case .mixed: return "смешанно"
        }
    }

    /// schema.org `eventAttendanceMode`.
    var schemaMode: String {
        switch self {
        case .offline: return "https://schema.org/OfflineEventAttendanceMode"
        case .online: return "https://schema.org/OnlineEventAttendanceMode"
        case .mixed: return "https://schema.org/MixedEventAttendanceMode"
        }
    }

    /// The spellings people use: «очно», «очный», «онлайн», «смешанный», ….
    init?(reading text: String) {
        switch text.lowercased().trimmingWhitespace().replacingOccurrences(of: "ё", with: "е") {
        case "очно", "очный", "очная", "очное", "офлайн", "оффлайн": self = .offline
        case "дистанционно", "дистанционный", "дистанционная", "дистанционное", "онлайн", "заочно": self = .online
        case "смешанно", "смешанный", "смешанная", "смешанное", "гибридный", "очно-дистанционно", "очно и дистанционно": self = .mixed
        default: return nil
        }
    }
}

/// Возраст участников: `7-17`, `5+`, `12`, «от 7 до 17 лет».
public struct AgeRange: Sendable, Hashable {
    public var min: Int
    /// Nil: «и старше».
    public var max: Int?

    /// «7–17 лет», «от 5 лет», «12 лет», «14–21 год».
    public var text: String {
        guard let max else { return "от \(min) \(RussianPlural.word(min, "года", "лет", "лет"))" }
        return min == max ? "\(min) \(Self.years(min))" : "\(min)–\(max) \(Self.years(max))"
    }

    /// schema.org `typicalAgeRange`: "7-17", "5-".
    var schemaText: String {
        guard let max else { return "\(min)-" }
        return "\(min)-\(max)"
    }

    /// «год», «года», «лет» after a number.
    static func years(_ n: Int) -> String { RussianPlural.word(n, "год", "года", "лет") }

    public static func parse(_ raw: String) -> AgeRange? {
        var text = raw.lowercased().replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        for word in ["лет", "года", "год"] { text = text.replacingOccurrences(of: word, with: " ") }
        text = text.replacingOccurrences(of: "от", with: " ").replacingOccurrences(of: "до", with: "-")
            .replacingOccurrences(of: "и старше", with: "+").replacingOccurrences(of: " ", with: "")
        func number(_ s: Substring) -> Int? { s.allSatisfy(\.isASCII) ? Int(s) : nil }
        let range: AgeRange
        if text.hasSuffix("+") || text.hasSuffix("-") {
            guard let n = number(text.dropLast()) else { return nil }
            range = AgeRange(min: n, max: nil)
        } else if let dash = text.firstIndex(of: "-") {
            guard let a = number(text[..<dash]), let b = number(text[text.index(after: dash)...]) else { return nil }
            range = AgeRange(min: a, max: b)
        } else {
            guard let n = number(Substring(text)) else { return nil }
            range = AgeRange(min: n, max: n)
        }
        guard range.min >= 0, range.min <= 99, range.max.map({ $0 >= range.min && $0 <= 99 }) ?? true else { return nil }
        return range
    }

    /// The age groups of the events lists.
    public struct Group: Sendable, Hashable {
        public var slug: String
        public var title: String
        var range: ClosedRange<Int>
    }

    public static let groups: [Group] = [
        Group(slug: "do-7", title: "Дошкольники (до 7 лет)", range: 0...6),
        Group(slug: "7-10", title: "7–10 лет", range: 7...10),
        Group(slug: "11-14", title: "11–14 лет", range: 11...14),
        Group(slug: "15-17", title: "15–17 лет", range: 15...17),
        Group(slug: "18-plus", title: "18 лет и старше", range: 18...99),
    ]

    /// The groups this range overlaps.
    public var groups: [Group] {
        Self.groups.filter { $0.range.overlaps(min...(max ?? 99)) }
    }
}

/// Стоимость участия.
public enum Cost: Sendable, Hashable {
    case free
    /// Roubles.
    case price(Double)
    /// As written («по сертификату ПФДО»).
    case text(String)

    static func parse(_ raw: String) -> Cost {
        let text = raw.trimmingWhitespace()
        let lower = text.lowercased()
        if ["бесплатно", "бесплатное", "бесплатный", "бесплатная", "безвозмездно", "free", "0", "0 ₽", "0 руб.", "0 рублей"].contains(lower) { return .free }
        var number = lower
        for unit in ["рублей", "рубля", "рубль", "руб.", "руб", "р.", "₽", "rub"] where number.hasSuffix(unit) {
            number = String(number.dropLast(unit.count))
            break
        }
        number = number.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
        if !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(number), value >= 0 {
            return value == 0 ? .free : .price(value)
        }
        return .text(text)
    }

    /// «бесплатно», «500 ₽», or the text as written.
    public var text: String {
        switch self {
        case .free: return "бесплатно"
        case .price(let value): return RussianNumber.format(value) + " ₽"
        case .text(let text): return text
        }
    }
}

/// The keys of an event page (SPEC 2.3), decoded.
public struct EventInfo: Sendable {
    public var start: Located<PageDate>
    public var end: Located<PageDate>?
    public var place: String?
    public var format: EventFormat?
    public var age: AgeRange?
    public var cost: Cost?
    public var organizer: String?
    public var registration: String?

    /// The day the event ends: it is upcoming until this day has passed.
    public var lastDay: LocalDate { end?.value.day ?? start.value.day }
}
