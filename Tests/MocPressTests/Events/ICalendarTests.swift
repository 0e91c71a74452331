import XCTest
@testable import MocPress

final class ICalendarTests: XCTestCase {
    let moscow = TimeZone(identifier: "Europe/Moscow")!
    let yekaterinburg = TimeZone(identifier: "Asia/Yekaterinburg")!
    let kaliningrad = TimeZone(identifier: "Europe/Kaliningrad")!
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// 2023-04-20T09:30:15Z
    let stamp = Date(timeIntervalSince1970: 1_681_983_015)

    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    func at(_ iso: String, _ hour: Int, _ minute: Int = 0) -> PageDate {
        PageDate(day: day(iso), minutes: hour * 60 + minute)
    }

    func event(_ summary: String = "Робостарт", start: PageDate, end: PageDate? = nil, uid: String = "info/events/robostart-2023@cdt.example.ru") -> CalendarEvent {
        CalendarEvent(uid: uid, summary: summary, start: start, end: end, stamp: stamp)
    }

    // MARK: Lines

    func testEveryPhysicalLineEndsWithCRLFAndFitsIn75OctetsWithoutSplittingALetter() {
        let long = String(repeating: "Муниципальный опорный центр дополнительного образования детей; ", count: 6)
        var events: [CalendarEvent] = []
        // Shift the text by one byte each time so that folds fall on every possible offset.
        for shift in 0..<8 {
            var e = event(String(repeating: "a", count: shift) + long, start: at("2023-04-21", 10), end: at("2023-04-21", 12))
            e.description = long + "\n" + long
            e.location = "г. Энск, ул. Ленина, д. 1, " + long
            e.categories = ["Техническое творчество", long]
            e.organizer = "ЦДТ «Радуга» " + long
            e.organizerEmail = "cdt@example.ru"
            events.append(e)
        }
        let text = ICalendar.calendar(name: "Мероприятия " + long, zone: moscow, events: events)
        let bytes = Array(text.utf8)

        XCTAssertEqual(bytes.suffix(2), [0x0D, 0x0A])
        let lines = physicalLines(bytes)
        XCTAssertGreaterThan(lines.count, 100)
        var folded = 0
        for line in lines {
            XCTAssertLessThanOrEqual(line.count, 75, String(decoding: line, as: UTF8.self))
            XCTAssertFalse(line.contains(0x0D) || line.contains(0x0A), "a bare CR or LF inside a line")
            XCTAssertNotNil(String(validating: line, as: UTF8.self), "a fold split a UTF-8 sequence")
            if line.first == 0x20 { folded += 1 }
        }
        XCTAssertGreaterThan(folded, 50)
        // Folds fill lines: a full line is 75 octets or one letter short of it.
        let fullLines = lines.filter { $0.count >= 74 }
        XCTAssertGreaterThan(fullLines.count, folded / 2)
    }

    func testALongRussianSummaryRoundTripsAfterUnfoldingAndUnescaping() {
        let summary = "Региональный этап Всероссийского конкурса «Робостарт-2023»; номинации: "
            + "«Юный конструктор», «Инженерный проект», \\ «Свободная категория»\n"
            + "Участники — обучающиеся 7–17 лет образовательных организаций Энского муниципального округа, "
            + "победители школьного этапа 😀 и приглашённые команды."
        XCTAssertGreaterThan(summary.count, 200)
        var e = event(summary, start: at("2023-04-21", 10))
        e.description = summary + "\n\n" + summary
        let calendar = parse(ICalendar.calendar(name: "ЦДТ", zone: moscow, events: [e]))

        let vevent = calendar.children("VEVENT")[0]
        XCTAssertEqual(vevent.text("SUMMARY"), summary)
        XCTAssertEqual(vevent.text("DESCRIPTION"), summary + "\n\n" + summary)
        XCTAssertEqual(vevent.text("UID"), "info/events/robostart-2023@cdt.example.ru")
    }

