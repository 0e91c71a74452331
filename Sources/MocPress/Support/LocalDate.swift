import Foundation

/// A calendar date without time or zone («12 мая 2023 г.»).
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil for an impossible date (31 April, 29 February of a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: Substring) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = LocalDate.number(bytes[0..<4]), let m = LocalDate.number(bytes[5..<7]),
              let d = LocalDate.number(bytes[8..<10]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init?(iso text: String) { self.init(iso: Substring(text)) }

    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return bytes.isEmpty ? nil : value
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    public var iso: String {
        "\(year.padded(4))-\(month.padded(2))-\(day.padded(2))"
    }

    public var description: String { iso }

    /// «12 мая 2023 г.»
    public var russianText: String {
        "\(day) \(RussianCalendar.genitiveMonths[month - 1]) \(year) г."
    }

    /// «12.05.2023»
    public var russianNumeric: String { "\(day.padded(2)).\(month.padded(2)).\(year.padded(4))" }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Today in the given time zone.
    public static func today(at now: Date, in zone: TimeZone) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}

/// A page's `date`: a day, optionally with a local time in the portal's time zone.
public struct PageDate: Sendable, Hashable, Comparable {
    public let day: LocalDate
    /// Minutes after midnight, local time; nil for a date without time.
    public let minutes: Int?

    public init(day: LocalDate, minutes: Int? = nil) {
        self.day = day
        self.minutes = minutes
    }

    public enum ParseResult {
        case date(PageDate)
        /// The text looks like a Russian date («12.05.2023»): suggest the ISO form.
        case russianForm(suggestion: String)
        case impossible
        case malformed
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM` (`:SS` tolerated).
    public static func parse(_ raw: String) -> ParseResult {
        let text = raw.trimmingWhitespace()
        let bytes = Array(text.utf8)
        if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            guard let y = LocalDate.number(bytes[0..<4]), let m = LocalDate.number(bytes[5..<7]),
                  let d = LocalDate.number(bytes[8..<10]) else { return .malformed }
            guard let day = LocalDate(year: y, month: m, day: d) else { return .impossible }
            if bytes.count == 10 { return .date(PageDate(day: day)) }
            guard bytes.count == 16 || bytes.count == 19,
                  bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
                  bytes[13] == UInt8(ascii: ":"),
                  let h = LocalDate.number(bytes[11..<13]), let min = LocalDate.number(bytes[14..<16]) else {
                return .malformed
            }
            if bytes.count == 19 {
                guard bytes[16] == UInt8(ascii: ":"), LocalDate.number(bytes[17..<19]) != nil else { return .malformed }
            }
            guard h < 24, min < 60 else { return .impossible }
            return .date(PageDate(day: day, minutes: h * 60 + min))
        }
        // 12.05.2023 or 12.05.2023 10:00 — the way dates are written in Word.
        let parts = text.split(separator: " ", maxSplits: 1)
        let dmy = parts.first.map { $0.split(separator: ".", omittingEmptySubsequences: false) } ?? []
        if dmy.count == 3, let d = Int(dmy[0]), let m = Int(dmy[1]), let y = Int(dmy[2]), dmy[2].count == 4 {
            var suggestion = String(format: "%04d-%02d-%02d", y, m, d)
            if parts.count == 2 { suggestion += "T" + parts[1] }
            return .russianForm(suggestion: suggestion)
        }
        return .malformed
    }

    /// A Russian reason why a date field cannot be read.
    public struct Problem: Error { public var text: String }

    /// Parses the value of a date key, or says in Russian what to write instead.
    public static func read(_ text: String, key: String) -> Result<PageDate, Problem> {
        switch parse(text) {
        case .date(let date): return .success(date)
        case .russianForm(let suggestion):
            return .failure(Problem(text: "дата «\(text)» записана не в формате ГГГГ-ММ-ДД: напишите \(key): \(suggestion)"))
        case .impossible:
            return .failure(Problem(text: "такой даты не существует: «\(text)»; проверьте день и месяц"))
        case .malformed:
            return .failure(Problem(text: "«\(key)» должно быть датой ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ, а не «\(text)»"))
        }
    }

    /// Seconds since the Unix epoch of this local moment in `zone`.
    public func instant(in zone: TimeZone) -> Date {
        // The wall-clock time read as UTC, less the zone's offset (a Calendar
        // per call was a tenth of the cards' time). Around a change of offset,
        // as Calendar and RFC 5545 do: a repeated hour is its first
        // occurrence, a skipped one is read on the clock before the change.
        let wall = Double(day.dayNumber * 86_400 + (minutes ?? 0) * 60)
        func offset(_ t: Double) -> Double { Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t))) }
        let before = offset(wall - 86_400), after = offset(wall + 86_400)
        guard before != after else { return Date(timeIntervalSince1970: wall - before) }
        let onBefore = offset(wall - before) == before, onAfter = offset(wall - after) == after
        if onBefore && onAfter { return Date(timeIntervalSince1970: min(wall - before, wall - after)) }
        return Date(timeIntervalSince1970: onAfter ? wall - after : wall - before)
    }

    /// `2023-05-12` or `2023-05-12T10:00:00+03:00`.
    public func iso(in zone: TimeZone) -> String {
        guard let minutes else { return day.iso }
        return day.iso + "T\((minutes / 60).padded(2)):\((minutes % 60).padded(2)):00" + PageDate.offset(of: instant(in: zone), in: zone)
    }

    /// RFC 3339 timestamp (for Atom and the sitemap): midnight for a date without time.
    public func rfc3339(in zone: TimeZone) -> String {
        let m = minutes ?? 0
        return day.iso + "T\((m / 60).padded(2)):\((m % 60).padded(2)):00" + PageDate.offset(of: instant(in: zone), in: zone)
    }

    static func offset(of date: Date, in zone: TimeZone) -> String {
        let seconds = zone.secondsFromGMT(for: date)
        let sign = seconds < 0 ? "-" : "+"
        let a = abs(seconds) / 60
        return "\(sign)\((a / 60).padded(2)):\((a % 60).padded(2))"
    }

    /// «12 мая 2023 г.», with «, 10:00» when a time is given.
    public var russianText: String {
        guard let minutes else { return day.russianText }
        return day.russianText + ", \((minutes / 60).padded(2)):\((minutes % 60).padded(2))"
    }

    public static func < (a: PageDate, b: PageDate) -> Bool {
        (a.day, a.minutes ?? 0) < (b.day, b.minutes ?? 0)
    }
}

extension Int {
    /// Decimal digits with leading zeros up to `width` (String(format:) went
    /// through Foundation for every date on every page).
    func padded(_ width: Int) -> String {
        let digits = String(magnitude)
        let zeros = String(repeating: "0", count: Swift.max(0, width - digits.count))
        return (self < 0 ? "-" : "") + zeros + digits
    }
}
