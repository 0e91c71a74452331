import Crypto
import Foundation

/// `.mocpress-cache/` of a project: what the last successful build of each
/// portal was made from, so that a build with nothing changed is skipped.
///
/// The key is a SHA-256 over the bytes of every input — each file of the
/// portal's folder, every file of `themes/`, the mocpress executable itself
/// and the build options — never over modification times. Time is an input
/// too: a build stays valid only until the next midnight in the portal's
/// time zone (events turn past, the acts package year changes) and until the
/// first unpublished future-dated page comes due. A skipped build replays the
/// diagnostics of the build it stands for, so warnings never go quiet.
struct BuildCache: Sendable {
    /// `<project>/.mocpress-cache`.
    let folder: String

    struct Entry: Codable, Equatable {
        var inputs: String
        /// Seconds since 1970 after which the build must be redone.
        var validUntil: Double
        var output: String
        /// The inode of the output folder the build swapped in: a folder
        /// replaced or rebuilt by hand is not trusted.
        var outputInode: UInt64
        var pagesWritten: Int
        var filesWritten: Int
        var diagnostics: [CachedDiagnostic]
    }

    struct CachedDiagnostic: Codable, Equatable {
        var file: String
        var line: Int
        var column: Int
        var error: Bool
        var message: String
        var code: String?

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.file
            line = diagnostic.line
            column = diagnostic.column
            error = diagnostic.severity == .error
            message = diagnostic.message
            code = diagnostic.code
        }