    func testTextValuesEscapeBackslashSemicolonCommaAndNewlinesAndDropCR() {
        var e = event("Этап 1; этап 2, финал \\ итоги", start: day("2023-04-21").pageDate)
        e.description = "Первая строка\r\nвторая строка\nтретья"
        e.location = "ул. Ленина, д. 1"
        e.categories = ["Конкурсы, олимпиады", "Робототехника"]
        let lines = unfold(ICalendar.calendar(name: "Календарь; ЦДТ", zone: moscow, events: [e]))

        XCTAssertTrue(lines.contains("SUMMARY:Этап 1\\; этап 2\\, финал \\\\ итоги"))
        XCTAssertTrue(lines.contains("DESCRIPTION:Первая строка\\nвторая строка\\nтретья"))
        XCTAssertTrue(lines.contains("LOCATION:ул. Ленина\\, д. 1"))
        XCTAssertTrue(lines.contains("CATEGORIES:Конкурсы\\, олимпиады,Робототехника"))
        XCTAssertTrue(lines.contains("X-WR-CALNAME:Календарь\\; ЦДТ"))

        let vevent = parse(lines).children("VEVENT")[0]
        XCTAssertEqual(vevent.text("SUMMARY"), "Этап 1; этап 2, финал \\ итоги")
        XCTAssertEqual(vevent.text("DESCRIPTION"), "Первая строка\nвторая строка\nтретья")
        XCTAssertEqual(vevent.property("CATEGORIES")?.list, ["Конкурсы, олимпиады", "Робототехника"])
    }

    func testTheCalendarHeaderNamesTheProductTheZoneAndKeepsTheEventsInOrder() {
        let events = ["Первое", "Второе", "Третье"].enumerated().map { i, title in
            event(title, start: at("2023-05-0\(3 - i)", 10), uid: "e\(i)@cdt.example.ru")
        }
        let text = ICalendar.calendar(name: "Мероприятия ЦДТ", zone: yekaterinburg, events: events)
        let lines = unfold(text)

        XCTAssertEqual(lines.first, "BEGIN:VCALENDAR")
        XCTAssertEqual(lines.last, "END:VCALENDAR")
        let calendar = parse(lines)
        XCTAssertEqual(calendar.value("PRODID"), "-//mocpress//mocpress//RU")
        XCTAssertEqual(calendar.value("VERSION"), "2.0")
        XCTAssertEqual(calendar.value("CALSCALE"), "GREGORIAN")
        XCTAssertEqual(calendar.value("METHOD"), "PUBLISH")
        XCTAssertEqual(calendar.text("X-WR-CALNAME"), "Мероприятия ЦДТ")
        XCTAssertEqual(calendar.value("X-WR-TIMEZONE"), "Asia/Yekaterinburg")
        XCTAssertEqual(calendar.children("VTIMEZONE").count, 1)
        XCTAssertEqual(calendar.children("VEVENT").map { $0.text("SUMMARY") }, ["Первое", "Второе", "Третье"])
        XCTAssertEqual(calendar.children("VEVENT").map { $0.value("DTSTAMP") }, Array(repeating: "20230420T093015Z", count: 3))
    }

    func testTheSameInputGivesTheSameBytes() {
        var e = event(start: at("2023-07-01", 10), end: at("2023-07-01", 12, 30))
        e.categories = ["Конкурсы"]
        e.url = "https://cdt.example.ru/info/events/robostart-2023/"
        let first = ICalendar.calendar(name: "ЦДТ", zone: berlin, events: [e, e])
        let second = ICalendar.calendar(name: "ЦДТ", zone: berlin, events: [e, e])
        XCTAssertEqual(Array(first.utf8), Array(second.utf8))
    }

    func testOptionalPropertiesAreLeftOutWhenEmptyAndTheOrganizerNeedsAnAddress() {
        var bare = event(start: at("2023-04-21", 10))
        bare.organizer = "ЦДТ «Радуга»"
        var full = event(start: at("2023-04-21", 10))
        full.location = "Актовый зал"
        full.url = "https://cdt.example.ru/info/events/robostart-2023/"
        full.organizer = "ЦДТ \"Радуга\": отдел"
        full.organizerEmail = "cdt@example.ru"
        let events = parse(ICalendar.calendar(name: "ЦДТ", zone: moscow, events: [bare, full])).children("VEVENT")

        for name in ["DESCRIPTION", "LOCATION", "URL", "CATEGORIES", "ORGANIZER", "DTEND"] {
            XCTAssertNil(events[0].property(name), name)
        }
        XCTAssertEqual(events[1].text("LOCATION"), "Актовый зал")
        XCTAssertEqual(events[1].value("URL"), "https://cdt.example.ru/info/events/robostart-2023/")
        let organizer = events[1].property("ORGANIZER")
        XCTAssertEqual(organizer?.value, "mailto:cdt@example.ru")
        XCTAssertEqual(organizer?.parameters["CN"], "ЦДТ 'Радуга': отдел")
    }

