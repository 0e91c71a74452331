import PropertyBased
import Testing
@testable import MocPress

/// Properties of the schedule grammar (SPEC 3) over generated «Сроки»: months
/// in all cases, ranges, dates, quarters, half-years, deadlines, «в течение
/// года», joined the ways approved plans join them, with the noise real plans
/// carry (capitals, odd spaces and dashes, «г.», notes in parentheses).
@Suite struct ScheduleProperties {
    typealias RNG = any SeededRandomNumberGenerator

    static func pick<T>(_ items: [T], _ rng: inout RNG) -> T { items[Int(rng.next() % UInt64(items.count))] }
    static func number(_ range: ClosedRange<Int>, _ rng: inout RNG) -> Int {
        range.lowerBound + Int(rng.next() % UInt64(range.count))
    }

    static let nominative = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
    static let genitive = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    static let prepositional = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"]
    static let abbreviated = ["янв.", "фев.", "мар.", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."]
    static let romans = ["I", "II", "III", "IV"]

    // MARK: - The model

    /// One part of «Сроки», before its text is written.
    enum Shape: Sendable {
        /// `form`: 0 «май», 1 «мая», 2 «в мае», 3 «сент.»
        case month(Int, form: Int)
        /// «май – сентябрь», or «сентябрь – май» running into the next year.
        case monthRange(Int, Int)
        /// «сентябрь 2023 – май 2024»: both years written; the offsets are from the plan's year.
        case monthRangeYears(Int, Int, Int, Int)
        /// «12 мая» or «12.05(.2023)».
        case day(Int, Int, dotted: Bool)
        /// `style`: 0 «с 10 по 20 мая», 1 «10–20 мая», 2 «10-20.05.2023».
        case dayRange(Int, Int, Int, style: Int)
        /// `style`: 0 «II квартал», 1 «2 квартал», 2 «2-й квартал».
        case quarter(Int, style: Int)
        case half(Int, style: Int)
        /// `style`: 0 «до 15 мая», 1 «не позднее 15.05.2023», 2 «до конца года».
        case deadline(Int, Int, style: Int)
        /// «в течение года» and its spellings, or «в течение 2024 года».
        case ongoing(style: Int)
    }

    struct Part: Sendable {
        var shape: Shape
        /// The year written after the part, as an offset from the plan's year.
        var year: Int?
        /// What stands before the part (ignored for the first).
        var joiner: String
    }

    struct Case: Sendable, CustomStringConvertible {
        var planYear: Int
        var parts: [Part]
        var yearRound: PortalConfig.YearRoundCadence
        var description: String { "\(planYear): \(ScheduleProperties.text(self, noise: nil))" }
    }

    static let part: Generator<Part, Shrink.None<Part>> = Generator { rng in
        let m1 = number(1...12, &rng), m2 = number(1...12, &rng)
        let d1 = number(1...27, &rng)
        let d2 = number(d1 + 1...28, &rng)
        let shape: Shape
        switch number(0...8, &rng) {
        case 0: shape = .month(m1, form: number(0...3, &rng))
        case 1: shape = .monthRange(m1, m2)
        case 2:
            let y1 = number(-1...1, &rng)
            let y2 = m1 <= m2 ? y1 + number(0...1, &rng) : y1 + 1
            shape = .monthRangeYears(m1, y1, m2, y2)
        case 3: shape = .day(d1, m1, dotted: rng.next() % 2 == 0)
        case 4: shape = .dayRange(d1, d2, m1, style: number(0...2, &rng))
        case 5: shape = .quarter(number(1...4, &rng), style: number(0...2, &rng))
        case 6: shape = .half(number(1...2, &rng), style: number(0...2, &rng))
        case 7: shape = .deadline(d1, m1, style: number(0...2, &rng))
        default: shape = .ongoing(style: number(0...3, &rng))
        }
        let year: Int? = rng.next() % 2 == 0 ? number(-1...1, &rng) : nil
        return Part(shape: shape, year: year, joiner: pick([", ", " и ", " ", "; "], &rng))
    }

    static let scheduleCase: Generator<Case, Shrink.None<Case>> = Generator { rng in
        let count = number(1...4, &rng)
        var parts: [Part] = []
        for _ in 0..<count { parts.append(part.run(using: &rng)) }
        return Case(planYear: number(2019...2026, &rng), parts: parts,
                    yearRound: pick([.halfYear, .quarter, .month, .year], &rng))
    }

    // MARK: - Writing the text

    /// How a text is roughened: the same schedule as a tired methodist types it.
    struct Noise {
        var rng: RNG
        mutating func space() -> String { ScheduleProperties.pick([" ", " ", "  ", "\t", "\u{00A0}", "\n", " \n "], &rng) }
        mutating func dash() -> String { ScheduleProperties.pick([" – ", "-", " - ", "–", " — ", "—", "\u{2011}", " \u{2212} "], &rng) }
        mutating func yearWord() -> String { ScheduleProperties.pick(["", " г.", "г.", " г", " года", " год", " гг."], &rng) }
        mutating func note() -> String {
            ScheduleProperties.pick(["", "", "", " (по плану РМЦ)", " (в рамках проекта «Успех каждого ребенка»)",
                                     " (приказ № 12 от 01.02.2023)", " (ежегодно)", " (*)"], &rng)
        }
        mutating func word(_ w: String) -> String {
            switch rng.next() % 4 {
            case 0: return w.uppercased()
            case 1: return w.prefix(1).uppercased() + w.dropFirst()
            default: return w
            }
        }
    }

    static func text(_ c: Case, noise: RNG?) -> String {
        var noise = noise.map { Noise(rng: $0) }
        func space() -> String { noise?.space() ?? " " }
        func dash() -> String { noise?.dash() ?? " – " }
        func w(_ word: String) -> String { noise?.word(word) ?? word }
        func year(_ offset: Int) -> String { "\(c.planYear + offset)" + (noise?.yearWord() ?? "") }
        func trailingYear(_ part: Part) -> String { part.year.map { space() + year($0) } ?? "" }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

        var out = noise == nil ? "" : (noise!.rng.next() % 4 == 0 ? "- " : "")
        for (k, part) in c.parts.enumerated() {
            if k > 0 {
                let joiner = part.joiner.replacingOccurrences(of: " ", with: space())
                out += (noise?.note() ?? "") + joiner
            }
            switch part.shape {
            case .month(let m, let form):
                switch form {
                case 0: out += w(nominative[m - 1])
                case 1: out += w(genitive[m - 1])
                case 2: out += w("в") + space() + w(prepositional[m - 1])
                default: out += w(abbreviated[m - 1])
                }
                out += trailingYear(part)
            case .monthRange(let a, let b):
                out += w(nominative[a - 1]) + dash() + w(nominative[b - 1]) + trailingYear(part)
            case .monthRangeYears(let a, let ya, let b, let yb):
                out += w(nominative[a - 1]) + space() + year(ya) + dash() + w(nominative[b - 1]) + space() + year(yb)
            case .day(let d, let m, let dotted):
                if dotted {
                    out += "\(two(d)).\(two(m))" + (part.year.map { ".\(c.planYear + $0)" } ?? "")
                } else {
                    out += "\(d)" + space() + w(genitive[m - 1]) + trailingYear(part)
                }
            case .dayRange(let d1, let d2, let m, let style):
                if style == 2, let y = part.year {
                    out += "\(d1)-\(d2).\(two(m)).\(c.planYear + y)"
                } else if style == 0 {
                    out += w("с") + space() + "\(d1)" + space() + w("по") + space() + "\(d2)" + space() + w(genitive[m - 1]) + trailingYear(part)
                } else {
                    out += "\(d1)" + dash() + "\(d2)" + space() + w(genitive[m - 1]) + trailingYear(part)
                }
            case .quarter(let q, let style), .half(let q, let style):
                let unit: String
                if case .quarter = part.shape { unit = "квартал" } else { unit = "полугодие" }
                let numeral = style == 0 ? romans[q - 1] : style == 1 ? "\(q)" : "\(q)-" + (unit == "квартал" ? "й" : "е")
                out += numeral + space() + w(unit) + trailingYear(part)
            case .deadline(let d, let m, let style):
                if style == 2 {
                    out += w("до") + space() + w("конца") + space() + w("года")
                } else if style == 1, let y = part.year {
                    out += w("не") + space() + w("позднее") + space() + "\(two(d)).\(two(m)).\(c.planYear + y)"
                } else {
                    out += w("до") + space() + "\(d)" + space() + w(genitive[m - 1]) + trailingYear(part)
                }
            case .ongoing(let style):
                if let y = part.year {
                    out += w("в") + space() + w("течение") + space() + "\(c.planYear + y)" + space() + w("года")
                } else {
                    out += pick([w("в") + space() + w("течение") + space() + w("года"), w("в") + space() + w("течении") + space() + w("года"),
                                 w("втечение") + space() + w("года"), w("в") + space() + w("течение") + space() + w("всего") + space() + w("года")],
                                style)
                }
            }
        }
        if noise != nil { out += noise!.note() + (noise!.rng.next() % 3 == 0 ? "." : "") }
        return out
    }

    private static func pick<T>(_ items: [T], _ index: Int) -> T { items[index % items.count] }

    // MARK: - What SPEC 3 says the text means

    /// A mention with its written year (absolute) and whether it takes and lends years (rule 2).
    struct Mention {
        var year: Int?
        var chained: Bool
    }

    /// The windows SPEC 3 gives for the case, worked out from the model
    /// rather than from the text; nil when the schedule must be invalid.
    static func expected(_ c: Case) -> [Window]? {
        let plan = c.planYear
        func y(_ offset: Int?) -> Int? { offset.map { plan + $0 } }
        // Mentions in text order, each part remembering its own.
        var mentions: [Mention] = []
        var owned: [[Int]] = []
        for part in c.parts {
            var mine: [Int] = []
            func add(_ m: Mention) { mine.append(mentions.count); mentions.append(m) }
            switch part.shape {
            case .month, .day, .quarter, .half: add(Mention(year: y(part.year), chained: true))
            case .monthRange, .dayRange:
                add(Mention(year: nil, chained: true))
                add(Mention(year: y(part.year), chained: true))
            case .monthRangeYears(_, let ya, _, let yb):
                add(Mention(year: plan + ya, chained: true))
                add(Mention(year: plan + yb, chained: true))
            case .deadline(_, _, let style):
                add(style == 2 ? Mention(year: nil, chained: false) : Mention(year: y(part.year), chained: true))
            case .ongoing:
                add(Mention(year: y(part.year), chained: part.year != nil))
            }
            owned.append(mine)
        }
        // Rule 2: a mention without a year takes the next year written after it, else the plan's.
        var years = [Int](repeating: plan, count: mentions.count)
        var written = [Bool](repeating: false, count: mentions.count)
        var trailing: Int?
        for k in mentions.indices.reversed() {
            if let year = mentions[k].year {
                years[k] = year
                written[k] = true
                if mentions[k].chained { trailing = year }
            } else if mentions[k].chained, let trailing {
                years[k] = trailing
            }
        }
        func day(_ d: Int, _ m: Int, _ year: Int) -> LocalDate { LocalDate(year: year, month: m, day: d)! }
        func month(_ m: Int, _ year: Int) -> Window {
            Window(start: day(1, m, year), end: day(LocalDate.daysIn(month: m, year: year), m, year))
        }
        func months(_ a: Int, _ ya: Int, _ b: Int, _ yb: Int) -> Window {
            Window(start: month(a, ya).start, end: month(b, yb).end)
        }
        let planStart = day(1, 1, plan)
        var windows: [Window] = []
        for (k, part) in c.parts.enumerated() {
            let first = owned[k][0], last = owned[k].last!
            let year = years[last]
            switch part.shape {
            case .month(let m, _): windows.append(month(m, year))
            case .monthRange(let a, let b):
                if a <= b {
                    windows.append(months(a, year, b, year))
                } else if written[last] {
                    windows.append(months(a, year - 1, b, year))  // «сентябрь – май 2024» starts in 2023
                } else {
                    windows.append(months(a, year, b, year + 1))  // «сентябрь – май» ends next year
                }
            case .monthRangeYears(let a, _, let b, _): windows.append(months(a, years[first], b, year))
            case .day(let d, let m, _): windows.append(Window(start: day(d, m, year), end: day(d, m, year)))
            case .dayRange(let d1, let d2, let m, _): windows.append(Window(start: day(d1, m, year), end: day(d2, m, year)))
            case .quarter(let q, _): windows.append(months(3 * q - 2, year, 3 * q, year))
            case .half(let h, _): windows.append(months(6 * h - 5, year, 6 * h, year))
            case .deadline(let d, let m, let style):
                let end = style == 2 ? day(31, 12, plan) : day(d, m, year)
                guard planStart <= end else { return nil }  // a deadline before the plan's year
                windows.append(Window(start: planStart, end: end))
            case .ongoing:
                let pieces: [Window]
                switch c.yearRound {
                case .halfYear: pieces = [months(1, year, 6, year), months(7, year, 12, year)]
                case .quarter: pieces = (1...4).map { months(3 * $0 - 2, year, 3 * $0, year) }
                case .month: pieces = (1...12).map { month($0, year) }
                case .year: pieces = [months(1, year, 12, year)]
                }
                windows += pieces
            }
        }
        return Array(Set(windows)).sorted()
    }

    // MARK: - Properties

    @Test func generatedSchedulesGiveTheWindowsTheSpecSays() async {
        await propertyCheck(count: 400, input: Self.scheduleCase) { c in
            let text = Self.text(c, noise: nil)
            let parsed = ScheduleParser.parse(text, year: c.planYear, yearRound: c.yearRound)
            if let windows = Self.expected(c) {
                #expect(parsed == .windows(windows, min: 1), "«\(text)» (\(c.planYear))")
            } else {
                #expect(parsed.canonical == "invalid", "«\(text)» (\(c.planYear))")
            }
        }
    }

    @Test func capitalsSpacesDashesYearWordsAndNotesChangeNothing() async {
        await propertyCheck(count: 400, input: Self.scheduleCase, Gen<UInt64>.value()) { c, seed in
            let clean = Self.text(c, noise: nil)
            let noisy = Self.text(c, noise: Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, ~seed, seed | 1)))
            let a = ScheduleParser.parse(clean, year: c.planYear, yearRound: c.yearRound)
            let b = ScheduleParser.parse(noisy, year: c.planYear, yearRound: c.yearRound)
            #expect(a.canonical == b.canonical, "«\(clean)» vs «\(noisy)» (\(c.planYear))")
        }
    }

    /// Words and marks of real plans, in any order: the parser must answer
    /// sanely whatever the mix.
    static let soup: [(text: String, years: [Int])] = [
        ("май", []), ("мая", []), ("в мае", []), ("Сентябрь", []), ("декабря", []), ("янв.", []), ("2023", [2023]),
        ("2024 г.", [2024]), ("2022 года", [2022]), ("-", []), ("–", []), (",", []), ("и", []), ("в течение года", []),
        ("в течении", []), ("года", []), ("I квартал", []), ("IV", []), ("квартал", []), ("2-е полугодие", []),
        ("полугодие", []), ("14", []), ("17.02.2023", [2023]), ("29.02.2024", [2024]), ("31.12.23", [2023]),
        ("01.01.1900", [1900]), ("31.12.2100", [2100]), ("с", []), ("по", []), ("до", []), ("конца", []), ("не позднее", []),
        ("ежемесячно", []), ("еженедельно", []), ("ежеквартально", []), ("ежегодно", []), ("далее", []), ("раз в", []),
        ("(", []), (")", []), ("6 публикаций", []), ("учебного года", []), ("2023-2024 учебный год", [2023, 2024]),
        ("2023/24 учебного года", [2023, 2024]), ("весной", []), ("!", []), ("\n", []), ("0", []), ("99999999999", []),
        ("12", []), ("31", []), ("2100 год", [2100]), ("1900", [1900]), ("по отдельному плану", []), ("не менее 2", []),
        // Years no plan has (fuzz/FuzzSchedule's finds): never a window.
        ("31.12.9999", []), ("32.0.12202", []), ("01.01.0001", []),
    ]

    static let soupText = Gen.int(in: 0...(soup.count - 1)).array(of: 1...9)

    @Test func anyMixOfPlanWordsGivesSortedWindowsWithinTheYearsWrittenOrAReason() async {
        await propertyCheck(count: 500, input: Self.soupText, Gen.int(in: 2019...2026)) { picks, planYear in
            let text = picks.map { Self.soup[$0].text }.joined(separator: " ")
            let years = picks.flatMap { Self.soup[$0].years } + [planYear]
            let lowest = years.min()! - 1, highest = years.max()! + 1
            switch ScheduleParser.parse(text, year: planYear) {
            case .windows(let windows, let min):
                #expect(!windows.isEmpty, "«\(text)»")
                #expect(min >= 1, "«\(text)»")
                #expect(zip(windows, windows.dropFirst()).allSatisfy { $0 < $1 }, "not sorted and unique: «\(text)»")
                for window in windows {
                    #expect(window.start <= window.end, "«\(text)»: \(window)")
                    #expect(lowest <= window.start.year && window.end.year <= highest, "«\(text)» (\(planYear)): \(window)")
                }
            case .onDemand:
                #expect(text.contains("по отдельному плану"), "on-demand: «\(text)»")
            case .invalid(let reason):
                #expect(!reason.isEmpty, "«\(text)»")
            }
            // Rule 10: «по запросу» anywhere, parentheses included, makes the whole item on-demand.
            #expect(ScheduleParser.parse(text + " (по запросу)", year: planYear) == .onDemand, "«\(text)»")
            #expect(ScheduleParser.parse("При необходимости, " + text, year: planYear) == .onDemand, "«\(text)»")
        }
    }
}
