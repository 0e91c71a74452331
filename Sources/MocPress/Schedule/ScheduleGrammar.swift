/// A calendar period named in «Сроки» («мая», «I квартал», «2024 год»),
/// before its year is settled: rule 2 gives a month the year written after
/// it, so years are resolved once the whole text has been read.
struct Mention: Sendable {
    enum Unit: Sendable, Equatable {
        case day(Int, month: Int)
        case month(Int)
        case quarter(Int)
        case half(Int)
        case year
        /// Учебный год: 1 September of its year to 31 May of the next.
        case academicYear
        /// «14» of «14-17.02.2023», «I» of «I–II квартал», «12» of «12 и 15 мая»:
        /// the unit comes from the mention after it.
        case bare(Int)

        var isDay: Bool {
            if case .day = self { return true }
            return false
        }
    }

    var unit: Unit
    /// The year as written, if any.
    var year: Int?
    /// Takes the year written after it (rule 2) and lends its own to earlier
    /// mentions. «В течение года» and «учебный год» stand apart: they mean
    /// the plan's year.
    var chained: Bool
    var range: Range<Int>
}

/// Mentions joined into a range («май – сентябрь»); `from == to` for one.
struct MentionSpan: Sendable {
    var from: Int
    var to: Int
}

/// What one part of «Сроки» asks for.
enum ScheduleElement: Sendable {
    /// A month, date, quarter, year or a range of them: one window.
    case period(MentionSpan)
    /// «в течение года»: ongoing work, split by the portal's `year_round` cadence.
    case ongoing(MentionSpan)
    /// «до 15 марта», «не позднее 01.06.2023»: from 1 January of the plan's year.
    case deadline(MentionSpan, text: Range<Int>)
}

/// Reads the tokens of «Сроки» (parentheses already removed) into elements.
/// A hand-written recursive descent: the forms are few, and each error can
/// quote the exact words it stumbled on.
struct ScheduleGrammar {
    let tokens: [ScheduleToken]
    let source: ScheduleTokenizer
    var i = 0

    var mentions: [Mention] = []
    var elements: [ScheduleElement] = []
    var cadence: Cadence?
    var count: Int?
    /// «далее – ежегодно» was present (it adds nothing, but needs a period before it).
    var further = false
    /// Bare numbers standing in a list («12» of «12 и 15 мая»), by mention index.
    private var listed: Set<Int> = []

    init(tokens: [ScheduleToken], source: ScheduleTokenizer) {
        self.tokens = tokens
        self.source = source
    }

    mutating func read() throws(ScheduleProblem) {
        while let token = peek() {
            switch token.kind {
            // Separators between windows (rule 3); a stray dash («- май») is a bullet.
            case .comma, .dash: i += 1
            case .word("и"): i += 1
            default: try element()
            }
        }
        try resolveListedNumbers()
    }

    /// «12 и 15 мая», «I, III квартал»: a number in a list takes its unit
    /// (and month) from the mention after it, the way a month takes a trailing year.
    private mutating func resolveListedNumbers() throws(ScheduleProblem) {
        for k in mentions.indices.reversed() {
            guard case .bare(let n) = mentions[k].unit, listed.contains(k) else { continue }
            let next = k + 1 < mentions.count ? mentions[k + 1].unit : nil
            switch next {
            case .day(_, let month)?: mentions[k].unit = .day(n, month: month)
            case .quarter?:
                guard (1...4).contains(n) else { throw .quarter(n) }
                mentions[k].unit = .quarter(n)
            case .half?:
                guard (1...2).contains(n) else { throw .half(n) }
                mentions[k].unit = .half(n)
            default: throw .number(source.text(mentions[k].range))
            }
        }
    }

    // MARK: - Elements

