import Foundation

/// What an open browser tab learns about the served portal: which rebuild
/// it is at and whether that rebuild succeeded. Served as JSON at
/// `/__mocpress/status` and pushed to `/__mocpress/events`.
public struct ServeStatus: Sendable, Equatable {
    /// Finished builds, the first one included. A page remembers the number it
    /// was served at and reloads when a later build succeeds.
    public var build: Int
    /// The last build succeeded; when false the previous good output is served.
    public var ok: Bool
    /// Everything the last build reported, errors and warnings.
    public var diagnostics: [Diagnostic]

    public init(build: Int, ok: Bool, diagnostics: [Diagnostic]) {
        self.build = build
        self.ok = ok
        self.diagnostics = diagnostics
    }

    /// `{"build": 3, "ok": false, "diagnostics": [{"file": …, "line": …, …}]}`
    var json: JSONValue {
        .object([
            ("build", .number(build)),
            ("ok", .bool(ok)),
            ("diagnostics", .array(diagnostics.map { diagnostic in
                .object([
                    ("file", .string(diagnostic.file)),
                    ("line", .number(diagnostic.line)),
                    ("column", .number(diagnostic.column)),
                    ("severity", .string(diagnostic.severity.rawValue)),
                    ("message", .string(diagnostic.message)),
                ])
            })),
        ])
    }
}

/// The outcome of `DevServer.rebuild(changed:)`.
public struct RebuildResult: Sendable {
    public var status: ServeStatus
    /// Project-relative paths that triggered the rebuild; empty for the first build.
    public var changed: [String]
    public var pagesWritten: Int
    public var seconds: Double

    public var succeeded: Bool { status.ok }

    /// The line printed after each rebuild: «Пересобрано за 0,12 с».
    public var summary: String {
        let time = String(format: "%.2f", seconds).replacingOccurrences(of: ".", with: ",")
        if succeeded {
            let verb = changed.isEmpty ? "Собрано" : "Пересобрано"
            let warnings = status.diagnostics.filter { $0.severity == .warning }.count
            let tail = warnings > 0 ? "; " + RussianPlural.count(warnings, "предупреждение", "предупреждения", "предупреждений") : ""
            return "\(verb) за \(time) с\(tail)"
        }
        let errors = status.diagnostics.filter { $0.severity == .error }.count
        return "Сборка не удалась (\(RussianPlural.count(errors, "ошибка", "ошибки", "ошибок"))) за \(time) с — в браузере показана последняя удачная версия"
    }
}
