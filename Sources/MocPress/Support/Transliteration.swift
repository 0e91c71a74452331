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
        for scalar in text.unicodeScalars {
            let piece: String?
            if let latin = table[scalar] {
                piece = latin
            } else if scalar.isASCII, let ascii = asciiSlugCharacter(scalar) {
                piece = ascii
            } else if scalar == "\u{0301}" || scalar == "\u{00AD}" {
                continue // stress mark, soft hyphen: part of the word
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

    private static func asciiSlugCharacter(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return String(Character(scalar))
        case 0x41...0x5A: return String(Character(Unicode.Scalar(scalar.value + 32)!))
        default: return nil
        }
    }
}
