import Foundation

/// One VEVENT of an iCalendar file (мероприятие в календаре).
public struct CalendarEvent: Sendable {
    /// Stable across builds, e.g. `info/events/robostart-2023@cdt.example.ru`.
    public var uid: String
    public var summary: String
    /// Plain text; newlines are kept.
    public var description: String
    /// Empty: no LOCATION line.
    public var location: String
    /// Absolute URL of the event page; empty: no URL line.
    public var url: String
    public var start: PageDate
    /// Nil: a whole-day event lasts its one day; a timed event gets no DTEND.
    public var end: PageDate?
    /// DTSTAMP, given by the caller so that a rebuild writes the same bytes.
    public var stamp: Date
    public var categories: [String]
    /// The organizer's name (CN); written only together with `organizerEmail`,
    /// because ORGANIZER is an address and a bare name is not one.
    public var organizer: String
    /// Empty: no ORGANIZER line.
    public var organizerEmail: String

    public init(
        uid: String, summary: String, description: String = "", location: String = "", url: String = "",
        start: PageDate, end: PageDate? = nil, stamp: Date, categories: [String] = [],
        organizer: String = "", organizerEmail: String = ""
    ) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.start = start
        self.end = end
        self.stamp = stamp
        self.categories = categories
        self.organizer = organizer
        self.organizerEmail = organizerEmail
    }
}

/// The RFC 5545 writer for the portal's calendar feed and the per-event `.ics` files.
public enum ICalendar {
    public static let productID = "-//mocpress//mocpress//RU"

    /// A whole VCALENDAR: the header, one VTIMEZONE for `zone` when any event
    /// has a time of day, then the events in the order given.
    public static func calendar(name: String, zone: TimeZone, events: [CalendarEvent]) -> String {
        let spans = events.map(Span.init)
        var out = ContentLines()
        out.reserve(events.count * 600 + 1024)

        out.plain("BEGIN", "VCALENDAR")
        out.text("PRODID", productID)
        out.plain("VERSION", "2.0")
        out.plain("CALSCALE", "GREGORIAN")
        out.plain("METHOD", "PUBLISH")
        out.text("X-WR-CALNAME", name)
        out.text("X-WR-TIMEZONE", zone.identifier)

        var years: ClosedRange<Int>?
        for span in spans {
            guard case .timed(let start, let end) = span else { continue }
            let last = end ?? start
            years = years.map { min($0.lowerBound, start.day.year)...max($0.upperBound, last.day.year) }
                ?? start.day.year...max(start.day.year, last.day.year)
        }
        if let years {
            writeTimeZone(zone, years: years, to: &out)
        }

        for (event, span) in zip(events, spans) {
            out.plain("BEGIN", "VEVENT")
            out.text("UID", event.uid)
            out.start("DTSTAMP")
            out.colon()
            out.utcDateTime(event.stamp)
            out.end()
            switch span {
            case .days(let first, let endExclusive):
                out.date("DTSTART", first)
                out.date("DTEND", endExclusive)
            case .timed(let start, let end):
                out.wallTime("DTSTART", start, zone: zone.identifier)
                if let end { out.wallTime("DTEND", end, zone: zone.identifier) }
            }
            out.text("SUMMARY", event.summary)
            if !event.description.isEmpty { out.text("DESCRIPTION", event.description) }
            if !event.location.isEmpty { out.text("LOCATION", event.location) }
            if !event.url.isEmpty { out.plain("URL", event.url) }
            let categories = event.categories.filter { !$0.isEmpty }
            if !categories.isEmpty {
                out.start("CATEGORIES")
                out.colon()
                for (i, category) in categories.enumerated() {
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    out.escapedText(category)
                }
                out.end()
            }
            if !event.organizerEmail.isEmpty {
                out.start("ORGANIZER")
                if !event.organizer.isEmpty { out.parameter("CN", event.organizer, alwaysQuoted: true) }
                out.colon()
                out.raw("mailto:")
                out.raw(event.organizerEmail)
                out.end()
            }
            out.plain("END", "VEVENT")
        }
        out.plain("END", "VCALENDAR")
        return out.text
    }

