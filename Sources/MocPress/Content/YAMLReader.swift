import Foundation
import Yams

/// Parses YAML into Yams nodes and turns Yams errors into Russian diagnostics
/// at the right line of the original file.
struct YAMLReader {
    /// Display path of the file the YAML came from.
    let file: String
    /// Lines before the YAML text in its file (the front matter starts after `---`).
    let lineOffset: Int

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    /// The most values a document may hold once its aliases (`*имя`) are
    /// expanded: a few lines of nested aliases can stand for billions.
    static let nodeLimit = 100_000

    /// Only aliases make a document hold more values than it has bytes: a
    /// text without `*` and shorter than the limit is not walked (every page
    /// of every portal is read in `check`).
    static func mayOvergrow(_ text: String) -> Bool {
        text.utf8.count >= nodeLimit || text.utf8.contains(UInt8(ascii: "*"))
    }

    /// An alias stands for something only with an anchor (`&имя`) in the
    /// text; without both, no key can expand (`aliasInKey` is not needed).
    static func mayExpandAliases(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "*")) && text.utf8.contains(UInt8(ascii: "&"))
    }

    /// Where a document grows past `nodeLimit` (the top-level key whose
    /// value does), or nil when it does not. Stops counting at the limit.
    func overgrown(_ root: Node) -> SourceLocation? {
        var budget = Self.nodeLimit
        func fits(_ node: Node) -> Bool {
            budget -= 1
            guard budget >= 0 else { return false }
            switch node {
            case .scalar, .alias: return true
            case .sequence(let sequence): return sequence.allSatisfy(fits)
            case .mapping(let mapping): return mapping.allSatisfy { fits($0.key) && fits($0.value) }
            }
        }
        guard case .mapping(let mapping) = root else { return fits(root) ? nil : location(of: root) }
        for pair in mapping where !(fits(pair.key) && fits(pair.value)) { return location(of: pair.key) }
        return nil
    }

    /// Yams checks a mapping for duplicate keys by hashing each key whole,
    /// so a key that is an alias (`*имя: …`, `[*имя]: …`) of a nested anchor
    /// is hashed as the billions of values it stands for: the parse never
    /// ends (found by the fuzzer). Before that parse, aliases are read as
    /// plain text (`*` → U+E000: one character, so marks do not move, and
    /// no alias is expanded); a key holding one is refused at that key.
    /// Nil when no key holds an alias. A syntax error is thrown from here:
    /// the real parse could hash such a key before it reached the error
    /// (the fuzzer's next input); marks are the same in both texts.
    func aliasInKey(_ text: String) throws -> SourceLocation? {
        let source = Array(text.unicodeScalars)
        var scalars = String.UnicodeScalarView()
        for (i, scalar) in source.enumerated() {
            let startsAlias = scalar == "*" && i + 1 < source.count && Self.isAnchorCharacter(source[i + 1])
            scalars.append(startsAlias ? Self.aliasMark : scalar)
        }
        guard let root = try Yams.compose(yaml: String(scalars), .basic, Self.constructor, .utf8) else { return nil }
        func holdsAlias(_ node: Node) -> Bool {
            switch node {
            case .scalar(let scalar):
                return scalar.style == .plain && scalar.string.unicodeScalars.first == Self.aliasMark
            case .alias: return true
            case .sequence(let sequence): return sequence.contains(where: holdsAlias)
            case .mapping(let mapping): return mapping.contains { holdsAlias($0.key) || holdsAlias($0.value) }
            }
        }
        func keyWithAlias(in node: Node) -> Node? {
            switch node {
            case .scalar, .alias: return nil
            case .sequence(let sequence): return sequence.lazy.compactMap(keyWithAlias).first
            case .mapping(let mapping):
                for pair in mapping {
                    if holdsAlias(pair.key) { return pair.key }
                    if let found = keyWithAlias(in: pair.key) ?? keyWithAlias(in: pair.value) { return found }
                }
                return nil
            }
        }
        return keyWithAlias(in: root).map(location(of:))
    }

    /// A private-use character: a plain YAML scalar may hold it, a page never does.
    static let aliasMark: Unicode.Scalar = "\u{E000}"

    /// libyaml's anchor and alias names: letters, digits, `_` and `-`.
    static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
    }

    /// Yams' `Constructor.default` makes a new constructor (three tables of
    /// closures) on every call; one per thread is made once.
    private static var constructor: Constructor {
        PerThread.value("mocpress.yaml.constructor", owner: ConstructorOwner.shared) { Constructor.default }
    }
    private final class ConstructorOwner: Sendable { static let shared = ConstructorOwner() }

    /// The root node, or a diagnostic. An empty document is an empty mapping.
    func parse(_ text: String) -> Result<Node, Diagnostic> {
        do {
            // No implicit typing (every scalar is text; readers convert what they
            // need) and a fixed encoding: Yams' defaults run a regex set per
            // scalar and read the environment per document.
            if Self.mayExpandAliases(text), let place = try aliasInKey(text) {
                return .failure(.error("ключ в YAML — ссылка на якорь (*имя) или содержит её: ключ пишется обычным текстом, ссылки (*имя) допустимы только в значениях", at: place))
            }
            guard let node = try Yams.compose(yaml: text, .basic, Self.constructor, .utf8) else { return .success(Node.mapping(Node.Mapping([]))) }
            if Self.mayOvergrow(text), let place = overgrown(node) {
                return .failure(.error("в YAML слишком много повторов через якоря и ссылки (&имя и *имя): значение разрастается больше чем до \(RussianNumber.format(Double(Self.nodeLimit))) элементов; запишите значения без ссылок", at: place))
            }
            return .success(node)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, in: text))
        } catch {
            return .failure(.error("не удалось прочитать YAML: \(error)", at: location(line: 1, column: 1)))
        }
    }

    private func diagnostic(for error: YamlError, in text: String) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            let where_ = location(line: mark.line, column: mark.column)
            return .error(Self.russian(problem: problem, at: mark, in: text), at: where_)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "«\($0)»" }.joined(separator: ", ")
            return .error("ключ \(names) указан дважды: оставьте одно значение", at: location(line: context.mark.line, column: context.mark.column))
        case let .reader(problem, _, _, _):
            return .error("файл не в кодировке UTF-8 или содержит недопустимые символы (\(problem)); сохраните его в UTF-8", at: location(line: 1, column: 1))
        default:
            return .error("ошибка YAML: \(error)", at: location(line: 1, column: 1))
        }
    }

    static func russian(problem: String, at mark: Mark, in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = mark.line - 1 < lines.count && mark.line >= 1 ? lines[mark.line - 1] : ""
        if line.contains("\t") {
            return "в YAML нельзя делать отступы табуляцией: замените табуляцию пробелами"
        }
        switch problem {
        case let p where p.contains("mapping values are not allowed"):
            // «title: X» then «  date: …» one step right: an indent, not a colon, is wrong.
            let indent = { (text: Substring) in text.prefix { $0 == " " }.count }
            // libyaml also counts a lone CR as a line break: its line may be past the last "\n" line.
            if mark.line >= 2, let previous = lines[..<min(mark.line - 1, lines.count)].last(where: { !$0.trimmingWhitespace().isEmpty }),
               indent(line) > indent(previous), let colon = previous.firstIndex(of: ":"),
               !previous[previous.index(after: colon)...].trimmingWhitespace().isEmpty {
                return "лишний отступ в начале строки: ключи одного уровня пишутся с одинаковым отступом (у предыдущего ключа уже есть значение)"
            }
            var message = "лишнее двоеточие в значении: если в тексте есть «: », заключите значение в кавычки"
            if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon]
                let value = line[line.index(after: colon)...].trimmingWhitespace()
                if !key.isEmpty, !value.isEmpty, !value.hasPrefix("\""), !value.hasPrefix("'") {
                    message += " — \(key): \"\(value.replacingOccurrences(of: "\"", with: "\\\""))\""
                }
            }
            return message
        case let p where p.contains("could not find expected ':'"):
            return "ожидалась запись «ключ: значение»: проверьте двоеточие после ключа и отступы"
        case let p where p.contains("did not find expected key"):
            return "неверный отступ: ключи одного уровня должны начинаться в одном столбце"
        case let p where p.contains("found unexpected end of stream"), let p where p.contains("found unknown escape"):
            return "незакрытые кавычки в значении: закройте кавычку или уберите её"
        case let p where p.contains("found character that cannot start any token"):
            return "символ, с которого не может начинаться значение YAML (например, «@» или «`»): заключите значение в кавычки"
        case let p where p.contains("did not find expected node content"), let p where p.contains("did not find expected '-' indicator"):
            return "неверная структура списка или отступ: элементы списка пишутся с «- » на одном уровне"
        default:
            return "ошибка в синтаксисе YAML (\(problem)): проверьте отступы, двоеточия и кавычки"
        }
    }
}

