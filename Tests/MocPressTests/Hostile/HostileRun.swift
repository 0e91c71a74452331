import Foundation
@testable import MocPress

/// One run of the real binary over the hostile portals: `build`, `check` in
/// every format, the half-year report and `audit`; every file of the project
/// folder before and after, kept in memory (the folder is removed at once).
struct HostileRun: Sendable {
    struct Command: Sendable {
        var arguments: [String]
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let asOf = "2023-06-20"
    static let reportFormats = ["text", "json", "csv", "junit", "html"]

    var commands: [Command] = []
    /// Every file of the project before the commands ran.
    var before: [String: Data] = [:]
    /// Every file of the project after the run, by path inside it.
    var after: [String: Data] = [:]
    /// Paths that are symbolic links after the run.
    var links: [String] = []
    var setupError: String?

    static let shared = HostileRun.make()

    /// The hostile portal's HTML pages, each read once by the tokenizer.
    static let pages: [(path: String, html: String, document: InertOutput.Document)] =
        shared.files(under: "site/\(Hostile.portal)", ext: "html").map { ($0.path, $0.text, InertOutput.parse($0.text)) }

    func text(_ path: String) -> String? { after[path].map { String(decoding: $0, as: UTF8.self) } }

    func command(_ first: String, _ second: String? = nil) -> Command? {
        commands.first { $0.arguments.first == first && (second == nil || $0.arguments.contains(second!)) }
    }

    /// Files under `folder/` with their text.
    func files(under folder: String, ext: String) -> [(path: String, text: String)] {
        after.keys.filter { $0.hasPrefix(folder + "/") && $0.hasSuffix("." + ext) }.sorted().map { ($0, text($0)!) }
    }

    static func make() -> HostileRun {
        var run = HostileRun()
        do {
            let project = try DiskProject()
            defer { project.remove() }
            for (path, text) in Hostile.files().merging(Hostile.brokenFiles(), uniquingKeysWith: { a, _ in a }) {
                try project.write(path, text)
            }
            try FileManager.default.createDirectory(atPath: project.root + "/reports", withIntermediateDirectories: true)
            run.before = listing(project.root).files
            var invocations: [[String]] = [
                ["build", Hostile.portal],
                ["build", Hostile.broken],
            ]
            for format in reportFormats {
                invocations.append(["check", Hostile.portal, "--as-of", asOf, "--format", format, "--output", "reports/check.\(format)"])
            }
            invocations.append(["check", Hostile.portal, "--as-of", asOf, "--report", "2023-H1", "--output", "reports"])
            invocations.append(["audit", "--output", "audit", "--as-of", asOf])
            for arguments in invocations {
                let result = try project.run(arguments)
                run.commands.append(Command(arguments: arguments, status: result.status, stdout: result.stdout, stderr: result.stderr))
            }
            let (files, links) = listing(project.root)
            run.after = files
            run.links = links
        } catch {
            run.setupError = "\(error)"
        }
        return run
    }

    /// Every file under `root` (symbolic links listed apart, not followed).
    static func listing(_ root: String) -> (files: [String: Data], links: [String]) {
        var files: [String: Data] = [:]
        var links: [String] = []
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: root) else { return ([:], []) }
        for case let path as String in enumerator {
            let full = root + "/" + path
            if let type = try? fm.attributesOfItem(atPath: full)[.type] as? FileAttributeType, type == .typeSymbolicLink {
                links.append(path)
                continue
            }
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = fm.contents(atPath: full) ?? Data()
            }
        }
        return (files, links)
    }
}
