import Foundation
import XCTest
@testable import MocPress

/// The corpus of broken portals in `Tests/BrokenPortals/`: each case, laid
/// over a working portal that was built once, makes `mocpress build` stop
/// with exit code 2 and exactly the errors in its `expected` file, leaves
/// the previous `site/` byte for byte as it was and writes nothing else.
///
/// A case is a folder `cases/<name>/` with `files/` (laid over the project,
/// paths from the project root), `expected` (the `ошибка:` lines of stderr,
/// in order) and, for what git cannot hold, `special` — one action per line:
/// `big PATH MB`, `mkdir PATH`, `fifo PATH`, `unreadable PATH`, `symlink PATH TARGET`.
final class BrokenPortalTests: XCTestCase {
    static let corpus = DiskProject.repository + "/Tests/BrokenPortals"
    var template: DiskProject!

    override func setUpWithError() throws {
        template = try DiskProject()
        try FileManager.default.removeItem(atPath: template.root + "/content")
        try FileManager.default.copyItem(atPath: Self.corpus + "/base/content", toPath: template.root + "/content")
        let built = try template.run(["build"])
        XCTAssertEqual(built.status, 0, "the base portal builds: \(built.stderr)")
    }

    override func tearDown() { template?.remove() }

    var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Self.corpus + "/cases")) ?? []).sorted()
    }

    func testEveryBrokenPortalStopsWithItsErrorsAndLeavesTheSiteAsItWas() throws {
        let names = cases
        XCTAssertGreaterThanOrEqual(names.count, 40)
        let failures = Slots<String>(count: names.count)
        let template = self.template.root
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            do {
                failures[i] = try Self.problems(of: names[i], template: template)
            } catch {
                failures[i] = "\(names[i]): \(error)"
            }
        }
        for case let failure? in failures.values { XCTFail(failure) }
    }

    /// Nil when the case behaves; otherwise what went wrong.
    static func problems(of name: String, template: String) throws -> String? {
        let folder = Self.corpus + "/cases/" + name
        let root = NSTemporaryDirectory() + "mocpress-broken-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: template, toPath: root)
        defer {
            _ = chmodTree(root)
            try? FileManager.default.removeItem(atPath: root)
        }
        let project = DiskProject(root: root)
        let site = Tree(root + "/site")
        if FileManager.default.fileExists(atPath: folder + "/files") {
            for path in try FileManager.default.subpathsOfDirectory(atPath: folder + "/files") {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder + "/files/" + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                let target = root + "/" + path
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try? FileManager.default.removeItem(atPath: target)
                try FileManager.default.copyItem(atPath: folder + "/files/" + path, toPath: target)
            }
        }
        if let special = try? String(contentsOfFile: folder + "/special", encoding: .utf8) {
            for line in special.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard words.count >= 2 else { continue }
                let target = root + "/" + words[1]
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                switch words[0] {
                case "big": try writeBigPage(target, megabytes: Int(words[2]) ?? 50)
                case "mkdir": try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
                case "fifo": guard mkfifo(target, 0o644) == 0 else { return "\(name): mkfifo failed" }
                case "symlink": try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: words[2])
                case "unreadable":
                    // Permissions do not stop root: the case is real only for a normal user.
                    if geteuid() == 0 { return nil }
                    chmod(target, 0)
                default: return "\(name): unknown special action «\(words[0])»"
                }
            }
        }
        let others = Tree(root, skipping: ["site", ".mocpress-cache"])
        let result = try project.run(["build"], timeout: 60)
        var problems: [String] = []
        if result.status != 2 { problems.append("exit \(result.status), expected 2") }
        let expected = (try String(contentsOfFile: folder + "/expected", encoding: .utf8)).split(separator: "\n").map(String.init)
        let errors = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": ошибка: ") }
        if errors != expected { problems.append("errors:\n  " + errors.joined(separator: "\n  ") + "\nexpected:\n  " + expected.joined(separator: "\n  ")) }
        if Tree(root + "/site") != site { problems.append("site/ changed") }
        if Tree(root, skipping: ["site", ".mocpress-cache"]) != others { problems.append("files outside site/ changed") }
        return problems.isEmpty ? nil : "\(name): " + problems.joined(separator: "; ")
    }

    /// CRLF line endings and a UTF-8 BOM, in every page and YAML file, simply work:
    /// the same site as the files without them.
    func testWindowsLineEndingsAndAByteOrderMarkBuildTheSameSite() throws {
        let expected = Tree(template.root + "/site")
        for (name, transform) in [("CRLF", { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }),
                                  ("BOM", { (text: String) in "\u{FEFF}" + text }),
                                  ("CRLF+BOM", { (text: String) in "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n") })] {
            let root = NSTemporaryDirectory() + "mocpress-windows-" + UUID().uuidString
            try FileManager.default.copyItem(atPath: template.root, toPath: root)
            defer { try? FileManager.default.removeItem(atPath: root) }
            try FileManager.default.removeItem(atPath: root + "/site")
            for path in try FileManager.default.subpathsOfDirectory(atPath: root + "/content") where path.hasSuffix(".md") || path.hasSuffix(".yaml") {
                let full = root + "/content/" + path
                try transform(try String(contentsOfFile: full, encoding: .utf8)).write(toFile: full, atomically: false, encoding: .utf8)
            }
            let result = try DiskProject(root: root).run(["build", "--no-cache"])
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("предупреждение"), "\(name): \(result.stderr)")
            XCTAssertTrue(Tree(root + "/site") == expected, "\(name): the site differs from the one built from LF files without a BOM")
        }
    }

    private static func writeBigPage(_ path: String, megabytes: Int) throws {
        var text = "---\ntitle: Большая страница\n---\n"
        let paragraph = String(repeating: "Очень длинный текст страницы. ", count: 30) + "\n\n"
        while text.utf8.count < megabytes * 1024 * 1024 { text += paragraph }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    private static func chmodTree(_ root: String) -> Bool {
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? [] { chmod(root + "/" + path, 0o755) }
        return true
    }
}

/// A folder's files by path: the bytes' digest of regular files, the target
/// of links, and a mark for anything else — never opening a pipe.
struct Tree: Equatable {
    var entries: [String: String] = [:]

    init(_ root: String, skipping: Set<String> = []) {
        func visit(_ relative: String) {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []) {
                let path = relative.isEmpty ? name : relative + "/" + name
                if relative.isEmpty && skipping.contains(name) { continue }
                var info = stat()
                guard lstat(root + "/" + path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: entries[path + "/"] = "folder"; visit(path)
                case S_IFLNK: entries[path] = "link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + path)) ?? "")
                case S_IFREG: entries[path] = FileManager.default.contents(atPath: root + "/" + path).map { Digest.sha256(Array($0)) } ?? "unreadable"
                default: entries[path] = "special"
                }
            }
        }
        visit("")
    }
}
