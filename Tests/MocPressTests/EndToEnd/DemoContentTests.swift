import XCTest
import ZIPFoundation
@testable import MocPress

/// The demo portals in `content/` are what the README's first command builds.
final class DemoContentTests: XCTestCase {
    static let builder = SiteBuilder(options: BuildOptions(projectRoot: DiskProject.repository, now: TestPortal.buildDate))

    func buildDemo() throws -> [(id: String, report: PortalBuildReport, output: MemorySink)] {
        let ids = try Self.builder.portalIDs().get()
        return ids.map { id in
            let sink = MemorySink()
            return (id, Self.builder.build(portal: id, into: sink), sink)
        }
    }

    func testEveryDemoPortalBuildsWithoutErrors() throws {
        let portals = try buildDemo()
        XCTAssertGreaterThanOrEqual(portals.count, 3)
        for (id, report, output) in portals {
            XCTAssertEqual(report.errors, [], id)
            XCTAssertGreaterThan(report.pagesWritten, 20, id)
            XCTAssertNotNil(output.text("index.html"), id)
        }
    }

    /// Every link, image, script and stylesheet inside the portal (under its
    /// base path) resolves to a file of the build, and every `#anchor` to an id.
    /// Each acts package page, read as a visitor reads it, against the files
    /// it links: the «pdf; 327 Кб» label, the SHA-256 (worked out here by
    /// sha256sum, not by mocpress) and the ZIP's contents.
    func testEveryActsPackagePageMatchesItsFiles() throws {
        var pages = 0
        for (id, _, output) in try buildDemo() {
            let files = output.files
            var loader = DiagnosticBag()
            let basePath = try XCTUnwrap(ContentLoader(projectRoot: DiskProject.repository).load(portal: id, diagnostics: &loader)).config.baseURL.path
            for (path, bytes) in files where path.hasSuffix("/index.html") {
                let html = String(decoding: bytes, as: UTF8.self)
                guard html.contains("page-documents") || html.contains("Скачать весь пакет") else { continue }
                let folder = String(path.dropLast("index.html".count))
                guard let zipBytes = files[folder + "paket-dokumentov.zip"] else { continue }
                pages += 1
                let rows = html.components(separatedBy: "<a class=\"file-link").dropFirst()
                XCTAssertGreaterThanOrEqual(rows.count, 5, "\(id): \(path)")
                for row in rows {
                    let href = try XCTUnwrap(Self.attributeValues(in: row, names: ["href"]).first)
                    let label = try XCTUnwrap(row.range(of: "[a-z0-9]+; [0-9]+ Кб", options: .regularExpression).map { row[$0] })
                    let hash = try XCTUnwrap(row.range(of: "<code class=\"hash__full\">").map { String(row[$0.upperBound...].prefix(64)) })
                    let file = String((href.removingPercentEncoding ?? href).dropFirst(basePath.count))
                    let content = try XCTUnwrap(files[file], "\(id): \(href)")
                    let kilobytes = (content.count + 1023) / 1024
                    let ext = (file as NSString).pathExtension
                    XCTAssertEqual(String(label), "\(ext); \(kilobytes) Кб", "\(id): \(href)")
                    XCTAssertEqual(hash, try Self.sha256sum(content), "\(id): \(href)")
                }
                let archive = try Archive(data: Data(zipBytes), accessMode: .read)
                let names = archive.map(\.path)
                XCTAssertEqual(names.last, "opis.txt", id)
                XCTAssertGreaterThanOrEqual(names.count, 5, id)
            }
        }
        XCTAssertEqual(pages, 3, "one acts package per demo portal")
    }

    static func sha256sum(_ bytes: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mocpress-sha-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64).description
    }

    func testEveryInternalLinkOfTheDemoPortalsResolves() throws {
        for (id, _, output) in try buildDemo() {
            let files = output.files
            var loader = DiagnosticBag()
            let basePath = try XCTUnwrap(ContentLoader(projectRoot: DiskProject.repository).load(portal: id, diagnostics: &loader)).config.baseURL.path
            var broken: [String] = []
            var checked = 0
            for (path, bytes) in files where path.hasSuffix(".html") {
                let html = String(decoding: bytes, as: UTF8.self)
                for target in Self.attributeValues(in: html, names: ["href", "src"]) {
                    guard target.hasPrefix(basePath) else { continue }
                    checked += 1
                    var rest = String(target.dropFirst(basePath.count))
                    var fragment: String?
                    if let hash = rest.firstIndex(of: "#") {
                        fragment = String(rest[rest.index(after: hash)...])
                        rest = String(rest[..<hash])
                    }
                    rest = rest.removingPercentEncoding ?? rest
                    let file = rest.isEmpty || rest.hasSuffix("/") ? rest + "index.html" : rest
                    guard let targetBytes = files[file] else {
                        broken.append("\(path) → \(target)")
                        continue
                    }
                    if let fragment, !fragment.isEmpty, file.hasSuffix(".html") {
                        let targetHTML = String(decoding: targetBytes, as: UTF8.self)
                        if !targetHTML.contains("id=\"\(fragment)\"") { broken.append("\(path) → \(target) (нет якоря)") }
                    }
                }
            }
            XCTAssertEqual(broken, [], id)
            XCTAssertGreaterThan(checked, 1000, "\(id): the check must see the portal's links")
        }
    }

    static func attributeValues(in html: String, names: [String]) -> [String] {
        var values: [String] = []
        for name in names {
            for part in html.components(separatedBy: " \(name)=\"").dropFirst() {
                values.append(String(part.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&"))
            }
        }
        return values
    }
}
