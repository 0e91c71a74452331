/// The Russian words the schedule grammar knows, already lower-cased with
/// `ё` written as `е` (the tokenizer does both).
enum ScheduleWords {
    /// Month number (1…12) of a month name in any case: «май», «мая», «в мае»,
    /// «маю», «маем», or a common abbreviation («сент», «дек»). Whole words
    /// only, so «мартобря» is not March.
    static func month(_ word: String) -> Int? { monthForms[word] }

    private static let monthForms: [String: Int] = {
        var forms: [String: Int] = [:]
        // Stems that take the soft endings (январь, января, январе, январю, январем).
        let soft = [(1, "январ"), (2, "феврал"), (4, "апрел"), (6, "июн"), (7, "июл"),
                    (9, "сентябр"), (10, "октябр"), (11, "ноябр"), (12, "декабр")]
        for (number, stem) in soft {
            for ending in ["ь", "я", "е", "ю", "ем"] { forms[stem + ending] = number }
        }
        for (number, stem) in [(3, "март"), (8, "август")] {
            for ending in ["", "а", "е", "у", "ом"] { forms[stem + ending] = number }
        }
        for form in ["май", "мая", "мае", "маю", "маем"] { forms[form] = 5 }
        let abbreviations = [("янв", 1), ("фев", 2), ("февр", 2), ("мар", 3), ("апр", 4), ("авг", 8),
                             ("сен", 9), ("сент", 9), ("окт", 10), ("ноя", 11), ("нояб", 11), ("дек", 12)]
        for (form, number) in abbreviations { forms[form] = number }
        return forms
    }()

    /// «г.», «год», «года», «гг.» after a year carry no meaning of their own.
    static let yearWords: Set<String> = ["г", "гг", "год", "года", "году", "годом", "годы", "годов", "годах"]

    /// «учебный год» and its cases.
    static func isAcademic(_ word: String) -> Bool { word.hasPrefix("учебн") }

    static let quarterWords: Set<String> = ["квартал", "квартала", "квартале", "кварталу", "кварталом",
                                            "кварталы", "кварталов", "кв"]
    static let halfWords: Set<String> = ["полугодие", "полугодия", "полугодии", "полугодию", "полугодием",
                                         "полугодий"]

    /// «I», «II», «III», «IV» (Latin letters, or the Cyrillic-looking «і»)
    /// and the ordinal words «первый», «второе», «третьего», «четвертый».
    static func ordinal(_ word: String) -> Int? {
        switch word {
        case "i", "і": return 1
        case "ii", "іі": return 2
        case "iii", "ііі": return 3
        case "iv", "іv": return 4
        default: break
        }
        for (stem, number) in [("перв", 1), ("втор", 2), ("трет", 3), ("четверт", 4)] where word.hasPrefix(stem) {
            return number
        }
        return nil
    }

    /// What may follow an Arabic numeral after a dash: «1-й», «2-е», «3-го».
    static let ordinalSuffixes: Set<String> = ["й", "ый", "ой", "ий", "е", "ое", "ее", "го", "ого", "м", "ом"]

    /// Small counts written as words: «не реже одного раза в месяц».
    static func count(_ word: String) -> Int? {
        switch word {
        case "один", "одного", "одна", "одной", "одно", "одну": return 1
        case "два", "две", "двух": return 2
        case "три", "трех": return 3
        case "четыре", "четырех": return 4
        case "пять", "пяти": return 5
        case "шесть", "шести": return 6
        default: return nil
        }
    }

    /// Cadence words (rule 8): «ежемесячно» and its siblings.
    static func cadence(_ word: String) -> Cadence? {
        switch word {
        case "еженедельно": return .week
        case "ежемесячно": return .month
        case "ежеквартально": return .quarter
        case "ежегодно": return .year
        default: return nil
        }
    }

    /// The unit after «раз в …» / «N публикаций в …».
    static func perUnit(_ word: String) -> Cadence? {
        switch word {
        case "неделю": return .week
        case "месяц": return .month
        case "квартал": return .quarter
        case "полугодие", "полгода": return .halfYear
        case "год": return .year
        default: return nil
        }
    }

    /// «в течение», including the frequent misspellings «в течении» and «втечение».
    static let during: Set<String> = ["течение", "течении"]
    static let duringFused: Set<String> = ["втечение", "втечении"]

    /// Seasons are the usual reason a schedule cannot be checked; they get a
    /// hint with an example.
    static func isSeason(_ word: String) -> Bool {
        seasons.contains(word) || ["весенн", "летн", "осенн", "зимн"].contains(where: word.hasPrefix)
    }

    private static let seasons: Set<String> = ["весна", "весны", "весной", "весне", "весну", "лето", "лета",
                                               "летом", "лете", "осень", "осени", "осенью", "зима", "зимы",
                                               "зимой", "зиме", "зиму"]
}

/// How often a period is split into windows (rule 8).
enum Cadence: Sendable, Hashable {
    case week, month, quarter, halfYear, year

    init(_ yearRound: PortalConfig.YearRoundCadence) {
        switch yearRound {
        case .halfYear: self = .halfYear
        case .quarter: self = .quarter
        case .month: self = .month
        case .year: self = .year
        }
    }

    /// The word a methodist would recognise, for messages.
    var word: String {
        switch self {
        case .week: return "еженедельно"
        case .month: return "ежемесячно"
        case .quarter: return "ежеквартально"
        case .halfYear: return "раз в полугодие"
        case .year: return "ежегодно"
        }
    }
}