    // MARK: Dates

    func testAWholeDayEventEndsTheDayAfterItsLastDay() {
        let events = [
            event(start: day("2023-04-21").pageDate),
            event(start: day("2023-04-21").pageDate, end: day("2023-04-23").pageDate),
            event(start: day("2023-12-31").pageDate, end: day("2023-12-31").pageDate),
            // The end's time does not make a whole-day event timed.
            event(start: day("2023-02-27").pageDate, end: at("2023-02-28", 15)),
            // An end before the start is not believed.
            event(start: day("2023-04-21").pageDate, end: day("2023-04-20").pageDate),
        ]
        let text = ICalendar.calendar(name: "ЦДТ", zone: moscow, events: events)
        let vevents = parse(text).children("VEVENT")

        XCTAssertTrue(unfold(text).contains("DTSTART;VALUE=DATE:20230421"))
        XCTAssertEqual(vevents.map { $0.value("DTSTART") }, ["20230421", "20230421", "20231231", "20230227", "20230421"])
        XCTAssertEqual(vevents.map { $0.value("DTEND") }, ["20230422", "20230424", "20240101", "20230301", "20230422"])
        for vevent in vevents {
            XCTAssertEqual(vevent.property("DTSTART")?.parameters, ["VALUE": "DATE"])
            XCTAssertEqual(vevent.property("DTEND")?.parameters, ["VALUE": "DATE"])
        }
        XCTAssertTrue(parse(text).children("VTIMEZONE").isEmpty, "dates need no time zone")
    }

    func testATimedEventIsWrittenOnThePortalClockWithTheZoneID() {
        let events = [
            event(start: at("2023-04-21", 10), end: at("2023-04-21", 12, 30)),
            event(start: at("2023-04-21", 23, 5)),
            // A date as the end of a timed event: until that day is over.
            event(start: at("2023-04-21", 10), end: day("2023-04-22").pageDate),
            // An end that is not after the start is dropped.
            event(start: at("2023-04-21", 10), end: at("2023-04-21", 10)),
            event(start: at("2023-04-21", 10), end: day("2023-04-20").pageDate),
        ]
        let text = ICalendar.calendar(name: "ЦДТ", zone: moscow, events: events)
        let lines = unfold(text)
        XCTAssertTrue(lines.contains("DTSTART;TZID=Europe/Moscow:20230421T100000"))
        XCTAssertTrue(lines.contains("DTEND;TZID=Europe/Moscow:20230421T123000"))

        let vevents = parse(text).children("VEVENT")
        XCTAssertEqual(vevents.map { $0.value("DTSTART") },
                       ["20230421T100000", "20230421T230500", "20230421T100000", "20230421T100000", "20230421T100000"])
        XCTAssertEqual(vevents.map { $0.value("DTEND") }, ["20230421T123000", nil, "20230423T000000", nil, nil])
        for vevent in vevents {
            XCTAssertEqual(vevent.property("DTSTART")?.parameters, ["TZID": "Europe/Moscow"])
        }
    }

    func testDTSTAMPIsUTC() {
        var e = event(start: day("2023-04-21").pageDate)
        e.stamp = Date(timeIntervalSince1970: 946_684_799.9) // 1999-12-31T23:59:59.9Z
        let vevent = parse(ICalendar.calendar(name: "ЦДТ", zone: berlin, events: [e])).children("VEVENT")[0]
        XCTAssertEqual(vevent.value("DTSTAMP"), "19991231T235959Z")
    }

    // MARK: Time zones