    /// The zone's observances from January 1 of the first year to the end of the
    /// last, read from Foundation's time zone data (no tables of our own). The
    /// observance in force on January 1 is dated 1970-01-01, the customary
    /// "since forever" onset, so a zone without transitions (Moscow since 2014)
    /// gets a single STANDARD part.
    static func writeTimeZone(_ zone: TimeZone, years: ClosedRange<Int>, to out: inout ContentLines) {
        let from = PageDate(day: LocalDate(year: years.lowerBound, month: 1, day: 1)!).instant(in: zone)
        let until = PageDate(day: LocalDate(year: years.upperBound, month: 12, day: 31)!.adding(days: 1)).instant(in: zone)

        out.plain("BEGIN", "VTIMEZONE")
        out.text("TZID", zone.identifier)
        let initial = zone.secondsFromGMT(for: from)
        out.observance(daylight: zone.isDaylightSavingTime(for: from), onsetLocal: nil, from: initial, to: initial)

        var previous = initial
        var previousDaylight = zone.isDaylightSavingTime(for: from)
        var cursor = from
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < until, next > cursor {
            let offset = zone.secondsFromGMT(for: next)
            let daylight = zone.isDaylightSavingTime(for: next)
            if offset != previous || daylight != previousDaylight {
                // An observance starts at a local time on the clock in force before it.
                let onset = Int(next.timeIntervalSince1970.rounded(.down)) + previous
                out.observance(daylight: daylight, onsetLocal: onset, from: previous, to: offset)
            }
            previous = offset
            previousDaylight = daylight
            cursor = next
        }
        out.plain("END", "VTIMEZONE")
    }
}

extension ICalendar {
    /// A local time on the portal's clock.
    struct WallTime: Comparable {
        var day: LocalDate
        var minutes: Int

        init(day: LocalDate, minutes: Int) {
            // Out-of-range minutes (a hand-made PageDate) roll over to the next day.
            let days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
            self.day = day.adding(days: days)
            self.minutes = minutes - days * 1440
        }

        static func < (a: WallTime, b: WallTime) -> Bool { (a.day, a.minutes) < (b.day, b.minutes) }
    }

    /// When an event happens, in the form iCalendar writes it: DTSTART and DTEND
    /// must have the same value type, and DTEND is exclusive and after DTSTART.
    enum Span {
        case days(first: LocalDate, endExclusive: LocalDate)
        case timed(start: WallTime, end: WallTime?)

        init(_ event: CalendarEvent) {
            guard let minutes = event.start.minutes else {
                // A whole-day start makes a whole-day event through the end's day, whatever its time.
                let last = max(event.end?.day ?? event.start.day, event.start.day)
                self = .days(first: event.start.day, endExclusive: last.adding(days: 1))
                return
            }
            let start = WallTime(day: event.start.day, minutes: minutes)
            guard let endDate = event.end else {
                self = .timed(start: start, end: nil)
                return
            }
            // A date without time as the end means "until that day is over".
            let end = endDate.minutes.map { WallTime(day: endDate.day, minutes: $0) }
                ?? WallTime(day: endDate.day.adding(days: 1), minutes: 0)
            self = .timed(start: start, end: end > start ? end : nil)
        }
    }

    /// Content lines (RFC 5545 3.1) built as UTF-8 bytes: each line is assembled,
    /// then folded at 75 octets without splitting a character and ended with CRLF.
    struct ContentLines {
        private var bytes: [UInt8] = []
        private var line: [UInt8] = []

        var text: String { String(decoding: bytes, as: UTF8.self) }

        mutating func reserve(_ capacity: Int) {
            bytes.reserveCapacity(capacity)
            line.reserveCapacity(256)
        }

        mutating func start(_ name: String) {
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: name.utf8)
        }

        mutating func colon() { line.append(UInt8(ascii: ":")) }

        mutating func byte(_ value: UInt8) { line.append(value) }

