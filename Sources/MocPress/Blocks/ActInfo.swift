import Foundation

/// Вид документа в пакете нормативных актов МОЦ (SPEC 2.5).
public enum ActKind: String, Sendable, CaseIterable {
    case creationOrder = "creation-order"
    case regulation
    case workPlan = "work-plan"
    case mediaPlan = "media-plan"
    case agreement
    case other

    /// «Приказ о создании МОЦ», …: the column of the package table.
    public var title: String {
        switch self {
        case .creationOrder: return "Приказ (постановление) о создании МОЦ"
        case .regulation: return "Положение о МОЦ"
        case .workPlan: return "План работы МОЦ"
        case .mediaPlan: return "Медиаплан МОЦ"
        case .agreement: return "Соглашение"
        case .other: return "Документ"
        }
    }

    /// The document type when `act.type` is not given.
    var defaultType: String {
        switch self {
        case .creationOrder: return "Приказ"
        case .regulation: return "Положение"
        case .workPlan: return "План"
        case .mediaPlan: return "Медиаплан"
        case .agreement: return "Соглашение"
        case .other: return "Документ"
        }
    }

    /// Package order: creation order, regulation, work plan, media plan, agreements, other.
    var order: Int { Self.allCases.firstIndex(of: self)! }
}

/// Простая электронная подпись под документом.
public struct Signature: Sendable {
    public var signer: String
    public var position: String
    public var date: LocalDate?
    public var certificate: String
}

/// The `act:` map of a document page, decoded.
public struct ActInfo: Sendable {
    public var kind: ActKind
    /// «Приказ», «Постановление»; nil: by kind.
    public var type: String?
    public var number: String?
    public var date: LocalDate?
    public var issuer: String?
    public var repealed: Bool
    public var location: SourceLocation

    public var typeTitle: String { type ?? kind.defaultType }

    /// «Приказ от 05.03.2020 № 598 «О создании…»» from the page title
    /// («Приказ «О создании…»» or just «О создании…»).
    public func requisites(title: String) -> String {
        var name = title.trimmingCharacters(in: .whitespaces)
        let type = typeTitle
        if name.lowercased().hasPrefix(type.lowercased()) {
            name = String(name.dropFirst(type.count)).trimmingCharacters(in: .whitespaces)
        }
        var text = type
        if let date { text += " от \(date.russianNumeric)" }
        if let number, !number.isEmpty { text += " № \(number)" }
        if !name.isEmpty {
            let quoted = name.hasPrefix("«") && name.hasSuffix("»")
            text += quoted ? " \(name)" : " «\(name)»"
        }
        return text
    }
}
