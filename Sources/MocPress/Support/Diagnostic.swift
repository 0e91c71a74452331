/// A problem found in the content: where it is and what to change.
///
/// Diagnostics are values: loaders collect all of them and a run reports
/// every problem at once, not the first one only.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning

        /// The Russian word printed in front of the message.
        public var label: String { self == .error ? "ошибка" : "предупреждение" }
    }

    /// Path of the file as the user sees it (relative to the project root).
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    public var severity: Severity
    /// A Russian message that says what is wrong and how to fix it.
    public var message: String
    /// What kind of problem this is, for reports that group them (`missing-block`, …).
    public var code: String?

    public init(file: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String, code: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.code = code
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(file: location.file, line: location.line, column: location.column, severity: .error, message: message)
    }

    public static func warning(_ message: String, at location: SourceLocation, code: String? = nil) -> Diagnostic {
        Diagnostic(file: location.file, line: location.line, column: location.column, severity: .warning, message: message, code: code)
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// `content/a/b.md:3:7: ошибка: …` — the form editors and CI logs link to.
    /// Always one line: a value quoted from content cannot start a line of its
    /// own (a CI runner reads `::error::…` lines as commands) nor reach the
    /// terminal as an escape sequence.
    public var description: String {
        "\(file):\(max(line, 1)):\(max(column, 1)): \(severity.label): \(message)".printable
    }
}

extension String {
    /// The text as one line a terminal shows as is: line breaks and tabs
    /// become spaces, other control characters (ESC, BEL, C1) are dropped.
    var printable: String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0..<0x20, 0x7F...0x9F: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

/// A place in a source file.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Collects diagnostics of one run.
public struct DiagnosticBag: Error, Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    public mutating func error(_ message: String, at location: SourceLocation) {
        items.append(.error(message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation, code: String? = nil) {
        items.append(.warning(message, at: location, code: code))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }

    /// Diagnostics in a stable order: by file, line, column.
    public var sorted: [Diagnostic] {
        items.sorted { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
    }
}
