/// The name of a municipality or a region in the cases the typical documents
/// need: «МОЦ Сосновского района», «в Тамбовской области».
///
/// Only names built the regular way are declined — adjectives before a head
/// noun («Сосновский муниципальный район», «Тамбовская область»,
/// «Краснодарский край»), «Республика Татарстан», or a generic noun with the
/// name in quotes («муниципальное образование «Город Томск»»). Anything else
/// gives nil, and the scaffold leaves a placeholder rather than guess.
enum RussianName {
    enum Case { case genitive, prepositional }

    /// Head nouns: genitive and prepositional forms.
    private static let nouns: [String: (genitive: String, prepositional: String)] = [
        "район": ("района", "районе"),
        "округ": ("округа", "округе"),
        "край": ("края", "крае"),
        "область": ("области", "области"),
        "республика": ("республики", "республике"),
        "поселение": ("поселения", "поселении"),
        "образование": ("образования", "образовании"),
    ]

    /// Adjective endings (nominative) and their genitive and prepositional endings.
    private static let adjectiveEndings: [(String, String, String)] = [
        ("ский", "ского", "ском"), ("цкий", "цкого", "цком"),
        ("кий", "кого", "ком"), ("гий", "гого", "гом"), ("хий", "хого", "хом"), ("ний", "него", "нем"),
        ("ый", "ого", "ом"), ("ой", "ого", "ом"),
        ("ая", "ой", "ой"), ("яя", "ей", "ей"),
        ("ое", "ого", "ом"), ("ее", "его", "ем"),
    ]

    static func inflect(_ name: String, _ grammaticalCase: Case) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        var result: [String] = []
        var index = 0
        while index < words.count, nouns[words[index].lowercased()] == nil {
            guard let adjective = adjective(words[index], grammaticalCase) else { return nil }
            result.append(adjective)
            index += 1
        }
        guard index < words.count, let forms = nouns[words[index].lowercased()] else { return nil }
        result.append(matchingCase(words[index], grammaticalCase == .genitive ? forms.genitive : forms.prepositional))
        let rest = words[(index + 1)...]
        if !rest.isEmpty {
            // «Республика Татарстан», «муниципальное образование «Город Томск»»: the name stays as it is.
            let quoted = rest.first!.hasPrefix("«") && rest.last!.hasSuffix("»")
            guard quoted || words[index].lowercased() == "республика", !rest.contains(where: { $0 == "—" || $0 == "-" || $0 == "–" }) else { return nil }
            result += rest
        }
        return result.joined(separator: " ")
    }

    /// «Ханты-Мансийский» → «Ханты-Мансийского»: only the last part of a hyphenated word changes.
    private static func adjective(_ word: String, _ grammaticalCase: Case) -> String? {
        let lower = word.lowercased()
        for (ending, genitive, prepositional) in adjectiveEndings where lower.hasSuffix(ending) && lower.count > ending.count + 1 {
            return String(word.dropLast(ending.count)) + (grammaticalCase == .genitive ? genitive : prepositional)
        }
        return nil
    }

    /// «Республика» → «Республики», «район» → «района».
    private static func matchingCase(_ word: String, _ form: String) -> String {
        guard let first = word.first, first.isUppercase else { return form }
        return form.prefix(1).uppercased() + form.dropFirst()
    }
}
