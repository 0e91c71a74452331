/// Trimming by Swift's own `Character` properties. Foundation's
/// `trimmingCharacters(in:)` goes through UTF-16 and an NSString copy, which
/// showed up in profiles of `check` over thousands of portals.
extension StringProtocol {
    /// The text without leading and trailing characters matching `isTrimmed`
    /// (whitespace and line breaks by default).
    func trimmed(where isTrimmed: (Character) -> Bool = { $0.isWhitespace }) -> SubSequence {
        guard let first = firstIndex(where: { !isTrimmed($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isTrimmed($0) })!
        return self[first...last]
    }
}

extension StringProtocol {
    /// `trimmed()` as a `String`: what `trimmingCharacters(in: .whitespacesAndNewlines)` gives.
    func trimmingWhitespace() -> String { String(trimmed()) }
}
