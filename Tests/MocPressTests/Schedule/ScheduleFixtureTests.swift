import Foundation
import XCTest
@testable import MocPress

/// The cases from real plans in `shared/fixtures/schedules.tsv` (SPEC section 3).
final class ScheduleFixtureTests: XCTestCase {
    func testEveryRealPlanScheduleParsesExactlyAsTheFixtureExpects() throws {
        let (file, text) = try Self.fixture()
        let rows = try Self.rows(of: text)
        XCTAssertGreaterThanOrEqual(rows.count, 70, "в \(file) меньше строк, чем ожидалось")

        var mismatches: [String] = []
        for row in rows {
            let got = ScheduleParser.parse(row.schedule, year: row.year).canonical
            if got != row.expected {
                mismatches.append("строка \(row.line): «\(row.schedule)» (\(row.year))\n  ожидалось: \(row.expected)\n  получено:  \(got)")
            }
        }
        XCTAssertTrue(mismatches.isEmpty, "\(mismatches.count) из \(rows.count) строк \(file) не совпали:\n" + mismatches.joined(separator: "\n"))
    }

    func testTheFixtureReaderUndoesEscapes() throws {
        let rows = try Self.rows(of: "# schedule\tplan_year\texpected\nмай 2023,\\nдалее\t2023\tx\n\"a \"\"b\"\"\"\t2024\ty\n\t2023\tinvalid\n")
        XCTAssertEqual(rows.map(\.schedule), ["май 2023,\nдалее", "a \"b\"", ""])
        XCTAssertEqual(rows.map(\.year), [2023, 2024, 2023])
    }

    // MARK: - Reading the fixture

    struct Row {
        var line: Int
        var schedule: String
        var year: Int
        var expected: String
    }

    /// The shared fixture when the repository sits next to `shared/`, else the copy kept with the tests.
    static func fixture() throws -> (String, String) {
        var repo = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { repo.deleteLastPathComponent() }
        let shared = repo.deletingLastPathComponent().appendingPathComponent("shared/fixtures/schedules.tsv")
        let copy = repo.appendingPathComponent("Tests/MocPressTests/Schedule/Fixtures/schedules.tsv")
        let url = FileManager.default.fileExists(atPath: shared.path) ? shared : copy
        return (url.path, try String(contentsOf: url, encoding: .utf8))
    }

    /// Tab-separated `schedule, plan_year, expected`; a `#` line is the header.
    /// The schedule may be quoted (`""` inside) and may hold `\n`, `\t`, `\"`, `\\` escapes.
    static func rows(of text: String) throws -> [Row] {
        var rows: [Row] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let year = Int(fields[1]) else {
                throw NSError(domain: "schedules.tsv", code: index + 1,
                              userInfo: [NSLocalizedDescriptionKey: "строка \(index + 1) не из трёх полей: \(line)"])
            }
            rows.append(Row(line: index + 1, schedule: unescape(fields[0]), year: year, expected: String(fields[2])))
        }
        return rows
    }

    static func unescape(_ field: Substring) -> String {
        var text = field
        var quoted = false
        if text.count >= 2, text.first == "\"", text.last == "\"" {
            text = text.dropFirst().dropLast()
            quoted = true
        }
        var result = ""
        var iterator = text.makeIterator()
        while let c = iterator.next() {
            if quoted, c == "\"" {
                // A doubled quote inside a quoted field is one quote.
                result.append("\"")
                _ = iterator.next()
            } else if c == "\\", let escaped = iterator.next() {
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                default: result.append(escaped)
                }
            } else {
                result.append(c)
            }
        }
        return result
    }
}