/// Reads a YAML mapping key by key, recording what it could not use.
struct MappingReader {
    let reader: YAMLReader
    let node: Node
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []

    /// Nil (with a diagnostic) when the node is not a mapping.
    init?(_ node: Node, reader: YAMLReader, what: String, diagnostics: inout DiagnosticBag) {
        self.reader = reader
        self.node = node
        guard case .mapping(let mapping) = node else {
            diagnostics.error("\(what) должно быть набором «ключ: значение»", at: reader.location(of: node))
            return nil
        }
        for (key, value) in mapping {
            pairs.append((key.string ?? "", key, value))
        }
        keys = pairs.map(\.key)
    }
    /// The keys alone: looking one up does not copy (and retain) the nodes.
    private var keys: [String] = []

    func value(_ key: String) -> Node? { keys.firstIndex(of: key).map { pairs[$0].value } }
    func keyLocation(_ key: String) -> SourceLocation? {
        keys.firstIndex(of: key).map { reader.location(of: pairs[$0].keyNode) }
    }
    func location(_ node: Node) -> SourceLocation { reader.location(of: node) }

    /// A scalar as text; a diagnostic when it is a list or a map.
    func string(_ key: String, _ diagnostics: inout DiagnosticBag) -> Located<String>? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.error("«\(key)» должно быть строкой, а не списком или набором ключей", at: location(node))
            return nil
        }
        if scalar.style == .plain && (scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null") { return nil }
        return Located(scalar.string, at: location(node))
    }

    func bool(_ key: String, _ diagnostics: inout DiagnosticBag) -> Bool? {
        guard let text = string(key, &diagnostics) else { return nil }
        switch text.value.lowercased() {
        case "true", "yes", "да": return true
        case "false", "no", "нет": return false
        default:
            diagnostics.error("«\(key)» принимает true или false, а не «\(text.value)»", at: text.location)
            return nil
        }
    }

    func int(_ key: String, _ diagnostics: inout DiagnosticBag) -> Located<Int>? {
        guard let text = string(key, &diagnostics) else { return nil }
        guard let number = Int(text.value.trimmingWhitespace()) else {
            diagnostics.error("«\(key)» должно быть целым числом, а не «\(text.value)»", at: text.location)
            return nil
        }
        return Located(number, at: text.location)
    }

    /// A list of scalars; a single scalar is read as a list of one.
    func strings(_ key: String, _ diagnostics: inout DiagnosticBag) -> [Located<String>] {
        guard let node = value(key) else { return [] }
        switch node {
        case .scalar(let scalar):
            if scalar.string.isEmpty && scalar.style == .plain { return [] }
            return [Located(scalar.string, at: location(node))]
        case .sequence(let seq):
            var out: [Located<String>] = []
            for item in seq {
                if case .scalar(let scalar) = item {
                    out.append(Located(scalar.string, at: location(item)))
                } else {
                    diagnostics.error("в списке «\(key)» ожидались строки", at: location(item))
                }
            }
            return out
        default:
            diagnostics.error("«\(key)» должно быть списком: [первое, второе]", at: location(node))
            return []
        }
    }

    func date(_ key: String, _ diagnostics: inout DiagnosticBag) -> Located<PageDate>? {
        guard let text = string(key, &diagnostics) else { return nil }
        switch PageDate.read(text.value, key: key) {
        case .success(let date): return Located(date, at: text.location)
        case .failure(let message): diagnostics.error(message.text, at: text.location)
        }
        return nil
    }

    /// Warns about every key not in `known`, suggesting the closest known one.
    func warnUnknownKeys(known: [String], context: String, _ diagnostics: inout DiagnosticBag) {
        for pair in pairs where !known.contains(pair.key) {
            var message = "неизвестный ключ «\(pair.key)» \(context)"
            if let suggestion = Spelling.closest(to: pair.key, among: known) {
                message += ": возможно, имелось в виду «\(suggestion)»"
            } else {
                message += "; допустимые ключи: " + known.sorted().joined(separator: ", ")
            }
            diagnostics.warning(message, at: reader.location(of: pair.keyNode))
        }
    }
}

/// Suggestions for misspelt keys (`tittle` → `title`).
enum Spelling {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = levenshtein(lower, candidate)
            let limit = max(1, min(3, candidate.count / 3))
            if distance <= limit, best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }

    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