        var diagnostic: Diagnostic {
            var d = Diagnostic(file: file, line: line, column: column, message: message)
            d.severity = error ? .error : .warning
            d.code = code
            return d
        }
    }

    /// One entry per portal and output folder: `build` into site/ and
    /// `serve` into .mocpress-cache/serve/ do not overwrite each other's.
    func name(_ portal: String, _ output: String) -> String {
        "\(portal)-\(Digest.sha256(output).prefix(12))"
    }

    func entryPath(_ portal: String, _ output: String) -> String { Path.join(folder, name(portal, output) + ".json") }

    func entry(_ portal: String, output: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: entryPath(portal, output)) else { return nil }
        return try? JSONDecoder().decode(Entry.self, from: data)
    }

    /// Written after a successful build; a cache that cannot be written only
    /// means the next build is a full one.
    func store(_ entry: Entry, for portal: String) {
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let ignore = Path.join(folder, ".gitignore")
        if !FileManager.default.fileExists(atPath: ignore) { try? Data("*\n".utf8).write(to: URL(fileURLWithPath: ignore)) }
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? data.write(to: URL(fileURLWithPath: entryPath(portal, entry.output)), options: .atomic)
    }

    func forget(_ portal: String, output: String) {
        try? FileManager.default.removeItem(atPath: entryPath(portal, output))
        try? FileManager.default.removeItem(atPath: outputsPath(portal, output))
    }

    // MARK: - Keys of the rendered pages (`OutputReuse`)

    func outputsPath(_ portal: String, _ output: String) -> String { Path.join(folder, name(portal, output) + ".pages") }

    /// `key<TAB>file` lines of the last build, when it built into `output`
    /// and that folder is still the one it swapped in.
    func outputs(portal: String, output: String) -> [String: String] {
        guard let entry = entry(portal, output: output), entry.output == output, Self.inode(of: output) == entry.outputInode,
              let bytes = try? DiskFileSystem().contents(of: outputsPath(portal, output)) else { return [:] }
        var keys: [String: String] = [:]
        for line in bytes.split(separator: 0x0A) {
            guard let tab = line.firstIndex(of: 0x09) else { continue }
            keys[String(decoding: line[(tab + 1)...], as: UTF8.self)] = String(decoding: line[..<tab], as: UTF8.self)
        }
        return keys
    }

    func storeOutputs(_ keys: [String: String], for portal: String, output: String) {
        var text = ""
        for (file, key) in keys.sorted(by: { $0.key < $1.key }) where !file.contains("\n") { text += key + "\t" + file + "\n" }
        try? Data(text.utf8).write(to: URL(fileURLWithPath: outputsPath(portal, output)), options: .atomic)
    }

    /// The report of the cached build when it still stands for these inputs,
    /// at this moment, in this output folder.
    func reusable(portal: String, inputs: String, now: Date, output: String) -> PortalBuildReport? {
        guard let entry = entry(portal, output: output), entry.inputs == inputs, now.timeIntervalSince1970 < entry.validUntil,
              entry.output == output, Self.inode(of: output) == entry.outputInode else { return nil }
        return PortalBuildReport(portal: portal, diagnostics: entry.diagnostics.map(\.diagnostic),
                                 pagesWritten: entry.pagesWritten, filesWritten: entry.filesWritten, reused: true)
    }

    /// One portal's build into one output folder, as the cache sees it.
    struct Build {
        let cache: BuildCache
        let portal: String
        let destination: String
        let now: Date
        let themesDigest: String?
        let inputs: String?

        init(portal: String, destination: String, options: BuildOptions, fileSystem: any FileSystem) {
            cache = BuildCache(folder: Path.join(options.projectRoot, ".mocpress-cache"))
            self.portal = portal
            self.destination = destination
            now = options.now
            var themeFolders = [Path.join(options.projectRoot, "themes")]
            if let fallback = options.themesRoot { themeFolders.append(Path.join(fallback, "themes")) }
            let themes = BuildCache.treeDigest(themeFolders, fileSystem: fileSystem)
            themesDigest = themes
            inputs = themes.flatMap {
                BuildCache.inputs(portalFolder: Path.join(options.projectRoot, "content/\(portal)"), themesDigest: $0, options: options, fileSystem: fileSystem)
            }
        }

        /// The last build's report when nothing it was made from changed.
        func unchanged() -> PortalBuildReport? {
            inputs.flatMap { cache.reusable(portal: portal, inputs: $0, now: now, output: destination) }
        }

        /// The keys of the published pages, to link what did not change.
        func reuse() -> OutputReuse? {
            themesDigest.map {
                OutputReuse(previousRoot: destination, previous: cache.outputs(portal: portal, output: destination),
                            salt: BuildCache.executableDigest + $0)
            }
        }

        /// After the output was swapped in.
        func record(_ report: PortalBuildReport, pages: [String: String]) {
            guard let inputs, let inode = BuildCache.inode(of: destination) else { return }
            cache.store(Entry(inputs: inputs, validUntil: (report.validUntil ?? now).timeIntervalSince1970, output: destination,
                              outputInode: inode, pagesWritten: report.pagesWritten, filesWritten: report.filesWritten,
                              diagnostics: report.diagnostics.map(CachedDiagnostic.init)),
                        for: portal)
            cache.storeOutputs(pages, for: portal, output: destination)
        }

        /// After `serve` rewrote pages in the output folder itself: the
        /// recorded inputs no longer describe it, so the next build is never
        /// skipped, and `pages` are the keys of what the folder now holds.
        func recordInPlace(diagnostics: [Diagnostic], pages: [String: String]) {
            guard var entry = cache.entry(portal, output: destination) else { return }
            entry.inputs = "changed in place"
            entry.diagnostics = diagnostics.map(CachedDiagnostic.init)
            cache.store(entry, for: portal)
            cache.storeOutputs(pages, for: portal, output: destination)
        }

        /// A failed build: the next one starts from nothing.
        func forget() { cache.forget(portal, output: destination) }
    }

    static func inode(of path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR ? UInt64(info.st_ino) : nil
    }

    // MARK: - Fingerprints

    /// SHA-256 of every input of a portal's build.
    static func inputs(portalFolder: String, themesDigest: String, options: BuildOptions, fileSystem: any FileSystem) -> String? {
        guard let portal = treeDigest([portalFolder], fileSystem: fileSystem) else { return nil }
        let options = "drafts=\(options.drafts) future=\(options.future) base=\(options.baseURL ?? "-")"
        let all = ["mocpress-cache-2", executableDigest, themesDigest, portal, options].joined(separator: "\u{0}")
        return Digest.sha256(all)
    }

    /// SHA-256 of names, kinds and bytes of everything under the folders.
    static func treeDigest(_ folders: [String], fileSystem: any FileSystem) -> String? {
        var hasher = SHA256()
        for folder in folders {
            hasher.update(data: Array("folder \(folder)\u{0}".utf8))
            guard fileSystem.isDirectory(folder) else { hasher.update(data: Array("absent\u{0}".utf8)); continue }
            guard addTree(folder, "", into: &hasher, fileSystem: fileSystem) else { return nil }
        }
        return Digest.hex(hasher.finalize())
    }

    /// Names, kinds and bytes of everything under `root`, in a fixed order.
    private static func addTree(_ root: String, _ relative: String, into hasher: inout SHA256, fileSystem: any FileSystem) -> Bool {
        let directory = relative.isEmpty ? root : root + "/" + relative
        guard let entries = try? fileSystem.typedEntries(of: directory) else { return false }
        for entry in entries {
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            switch entry.kind {
            case .directory:
                hasher.update(data: Array("d \(path)\u{0}".utf8))
                guard addTree(root, path, into: &hasher, fileSystem: fileSystem) else { return false }
            case .symbolicLink:
                // A link is an error of the build; its target is not read.
                hasher.update(data: Array("l \(path)\u{0}".utf8))
            case .other:
                // A pipe or a device is an error of the build too, and is never opened.
                hasher.update(data: Array("o \(path)\u{0}".utf8))
            case .file:
                guard let bytes = try? fileSystem.contents(of: root + "/" + path) else { return false }
                hasher.update(data: Array("f \(path) \(bytes.count)\u{0}".utf8))
                hasher.update(data: bytes)
            }
        }
        return true
    }

    /// The running executable's own bytes: another mocpress may build differently.
    static let executableDigest: String = {
        guard let bytes = try? DiskFileSystem().contents(of: "/proc/self/exe") else { return "unknown-\(UUID().uuidString)" }
        return Digest.sha256(bytes)
    }()
}

extension PortalBuild {
    /// Until when this build's output stays right: the next midnight in the
    /// portal's time zone, or earlier when a future-dated page comes due.
    var validUntil: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = portal.config.timeZone
        let midnight = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: options.now)) ?? options.now
        guard !options.future else { return midnight }
        let due = portal.pages.compactMap { page -> Date? in
            guard let date = page.date else { return nil }
            let instant = date.instant(in: portal.config.timeZone)
            return instant > options.now ? instant : nil
        }
        return ([midnight] + due).min()!
    }
}
