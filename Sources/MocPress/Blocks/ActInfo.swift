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

    /// Documents that are approved by an order rather than issued as one.
    static let approvedTypes: Set<String> = ["положение", "план", "медиаплан", "порядок", "регламент", "программа", "устав", "правила"]

    /// «Приказ Комитета по образованию от 05.03.2020 № 598 «О создании…»»
    /// from the page title («Приказ Комитета по образованию «О создании…»»,
    /// «Приказ «О создании…»» or just «О создании…»).
    /// A regulation or a plan is approved by an order: «Положение о МОЦ
    /// (утв. от 10.03.2020 № 12)».
    public func requisites(title: String) -> String {
        var name = title.trimmingWhitespace()
        let firstWord = name.split(whereSeparator: { $0 == " " || $0 == "«" }).first.map { $0.lowercased() } ?? ""
        if Self.approvedTypes.contains((type ?? firstWord).lowercased()) || (type == nil && Self.approvedTypes.contains(firstWord)) {
            var approval: [String] = []
            if let date { approval.append("от \(date.russianNumeric)") }
            if let number, !number.isEmpty { approval.append("№ \(number)") }
            return approval.isEmpty ? name : "\(name) (утв. \(approval.joined(separator: " ")))"
        }
        let type = typeTitle
        if name.lowercased().hasPrefix(type.lowercased()) {
            name = String(name.dropFirst(type.count)).trimmingWhitespace()
        }
        var text = type
        var quoted = name
        if let open = name.firstIndex(of: "«") {
            let who = name[..<open].trimmingWhitespace()
            if !who.isEmpty { text += " " + who }
            quoted = String(name[open...])
        } else if !name.isEmpty {
            quoted = "«\(name)»"
        }
        if let date { text += " от \(date.russianNumeric)" }
        if let number, !number.isEmpty { text += " № \(number)" }
        if !quoted.isEmpty { text += " " + quoted }
        return text
    }
}
