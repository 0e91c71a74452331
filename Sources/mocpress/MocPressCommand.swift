import ArgumentParser
import Foundation
import MocPress

@main
struct MocPressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mocpress",
        abstract: "Генератор порталов муниципальных опорных центров дополнительного образования детей.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, AuditCommand.self, ScheduleCommand.self, NewCommand.self, ImportCommand.self, ServeCommand.self]
    )
}

/// Exit codes of every command (SPEC 4).
enum Exit {
    static let ok = ExitCode(0)
    static let checkFailed = ExitCode(1)
    static let invalidContent = ExitCode(2)
    static let usage = ExitCode(64)
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Progress lines only for a person at a terminal, never in CI logs.
var isInteractive: Bool {
    isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
}

/// «1 портал», «3 портала», «5 порталов».
func russianCount(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
    RussianPlural.count(n, one, few, many)
}
