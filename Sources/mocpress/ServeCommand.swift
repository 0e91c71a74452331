import ArgumentParser
import Dispatch
import Foundation
import MocPress

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Показать портал на http://127.0.0.1 и пересобирать его при каждой правке.",
        discussion: """
            Собирает портал в .mocpress-cache/serve/ (site/ не трогает), открывает его по адресу \
            http://127.0.0.1:ПОРТ<путь из base_url>, следит за content/<портал>/ и themes/ и после \
            каждой правки пересобирает портал и обновляет открытые вкладки. Если сборка не удалась, \
            в браузере поверх последней удачной версии показаны ошибки с файлом и строкой.
            """
    )

    @Argument(help: "Портал (папка в content/); можно не указывать, если портал один.")
    var portal: String?

    @Option(name: .long, help: "Порт на 127.0.0.1 (по умолчанию 1313; 0 — любой свободный).")
    var port: Int = Int(DevServer.defaultPort)

    @Flag(name: .long, help: "Показывать и черновики (draft: true).")
    var drafts = false

    @Flag(name: .long, help: "Показывать и страницы с датой в будущем.")
    var future = false

    @Option(name: .long, help: "Папка проекта с content/ и themes/.")
    var source: String = "."

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("порт — число от 0 до 65535, а не \(port)") }
    }

    func run() async throws {
        let id: String
        switch DevServer.choosePortal(projectRoot: source, requested: portal) {
        case .success(let chosen): id = chosen
        case .failure(let diagnostic):
            printError("mocpress: \(diagnostic.message)")
            throw Exit.usage
        }
        let options = DevServer.Options(projectRoot: source, portal: id, port: UInt16(port), drafts: drafts, future: future)
        let printed = PrintedWarnings()
        let server = DevServer(options: options) { result in
            for diagnostic in printed.worthPrinting(result.status.diagnostics) { printError(diagnostic.description) }
            if !result.changed.isEmpty && isInteractive {
                let shown = result.changed.prefix(3).joined(separator: ", ")
                printError("Изменено: \(shown)\(result.changed.count > 3 ? " и ещё \(result.changed.count - 3)" : "")")
            }
            printError(result.summary)
        }
        // Ctrl+C stops the server and the watcher and exits 0; the signal is
        // taken over before the server starts so it cannot kill a half-written build.
        let interrupted = InterruptSignal()
        do {
            try await server.start()
        } catch let error as DevServer.StartError {
            printError("mocpress: \(error)")
            await server.stop()
            if case .portInUse = error { throw Exit.usage }
            throw ExitCode.failure
        }
        // Unbuffered: a script or a test reads the address while the server runs.
        FileHandle.standardOutput.write(Data("Портал \(id): \(server.portalURL) — Ctrl+C для остановки\n".utf8))
        await interrupted.wait()
        printError("Остановка…")
        await server.stop()
    }
}

/// Waits for SIGINT or SIGTERM (Ctrl+C, or a stop from a process manager).
final class InterruptSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Void, Never>?
    private var fired = false

    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            lock.lock()
            if fired {
                lock.unlock()
                continuation.resume()
            } else {
                self.continuation = continuation
                lock.unlock()
            }
        }
    }

    private func fire() {
        lock.lock()
        fired = true
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume()
    }
}

/// Errors are printed after every build; a warning only the first time it
/// appears — a large portal's hundreds of warnings are not repeated on each save
/// (the summary line still counts them).
private final class PrintedWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var shown: Set<String> = []

    func worthPrinting(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        lock.withLock {
            let current = Set(diagnostics.filter { $0.severity == .warning }.map(\.description))
            defer { shown = current }
            return diagnostics.filter { $0.severity == .error || !shown.contains($0.description) }
        }
    }
}