    func testAZoneWithoutDaylightSavingGetsOneStandardPartWithItsOffset() {
        for (zone, offset) in [(moscow, "+0300"), (yekaterinburg, "+0500"), (kaliningrad, "+0200")] {
            let text = ICalendar.calendar(name: "ЦДТ", zone: zone, events: [event(start: at("2023-04-21", 10))])
            let vtimezone = parse(text).children("VTIMEZONE")[0]
            XCTAssertEqual(vtimezone.value("TZID"), zone.identifier)
            XCTAssertTrue(vtimezone.children("DAYLIGHT").isEmpty, zone.identifier)
            let standard = vtimezone.children("STANDARD")
            XCTAssertEqual(standard.count, 1, zone.identifier)
            XCTAssertEqual(standard.first?.value("DTSTART"), "19700101T000000")
            XCTAssertEqual(standard.first?.value("TZOFFSETFROM"), offset)
            XCTAssertEqual(standard.first?.value("TZOFFSETTO"), offset)
            XCTAssertEqual(standard.first?.value("TZNAME"), String(offset.prefix(3)))
        }
    }

    func testADaylightSavingZoneGetsEachTransitionOfTheEventYears() {
        let events = [event(start: at("2023-07-01", 10)), event(start: at("2024-01-15", 10))]
        let vtimezone = parse(ICalendar.calendar(name: "ЦДТ", zone: berlin, events: events)).children("VTIMEZONE")[0]

        XCTAssertEqual(vtimezone.value("TZID"), "Europe/Berlin")
        let observances = vtimezone.components.map { [$0.name, $0.value("DTSTART"), $0.value("TZOFFSETFROM"), $0.value("TZOFFSETTO")] }
        XCTAssertEqual(observances, [
            ["STANDARD", "19700101T000000", "+0100", "+0100"],
            ["DAYLIGHT", "20230326T020000", "+0100", "+0200"],
            ["STANDARD", "20231029T030000", "+0200", "+0100"],
            ["DAYLIGHT", "20240331T020000", "+0100", "+0200"],
            ["STANDARD", "20241027T030000", "+0200", "+0100"],
        ])
    }

    func testMoscowBefore2014GetsItsHistoricalOffsetsFromTheSystemData() {
        // 2010: +03/+04 with summer time; 2011–2014: +04 all year; since October 2014: +03.
        let events = [event(start: at("2010-07-01", 10)), event(start: at("2015-07-01", 10))]
        let text = ICalendar.calendar(name: "ЦДТ", zone: moscow, events: events)
        let vtimezone = parse(text).children("VTIMEZONE")[0]
        let changes = vtimezone.components.map { [$0.value("DTSTART"), $0.value("TZOFFSETFROM"), $0.value("TZOFFSETTO")] }
        XCTAssertEqual(changes.first, ["19700101T000000", "+0300", "+0300"])
        XCTAssertTrue(changes.contains(["20100328T020000", "+0300", "+0400"]))
        XCTAssertEqual(changes.last, ["20141026T020000", "+0400", "+0300"])
        for (e, vevent) in zip(events, parse(text).children("VEVENT")) {
            XCTAssertEqual(instant(of: vevent.property("DTSTART")!, in: vtimezone), e.start.instant(in: moscow))
        }
    }

    func testDTSTARTResolvedWithTheWrittenZoneIsTheEventsInstant() {
        let starts = [
            at("2023-01-15", 9), at("2023-03-26", 1, 59), at("2023-03-26", 3, 0), at("2023-07-01", 10),
            at("2023-10-29", 1, 30), at("2023-10-29", 4, 0), at("2023-12-31", 23, 59), at("2024-06-30", 0, 0),
            // Berlin's clock skips 02:00–03:00 on 26 March and repeats 02:00–03:00 on 29 October.
            at("2023-03-26", 2, 30), at("2023-10-29", 2, 30),
        ]
        for zone in [moscow, yekaterinburg, kaliningrad, berlin] {
            let events = starts.map { event(start: $0, end: PageDate(day: $0.day, minutes: $0.minutes! + 60)) }
            let calendar = parse(ICalendar.calendar(name: "ЦДТ", zone: zone, events: events))
            let vtimezone = calendar.children("VTIMEZONE")[0]
            for (e, vevent) in zip(events, calendar.children("VEVENT")) {
                let start = vevent.property("DTSTART")!
                XCTAssertEqual(start.parameters["TZID"], vtimezone.value("TZID"))
                XCTAssertEqual(instant(of: start, in: vtimezone), e.start.instant(in: zone), "\(zone.identifier) \(e.start.rfc3339(in: zone))")
                XCTAssertEqual(instant(of: vevent.property("DTEND")!, in: vtimezone), e.end!.instant(in: zone))
            }
        }
        // A summer event in Berlin is on the summer clock: 10:00 CEST is 08:00 UTC.
        let summer = parse(ICalendar.calendar(name: "ЦДТ", zone: berlin, events: [event(start: at("2023-07-01", 10))]))
        let resolved = instant(of: summer.children("VEVENT")[0].property("DTSTART")!, in: summer.children("VTIMEZONE")[0])
        XCTAssertEqual(resolved, Date(timeIntervalSince1970: 1_688_198_400))
    }

