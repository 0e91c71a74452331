/// Грамматика «Сроков» (SPEC section 3): the free Russian text of a plan's
/// «Сроки» column, read into windows, on-demand, or invalid with a reason.
public enum ScheduleParser {
    /// Parses «Сроки» with `year` (the plan's) as the default year.
    /// `yearRound` is the portal's cadence for «в течение года».
    public static func parse(_ text: String, year: Int,
                             yearRound: PortalConfig.YearRoundCadence = .halfYear) -> Schedule {
        // Leaves room for the year before and after the plan's, which ranges may reach.
        guard (2...9998).contains(year) else {
            return .invalid(reason: ScheduleProblem.planYear(year).reason)
        }
        let source = ScheduleTokenizer(text)
        let tokens = source.tokens()
        // Rule 10: these four make the whole item on-demand wherever they stand,
        // parentheses included.
        if containsOnDemandPhrase(tokens) { return .onDemand }

        // Rule 11: the rest of a parenthesis is a note.
        var main: [ScheduleToken] = []
        var notes: [[ScheduleToken]] = []
        var depth = 0
        for token in tokens {
            switch token.kind {
            case .open:
                if depth == 0 { notes.append([]) }
                depth += 1
            case .close:
                depth = max(0, depth - 1)
            default:
                if depth > 0 { notes[notes.count - 1].append(token) } else { main.append(token) }
            }
        }
        let words = main.compactMap(\.word)
        if words.isEmpty && main.allSatisfy({ $0.kind == .comma || $0.kind == .dash }) {
            // «(по отдельному плану)» alone is still «по отдельному плану» alone.
            if notes.count == 1, isSeparatePlan(notes[0].compactMap(\.word)) { return .onDemand }
            return .invalid(reason: ScheduleProblem.empty.reason)
        }
        if isOnDemandLead(words) { return .onDemand }
        if main.allSatisfy({ $0.word != nil || $0.kind == .comma || $0.kind == .dash }), isSeparatePlan(words) {
            return .onDemand
        }

        var grammar = ScheduleGrammar(tokens: main, source: source)
        do throws(ScheduleProblem) {
            try grammar.read()
            let resolution = ScheduleResolution(grammar: grammar, planYear: year, yearRound: Cadence(yearRound))
            return try resolution.schedule()
        } catch {
            return .invalid(reason: error.reason)
        }
    }

    /// «по запросу», «по необходимости», «при необходимости», «по мере необходимости».
    private static func containsOnDemandPhrase(_ tokens: [ScheduleToken]) -> Bool {
        for k in tokens.indices {
            guard let w = tokens[k].word, w == "по" || w == "при" else { continue }
            let next = k + 1 < tokens.count ? tokens[k + 1].word : nil
            switch next {
            case "необходимости": return true
            case "запросу", "запросам": if w == "по" { return true }
            case "мере":
                if w == "по", k + 2 < tokens.count, tokens[k + 2].word == "необходимости" { return true }
            default: break
            }
        }
        return false
    }

    /// «в период проведения инвентаризации», «в зависимости от …»: the
    /// obligation hangs on something outside the calendar.
    private static func isOnDemandLead(_ words: [String]) -> Bool {
        guard words.count >= 2, words[0] == "в" || words[0] == "во" else { return false }
        return words[1] == "период" || words[1] == "зависимости"
    }

    /// «по отдельному плану», «по отдельному графику» (or «плану-графику») standing alone.
    private static func isSeparatePlan(_ words: [String]) -> Bool {
        guard words.count >= 3, words[0] == "по", words[1] == "отдельному" || words[1] == "отдельным" else { return false }
        let rest = words.dropFirst(2)
        return rest.allSatisfy { ["плану", "графику", "планам", "графикам"].contains($0) } && rest.count <= 2
    }
}