        /// `;NAME=value`, quoted when the value holds `:`, `;` or `,`. A parameter
        /// value cannot hold a double quote at all, so it becomes an apostrophe.
        mutating func parameter(_ name: String, _ value: String, alwaysQuoted: Bool = false) {
            line.append(UInt8(ascii: ";"))
            line.append(contentsOf: name.utf8)
            line.append(UInt8(ascii: "="))
            let quoted = alwaysQuoted || value.utf8.contains { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }
            if quoted { line.append(UInt8(ascii: "\"")) }
            for byte in value.utf8 {
                if byte == UInt8(ascii: "\"") {
                    line.append(UInt8(ascii: "'"))
                } else if byte >= 0x20 && byte != 0x7F {
                    line.append(byte)
                } else if byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
                    line.append(UInt8(ascii: " "))
                }
            }
            if quoted { line.append(UInt8(ascii: "\"")) }
        }

        /// A value written as is (URIs, numbers), minus control characters,
        /// which no value may contain.
        mutating func raw(_ value: String) {
            for byte in value.utf8 where byte >= 0x20 && byte != 0x7F {
                line.append(byte)
            }
        }

        /// A TEXT value (3.3.11): `\`, `;`, `,` and newlines escaped, CR and other
        /// control characters except tab dropped.
        mutating func escapedText(_ value: String) {
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
                    line.append(UInt8(ascii: "\\"))
                    line.append(byte)
                case UInt8(ascii: "\n"):
                    line.append(UInt8(ascii: "\\"))
                    line.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\t"):
                    line.append(byte)
                case 0..<0x20, 0x7F:
                    continue
                default:
                    line.append(byte)
                }
            }
        }

        mutating func plain(_ name: String, _ value: String) {
            start(name)
            colon()
            raw(value)
            end()
        }

        mutating func text(_ name: String, _ value: String) {
            start(name)
            colon()
            escapedText(value)
            end()
        }

        /// `NAME;VALUE=DATE:20230421`
        mutating func date(_ name: String, _ day: LocalDate) {
            start(name)
            line.append(contentsOf: ";VALUE=DATE:".utf8)
            digits(of: day)
            end()
        }

        /// `NAME;TZID=Europe/Moscow:20230421T100000`
        mutating func wallTime(_ name: String, _ time: WallTime, zone: String) {
            start(name)
            parameter("TZID", zone)
            colon()
            digits(of: time.day)
            line.append(UInt8(ascii: "T"))
            number(time.minutes / 60, width: 2)
            number(time.minutes % 60, width: 2)
            number(0, width: 2)
            end()
        }

        /// `20230421T070000Z`
        mutating func utcDateTime(_ date: Date) {
            let seconds = Int(date.timeIntervalSince1970.rounded(.down))
            localDateTime(seconds)
            line.append(UInt8(ascii: "Z"))
        }

        /// A STANDARD or DAYLIGHT part of VTIMEZONE; `onsetLocal` is seconds since
        /// 1970 on the local clock, nil for 1970-01-01T00:00.
        mutating func observance(daylight: Bool, onsetLocal: Int?, from: Int, to: Int) {
            let kind = daylight ? "DAYLIGHT" : "STANDARD"
            plain("BEGIN", kind)
            start("DTSTART")
            colon()
            localDateTime(onsetLocal ?? 0)
            end()
            start("TZOFFSETFROM")
            colon()
            offset(from)
            end()
            start("TZOFFSETTO")
            colon()
            offset(to)
            end()
            // Foundation's abbreviations depend on the platform and the locale
            // («GMT+3», and on Linux not even per date), so the name is the
            // offset in the tz database's numeric style: +03, +0530, -03.
            start("TZNAME")
            colon()
            offset(to, short: true)
            end()
            plain("END", kind)
        }

        /// Ends the line: folds it at 75 octets, never inside a UTF-8 sequence,
        /// continuation lines starting with one space.
        mutating func end() {
            var from = 0
            var limit = 75
            while line.count - from > limit {
                var cut = from + limit
                while cut > from + 1 && line[cut] & 0xC0 == 0x80 { cut -= 1 }
                bytes.append(contentsOf: line[from..<cut])
                bytes.append(contentsOf: [0x0D, 0x0A, 0x20])
                from = cut
                limit = 74
            }
            bytes.append(contentsOf: line[from...])
            bytes.append(0x0D)
            bytes.append(0x0A)
        }

        private mutating func localDateTime(_ seconds: Int) {
            let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
            let rest = seconds - days * 86400
            digits(of: LocalDate(dayNumber: days))
            line.append(UInt8(ascii: "T"))
            number(rest / 3600, width: 2)
            number(rest / 60 % 60, width: 2)
            number(rest % 60, width: 2)
        }

        private mutating func digits(of day: LocalDate) {
            number(day.year, width: 4)
            number(day.month, width: 2)
            number(day.day, width: 2)
        }

        /// `+0300` (`+053000`-style seconds only when there are any; never `-0000`);
        /// short: `+03`, `+0530`.
        private mutating func offset(_ seconds: Int, short: Bool = false) {
            line.append(seconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let a = abs(seconds)
            number(a / 3600, width: 2)
            if !short || a % 3600 != 0 { number(a / 60 % 60, width: 2) }
            if a % 60 != 0 { number(a % 60, width: 2) }
        }

        private mutating func number(_ value: Int, width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var v = value
            if v >= divisor * 10 {
                line.append(contentsOf: String(v).utf8)
                return
            }
            while divisor > 0 {
                line.append(UInt8(ascii: "0") + UInt8(v / divisor))
                v %= divisor
                divisor /= 10
            }
        }
    }
}