    func testThousandsOfEventsAreWrittenInOnePass() {
        let events = (0..<3000).map { i in
            var e = event("Мероприятие № \(i); «Робостарт»", start: at("2023-01-01", 10).shifted(days: i % 365), uid: "e\(i)@cdt.example.ru")
            e.description = String(repeating: "Описание мероприятия, ", count: 10)
            return e
        }
        let calendar = parse(ICalendar.calendar(name: "ЦДТ", zone: berlin, events: events))
        XCTAssertEqual(calendar.children("VEVENT").count, 3000)
        XCTAssertEqual(calendar.children("VEVENT")[2999].text("SUMMARY"), "Мероприятие № 2999; «Робостарт»")
    }
}

// MARK: - A small reader of what the writer wrote

/// One unfolded content line: `NAME;PARAM=value:VALUE`.
private struct ICSLine {
    var name: String
    var parameters: [String: String]
    var value: String

    /// The value as TEXT (3.3.11) with the escapes undone.
    var text: String { Self.unescape(Substring(value)) }

    /// A multi-valued TEXT, split on the commas that are not escaped.
    var list: [String] {
        var items: [String] = []
        var current = ""
        var escaped = false
        for c in value {
            if escaped { current.append("\\"); current.append(c); escaped = false }
            else if c == "\\" { escaped = true }
            else if c == "," { items.append(Self.unescape(Substring(current))); current = "" }
            else { current.append(c) }
        }
        items.append(Self.unescape(Substring(current)))
        return items
    }

