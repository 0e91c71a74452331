/// Calendar arithmetic of the schedule grammar: the bounds of months,
/// quarters and half-years, and splitting a period by a cadence.
enum ScheduleCalendar {
    static func monthStart(_ month: Int, _ year: Int) -> LocalDate? {
        LocalDate(year: year, month: month, day: 1)
    }

    static func monthEnd(_ month: Int, _ year: Int) -> LocalDate? {
        LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))
    }

    /// The calendar year, the plan's default period.
    static func year(_ year: Int) -> Window? {
        guard let start = monthStart(1, year), let end = monthEnd(12, year) else { return nil }
        return Window(start: start, end: end)
    }

    /// Splits `period` into the windows of `cadence` (rule 8).
    ///
    /// Months, quarters and half-years are the calendar's, cut to the period,
    /// so «в течение учебного года» by half-years gives September–December and
    /// January–May, the school's own halves. Weeks are whole ISO weeks whose
    /// Monday falls in the period, as SPEC says, so the last one may run past
    /// it. Years count from the period's start, so «ежегодно» over one school
    /// year is that school year and not two calendar fragments.
    static func split(_ period: Window, by cadence: Cadence) -> [Window] {
        switch cadence {
        case .week:
            let offset = (8 - period.start.weekday) % 7
            var monday = period.start.adding(days: offset)
            var weeks: [Window] = []
            while monday <= period.end {
                weeks.append(Window(start: monday, end: monday.adding(days: 6)))
                monday = monday.adding(days: 7)
            }
            return weeks
        case .month: return calendarUnits(of: period, months: 1)
        case .quarter: return calendarUnits(of: period, months: 3)
        case .halfYear: return calendarUnits(of: period, months: 6)
        case .year:
            var windows: [Window] = []
            var start = period.start
            while start <= period.end {
                let next = sameDay(of: start, yearsLater: 1)
                let end = min(next.adding(days: -1), period.end)
                windows.append(Window(start: start, end: end))
                start = next
            }
            return windows
        }
    }

    /// Calendar units of `months` months (aligned to January) that meet the period, cut to it.
    private static func calendarUnits(of period: Window, months: Int) -> [Window] {
        var windows: [Window] = []
        var year = period.start.year
        var month = (period.start.month - 1) / months * months + 1
        while true {
            let unitStart = LocalDate(year: year, month: month, day: 1)!
            if unitStart > period.end { break }
            let lastMonth = month + months - 1
            let unitEnd = monthEnd(lastMonth, year)!
            windows.append(Window(start: max(unitStart, period.start), end: min(unitEnd, period.end)))
            month += months
            if month > 12 { month -= 12; year += 1 }
        }
        return windows
    }

    /// The same calendar day a number of years later; 29 February becomes 1 March.
    private static func sameDay(of day: LocalDate, yearsLater: Int) -> LocalDate {
        LocalDate(year: day.year + yearsLater, month: day.month, day: day.day)
            ?? LocalDate(year: day.year + yearsLater, month: 3, day: 1)!
    }
}
