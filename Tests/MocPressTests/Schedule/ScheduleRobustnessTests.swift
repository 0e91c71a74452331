import XCTest
@testable import MocPress

/// Whatever a methodist types, the parser answers: windows that make sense, on-demand, or a reason.
final class ScheduleRobustnessTests: XCTestCase {
    func testAnyMixOfScheduleWordsGivesSaneWindowsOrAReason() {
        let pieces = ["май", "2023", "г.", "-", "–", ",", "и", "в", "течение", "года", "I", "квартал", "полугодие",
                      "14", "17.02.2023", "29.02.2023", "с", "по", "до", "конца", "не", "позднее", "ежемесячно",
                      "еженедельно", "далее", "ежегодно", "(", ")", "6", "публикаций", "учебного", "раз", "сентябрь",
                      "31", "декабря", "2024", ";", "весной", "!", "\n", "0", "99999999999", "2023/2024", "учебный", "год"]
        var generator = SplitMix64(seed: 20230501)
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 7) + 1
            let text = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(separator: " ")
            switch ScheduleParser.parse(text, year: 2023) {
            case .windows(let windows, let min):
                XCTAssertFalse(windows.isEmpty, text)
                XCTAssertGreaterThanOrEqual(min, 1, text)
                XCTAssertEqual(windows, windows.sorted(), text)
                XCTAssertEqual(Set(windows).count, windows.count, text)
                for window in windows { XCTAssertLessThanOrEqual(window.start, window.end, text) }
            case .onDemand:
                break
            case .invalid(let reason):
                XCTAssertFalse(reason.isEmpty, text)
            }
        }
    }
}

/// A small seeded generator, so a failure reproduces.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
