/// Лексема «Сроков»: a word, a number, a dotted date or a punctuation mark
/// of the normalised schedule text.
struct ScheduleToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word(String)
        /// `digits` tells a year («2023») from a day or a count.
        case number(Int, digits: Int)
        /// `27.01.2023`, `27.01.23`, or `27.01` (year taken like a month's).
        case dottedDate(day: Int, month: Int, year: Int?)
        /// `-`, `–`, `—` and their relatives, spaced or not.
        case dash
        /// `,`, `;` and `:` all just separate windows.
        case comma
        case slash
        case open
        case close
        /// Anything else; the parser refuses it by name.
        case symbol(Character)
    }

    var kind: Kind
    /// Offsets into the normalised scalars, for quoting the text back in messages.
    var range: Range<Int>
    /// Whether whitespace precedes the token («когда-нибудь» is one word to quote, «май - июнь» is not).
    var spaced: Bool

    var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }
}

/// Normalises «Сроки» (lower case, `ё` = `е`, one kind of space and dash)
/// and cuts them into tokens. Works on Unicode scalars: schedules are short,
/// every character that matters is a single scalar, and offsets into the
/// original let messages quote the methodist's own spelling.
struct ScheduleTokenizer {
    /// The text as written, one scalar per scalar of `scalars`, for quoting back.
    let original: [Unicode.Scalar]
    /// Lower case, `ё` as `е`, every space a plain space, every dash `-`.
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        original = Array(text.unicodeScalars)
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(original.count)
        for scalar in original {
            switch scalar {
            case "ё", "Ё": scalars.append("е")
            case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}":
                scalars.append("-")
            default:
                if scalar.properties.isWhitespace {
                    // Word's non-breaking and thin spaces are spaces too.
                    scalars.append(" ")
                } else {
                    scalars.append(Self.lowercase(scalar))
                }
            }
        }
        self.scalars = scalars
    }

    /// Scalar by scalar, so offsets stay those of the original. Latin and
    /// Russian capitals are shifted directly; anything else asks Unicode, and
    /// the rare letter whose lower case is longer than one scalar stays as it is.
    private static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x41...0x5A, 0x410...0x42F: return Unicode.Scalar(scalar.value + 0x20)!
        case 0x00...0x7F, 0x430...0x44F: return scalar
        default:
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first! : scalar
        }
    }

    /// The text of a span as the methodist wrote it (spaces collapsed), for messages.
    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        var space = false
        for scalar in original[range.clamped(to: 0..<original.count)] {
            if scalar.properties.isWhitespace {
                space = true
                continue
            }
            if space && !view.isEmpty { view.append(" ") }
            space = false
            view.append(scalar)
        }
        return String(view)
    }

    /// The normalised text of a span: what the grammar compares words with.
    private func normalized(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    func tokens() -> [ScheduleToken] {
        var tokens: [ScheduleToken] = []
        var i = 0
        var spaced = false
        let n = scalars.count
        func add(_ kind: ScheduleToken.Kind, _ start: Int, _ end: Int) {
            tokens.append(ScheduleToken(kind: kind, range: start..<end, spaced: spaced))
            spaced = false
        }
        while i < n {
            let c = scalars[i]
            if c == " " {
                spaced = true
                i += 1
            } else if Self.isLetter(c) {
                let start = i
                while i < n, Self.isLetter(scalars[i]) { i += 1 }
                add(.word(normalized(start..<i)), start, i)
            } else if Self.isDigit(c) {
                let start = i
                let first = readNumber(&i)
                // «27.01.2023»: numbers joined by dots with no spaces are one date.
                if i + 1 < n, scalars[i] == ".", Self.isDigit(scalars[i + 1]) {
                    i += 1
                    let second = readNumber(&i)
                    var year: Int?
                    if i + 1 < n, scalars[i] == ".", Self.isDigit(scalars[i + 1]) {
                        i += 1
                        let third = readNumber(&i)
                        switch third.digits {
                        case 4: year = third.value
                        case 2: year = 2000 + third.value
                        default: year = 0  // never a valid date: reported as impossible
                        }
                    }
                    add(.dottedDate(day: first.value, month: second.value, year: year), start, i)
                } else {
                    add(.number(first.value, digits: first.digits), start, i)
                }
            } else {
                i += 1
                switch c {
                case "-": add(.dash, i - 1, i)
                case ",", ";", ":": add(.comma, i - 1, i)
                case "/": add(.slash, i - 1, i)
                case "(": add(.open, i - 1, i)
                case ")": add(.close, i - 1, i)
                // Full stops after «г.» or at the end, quotes and footnote marks
                // carry nothing; treating them as spaces keeps «г.Мурманск» two words.
                case ".", "«", "»", "\"", "„", "“", "”", "*":
                    spaced = true
                default: add(.symbol(Character(c)), i - 1, i)
                }
            }
        }
        return tokens
    }

    private func readNumber(_ i: inout Int) -> (value: Int, digits: Int) {
        var value = 0
        var digits = 0
        while i < scalars.count, Self.isDigit(scalars[i]) {
            // Long digit runs are not dates or counts; capping keeps them harmless.
            if value < 100_000_000 { value = value * 10 + Int(scalars[i].value - 48) }
            digits += 1
            i += 1
        }
        return (value, digits)
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0x400 && c.value <= 0x4FF)
    }
}
