import Foundation

/// What `mocpress build` was asked to do.
public struct BuildOptions: Sendable {
    /// The project folder holding `content/` and `themes/`.
    public var projectRoot: String
    /// Portal ids to build; empty means every portal in `content/`.
    public var portals: [String]
    /// Build pages with `draft: true` too.
    public var drafts: Bool
    /// Build pages dated after `now`.
    public var future: Bool
    /// Replaces every portal's `base_url`; `{portal}` in it stands for the portal id.
    public var baseURL: String?
    /// Where themes are looked up; nil means `projectRoot` (the audit of
    /// content folders checked out elsewhere uses the running project's themes).
    public var themesRoot: String?
    /// The moment the build happens: decides what is in the future. Never read from the clock deeper down.
    public var now: Date
    /// Skip a portal whose inputs are byte for byte those of its last build
    /// (`.mocpress-cache/`); `--no-cache` turns it off.
    public var cache: Bool

    public init(projectRoot: String = ".", portals: [String] = [], drafts: Bool = false, future: Bool = false,
                baseURL: String? = nil, now: Date = Date(), cache: Bool = true) {
        self.cache = cache
        self.projectRoot = projectRoot
        self.portals = portals
        self.drafts = drafts
        self.future = future
        self.baseURL = baseURL
        self.now = now
    }
}

/// The result of building one portal.
public struct PortalBuildReport: Sendable {
    public var portal: String
    public var diagnostics: [Diagnostic]
    /// HTML pages written (pages, lists, tags, aliases).
    public var pagesWritten: Int
    public var filesWritten: Int
    /// True when nothing changed since the last build and its output was kept.
    public var reused: Bool
    /// Pages taken from the previous build because their context was the same.
    public var pagesReused = 0
    /// Until when the output stays right (see `BuildCache`).
    var validUntil: Date?
    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }

    public init(portal: String, diagnostics: [Diagnostic], pagesWritten: Int, filesWritten: Int, reused: Bool = false) {
        self.portal = portal
        self.diagnostics = diagnostics
        self.pagesWritten = pagesWritten
        self.filesWritten = filesWritten
        self.reused = reused
    }
}
