import XCTest
@testable import MocPress

/// The demo portals in `content/` are what the README's first command builds.
final class DemoContentTests: XCTestCase {
    func testEveryDemoPortalBuildsWithoutErrors() throws {
        let builder = SiteBuilder(options: BuildOptions(projectRoot: DiskProject.repository, now: TestPortal.buildDate))
        let ids = try builder.portalIDs().get()
        XCTAssertGreaterThanOrEqual(ids.count, 3)
        for id in ids {
            let sink = MemorySink()
            let report = builder.build(portal: id, into: sink)
            XCTAssertEqual(report.errors, [], id)
            XCTAssertGreaterThan(report.pagesWritten, 20, id)
            XCTAssertNotNil(sink.text("index.html"), id)
        }
    }
}