    private mutating func element() throws(ScheduleProblem) {
        let token = tokens[i]
        switch token.kind {
        case .word(let w):
            if w == "в" || w == "во" {
                if let next = word(1), ScheduleWords.during.contains(next) {
                    i += 2
                    return try ongoing(from: token.range.lowerBound)
                }
                // «в срок до 15 мая» is «до 15 мая».
                if word(1) == "срок", ["до", "не"].contains(word(2)) {
                    i += 2
                    return
                }
                if let next = word(1), let unit = ScheduleWords.perUnit(next) {
                    try setCadence(unit)
                    i += 2
                    return
                }
                guard i + 1 < tokens.count else { throw .unfinished(source.text(token.range)) }
                i += 1
                return elements.append(.period(try span()))
            }
            if ScheduleWords.duringFused.contains(w) {
                i += 1
                return try ongoing(from: token.range.lowerBound)
            }
            if w == "до" {
                i += 1
                return try deadline(from: token.range.lowerBound, lenient: false)
            }
            if w == "не", let next = word(1) {
                switch next {
                case "позднее", "позже":
                    i += 2
                    return try deadline(from: token.range.lowerBound, lenient: true)
                case "менее", "реже":
                    i += 2
                    return try countPhrase(after: token.range.lowerBound)
                default: break
                }
            }
            if w == "далее" { return try furtherPhrase() }
            if w == "с" || w == "со" {
                i += 1
                return elements.append(.period(try fromTo(from: token.range.lowerBound)))
            }
            if let c = ScheduleWords.cadence(w) {
                try setCadence(c)
                i += 1
                return
            }
            if w == "раз" || w == "раза" || ScheduleWords.count(w) != nil {
                return try countPhrase(after: token.range.lowerBound)
            }
            if w == "по", word(1)?.hasPrefix("отдельн") == true { throw .separatePlan }
            elements.append(.period(try span()))
        case .number(let value, let digits):
            if !Self.isYear(value, digits: digits), startsCount() {
                return try countPhrase(after: token.range.lowerBound)
            }
            let first = i
            let s = try span()
            if s.from == s.to, mentions[s.from].unit == .year, lendsYearOnly(s.from, startingAt: first) { return }
            elements.append(.period(s))
        case .dottedDate:
            elements.append(.period(try span()))
        default:
            throw unexpected(at: i)
        }
    }

    /// After «в течение»: «года» and «2024 года» are ongoing work (rule 7), so
    /// is «учебного года»; «мая», «I квартала» are plain periods.
    private mutating func ongoing(from start: Int) throws(ScheduleProblem) {
        while let w = word(), w == "всего" || w == "календарного" { i += 1 }
        if let w = word(), w == "года" || w == "год" {
            i += 1
            // «в течение года 2024» is «в течение 2024 года» reordered.
            var year: Int?
            if case .number(let value, let digits)? = peek()?.kind, Self.isYear(value, digits: digits) {
                year = value
                i += 1
                skipYearWords()
            }
            let m = add(Mention(unit: .year, year: year, chained: false, range: start..<tokens[i - 1].range.upperBound))
            return elements.append(.ongoing(MentionSpan(from: m, to: m)))
        }
        if let w = word(), ["месяца", "недели", "дня", "квартала", "полугодия"].contains(w) {
            throw .relative(source.text(start..<tokens[i].range.upperBound))
        }
        guard i < tokens.count else { throw .unfinished(textSince(start)) }
        let s = try span()
        switch mentions[s.from].unit {
        case .year, .academicYear: elements.append(.ongoing(s))
        default: elements.append(.period(s))
        }
    }

    /// «до 15 марта 2020 года», «до конца года», «не позднее мая» (rule 5).
    /// «до мая» is refused: whether May is included is anyone's guess.
    private mutating func deadline(from start: Int, lenient: Bool) throws(ScheduleProblem) {
        guard i < tokens.count else { throw .unfinished(textSince(start)) }
        var byEnd = false
        if word() == "конца" {
            byEnd = true
            i += 1
        }
        let m = byEnd ? try yearEndOrPoint(from: start) : try point(allowBare: false)
        let text = start..<tokens[i - 1].range.upperBound
        if !mentions[m].unit.isDay && !byEnd && !lenient { throw .vagueDeadline(source.text(text)) }
        elements.append(.deadline(MentionSpan(from: m, to: m), text: text))
    }

