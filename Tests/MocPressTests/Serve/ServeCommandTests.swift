import Foundation
import XCTest
@testable import MocPress

/// The `mocpress serve` executable: choosing the portal, the address line, Ctrl+C.
final class ServeCommandTests: XCTestCase {
    var project: DiskProject!

    override func setUpWithError() throws {
        project = try DiskProject()
        try project.add(TestPortal.standard(), theme: "moc")
    }

    override func tearDown() { project.remove() }

    func testWithSeveralPortalsTheNameIsRequiredAndUnknownNamesAndPortsAreUsageErrors() throws {
        try project.add(TestPortal.standard(id: "vtoroj"), theme: "moc")
        let unnamed = try project.run(["serve", "--port", "0"])
        XCTAssertEqual(unnamed.status, 64)
        XCTAssertTrue(unnamed.stderr.contains("порталов несколько (demo, vtoroj): укажите, какой показать, например mocpress serve demo"), unnamed.stderr)
        let unknown = try project.run(["serve", "net", "--port", "0"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("нет портала «net» (есть: demo, vtoroj)"), unknown.stderr)
        let port = try project.run(["serve", "demo", "--port", "70000"])
        XCTAssertEqual(port.status, 64)
        XCTAssertTrue(port.stderr.contains("порт — число от 0 до 65535"), port.stderr)
    }

    func testTheOnlyPortalIsServedUntilCtrlC() throws {
        let executable = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent().appendingPathComponent("mocpress")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = URL(fileURLWithPath: project.root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // A server that never prints its address would block the read below: end it.
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if process.isRunning { process.terminate() } }

        let line = try XCTUnwrap(Self.firstLine(of: out.fileHandleForReading, timeout: 30))
        let match = try XCTUnwrap(line.firstMatch(of: /^Портал demo: http:\/\/127\.0\.0\.1:(\d+)\/moc\/ — Ctrl\+C для остановки$/), line)
        let port = try XCTUnwrap(UInt16(match.1))
        let page = try LoopbackClient(port: port).request("/moc/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("/__mocpress/live.js"))
        XCTAssertNil(project.read("site/demo/index.html"), "serve never writes site/")

        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertFalse(process.isRunning, "Ctrl+C stops the server")
        XCTAssertEqual(process.terminationStatus, 0)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(stderr.contains("Собрано за "), stderr)
        XCTAssertThrowsError(try LoopbackClient(port: port).request("/moc/"), "the port is closed")
    }

    /// Reads one line from a pipe as it is written, without waiting for the process to end.
    static func firstLine(of handle: FileHandle, timeout: TimeInterval) -> String? {
        var data = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            data.append(chunk)
            if let newline = data.firstIndex(of: 0x0A) { return String(decoding: data[..<newline], as: UTF8.self) }
        }
        return nil
    }
}
