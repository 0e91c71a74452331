import Foundation

/// What `mocpress check` found for one portal (SPEC 4).
public struct PortalCheck: Sendable {
    public var portal: String
    /// The portal's title and published address, for reports sent to the РМЦ.
    public var title: String = ""
    public var baseURL: String = ""
    public var asOf: LocalDate
    public var items: [ItemResult]
    public var package: PackageStatus
    /// Pages per block (present and non-empty when > 0; missing blocks are absent).
    public var blocks: [BlockKind: Int]
    public var lastPublication: LocalDate?
    /// Problems beyond the media plan: blocks, evidence links, invalid schedules.
    public var findings: [Finding]
    /// Diagnostics of reading the content (errors make the content invalid).
    public var diagnostics: [Diagnostic]

    public var hasContentErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var overdue: [ItemResult] { items.filter { $0.status == .overdue } }

    /// Days from the newest publication to the as-of date.
    public var daysSinceLastPublication: Int? {
        lastPublication.map { asOf.dayNumber - $0.dayNumber }
    }
}

/// Полнота пакета нормативных документов.
public struct PackageStatus: Sendable {
    public var complete: Bool
    /// Act kinds still missing: `creation-order`, `regulation`, `work-plan`, `media-plan`.
    public var missing: [String]
}

/// A problem `check` reports besides item statuses.
public struct Finding: Sendable {
    public enum Kind: String, Sendable {
        case missingBlock = "missing-block"
        case emptyBlock = "empty-block"
        case brokenEvidence = "broken-evidence"
        case invalidSchedule = "invalid-schedule"
        case incompletePackage = "incomplete-package"
        case imageWithoutAlt = "image-without-alt"
        /// An unfilled `[ЗАПОЛНИТЕ: …]` left by `mocpress new`.
        case placeholder
    }
    public var kind: Kind
    public var message: String
    public var location: SourceLocation?
}

/// Runs the checker over portals.
public struct Checker: Sendable {
    public let builder: SiteBuilder
    /// `--as-of`; nil means today in each portal's time zone.
    public let asOf: LocalDate?

    public init(options: BuildOptions, asOf: LocalDate?, fileSystem: any FileSystem = DiskFileSystem()) {
        self.builder = SiteBuilder(options: options, fileSystem: fileSystem)
        self.asOf = asOf
    }

    /// Checks portals in parallel over the cores; results in the order given.
    public func check(portals ids: [String]) -> [PortalCheck] {
        let slots = Slots<PortalCheck>(count: ids.count)
        DispatchQueue.concurrentPerform(iterations: ids.count) { i in
            slots[i] = check(portal: ids[i])
        }
        return slots.values.map { $0! }
    }

    public func check(portal id: String) -> PortalCheck {
        switch builder.read(portal: id) {
        case .failure(let diagnostics):
            return PortalCheck(portal: id, asOf: asOf ?? LocalDate.today(at: builder.options.now, in: TimeZone(identifier: "Europe/Moscow")!),
                               items: [], package: PackageStatus(complete: false, missing: []), blocks: [:],
                               lastPublication: nil, findings: [], diagnostics: diagnostics.sorted)
        case .success(let build):
            return Self.check(build, asOf: asOf)
        }
    }

    static func check(_ build: PortalBuild, asOf requested: LocalDate?) -> PortalCheck {
        let portal = build.portal
        let asOf = requested ?? build.today
        let publications = build.evidence
        let items = Compliance.evaluate(plans: portal.plans, publications: publications, asOf: asOf, graceDays: portal.config.graceDays)

        var findings: [Finding] = []
        var blocks: [BlockKind: Int] = [:]
        for block in BlockKind.allCases where portal.sections.values.contains(where: { $0.block == block }) {
            blocks[block] = build.included.filter { index in
                let page = portal.pages[index]
                return !page.isSectionIndex && portal.section(of: page)?.block == block
            }.count
        }
        for diagnostic in build.diagnostics.items where diagnostic.severity == .warning {
            if let code = diagnostic.code, let kind = Finding.Kind(rawValue: code) {
                findings.append(Finding(kind: kind, message: diagnostic.message, location: diagnostic.location))
            }
        }
        for result in items {
            if case .invalid(let reason) = result.item.schedule {
                findings.append(Finding(kind: .invalidSchedule, message: "«Сроки» пункта «\(result.item.id)» не распознаны: \(reason)", location: result.item.location))
            }
        }
        findings += build.placeholders.map { Finding(kind: .placeholder, message: $0.message, location: $0.location) }
        let package = ActsPackage.status(of: build, year: asOf.year)
        if !package.complete {
            let names = package.missing.map { ActsPackage.title(of: $0) }.joined(separator: ", ")
            findings.append(Finding(kind: .incompletePackage, message: "пакет нормативных документов неполон: нет \(names) на \(asOf.year) год", location: nil))
        }
        let last = publications.filter { $0.date.day <= asOf }.map(\.date.day).max()
        return PortalCheck(portal: portal.id, title: portal.config.title, baseURL: build.baseURL.string, asOf: asOf, items: items,
                           package: package, blocks: blocks, lastPublication: last, findings: findings, diagnostics: build.diagnostics.sorted)
    }
}