    /// «6 мероприятий в течении учебного года», «1 раз в полугодие»,
    /// «не реже одного раза в месяц» (rule 9): the count becomes `min`, the
    /// words after it name what is counted and are not checked.
    private mutating func countPhrase(after start: Int) throws(ScheduleProblem) {
        guard let token = peek() else { throw .unfinished(textSince(start)) }
        let value: Int
        switch token.kind {
        case .number(let n, _):
            value = n
            i += 1
        case .word(let w) where w == "раз" || w == "раза":
            value = 1  // «раз в полугодие»: the noun stays for the loop below
        case .word(let w):
            guard let n = ScheduleWords.count(w) else { throw unknownWord(at: i) }
            value = n
            i += 1
        default:
            throw unexpected(at: i)
        }
        guard value >= 1 else { throw .zeroCount }
        var nouns = 0
        while let w = word(), !Self.endsCountedNoun(w) {
            if ScheduleWords.isSeason(w) { throw unknownWord(at: i) }
            i += 1
            nouns += 1
            // «пресс-релизов» is one noun.
            if let dash = peek(), dash.kind == .dash, !dash.spaced, let next = peek(1), next.word != nil, !next.spaced {
                i += 2
            }
        }
        guard nouns > 0 else { throw .number(source.text(token.range)) }
        guard count == nil else { throw .twoCounts }
        count = value
    }

    /// Words that end the counted noun and start the period: «в», «до»,
    /// cadence words, month names.
    private static func endsCountedNoun(_ w: String) -> Bool {
        ["в", "во", "до", "с", "со", "не", "и", "далее", "втечение", "втечении"].contains(w)
            || ScheduleWords.cadence(w) != nil || ScheduleWords.month(w) != nil
    }

    /// «далее – ежегодно»: the plan after this year is not this plan's business (rule 8).
    private mutating func furtherPhrase() throws(ScheduleProblem) {
        let start = tokens[i].range
        i += 1
        while let token = peek(), token.kind == .dash || token.kind == .comma { i += 1 }
        guard word() == "ежегодно" else { throw .further(source.text(start)) }
        i += 1
        further = true
    }

    /// «январь-март, 2023»: a year set off by a comma right after a month
    /// without one is that month's year (rule 2), not a second window.
    private func lendsYearOnly(_ m: Int, startingAt first: Int) -> Bool {
        guard m > 0, first >= 2, tokens[first - 1].kind == .comma,
              case .period(let previous)? = elements.last, previous.to == m - 1,
              mentions[m - 1].year == nil, mentions[m - 1].chained,
              tokens[first - 2].range.upperBound == mentions[m - 1].range.upperBound else { return false }
        return true
    }

    private mutating func setCadence(_ c: Cadence) throws(ScheduleProblem) {
        if let cadence, cadence != c { throw .twoCadences(cadence, c) }
        cadence = c
    }

    // MARK: - Periods

    /// A mention, or a range of two joined by a dash.
    private mutating func span() throws(ScheduleProblem) -> MentionSpan {
        let a = try point(allowBare: true)
        if let dash = peek(), dash.kind == .dash, startsPoint(at: i + 1) {
            i += 1
            let b = try point(allowBare: false)
            return MentionSpan(from: a, to: b)
        }
        if case .bare = mentions[a].unit {
            guard let next = peek(), next.kind == .comma || next.word == "и" else {
                throw .number(source.text(mentions[a].range))
            }
            listed.insert(a)
        }
        return MentionSpan(from: a, to: a)
    }

    /// «с 10 по 20 октября 2024», «с января по май», «с 1 сентября до конца года».
    private mutating func fromTo(from start: Int) throws(ScheduleProblem) -> MentionSpan {
        guard i < tokens.count else { throw .unfinished(textSince(start)) }
        let a = try point(allowBare: true)
        guard let token = peek(), token.word == "по" || token.word == "до" || token.kind == .dash else {
            throw .openEnded(textSince(start))
        }
        i += 1
        guard i < tokens.count else { throw .unfinished(textSince(start)) }
        if word() == "конца" { i += 1 }
        let b = try yearEndOrPoint(from: start)
        return MentionSpan(from: a, to: b)
    }

    /// «года» after «до конца»: the plan's year; anything else is a mention.
    private mutating func yearEndOrPoint(from start: Int) throws(ScheduleProblem) -> Int {
        if let w = word(), w == "года" || w == "год" {
            i += 1
            return add(Mention(unit: .year, year: nil, chained: false, range: start..<tokens[i - 1].range.upperBound))
        }
        guard i < tokens.count else { throw .unfinished(textSince(start)) }
        return try point(allowBare: false)
    }

