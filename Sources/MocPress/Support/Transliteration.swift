/// Turns names and headings into Latin URL segments by the readable scheme
/// most МОЦ sites use (`муниципальный опорный центр` → `munitsipalnyj-opornyj-tsentr`).
///
/// Works on Unicode scalars in one pass; anything that is neither a letter of
/// the table nor an ASCII letter or digit separates words.
public enum Transliteration {
    private static let table: [Unicode.Scalar: String] = {
        let pairs: [(Character, String)] = [
            ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ё", "yo"),
            ("ж", "zh"), ("з", "z"), ("и", "i"), ("й", "j"), ("к", "k"), ("л", "l"), ("м", "m"),
            ("н", "n"), ("о", "o"), ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"),
            ("ф", "f"), ("х", "kh"), ("ц", "ts"), ("ч", "ch"), ("ш", "sh"), ("щ", "shch"),
            ("ъ", ""), ("ы", "y"), ("ь", ""), ("э", "e"), ("ю", "yu"), ("я", "ya"),
        ]
        var map: [Unicode.Scalar: String] = [:]
        for (letter, latin) in pairs {
            let lower = letter.unicodeScalars.first!
            map[lower] = latin
            for upper in String(letter).uppercased().unicodeScalars { map[upper] = latin }
        }
        return map
    }()

    /// A URL segment: lower-case Latin letters, digits and single dashes; may be empty.
    public static func slug(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            let piece: String?
            if let latin = table[scalar] {
                piece = latin
            } else if scalar.isASCII, let ascii = asciiSlugCharacter(scalar) {
                piece = ascii
            } else if scalar == "\u{0301}" || scalar == "\u{00AD}" {
                continue // stress mark, soft hyphen: part of the word
            } else if let letter = decomposed(previous, scalar) {
                // «й», «ё» written as и + breve, е + diaeresis (macOS file names,
                // text from PDFs) are the same letters: the same segment.
                out.removeLast()
                out.append(letter)
                continue
            } else {
                piece = nil
            }
            guard let piece else {
                pendingDash = true
                continue
            }
            if piece.isEmpty { continue } // ъ, ь: dropped inside the word
            if pendingDash && !out.isEmpty { out.append("-") }
            pendingDash = false
            out.append(piece)
        }
        return out
    }

    /// The Latin of «й» or «ё» when `mark` decomposes it after `base`.
    private static func decomposed(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> String? {
        switch (base, mark) {
        case ("и", "\u{0306}"), ("И", "\u{0306}"): return table["й"]
        case ("е", "\u{0308}"), ("Е", "\u{0308}"): return table["ё"]
        default: return nil
        }
    }

    private static func asciiSlugCharacter(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return String(Character(scalar))
        case 0x41...0x5A: return String(Character(Unicode.Scalar(scalar.value + 32)!))
        default: return nil
        }
    }
}
