import FlyingFox
import FlyingSocks
import Foundation

/// `mocpress serve`: builds a portal into `.mocpress-cache/serve/`, serves it
/// on 127.0.0.1 under its base path, and rebuilds it whenever a file of the
/// portal or of the themes changes.
///
/// The files on disk are exactly what `mocpress build` would write for a
/// `base_url` of `http://127.0.0.1:PORT<base path>`; the live-reload script is
/// added to HTML only as it is sent.
public final class DevServer: @unchecked Sendable {
    public struct Options: Sendable {
        /// The project folder with `content/` and `themes/`.
        public var projectRoot: String
        public var portal: String
        /// 0 asks the system for a free port.
        public var port: UInt16
        public var drafts: Bool
        public var future: Bool
        /// Quiet time that ends a burst of file events.
        public var debounce: TimeInterval

        public init(projectRoot: String = ".", portal: String, port: UInt16 = DevServer.defaultPort,
                    drafts: Bool = false, future: Bool = false, debounce: TimeInterval = 0.05) {
            self.projectRoot = projectRoot
            self.portal = portal
            self.port = port
            self.drafts = drafts
            self.future = future
            self.debounce = debounce
        }
    }

    /// Why the server did not start, in words for the user.
    public enum StartError: Error, CustomStringConvertible {
        case portInUse(UInt16)
        case cannotListen(String)
        case cannotWatch(String)

        public var description: String {
            switch self {
            case .portInUse(let port):
                return "порт \(port) уже занят (может быть, mocpress serve уже запущен): укажите другой, например --port 0 — любой свободный"
            case .cannotListen(let reason):
                return "не удалось открыть порт на 127.0.0.1: \(reason)"
            case .cannotWatch(let reason):
                return reason
            }
        }
    }

    /// The port Hugo uses, so habits carry over.
    public static let defaultPort: UInt16 = 1313
    static let host = "127.0.0.1"

    public let options: Options
    /// Built pages: `<project>/.mocpress-cache/serve/`, one folder per portal.
    public let outputRoot: String
    private let projectRoot: String
    let state: ServeState
    private let onRebuild: @Sendable (RebuildResult) -> Void
    /// One build at a time: the output folder is swapped as a whole.
    private let rebuilding = NSLock()
    /// The last good build, for updating edited pages alone (under `rebuilding`).
    private var live: LivePortal?
    private let lock = NSLock()
    private var server: HTTPServer?
    private var serverTask: Task<Void, Never>?
    private var heartbeat: Task<Void, Never>?
    private var watcher: Watcher?
    private var boundPort: UInt16 = 0

    /// `onRebuild` is called after every build, the first one included, on
    /// the thread that built.
    public init(options: Options, onRebuild: @escaping @Sendable (RebuildResult) -> Void = { _ in }) {
        self.options = options
        projectRoot = URL(fileURLWithPath: options.projectRoot).standardizedFileURL.path
        outputRoot = projectRoot + "/.mocpress-cache/serve"
        self.onRebuild = onRebuild
        state = ServeState(outputDirectory: outputRoot + "/" + options.portal, basePath: "/")
        if let basePath = readBasePath() { state.setBasePath(basePath) }
    }

    public var port: UInt16 {
        lock.lock()
        defer { lock.unlock() }
        return boundPort
    }

    /// `http://127.0.0.1:1313/moc/`
    public var portalURL: String { "http://\(Self.host):\(port)\(state.basePath)" }

    public var status: ServeStatus { state.status }

