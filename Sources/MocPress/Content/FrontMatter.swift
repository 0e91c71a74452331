/// Splits a content file into its YAML front matter and Markdown body.
///
/// Works on bytes: a UTF-8 BOM and CRLF line endings are accepted; the
/// front matter is fenced by `---` lines (the closing one may also be `...`).
public struct FrontMatterSplit: Sendable {
    /// The YAML text between the fences (without them).
    public var yaml: String
    /// 1-based line of the file where the YAML starts.
    public var yamlFirstLine: Int
    /// Byte range of the Markdown body in the file.
    public var body: Range<Int>
    /// 1-based line of the file where the body starts.
    public var bodyFirstLine: Int

    public enum Failure: Error, Equatable {
        /// The file does not start with `---`.
        case missing
        /// The opening `---` has no closing line.
        case unclosed
    }

    public static func split(_ bytes: [UInt8]) -> Result<FrontMatterSplit, Failure> {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        guard let firstEnd = lineEnd(bytes, from: start), isFence(bytes, start, firstEnd, closing: false) else {
            return .failure(.missing)
        }
        var lineStart = nextLine(bytes, after: firstEnd)
        let yamlStart = lineStart
        var line = 2
        while lineStart < bytes.count {
            let end = lineEnd(bytes, from: lineStart) ?? bytes.count
            if isFence(bytes, lineStart, end, closing: true) {
                let yaml = String(decoding: bytes[yamlStart..<lineStart], as: UTF8.self)
                let bodyStart = nextLine(bytes, after: end)
                return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: bodyStart..<bytes.count, bodyFirstLine: line + 1))
            }
            lineStart = nextLine(bytes, after: end)
            line += 1
        }
        return .failure(.unclosed)
    }

    /// Index of the `\n` ending the line (or of the end of the file).
    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start <= bytes.count else { return nil }
        var i = start
        while i < bytes.count && bytes[i] != 0x0A { i += 1 }
        return i
    }

    private static func nextLine(_ bytes: [UInt8], after end: Int) -> Int { min(end + 1, bytes.count) }

    private static func isFence(_ bytes: [UInt8], _ start: Int, _ end: Int, closing: Bool) -> Bool {
        var last = end
        while last > start && (bytes[last - 1] == 0x0D || bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09) { last -= 1 }
        guard last - start == 3 else { return false }
        let a = bytes[start], b = bytes[start + 1], c = bytes[start + 2]
        if a == 0x2D && b == 0x2D && c == 0x2D { return true }
        return closing && a == 0x2E && b == 0x2E && c == 0x2E
    }
}
