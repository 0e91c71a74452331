import PropertyBased
import Testing
@testable import MocPress

/// Properties of URL segments (SPEC 2): whatever the name or heading, the
/// segment is lower-case Latin letters, digits and single dashes with no dash
/// at either end, or empty — and callers then use their fallback
/// (`razdel`, `stranitsa`, `fajl`) or report the name.
@Suite struct TransliterationProperties {
    /// The SPEC 2 table, written out again from the SPEC text rather than from the code.
    static let table: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
        "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya",
    ]

    /// Lower-case ASCII letters and digits in runs joined by single dashes; or empty.
    static func isSegmentOrEmpty(_ slug: String) -> Bool {
        slug.isEmpty || slug.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { run in
            !run.isEmpty && run.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
        }
    }

    /// What a methodist types: Russian letters of both cases, Latin letters and
    /// digits, the stress mark and soft hyphen inside words; and between words
    /// spaces, dashes, punctuation, quotes, letters of other alphabets, emoji.
    enum Token: Sendable, CustomStringConvertible {
        case letter(String)
        case separator(String)
        var description: String {
            switch self {
            case .letter(let s), .separator(let s): return s
            }
        }
    }

    static let letters: [String] = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯazAZqQ0159")
        .map(String.init) + ["\u{0301}", "\u{00AD}"]
    static let separators = [" ", "  ", "-", "–", "—", "_", ",", ".", ":", "«", "»", "\"", "(", ")", "/", "\\", "№", "\t", "\n",
                             "\u{00A0}", "é", "ß", "ї", "中", "😀", "&", "?", "#", "%", "+"]

    static let token: Generator<Token, Shrink.None<Token>> = Generator { rng in
        if rng.next() % 3 == 0 {
            return .separator(separators[Int(rng.next() % UInt64(separators.count))])
        }
        return .letter(letters[Int(rng.next() % UInt64(letters.count))])
    }

    /// The segment SPEC 2 asks for, computed from the tokens: each word
    /// transliterated by the table, the words that give letters joined by `-`.
    static func expected(_ tokens: [Token]) -> String {
        var words: [String] = []
        var word = ""
        for token in tokens {
            switch token {
            case .separator:
                if !word.isEmpty { words.append(word) }
                word = ""
            case .letter(let s):
                if s == "\u{0301}" || s == "\u{00AD}" { continue }
                let c = Character(s.lowercased())
                word += table[c] ?? String(c)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: "-")
    }

    @Test func russianTextIsTransliteratedWordByWordByTheSpecTable() async {
        await propertyCheck(count: 400, input: Self.token.array(of: 0...24)) { tokens in
            let text = tokens.map(\.description).joined()
            let slug = Transliteration.slug(text)
            #expect(slug == Self.expected(tokens), "«\(text)»")
        }
    }

    /// Any Unicode text at all, not only what a methodist would type.
    static let anyScalar: Generator<Character, Shrink.None<UInt32>> = Gen<UInt32>.value(in: 0...0x10FFFF - 0x800)
        .withoutShrink()
        .map { Character(Unicode.Scalar($0 < 0xD800 ? $0 : $0 + 0x800)!) }

    @Test func anyTextGivesAValidSegmentOrNothing() async {
        await propertyCheck(count: 300, input: Self.anyScalar.string(of: 0...30)) { text in
            let slug = Transliteration.slug(text)
            #expect(Self.isSegmentOrEmpty(slug), "«\(text)» → «\(slug)»")
            // A segment is its own slug: renaming by the slug changes nothing.
            #expect(Transliteration.slug(slug) == slug, "«\(text)» → «\(slug)»")
        }
    }

    @Test func aSegmentIsEmptyOnlyWhenTheTextHasNoLetterOrDigitToKeep() async {
        await propertyCheck(count: 300, input: Self.token.array(of: 0...6)) { tokens in
            let text = tokens.map(\.description).joined()
            let keeps = text.unicodeScalars.contains { scalar in
                (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                    || Self.table[Character(String(scalar).lowercased())].map { !$0.isEmpty } ?? false
            }
            #expect(Transliteration.slug(text).isEmpty == !keeps, "«\(text)»")
        }
    }

    /// «й» and «ё» may come decomposed (и + U+0306, е + U+0308): from macOS
    /// file names, PDFs, Word. Swift compares such strings as equal, and so
    /// must their addresses be.
    @Test func canonicallyEquivalentSpellingsGiveTheSameSegment() async {
        await propertyCheck(count: 300, input: Self.token.array(of: 0...16)) { tokens in
            let composed = tokens.map(\.description).joined()
            var decomposed = String.UnicodeScalarView()
            for scalar in composed.unicodeScalars {
                switch scalar {
                case "й": decomposed.append(contentsOf: "и\u{0306}".unicodeScalars)
                case "Й": decomposed.append(contentsOf: "И\u{0306}".unicodeScalars)
                case "ё": decomposed.append(contentsOf: "е\u{0308}".unicodeScalars)
                case "Ё": decomposed.append(contentsOf: "Е\u{0308}".unicodeScalars)
                default: decomposed.append(scalar)
                }
            }
            let other = String(decomposed)
            #expect(composed == other)
            #expect(Transliteration.slug(other) == Transliteration.slug(composed), "«\(composed)»")
        }
    }
}