    /// Listens on 127.0.0.1, starts watching, and builds the portal once.
    /// Returns when the first build is done (successful or not).
    public func start() async throws {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: Self.host, port: options.port)
        } catch {
            throw StartError.cannotListen("\(error)")
        }
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: ServeHandler(state: state))
        let failure = FailureBox()
        let task = Task {
            do { try await server.run() } catch { failure.set(error) }
        }
        lock.withLock {
            self.server = server
            self.serverTask = task
        }
        // FlyingFox's waitUntilListening would wait out its timeout when the bind fails.
        let deadline = Date().addingTimeInterval(10)
        while await !server.isListening {
            if let error = failure.value {
                if case .failed(_, let code, _) = error as? SocketError, code == EADDRINUSE { throw StartError.portInUse(options.port) }
                throw StartError.cannotListen(error.localizedDescription)
            }
            if Date() > deadline { throw StartError.cannotListen("сервер не ответил за 10 с") }
            try await Task.sleep(nanoseconds: 2_000_000)
        }
        guard case .ip4(_, let port)? = await server.listeningAddress else { throw StartError.cannotListen("неизвестный адрес") }
        lock.withLock { boundPort = port }

        // Watching starts before the first build, so a file saved while it runs is the next rebuild.
        let roots = [projectRoot + "/content/" + options.portal, projectRoot + "/themes"]
        let watcher = Watcher(roots: roots, debounce: options.debounce) { [weak self] paths in
            guard let self else { return }
            _ = self.rebuild(changed: paths.map(self.relative))
        }
        do {
            try watcher.start()
        } catch {
            throw StartError.cannotWatch("\(error)")
        }
        lock.withLock {
            self.watcher = watcher
            heartbeat = Task { [state] in
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: 20_000_000_000)
                    state.events.broadcast(EventHub.heartbeat)
                }
            }
        }
        // A build is seconds of CPU work: it runs on its own thread, not on the
        // concurrency pool that answers requests.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                _ = self.rebuild(changed: [])
                done.resume()
            }
        }
    }

    /// Rebuilds the portal after `changed` (project-relative paths; empty for
    /// the first build). An edit of pages' text is written in place page by
    /// page (`LivePortal`); anything else is `buildToDisk` of the portal,
    /// which links unchanged pages from the last build (`.mocpress-cache/`).
    /// A failed build leaves the last good output in place.
    @discardableResult
    public func rebuild(changed: [String]) -> RebuildResult {
        rebuilding.lock()
        defer { rebuilding.unlock() }
        let started = Date()
        let previous = state.status
        if let live, previous.build > 0 {
            switch live.update(changed: Set(changed), now: started) {
            case .unchanged:
                return finish(previous, changed: changed, pages: 0, since: started)
            case .updated(let pages, let diagnostics):
                return finish(state.finish(ok: true, diagnostics: diagnostics, basePath: state.basePath), changed: changed, pages: pages, since: started)
            case .failed(let diagnostics):
                return finish(state.finish(ok: false, diagnostics: diagnostics, basePath: state.basePath), changed: changed, pages: 0, since: started)
            case .needsBuild:
                break
            }
        }
        // portal.yaml may have changed the base path; a broken one keeps the old.
        let basePath = readBasePath() ?? state.basePath
        let options = BuildOptions(projectRoot: projectRoot, portals: [self.options.portal], drafts: self.options.drafts,
                                   future: self.options.future, baseURL: "http://\(Self.host):\(port)\(basePath)", now: started)
        // A new builder each time: its theme cache would keep templates that were just edited.
        // Without a build in memory the unchanged portal is built anyway, to have one.
        let (report, kept) = SiteBuilder(options: options).buildToDisk(portal: self.options.portal, outputRoot: outputRoot,
                                                                      skipUnchanged: live != nil, keepLive: true)
        if let kept { live = kept } else if !report.reused { live = nil }
        // Saved without a change (the cache kept the build): open tabs need no reload.
        let status = report.reused && previous.ok && previous.build > 0 && basePath == state.basePath
            ? previous
            : state.finish(ok: report.succeeded, diagnostics: report.diagnostics, basePath: basePath)
        return finish(status, changed: changed, pages: report.pagesWritten, since: started)
    }

    private func finish(_ status: ServeStatus, changed: [String], pages: Int, since started: Date) -> RebuildResult {
        let result = RebuildResult(status: status, changed: changed, pagesWritten: pages, seconds: Date().timeIntervalSince(started))
        onRebuild(result)
        return result
    }

    /// Stops watching, ends the open event streams and closes the port.
    public func stop() async {
        let (watcher, heartbeat, server, task) = lock.withLock { (self.watcher, self.heartbeat, self.server, self.serverTask) }
        watcher?.stop()
        heartbeat?.cancel()
        state.events.close()
        // FlyingFox's accept loop does not notice its socket closing and waits out the
        // whole timeout before cancelling: a short one lets responses under way finish.
        await server?.stop(timeout: 0.1)
        task?.cancel()
        await task?.value
        lock.withLock {
            self.watcher = nil
            self.heartbeat = nil
            self.server = nil
            self.serverTask = nil
        }
    }

    /// The base path of the portal's `base_url`, nil when portal.yaml cannot be read.
    private func readBasePath() -> String? {
        let file = "content/\(options.portal)/portal.yaml"
        guard let bytes = FileManager.default.contents(atPath: projectRoot + "/" + file) else { return nil }
        var diagnostics = DiagnosticBag()
        let text = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...], as: UTF8.self)
        return PortalConfig.read(text: text, file: file, diagnostics: &diagnostics)?.baseURL.path
    }

    /// `content/moc/a.md` for `/abs/project/content/moc/a.md`.
    private func relative(_ path: String) -> String {
        path.hasPrefix(projectRoot + "/") ? String(path.dropFirst(projectRoot.count + 1)) : path
    }

    /// The portal `mocpress serve` shows when it is given none: the only one,
    /// or a usage message listing them.
    public static func choosePortal(projectRoot: String, requested: String?) -> Result<String, Diagnostic> {
        let all = ContentLoader(projectRoot: projectRoot).portalIDs()
        if let requested {
            if all.contains(requested) { return .success(requested) }
            let known = all.isEmpty ? "порталов нет" : "есть: " + all.joined(separator: ", ")
            return .failure(Diagnostic(file: "content/\(requested)", line: 0, column: 0, message: "нет портала «\(requested)» (\(known))"))
        }
        switch all.count {
        case 0:
            return .failure(Diagnostic(file: "content", line: 0, column: 0, message: "в папке content/ нет ни одного портала: создайте content/<портал>/portal.yaml"))
        case 1:
            return .success(all[0])
        default:
            return .failure(Diagnostic(file: "content", line: 0, column: 0,
                                       message: "порталов несколько (\(all.joined(separator: ", "))): укажите, какой показать, например mocpress serve \(all[0])"))
        }
    }
}

/// The error a background task ended with, read by the task that started it.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?

    func set(_ error: any Error) { lock.withLock { self.error = error } }
    var value: (any Error)? { lock.withLock { error } }
}
