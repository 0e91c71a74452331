import XCTest
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