    /// One mention: a date, a day and month, a month, a quarter, a half-year,
    /// a year or a school year, with the year written after it if any.
    private mutating func point(allowBare: Bool) throws(ScheduleProblem) -> Int {
        let token = tokens[i]
        let start = token.range.lowerBound
        switch token.kind {
        case .dottedDate(let day, let month, let year):
            // «32.0.12202», «31.12.9999»: a year no plan has (the tokenizer's 0
            // for one of odd length included) is refused here, before rule 2
            // lends it to the months written before the date.
            if let year, !Self.isYear(year, digits: 4) {
                throw .impossibleDate(source.text(token.range), year: nil)
            }
            i += 1
            if year != nil { skipYearWords() }
            return add(Mention(unit: .day(day, month: month), year: year, chained: true, range: token.range))
        case .number(let value, let digits):
            if Self.isYear(value, digits: digits) { return try yearPoint() }
            if let w = word(1) {
                if let month = ScheduleWords.month(w) {
                    i += 2
                    return addWithYear(.day(value, month: month), from: start)
                }
                if ScheduleWords.quarterWords.contains(w) || ScheduleWords.halfWords.contains(w) {
                    i += 2
                    return try numbered(value, unitWord: w, from: start)
                }
            }
            // «1-й квартал», «2-е полугодие»
            if peek(1)?.kind == .dash, let suffix = word(2), ScheduleWords.ordinalSuffixes.contains(suffix),
               let w = word(3), ScheduleWords.quarterWords.contains(w) || ScheduleWords.halfWords.contains(w) {
                i += 4
                return try numbered(value, unitWord: w, from: start)
            }
            if allowBare, peek(1)?.kind == .dash || peek(1)?.kind == .comma || ["по", "до", "и"].contains(word(1)) {
                i += 1
                return add(Mention(unit: .bare(value), year: nil, chained: true, range: token.range))
            }
            throw .number(source.text(token.range))
        case .word(let w):
            if let month = ScheduleWords.month(w) {
                i += 1
                return addWithYear(.month(month), from: start)
            }
            if let n = ScheduleWords.ordinal(w) {
                if let unitWord = word(1), ScheduleWords.quarterWords.contains(unitWord) || ScheduleWords.halfWords.contains(unitWord) {
                    i += 2
                    return try numbered(n, unitWord: unitWord, from: start)
                }
                if allowBare, peek(1)?.kind == .dash || peek(1)?.kind == .comma || ["по", "до", "и"].contains(word(1)) {
                    i += 1
                    return add(Mention(unit: .bare(n), year: nil, chained: true, range: token.range))
                }
            }
            if ScheduleWords.isAcademic(w), let next = word(1), ScheduleWords.yearWords.contains(next) {
                i += 2
                return add(Mention(unit: .academicYear, year: nil, chained: false, range: start..<tokens[i - 1].range.upperBound))
            }
            throw unknownWord(at: i)
        default:
            throw unexpected(at: i)
        }
    }

    /// «2020 год», «2023-2024 учебный год», «2023/24 учебного года».
    private mutating func yearPoint() throws(ScheduleProblem) -> Int {
        let token = tokens[i]
        guard case .number(let year, _) = token.kind else { throw unexpected(at: i) }
        i += 1
        if let joint = peek(), joint.kind == .dash || joint.kind == .slash,
           case .number(let second, let digits)? = peek(1)?.kind, let w = word(2), ScheduleWords.isAcademic(w) {
            i += 3
            skipYearWords()
            let range = token.range.lowerBound..<tokens[i - 1].range.upperBound
            let next = digits == 2 ? year / 100 * 100 + second : second
            guard next == year + 1 else { throw .academicYears(source.text(range)) }
            return add(Mention(unit: .academicYear, year: year, chained: false, range: range))
        }
        if let w = word(), ScheduleWords.isAcademic(w) {
            i += 1
            skipYearWords()
            return add(Mention(unit: .academicYear, year: year, chained: false, range: token.range.lowerBound..<tokens[i - 1].range.upperBound))
        }
        skipYearWords()
        return add(Mention(unit: .year, year: year, chained: true, range: token.range.lowerBound..<tokens[i - 1].range.upperBound))
    }

    private mutating func numbered(_ n: Int, unitWord: String, from start: Int) throws(ScheduleProblem) -> Int {
        if ScheduleWords.quarterWords.contains(unitWord) {
            guard (1...4).contains(n) else { throw .quarter(n) }
            return addWithYear(.quarter(n), from: start)
        }
        guard (1...2).contains(n) else { throw .half(n) }
        return addWithYear(.half(n), from: start)
    }

