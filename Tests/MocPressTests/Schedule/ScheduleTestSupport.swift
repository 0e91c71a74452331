import Foundation
import XCTest
@testable import MocPress

/// Helpers shared by the schedule grammar tests; a base class keeps them out
/// of the test module's global names.
class ScheduleTestCase: XCTestCase {
    /// The one-line form `mocpress schedule TEXT --year YEAR` prints.
    func schedule(_ text: String, year: Int = 2023, yearRound: PortalConfig.YearRoundCadence = .halfYear) -> String {
        ScheduleParser.parse(text, year: year, yearRound: yearRound).canonical
    }

    /// The Russian reason of an invalid schedule, or what it parsed to instead.
    func problem(_ text: String, year: Int = 2023) -> String {
        let parsed = ScheduleParser.parse(text, year: year)
        if case .invalid(let reason) = parsed { return reason }
        return "не invalid, а \(parsed.canonical)"
    }

    /// The canonical windows of the given months of `year`.
    func months(_ numbers: ClosedRange<Int> = 1...12, of year: Int) -> String {
        numbers.map { month in
            let end = LocalDate.daysIn(month: month, year: year)
            return String(format: "%04d-%02d-01..%04d-%02d-%02d", year, month, year, month, end)
        }.joined(separator: "; ")
    }
}
