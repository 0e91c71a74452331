import CSV

/// Reads a plan saved by Excel as CSV: `;` in the Russian locale, `,`
/// elsewhere (tabs are accepted too). The delimiter is the one under which
/// a plan header is found with the most recognised columns.
enum CSVTableReader {
    static func blocks(_ text: String) throws(PlanImportError) -> (blocks: [SourceBlock], delimiter: Character) {
        var best: (blocks: [SourceBlock], delimiter: Character, score: Int)?
        var firstError: PlanImportError?
        for delimiter: Unicode.Scalar in [";", ",", "\t"] {
            let blocks: [SourceBlock]
            do {
                blocks = try Self.blocks(text, delimiter: delimiter)
            } catch {
                firstError = firstError ?? error
                continue
            }
            let score = blocks.reduce(0) { score, block in
                guard case .row(let row) = block, let header = PlanHeader(row), header.isComplete else { return score }
                return max(score, header.roles.count)
            }
            if best == nil || score > best!.score {
                best = (blocks, Character(delimiter), score)
            }
        }
        guard let best else { throw firstError ?? PlanImportError("не удалось прочитать CSV") }
        if best.score == 0, let guess = guessDelimiter(text), guess != best.delimiter,
           let blocks = try? Self.blocks(text, delimiter: guess.unicodeScalars.first!) {
            return (blocks, guess)
        }
        return (best.blocks, best.delimiter)
    }

    private static func blocks(_ text: String, delimiter: Unicode.Scalar) throws(PlanImportError) -> [SourceBlock] {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw PlanImportError("не удалось прочитать CSV: \(error)")
        }
        var blocks: [SourceBlock] = []
        var line = 1
        while let fields = reader.next() {
            let position = ImportPosition.line(line)
            line += 1 + fields.reduce(0) { $0 + $1.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } }
            if fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                blocks.append(.blank(position))
            } else if fields.count == 1 {
                blocks.append(.text(fields[0], position))
            } else {
                blocks.append(.row(SourceRow(texts: fields, position: position)))
            }
        }
        if let error = reader.error {
            throw PlanImportError("CSV прочитан не до конца (\(error)): проверьте кавычки — в ячейке с кавычками они удваиваются", at: .line(line))
        }
        return blocks
    }

    /// The most frequent of `;`, `,` and tab on the first line with any of them.
    private static func guessDelimiter(_ text: String) -> Character? {
        for line in text.split(separator: "\n") {
            let counts: [(Character, Int)] = [";", ",", "\t"].map { d in (d, line.filter { $0 == d }.count) }
            if let top = counts.max(by: { $0.1 < $1.1 }), top.1 > 0 { return top.0 }
        }
        return nil
    }
}
