/// Escaping for text that is written without a template (XML feeds, attributes).
enum Escape {
    /// Escapes &, <, >, " and ' for XML and HTML text and attributes, and
    /// drops the characters XML 1.0 does not allow: the control characters
    /// other than tab and line breaks, and U+FFFE and U+FFFF (a YAML escape
    /// `"\uFFFF"` or a Markdown excerpt can carry them; a feed with one does not parse).
    static func xml(_ text: String) -> String {
        var clean = true
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8.
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || (previous == (0xEF, 0xBF) && byte >= 0xBE) {
                clean = false
                break
            }
            previous = (previous.1, byte)
        }
        guard !clean else { return html(text) }
        let allowed = text.unicodeScalars.filter { scalar in
            scalar.value >= 0x20 ? scalar.value != 0xFFFE && scalar.value != 0xFFFF : scalar == "\t" || scalar == "\n" || scalar == "\r"
        }
        return html(String(String.UnicodeScalarView(allowed)))
    }

    /// Escapes &, <, >, " and ' byte by byte; text without them (most of it)
    /// is returned as is, without a copy.
    static func html(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]          // &amp;
                case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]                // &lt;
                case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]                // &gt;
                case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]    // &quot;
                case 0x27: out += [0x26, 0x23, 0x33, 0x39, 0x3B]          // &#39;
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
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
