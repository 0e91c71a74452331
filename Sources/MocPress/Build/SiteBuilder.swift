import Foundation

/// Builds portals: the library entry point the CLI and the tests call.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    public let fileSystem: any FileSystem

    /// Themes compiled once and shared by every portal that uses them.
    let themes = ThemeCache()

    public init(options: BuildOptions, fileSystem: any FileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    var loader: ContentLoader { ContentLoader(fileSystem: fileSystem, projectRoot: options.projectRoot) }

    /// The portals this build covers, or a usage diagnostic for an unknown id.
    public func portalIDs() -> Result<[String], Diagnostic> {
        let all = loader.portalIDs()
        if options.portals.isEmpty {
            if all.isEmpty {
                return .failure(Diagnostic(file: "content", line: 0, column: 0, message: "в папке content/ нет ни одного портала: создайте content/<портал>/portal.yaml"))
            }
            return .success(all)
        }
        for id in options.portals where !all.contains(id) {
            let known = all.isEmpty ? "порталов нет" : "есть: " + all.joined(separator: ", ")
            return .failure(Diagnostic(file: "content/\(id)", line: 0, column: 0, message: "нет портала «\(id)» (\(known))"))
        }
        return .success(options.portals)
    }

    /// Loads a portal and its theme and resolves its address: everything a
    /// build or a check starts from.
    func prepare(portal id: String, sink: any OutputSink) -> Result<PortalBuild, DiagnosticBag> {
        var diagnostics = DiagnosticBag()
        let started = Date()
        let loaded = loader.load(portal: id, diagnostics: &diagnostics)
        if Self.timing { Self.report("чтение", since: started) }
        guard let portal = loaded else { return .failure(diagnostics) }
        // A content folder checked out without its themes uses the running project's.
        var themesRoot = options.projectRoot
        if let fallback = options.themesRoot, !fileSystem.isDirectory(Path.join(options.projectRoot, "themes/\(portal.config.theme)")) { themesRoot = fallback }
        guard let theme = themes.theme(name: portal.config.theme, root: themesRoot, load: { diagnostics in
            Theme.load(name: portal.config.theme, projectRoot: themesRoot, fileSystem: fileSystem,
                       requestedAt: portal.config.themeLocation, diagnostics: &diagnostics)
        }, diagnostics: &diagnostics) else {
            return .failure(diagnostics)
        }
        var baseURL = portal.config.baseURL
        if let override = options.baseURL {
            let text = override.replacingOccurrences(of: "{portal}", with: id)
            guard let parsed = BaseURL(text) else {
                diagnostics.error("--base-url должен быть полным адресом вида https://cdt.example.ru/moc/, а не «\(text)»", at: SourceLocation(file: "--base-url", line: 0, column: 0))
                return .failure(diagnostics)
            }
            baseURL = parsed
        }
        var build = PortalBuild(portal: portal, theme: theme, options: options, fileSystem: fileSystem, sink: sink, baseURL: baseURL)
        build.diagnostics = diagnostics
        return .success(build)
    }

    static let timing = ProcessInfo.processInfo.environment["MOCPRESS_TIMING"] != nil

    static func report(_ what: String, since started: Date) {
        FileHandle.standardError.write(Data("\(what): \(Int(Date().timeIntervalSince(started) * 1000)) мс\n".utf8))
    }

    /// Runs steps, turning a stop or a write failure into diagnostics.
    static func run(_ steps: [PortalBuild.Step], on build: inout PortalBuild) {
        do {
            for (number, step) in steps.enumerated() {
                let started = Date()
                try step(&build)
                if timing { report("шаг \(number)", since: started) }
            }
        } catch is PortalBuild.Stop {
            // Errors are in the diagnostics.
        } catch {
            build.diagnostics.error("не удалось записать результат сборки: \(error)", at: SourceLocation(file: "content/\(build.portal.id)", line: 0, column: 0))
        }
    }

    /// Builds one portal into `sink`. Nothing is written when reading finds an error.
    public func build(portal id: String, into sink: any OutputSink) -> PortalBuildReport {
        build(portal: id, into: sink, reuse: nil)
    }

    func build(portal id: String, into sink: any OutputSink, reuse: OutputReuse?) -> PortalBuildReport {
        buildKeeping(portal: id, into: sink, reuse: reuse).report
    }

    /// A build and, when it got as far as writing, the finished `PortalBuild`.
    private func buildKeeping(portal id: String, into sink: any OutputSink, reuse: OutputReuse?) -> (report: PortalBuildReport, build: PortalBuild?) {
        switch prepare(portal: id, sink: sink) {
        case .failure(let diagnostics):
            return (PortalBuildReport(portal: id, diagnostics: diagnostics.sorted, pagesWritten: 0, filesWritten: 0), nil)
        case .success(var build):
            build.reuse = reuse
            Self.run(PortalBuild.steps, on: &build)
            var report = PortalBuildReport(portal: id, diagnostics: build.diagnostics.sorted, pagesWritten: build.pagesWritten, filesWritten: build.filesWritten)
            report.validUntil = build.validUntil
            return (report, build)
        }
    }

    /// Reads and checks a portal as a build would, writing nothing.
    func read(portal id: String) -> Result<PortalBuild, DiagnosticBag> {
        prepare(portal: id, sink: MemorySink()).map { build in
            var build = build
            build.rendersHTML = false
            Self.run(PortalBuild.readingSteps, on: &build)
            return build
        }
    }

    /// Builds one portal into `outputRoot/<portal>/`, replacing the previous
    /// output only when the build succeeded.
    public func buildToDisk(portal id: String, outputRoot: String) -> PortalBuildReport {
        buildToDisk(portal: id, outputRoot: outputRoot, skipUnchanged: true, keepLive: false).report
    }

    /// `skipUnchanged`: a build whose inputs are those of the last one keeps
    /// its output. `keepLive`: the finished build is handed back for `serve`
    /// to update pages in place (nil when the build failed or was skipped).
    func buildToDisk(portal id: String, outputRoot: String, skipUnchanged: Bool, keepLive: Bool) -> (report: PortalBuildReport, live: LivePortal?) {
        let cached = options.cache && fileSystem is DiskFileSystem
            ? BuildCache.Build(portal: id, destination: Path.join(outputRoot, id), options: options, fileSystem: fileSystem) : nil
        if skipUnchanged, let reused = cached?.unchanged() { return (reused, nil) }
        // Something changed: pages whose context did not are linked from the published build.
        let reuse = cached?.reuse()
        let output: AtomicOutput
        do {
            output = try AtomicOutput(outputRoot: outputRoot, portal: id)
        } catch {
            return (PortalBuildReport(portal: id, diagnostics: [Diagnostic(file: outputRoot, line: 0, column: 0, message: "не удалось создать папку для сборки: \(error)")], pagesWritten: 0, filesWritten: 0), nil)
        }
        var (report, finished) = buildKeeping(portal: id, into: DiskSink(root: output.temporary), reuse: reuse)
        report.pagesReused = reuse?.reusedCount ?? 0
        var live: LivePortal?
        if report.succeeded {
            do {
                try output.commit()
                cached?.record(report, pages: reuse?.current ?? [:])
                if keepLive, let finished {
                    live = LivePortal(build: finished, destination: output.destination, cache: cached, keys: reuse?.current ?? [:], diagnostics: report.diagnostics)
                }
            } catch {
                output.discard()
                report.diagnostics.append(Diagnostic(file: output.destination, line: 0, column: 0, message: "не удалось заменить прежнюю сборку: \(error)"))
            }
        } else {
            output.discard()
            cached?.forget()
        }
        return (report, live)
    }
}

/// Compiled themes by folder and name. A theme that loaded with any
/// diagnostic is not kept: its messages name the portal that asked for it.
final class ThemeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var themes: [String: Theme] = [:]

    func theme(name: String, root: String, load: (inout DiagnosticBag) -> Theme?, diagnostics: inout DiagnosticBag) -> Theme? {
        let key = root + "\u{0}" + name
        lock.lock()
        let cached = themes[key]
        lock.unlock()
        if let cached { return cached }
        var own = DiagnosticBag()
        let theme = load(&own)
        diagnostics.append(contentsOf: own.items)
        if let theme, own.items.isEmpty {
            lock.lock()
            themes[key] = theme
            lock.unlock()
        }
        return theme
    }
}
