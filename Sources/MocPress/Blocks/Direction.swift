import Foundation

/// Направленность дополнительной общеобразовательной программы (SPEC 2.4).
public enum Direction: String, CaseIterable, Sendable, Hashable {
    case technical = "техническая"
    case naturalScience = "естественнонаучная"
    case artistic = "художественная"
    case socialHumanitarian = "социально-гуманитарная"
    case tourism = "туристско-краеведческая"
    case sports = "физкультурно-спортивная"

    /// The name as written in front matter: any case, «ё» or «е», an optional
    /// word «направленность»; the pre-2022 `социально-педагогическая` is the
    /// `социально-гуманитарная` of today.
    public init?(reading text: String) {
        var name = text.lowercased().replacingOccurrences(of: "ё", with: "е")
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            .trimmingWhitespace()
        if name.hasSuffix("направленность") { name = String(name.dropLast("направленность".count)).trimmingWhitespace() }
        name = name.replacingOccurrences(of: " - ", with: "-").replacingOccurrences(of: " ", with: "")
        if name == "социально-педагогическая" { name = Direction.socialHumanitarian.rawValue }
        if name == "естественно-научная" { name = Direction.naturalScience.rawValue }
        guard let direction = Direction(rawValue: name) else { return nil }
        self = direction
    }

    /// «Техническая направленность».
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() + " направленность" }

    /// URL segment: `tekhnicheskaya`.
    public var slug: String { Transliteration.slug(rawValue) }

    /// The diagnostic for anything else, listing the six.
    static func problem(_ text: String) -> String {
        let names = allCases.map(\.rawValue)
        var message = "неизвестная направленность «\(text)»"
        if let suggestion = Spelling.closest(to: text, among: names) { message += ": возможно, имелось в виду «\(suggestion)»;" } else { message += ":" }
        return message + " допустимые: " + names.joined(separator: ", ")
    }
}
