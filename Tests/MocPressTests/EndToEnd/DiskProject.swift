import Foundation
import XCTest
@testable import MocPress

/// A project folder on disk: the repository's real themes, and content the test writes.
struct DiskProject {
    let root: String

    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A project folder made by someone else (a copy of another project).
    init(root: String) { self.root = root }

    init() throws {
        root = NSTemporaryDirectory() + "mocpress-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: DiskProject.repository + "/themes", toPath: root + "/themes")
    }

    func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: false, encoding: .utf8)
    }

    func read(_ path: String) -> String? { try? String(contentsOfFile: root + "/" + path, encoding: .utf8) }

    /// Writes the in-memory test portal's content files here.
    func add(_ portal: TestPortal, theme: String = "moc") throws {
        for (path, text) in portal.files {
            try write(path, path.hasSuffix("portal.yaml") ? text.replacingOccurrences(of: "theme: t", with: "theme: \(theme)") : text)
        }
    }

    /// Every file under a folder with its bytes: to compare two trees exactly.
    func snapshot(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = root + "/" + folder
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: base + "/" + path)
            }
        }
        return result
    }

    /// Fails for each file that differs between two output folders of the project.
    func assertSameTree(_ folder: String, as expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let actual = snapshot(folder)
        let wanted = snapshot(expected)
        XCTAssertEqual(Set(actual.keys), Set(wanted.keys), file: file, line: line)
        for (path, bytes) in wanted where actual[path] != bytes {
            XCTFail("\(path) differs from \(expected)", file: file, line: line)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Runs the `mocpress` executable built next to the tests.
    /// A run that outlives `timeout` seconds is killed and reported as status -1.
    func run(_ arguments: [String], timeout: TimeInterval? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let executable = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent().appendingPathComponent("mocpress")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = "true"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let timedOut = Flag()
        let watchdog = DispatchWorkItem { if process.isRunning { timedOut.set(); process.terminate() } }
        defer { watchdog.cancel() }
        if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog) }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (timedOut.value ? -1 : process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

/// A flag set from another thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    func set() { lock.withLock { raised = true } }
    var value: Bool { lock.withLock { raised } }
}