    /// Adds a mention, taking the year written right after it («май 2023 г.»).
    private mutating func addWithYear(_ unit: Mention.Unit, from start: Int) -> Int {
        var year: Int?
        if case .number(let value, let digits)? = peek()?.kind, Self.isYear(value, digits: digits) {
            year = value
            i += 1
            skipYearWords()
        }
        return add(Mention(unit: unit, year: year, chained: true, range: start..<tokens[i - 1].range.upperBound))
    }

    private mutating func add(_ mention: Mention) -> Int {
        mentions.append(mention)
        return mentions.count - 1
    }

    private mutating func skipYearWords() {
        while let w = word(), ScheduleWords.yearWords.contains(w) { i += 1 }
    }

    // MARK: - Looking ahead

    private func peek(_ offset: Int = 0) -> ScheduleToken? {
        i + offset < tokens.count ? tokens[i + offset] : nil
    }

    private func word(_ offset: Int = 0) -> String? { peek(offset)?.word }

    /// Four digits in a plausible range: anything else is a day or a count.
    static func isYear(_ value: Int, digits: Int) -> Bool { digits == 4 && (1900...2100).contains(value) }

    /// Whether a period can start at token `k` (after a dash: «май – сентябрь», not «май – ежегодно»).
    private func startsPoint(at k: Int) -> Bool {
        guard k < tokens.count else { return false }
        switch tokens[k].kind {
        case .number, .dottedDate: return true
        case .word(let w):
            return ScheduleWords.month(w) != nil || ScheduleWords.ordinal(w) != nil || ScheduleWords.isAcademic(w)
        default: return false
        }
    }

    /// A number followed by a noun that is not a calendar word: «6 мероприятий», «1 раз».
    private func startsCount() -> Bool {
        guard let w = word(1) else { return false }
        if w == "раз" || w == "раза" { return true }
        return ScheduleWords.month(w) == nil && !ScheduleWords.quarterWords.contains(w)
            && !ScheduleWords.halfWords.contains(w) && !ScheduleWords.yearWords.contains(w)
            && !ScheduleWords.isAcademic(w) && !["по", "до", "и"].contains(w)
    }

    // MARK: - Errors

    /// The text from `start` to the end of the last token read.
    private func textSince(_ start: Int) -> String {
        source.text(start..<(i > 0 ? tokens[i - 1].range.upperBound : start))
    }

    private static func isKnown(_ w: String) -> Bool {
        ScheduleWords.month(w) != nil || ScheduleWords.ordinal(w) != nil || ScheduleWords.cadence(w) != nil
            || ScheduleWords.quarterWords.contains(w) || ScheduleWords.halfWords.contains(w)
            || ScheduleWords.yearWords.contains(w) || ScheduleWords.isAcademic(w)
            || ["в", "во", "и", "до", "с", "со", "не", "по", "далее", "течение", "течении", "конца"].contains(w)
    }

    private func unexpected(at k: Int) -> ScheduleProblem {
        switch tokens[k].kind {
        case .word: return unknownWord(at: k)
        case .symbol(let c): return .symbol(c)
        case .number: return .number(source.text(tokens[k].range))
        default: return .unknown(source.text(tokens[k].range), season: false)
        }
    }

    /// Quotes the word with its hyphenated partners («когда-нибудь») and the
    /// unknown words after it («по плану РМЦ»), so the quote is recognisable.
    private func unknownWord(at k: Int) -> ScheduleProblem {
        var hi = k
        while hi + 1 < tokens.count, hi - k < 6 {
            if tokens[hi + 1].kind == .dash, !tokens[hi + 1].spaced, hi + 2 < tokens.count,
               tokens[hi + 2].word != nil, !tokens[hi + 2].spaced {
                hi += 2
            } else if let w = tokens[hi + 1].word, !Self.isKnown(w) {
                hi += 1
            } else {
                break
            }
        }
        var lo = k
        while lo >= 2, tokens[lo - 1].kind == .dash, !tokens[lo - 1].spaced, !tokens[lo].spaced,
              let w = tokens[lo - 2].word, ScheduleWords.month(w) == nil {
            lo -= 2
        }
        let season = tokens[k].word.map(ScheduleWords.isSeason) ?? false
        return .unknown(source.text(tokens[lo].range.lowerBound..<tokens[hi].range.upperBound), season: season)
    }
}