    static func unescape(_ value: Substring) -> String {
        var out = ""
        var escaped = false
        for c in value {
            if escaped {
                out.append(c == "n" || c == "N" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    init(_ line: String) {
        var name = ""
        var parameters: [String: String] = [:]
        var index = line.startIndex
        while index < line.endIndex, line[index] != ";", line[index] != ":" {
            name.append(line[index]); index = line.index(after: index)
        }
        while index < line.endIndex, line[index] == ";" {
            index = line.index(after: index)
            var key = ""
            while line[index] != "=" { key.append(line[index]); index = line.index(after: index) }
            index = line.index(after: index)
            var value = ""
            if line[index] == "\"" {
                index = line.index(after: index)
                while line[index] != "\"" { value.append(line[index]); index = line.index(after: index) }
                index = line.index(after: index)
            } else {
                while line[index] != ";", line[index] != ":" { value.append(line[index]); index = line.index(after: index) }
            }
            parameters[key] = value
        }
        precondition(index < line.endIndex && line[index] == ":", "no value in «\(line)»")
        self.name = name
        self.parameters = parameters
        self.value = String(line[line.index(after: index)...])
    }
}

/// A BEGIN…END block with its properties and the blocks inside it.
private struct ICSComponent {
    var name: String
    var properties: [ICSLine] = []
    var components: [ICSComponent] = []

    func property(_ name: String) -> ICSLine? { properties.first { $0.name == name } }
    func value(_ name: String) -> String? { property(name)?.value }
    func text(_ name: String) -> String? { property(name)?.text }
    func children(_ name: String) -> [ICSComponent] { components.filter { $0.name == name } }
}

private extension ICalendarTests {
    /// The physical lines, each without its CRLF; fails if the text does not end with CRLF.
    func physicalLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x0D && bytes[i + 1] == 0x0A {
                lines.append(bytes[start..<i])
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        XCTAssertEqual(start, bytes.count, "the text does not end with CRLF")
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// Logical lines: a CRLF followed by a space or a tab is removed (RFC 5545 3.1),
    /// on bytes, since a fold may fall between any two characters.
    func unfold(_ text: String) -> [String] {
        var logical: [[UInt8]] = []
        for line in physicalLines(Array(text.utf8)) {
            if let first = line.first, first == 0x20 || first == 0x09, !logical.isEmpty {
                logical[logical.count - 1].append(contentsOf: line.dropFirst())
            } else {
                logical.append(Array(line))
            }
        }
        return logical.map { String(decoding: $0, as: UTF8.self) }
    }

    func parse(_ text: String) -> ICSComponent { parse(unfold(text)) }

    func parse(_ lines: [String]) -> ICSComponent {
        var stack = [ICSComponent(name: "")]
        for line in lines.map(ICSLine.init) {
            switch line.name {
            case "BEGIN":
                stack.append(ICSComponent(name: line.value))
            case "END":
                let done = stack.removeLast()
                XCTAssertEqual(done.name, line.value, "END does not match BEGIN")
                stack[stack.count - 1].components.append(done)
            default:
                stack[stack.count - 1].properties.append(line)
            }
        }
        XCTAssertEqual(stack.count, 1, "unclosed BEGIN")
        XCTAssertEqual(stack[0].components.count, 1)
        return stack[0].components.first ?? ICSComponent(name: "")
    }

    /// `20230421T100000` → seconds since 1970 on that clock.
    func localSeconds(_ value: String) -> Int {
        let b = Array(value.utf8)
        let n = { (r: Range<Int>) in Int(String(decoding: b[r], as: UTF8.self))! }
        let date = LocalDate(year: n(0..<4), month: n(4..<6), day: n(6..<8))!
        return date.dayNumber * 86400 + n(9..<11) * 3600 + n(11..<13) * 60 + n(13..<15)
    }

    func offsetSeconds(_ value: String) -> Int {
        let b = Array(value.utf8)
        let n = { (r: Range<Int>) in Int(String(decoding: b[r], as: UTF8.self))! }
        let magnitude = n(1..<3) * 3600 + n(3..<5) * 60 + (b.count == 7 ? n(5..<7) : 0)
        return b[0] == UInt8(ascii: "-") ? -magnitude : magnitude
    }

    /// Resolves a DTSTART/DTEND with TZID as RFC 5545 3.3.5 says: the offset
    /// of the observance in force (the latest onset not after the moment; an
    /// onset is its DTSTART on the clock before it, i.e. minus TZOFFSETFROM);
    /// a time that occurs twice is the first occurrence; a time skipped by a
    /// jump forward is read with the offset before the jump.
    func instant(of property: ICSLine, in vtimezone: ICSComponent) -> Date {
        let local = localSeconds(property.value)
        let observances = vtimezone.components.map { o in
            (start: localSeconds(o.value("DTSTART")!), from: offsetSeconds(o.value("TZOFFSETFROM")!),
             to: offsetSeconds(o.value("TZOFFSETTO")!))
        }.sorted { $0.start - $0.from < $1.start - $1.from }
        func offset(at utc: Int) -> Int {
            observances.last { $0.start - $0.from <= utc }?.to ?? observances[0].to
        }
        let candidates = Set(observances.map(\.to)).map { local - $0 }.filter { offset(at: $0) == local - $0 }
        if let first = candidates.min() {
            return Date(timeIntervalSince1970: TimeInterval(first))
        }
        let gap = observances.first { $0.to > $0.from && $0.start <= local && local < $0.start + $0.to - $0.from }!
        return Date(timeIntervalSince1970: TimeInterval(local - gap.from))
    }
}

private extension LocalDate {
    var pageDate: PageDate { PageDate(day: self) }
}

private extension PageDate {
    func shifted(days: Int) -> PageDate { PageDate(day: day.adding(days: days), minutes: minutes) }
}
