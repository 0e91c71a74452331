/// Escaping for text that is written without a template (XML feeds, attributes).
enum Escape {
    /// Escapes &, <, >, " and ' for XML and HTML text and attributes.
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A value shared read-only between rendering threads.
final class SharedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Results written by parallel workers, one slot each.
final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLockLike()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }
    var values: [Value?] { lock.withLock { storage } }
}
