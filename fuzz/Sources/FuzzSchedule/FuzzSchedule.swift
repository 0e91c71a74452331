// libFuzzer target: «Сроки» text → `ScheduleParser.parse`, the entry point of
// `mocpress schedule TEXT --year Y` and of the plan reader.
//
// Input: `YEAR<TAB>TEXT` (the seeds are the fixture's lines turned round), or
// just TEXT with the plan year 2023. The input's length picks the portal's
// `year_round` cadence.
import FuzzSupport
@testable import MocPress

let cadences: [PortalConfig.YearRoundCadence] = [.halfYear, .quarter, .month, .year]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchedule(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var year = 2023
    var textStart = 0
    // Up to four digits and a tab: the plan's year, 0…9999, so the parser's
    // own guard on the year is exercised too.
    if let tab = bytes.prefix(5).firstIndex(of: 0x09), tab > 0, bytes[..<tab].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
        year = bytes[..<tab].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        textStart = tab + 1
    }
    let text = String(decoding: bytes[textStart...], as: UTF8.self)
    let cadence = cadences[size % cadences.count]
    let schedule = ScheduleParser.parse(text, year: year, yearRound: cadence)

    switch schedule {
    case .windows(let windows, let min):
        require(!windows.isEmpty, "no windows for «\(text)»")
        require(min >= 1, "min \(min) for «\(text)»")
        for (k, window) in windows.enumerated() {
            require(window.start <= window.end, "reversed window \(window) for «\(text)»")
            // Real calendar days of years 1…9999, and the canonical form reads back.
            for day in [window.start, window.end] {
                require(LocalDate(year: day.year, month: day.month, day: day.day) == day, "impossible day \(day) for «\(text)»")
            }
            require(Window(canonical: window.canonical) == window, "\(window) does not read back for «\(text)»")
            if k > 0 { require(windows[k - 1] < window, "windows not sorted and unique for «\(text)»") }
        }
        let line = schedule.canonical
        require(!line.isEmpty && !line.contains("\n"), "canonical «\(line)» for «\(text)»")
    case .onDemand:
        require(schedule.canonical == "on-demand", "on-demand prints «\(schedule.canonical)»")
    case .invalid(let reason):
        require(!reason.isEmpty, "invalid without a reason for «\(text)»")
        require(schedule.canonical == "invalid", "invalid prints «\(schedule.canonical)»")
    }
    return 0
}
