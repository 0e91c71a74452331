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
    func trimmingWhitespace() -> String {
        if Self.endsAreLetters(utf8) { return String(self) }
        return String(trimmed())
    }

    /// True when the text starts with a visible ASCII character or a
    /// Cyrillic letter and ends with one: nothing to trim, and no
    /// `Character` need be formed (titles, dates and keys of every page).
    /// A letter cannot be the tail of a cluster that starts with a space.
    private static func endsAreLetters(_ bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        func visibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
        func cyrillicLead(_ byte: UInt8) -> Bool { byte == 0xD0 || byte == 0xD1 }
        guard visibleASCII(first) || cyrillicLead(first) else { return false }
        let count = bytes.count
        let last = bytes[bytes.index(bytes.startIndex, offsetBy: count - 1)]
        if visibleASCII(last) { return true }
        guard last & 0xC0 == 0x80, count >= 2 else { return false }
        return cyrillicLead(bytes[bytes.index(bytes.startIndex, offsetBy: count - 2)])
    }
}
