/// Makes the `id` of an imported plan item from its activity: the first
/// significant words transliterated (`Transliteration.slug`), at most
/// `limit` characters, made unique with `-2`, `-3`.
struct PlanItemIDMaker {
    /// Prepositions, conjunctions and the verbs every plan starts its rows
    /// with: an id made of them would say nothing.
    static let stopWords: Set<String> = [
        "и", "в", "во", "на", "по", "о", "об", "обо", "для", "с", "со", "к", "ко", "из", "от", "до", "а", "за",
        "при", "через", "у", "не", "или", "как", "также", "том", "числе", "т", "ч", "др", "их", "его", "ее", "её",
        "организация", "проведение", "информирование", "осуществление", "принять", "участие",
    ]
    static let limit = 40
    static let maxWords = 4

    /// Ids already taken: other items of this file, and the portal's other media plans.
    private(set) var used: Set<String>
    /// Words that start many rows of this plan («Принять участие и привлечь
    /// образовательные организации в …» twelve times).
    let commonWords: Set<String>
    /// How many rows of this plan would get each id from their first words.
    private let plainCounts: [String: Int]

    init(activities: [String] = [], reserved: Set<String> = []) {
        used = reserved
        commonWords = Self.commonWords(in: activities)
        plainCounts = activities.reduce(into: [:]) { counts, activity in counts[Self.plainBase(for: activity), default: 0] += 1 }
    }

    /// Words found in at least 3 activities and in at least a tenth of them.
    static func commonWords(in activities: [String]) -> Set<String> {
        var counts: [String: Int] = [:]
        for activity in activities {
            for word in Set(words(activity)) where !stopWords.contains(word) { counts[word, default: 0] += 1 }
        }
        let threshold = max(3, (activities.count + 9) / 10)
        return Set(counts.filter { $0.value >= threshold }.keys)
    }

    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                word.append(ch == "ё" ? "е" : ch)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// The first significant words: «Информирование участников
    /// образовательных отношений о …» → `uchastnikov-obrazovatelnykh-otnoshenij`.
    static func plainBase(for activity: String) -> String {
        let all = words(activity)
        let significant = all.filter { !stopWords.contains($0) }
        return join(significant.isEmpty ? all : significant)
    }

    /// The plain base; when other rows of the plan would get the same one, the
    /// first words not common in this plan, so that twelve «Принять участие и
    /// привлечь образовательные организации в …» differ by what follows
    /// rather than by `-2` … `-12`.
    func base(for activity: String) -> String {
        let plain = Self.plainBase(for: activity)
        guard (plainCounts[plain] ?? 0) > 1 else { return plain }
        let distinctive = Self.words(activity).filter { !Self.stopWords.contains($0) && !commonWords.contains($0) }
        return distinctive.count >= 2 ? Self.join(distinctive) : plain
    }

    private static func join(_ words: [String]) -> String {
        var id = ""
        var count = 0
        for word in words {
            let slug = Transliteration.slug(word)
            guard !slug.isEmpty else { continue }
            if id.isEmpty {
                id = String(slug.prefix(limit))
                if id.hasSuffix("-") { id.removeLast() }
            } else if id.count + 1 + slug.count <= limit {
                id += "-" + slug
            } else {
                break
            }
            count += 1
            if count == maxWords { break }
        }
        return id
    }

    /// A fresh id for an item: its base, or the base with the first free `-N`.
    mutating func make(activity: String, fallback: String) -> String {
        var base = base(for: activity)
        if base.isEmpty { base = fallback }
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }
}
