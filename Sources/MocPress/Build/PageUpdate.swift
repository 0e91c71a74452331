import Foundation

/// The last successful build of a portal, kept in memory by `serve` so that
/// an edit of a page's text rewrites that page alone, in place, in
/// milliseconds instead of a build of the whole portal.
///
/// A page is updated alone only when nothing another file shows can have
/// changed: its front matter is byte for byte the same (so its title, date,
/// address, tags, card fields, plan claims and events are), its excerpt —
/// the text cards, feeds and calendars quote — is the same, and so are its
/// headings (other pages may link to their anchors). Anything else — a new
/// or removed file, portal.yaml, a plan, a theme, a data file, a section's
/// `_index.md` — is a build, as is any edit after the build's day is over.
final class LivePortal: @unchecked Sendable {
    private(set) var build: PortalBuild
    /// The published folder, written in place.
    let destination: String
    private let cache: BuildCache.Build?
    /// Keys of the published pages (`OutputReuse`), kept true for the next build.
    private var keys: [String: String]
    private(set) var diagnostics: [Diagnostic]
    private let pageIndex: [String: Int]
    /// Files of an edit that gave an error: looked at again with every
    /// later change until they are right, so the error never goes quiet.
    private var failing: Set<String> = []

    init(build: PortalBuild, destination: String, cache: BuildCache.Build?, keys: [String: String], diagnostics: [Diagnostic]) {
        self.build = build
        self.destination = destination
        self.cache = cache
        self.keys = keys
        self.diagnostics = diagnostics
        var index: [String: Int] = [:]
        for (i, page) in build.portal.pages.enumerated() { index[page.relativePath] = i }
        pageIndex = index
    }

    enum Outcome {
        /// The changed files are pages whose bytes did not change.
        case unchanged
        /// The pages were rewritten; the diagnostics are the portal's, as a build would give them.
        case updated(pages: Int, diagnostics: [Diagnostic])
        /// A page now has an error: nothing was written, the last good output stays.
        case failed(diagnostics: [Diagnostic])
        /// Something else changed: only a build of the portal is right.
        case needsBuild
    }

    /// Tries to take in `changed` (paths relative to the project) by
    /// rewriting the edited pages alone.
    func update(changed: Set<String>, now: Date) -> Outcome {
        let prefix = "content/\(build.portal.id)/"
        guard !changed.isEmpty, now < build.validUntil else { return .needsBuild }
        let wasFailing = !failing.isEmpty
        let changed = changed.union(failing)
        var edits: [(index: Int, page: Page, markdown: RenderedMarkdown)] = []
        for path in changed.sorted() {
            guard path.hasPrefix(prefix) else { return .needsBuild }
            let relative = String(path.dropFirst(prefix.count))
            // Hidden files and folders (editors' swap files) are not content.
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            guard let index = pageIndex[relative], build.includedSet.contains(index) else { return .needsBuild }
            let old = build.portal.pages[index]
            guard !old.isSectionIndex, let bytes = try? build.fileSystem.contents(of: Path.join(build.portal.root, relative)) else {
                return .needsBuild
            }
            var reading = DiagnosticBag()
            guard let page = PageReader.read(bytes: bytes, source: old.source, relativePath: relative, diagnostics: &reading),
                  !reading.hasErrors, page.head == old.head else { return .needsBuild }
            if page.body == old.body { continue }
            let markdown = build.renderMarkdown(of: page)
            guard let previous = build.rendered[index], markdown.headings == previous.headings,
                  old.summary != nil || markdown.excerpt == previous.excerpt else { return .needsBuild }
            edits.append((index, page, markdown))
        }
        if edits.isEmpty {
            // Put back as it was: the last good build stands again.
            failing = []
            return wasFailing ? .updated(pages: 0, diagnostics: self.diagnostics) : .unchanged
        }

        var updated = build
        var diagnostics = self.diagnostics
        for edit in edits {
            let old = updated.portal.pages[edit.index]
            // The body's diagnostics and the file's placeholder warning are made anew.
            let oldWarning = old.placeholders.isEmpty ? nil : updated.placeholderWarning(old.placeholders)
            diagnostics.removeAll { d in
                d.file == old.source && (d.line >= old.bodyFirstLine || (oldWarning.map { Self.same(d, $0) } ?? false))
            }
            diagnostics += edit.markdown.diagnostics
            if !edit.page.placeholders.isEmpty { diagnostics.append(updated.placeholderWarning(edit.page.placeholders)) }
            updated.portal.pages[edit.index] = edit.page
            updated.rendered[edit.index] = edit.markdown
        }
        // As in a build, an error stops the update before anything is written;
        // the edit is tried again with the next change until it is fixed.
        func stopped(_ diagnostics: [Diagnostic]) -> Outcome? {
            guard diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            failing = changed
            return .failed(diagnostics: Self.sorted(diagnostics))
        }
        // An error in the text stops before the output is checked.
        if let stop = stopped(diagnostics) { return stop }
        // A card is the same when everything it shows is; checked, not assumed.
        for edit in edits {
            guard let card = build.cards.value[edit.index], Self.sameCard(card, updated.makeCard(edit.index)) else {
                return .needsBuild
            }
        }
        // The new pages' links are checked as a build checks every page's.
        let index = build.linkIndex.value
        var outputs: [(file: String, template: String, context: [String: Any], html: String)] = []
        var links: [(file: String, links: [String])] = []
        for edit in edits {
            let output = updated.pageOutput(edit.index)
            var html = updated.theme.render(output.template, output.context)
            let scanned = html.withUTF8(LinkIndex.scan)
            // Other pages may link to the page's anchors.
            guard LinkIndex.anchorSet(scanned.ids) == index.anchors[output.file] ?? [] else { return .needsBuild }
            links.append((output.file, scanned.links))
            outputs.append((output.file, output.template, output.context, html))
        }
        diagnostics += updated.brokenLinks(links, in: index)
        if let stop = stopped(diagnostics) { return stop }
        updated.placeholders = updated.findPlaceholders()
        let sink = DiskSink(root: destination, replacingFiles: true)
        for output in outputs {
            do {
                // Renamed into place: the previous file may be linked from an older build.
                try sink.write(output.file, text: output.html)
            } catch {
                return .needsBuild
            }
            keys[output.file] = updated.reuse?.key(template: output.template, context: output.context)
        }
        build = updated
        failing = []
        self.diagnostics = Self.sorted(diagnostics)
        // The recorded inputs no longer describe the folder: the next build
        // is never skipped, and links only pages whose keys are right.
        cache?.recordInPlace(diagnostics: self.diagnostics, pages: keys)
        return .updated(pages: edits.count, diagnostics: self.diagnostics)
    }

    /// Diagnostics in the order a build prints them.
    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var bag = DiagnosticBag()
        bag.append(contentsOf: diagnostics)
        return bag.sorted
    }

    private static func same(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        a.file == b.file && a.line == b.line && a.column == b.column && a.message == b.message && a.severity == b.severity
    }

    /// Cards compared without their rendered HTML, which follows from the rest.
    private static func sameCard(_ old: [String: Any], _ new: [String: Any]) -> Bool {
        var a = ContextDigest(), b = ContextDigest()
        var old = old
        old["html"] = nil
        guard a.add(any: old), b.add(any: new) else { return false }
        return a.hex == b.hex
    }
}
