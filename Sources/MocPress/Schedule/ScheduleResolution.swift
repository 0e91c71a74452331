/// Turns what the grammar read into windows: settles each mention's year
/// (rule 2), joins ranges, applies deadlines, cadences and counts.
struct ScheduleResolution {
    let grammar: ScheduleGrammar
    let planYear: Int
    let yearRound: Cadence

    private enum YearSource { case written, trailing, plan }

    func schedule() throws(ScheduleProblem) -> Schedule {
        let (years, sources) = resolveYears()
        var periods: [Window] = []
        var ongoing: [Window] = []
        for element in grammar.elements {
            switch element {
            case .period(let span):
                periods.append(try window(span, years, sources))
            case .ongoing(let span):
                ongoing.append(try window(span, years, sources))
            case .deadline(let span, let text):
                let end = try window(span, years, sources).end
                let start = LocalDate(year: planYear, month: 1, day: 1)!
                guard start <= end else { throw .deadlineBeforePlan(grammar.source.text(text), year: planYear) }
                periods.append(Window(start: start, end: end))
            }
        }
        let stated = periods + ongoing
        if stated.isEmpty && grammar.cadence == nil && grammar.count == nil {
            throw grammar.further ? .furtherAlone : .empty
        }
        // With no period written, cadences and counts run over the plan's year (rule 8).
        let whole = stated.isEmpty ? [ScheduleCalendar.year(planYear)!] : stated
        var windows: [Window]
        if let cadence = grammar.cadence {
            // A cadence word replaces the year_round cadence of «в течение года».
            windows = whole.flatMap { ScheduleCalendar.split($0, by: cadence) }
            if windows.isEmpty { throw .noWeeks(grammar.source.text(0..<grammar.source.original.count)) }
        } else if grammar.count != nil {
            // A count is over the whole period, however long (rule 9).
            windows = whole
        } else {
            windows = periods + ongoing.flatMap { ScheduleCalendar.split($0, by: yearRound) }
        }
        windows.sort()
        // Sorted, a repeat («декабрь, май, декабрь») sits next to its twin.
        var unique: [Window] = []
        unique.reserveCapacity(windows.count)
        for window in windows where window != unique.last { unique.append(window) }
        return .windows(unique, min: grammar.count ?? 1)
    }

    /// Rule 2: a mention without a year takes the next year written after it,
    /// else the plan's year.
    private func resolveYears() -> ([Int], [YearSource]) {
        var years = [Int](repeating: planYear, count: grammar.mentions.count)
        var sources = [YearSource](repeating: .plan, count: grammar.mentions.count)
        var trailing: Int?
        for k in grammar.mentions.indices.reversed() {
            let mention = grammar.mentions[k]
            if let year = mention.year {
                years[k] = year
                sources[k] = .written
                if mention.chained { trailing = year }
            } else if mention.chained, let trailing {
                years[k] = trailing
                sources[k] = .trailing
            }
        }
        return (years, sources)
    }

    private func window(_ span: MentionSpan, _ years: [Int], _ sources: [YearSource]) throws(ScheduleProblem) -> Window {
        var first = grammar.mentions[span.from]
        let last = grammar.mentions[span.to]
        var firstYear = years[span.from], lastYear = years[span.to]
        var firstSource = sources[span.from], lastSource = sources[span.to]
        let text = grammar.source.text(first.range.lowerBound..<last.range.upperBound)
        if span.from != span.to {
            if case .bare(let n) = first.unit {
                // «14-17.02.2023», «I–II квартал»: the start borrows the end's unit, month and year.
                switch last.unit {
                case .day(_, let month): first.unit = .day(n, month: month)
                case .quarter:
                    guard (1...4).contains(n) else { throw .quarter(n) }
                    first.unit = .quarter(n)
                case .half:
                    guard (1...2).contains(n) else { throw .half(n) }
                    first.unit = .half(n)
                default: throw .number(grammar.source.text(first.range))
                }
                firstYear = lastYear
                firstSource = lastSource
            } else if lastSource == .plan, firstSource == .written {
                // «январь 2023 – декабрь»: the end is in the start's year, not the plan's.
                lastYear = firstYear
                lastSource = .trailing
            }
        }
        var start = try startDay(first, year: firstYear, written: firstSource == .written)
        var end = try endDay(last, year: lastYear, written: lastSource == .written)
        if end < start && span.from != span.to {
            // «сентябрь – май» runs into the next year, «сентябрь – май 2024» from the previous one.
            if lastSource != .written {
                lastYear += 1
                end = try endDay(last, year: lastYear, written: false)
            } else if firstSource != .written {
                firstYear -= 1
                start = try startDay(first, year: firstYear, written: false)
            }
        }
        guard start <= end else { throw .reversed(text) }
        return Window(start: start, end: end)
    }

    private func startDay(_ m: Mention, year: Int, written: Bool) throws(ScheduleProblem) -> LocalDate {
        switch m.unit {
        case .day(let day, let month):
            guard let date = LocalDate(year: year, month: month, day: day) else {
                throw .impossibleDate(grammar.source.text(m.range), year: written ? nil : year)
            }
            return date
        case .month(let month): return LocalDate(year: year, month: month, day: 1)!
        case .quarter(let q): return LocalDate(year: year, month: 3 * q - 2, day: 1)!
        case .half(let h): return LocalDate(year: year, month: 6 * h - 5, day: 1)!
        case .year: return LocalDate(year: year, month: 1, day: 1)!
        case .academicYear: return LocalDate(year: year, month: 9, day: 1)!
        case .bare: throw .number(grammar.source.text(m.range))
        }
    }

    private func endDay(_ m: Mention, year: Int, written: Bool) throws(ScheduleProblem) -> LocalDate {
        switch m.unit {
        case .day: return try startDay(m, year: year, written: written)
        case .month(let month): return ScheduleCalendar.monthEnd(month, year)!
        case .quarter(let q): return ScheduleCalendar.monthEnd(3 * q, year)!
        case .half(let h): return ScheduleCalendar.monthEnd(6 * h, year)!
        case .year: return LocalDate(year: year, month: 12, day: 31)!
        case .academicYear: return LocalDate(year: year + 1, month: 5, day: 31)!
        case .bare: throw .number(grammar.source.text(m.range))
        }
    }
}
