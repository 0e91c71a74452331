import Yams

/// A YAML value kept as is, with its place in the file: free `params:`
/// data and the keys that later stages (events, acts, plans) decode.
public indirect enum YAMLValue: Sendable, Hashable {
    case string(String)
    case list([YAMLValue])
    /// Key order as written, so output stays deterministic.
    case map([(key: String, value: YAMLValue)])
    case null

    public static func == (a: YAMLValue, b: YAMLValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return x == y
        case let (.list(x), .list(y)): return x == y
        case let (.map(x), .map(y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        case (.null, .null): return true
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(s)
        case .list(let l): hasher.combine(l)
        case .map(let m): for (k, v) in m { hasher.combine(k); hasher.combine(v) }
        case .null: hasher.combine(0)
        }
    }

    /// YAML's plain spellings of null (the 1.2 core schema).
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = scalar.style == .plain && Self.nullWords.contains(scalar.string) ? .null : .string(scalar.string)
        case .sequence(let seq):
            self = .list(seq.map(YAMLValue.init))
        case .mapping(let map):
            self = .map(map.map { (key: $0.key.string ?? "", value: YAMLValue($0.value)) })
        case .alias:
            self = .null
        }
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public subscript(key: String) -> YAMLValue? {
        if case .map(let pairs) = self { return pairs.first { $0.key == key }?.value }
        return nil
    }

    /// The value as plain Swift values for templates: String, [Any], [String: Any].
    public var templateValue: Any {
        switch self {
        case .string(let s): return s
        case .list(let l): return l.map(\.templateValue)
        case .map(let m):
            var dict: [String: Any] = [:]
            for (k, v) in m { dict[k] = v.templateValue }
            return dict
        case .null: return ""
        }
    }
}

/// A value with the place it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
