import Foundation

/// One portal being built: the input, what the steps worked out, the sink.
///
/// The build is a list of steps (`PortalBuild.steps`), each a function over
/// this value; reading that list tells the whole pipeline.
struct PortalBuild {
    typealias Step = @Sendable (inout PortalBuild) throws -> Void

    /// The content; only `serve` changes it, page by page (`LivePortal`).
    var portal: Portal
    let theme: Theme
    let options: BuildOptions
    let fileSystem: any FileSystem
    let sink: any OutputSink
    let baseURL: BaseURL
    /// Today in the portal's time zone.
    let today: LocalDate

    var diagnostics = DiagnosticBag()
    /// Indices of the pages that are published by this build.
    var included: [Int] = []
    var includedSet: Set<Int> = []
    var urls: URLMap
    /// Rendered Markdown by page index.
    var rendered: [RenderedMarkdown?] = []
    var brand: [String: String] = [:]
    var logoURL = ""
    /// Top-level sections in menu order, and the information block among them.
    var topSections: [String] = []
    var infoSection: String?
    /// The `site` context shared by every template of the portal.
    var sharedSite = SharedBox<[String: Any]>([:])
    /// The site-wide partials rendered once (`site.chrome.*`), and the menu
    /// once per top section it can mark active (key "" for none).
    var chrome = SharedBox<[String: String]>([:])
    var menus = SharedBox<[String: String]>([:])
    /// Every published page's card, with its HTML rendered once (`prepareCards`).
    var cards = SharedBox<[Int: [String: Any]]>([:])
    /// The four blocks' pages and what they generate.
    var blocks = BlockIndex()
    /// Attached files by their path inside the portal.
    var attachments: [String: Attachment] = [:]
    /// Data files drawn as tables and charts, by page index.
    var datasets: [Int: [Dataset]] = [:]
    /// The acts package ZIP of each documents section.
    var packages: [String: Attachment] = [:]
    /// `[ЗАПОЛНИТЕ: …]` left in what the portal publishes (`warnPlaceholders`).
    var placeholders: [Placeholder] = []
    /// False for `check` and `audit`: links and headings are checked, no HTML is made.
    var rendersHTML = true
    /// Pages of the previous build to link instead of rendering (`OutputReuse`).
    var reuse: OutputReuse?
    var pagesWritten = 0
    var filesWritten = 0
    /// The template of each output file, and the links and anchors of the
    /// output once written (`checkLinks`).
    var outputLog = OutputLog()
    var linkIndex = SharedBox(LinkIndex())
    /// Links and anchors of the HTML this build wrote, scanned while it was in memory.
    var linkScans = LinkScans()

    /// The pipeline: read and check everything, stop on an error, then write.
    static let steps: [Step] = readingSteps + [stopOnErrors] + writingSteps

    /// Steps that only read and check; `check` runs these too.
    static let readingSteps: [Step] = [
        selectPages,
        resolveURLs,
        claimPlanPages,
        resolveBrand,
        checkFields,
        indexBlocks,
        readFiles,
        checkClaims,
        renderMarkdown,
        checkBlocks,
        warnPlaceholders,
    ]

    /// Steps that write output.
    static let writingSteps: [Step] = [
        prepareSite,
        prepareCards,
        writePackages,
        writePages,
        writeSections,
        writeTags,
        writeAliases,
        writePlans,
        writeBlockLists,
        writeCalendars,
        writeFeeds,
        copyFiles,
        checkLinks,
    ]

    init(portal: Portal, theme: Theme, options: BuildOptions, fileSystem: any FileSystem, sink: any OutputSink, baseURL: BaseURL) {
        self.portal = portal
        self.theme = theme
        self.options = options
        self.fileSystem = fileSystem
        self.sink = sink
        self.baseURL = baseURL
        self.today = LocalDate.today(at: options.now, in: portal.config.timeZone)
        self.urls = URLMap(basePath: baseURL.path)
    }

    struct Stop: Error {}

    static func stopOnErrors(_ build: inout PortalBuild) throws {
        if build.diagnostics.hasErrors { throw Stop() }
    }

    // MARK: - Reading and checking

    /// Drafts and future pages are left out unless asked for.
    static func selectPages(_ build: inout PortalBuild) {
        let now = build.options.now
        let zone = build.portal.config.timeZone
        build.included = build.portal.pages.indices.filter { index in
            let page = build.portal.pages[index]
            if page.draft && !build.options.drafts { return false }
            if let date = page.date, !build.options.future, date.instant(in: zone) > now { return false }
            return true
        }
        build.includedSet = Set(build.included)
        build.rendered = Array(repeating: nil, count: build.portal.pages.count)
        build.topSections = build.orderTopSections()
        build.infoSection = build.topSections.first { build.portal.sections[$0]?.block == .info }
    }

    /// What every page shares, computed once before rendering.
    static func prepareSite(_ build: inout PortalBuild) {
        build.sharedSite = SharedBox(build.makeSiteContext())
        // Header, footer and the rest see only site.*: the same HTML on every
        // page, rendered here once instead of for each of thousands of pages.
        var chrome: [String: String] = [:]
        let site = build.siteContext(activeTop: nil)
        for (key, template) in PortalBuild.chromePartials where build.theme.templateNames.contains(template) {
            chrome[key] = build.theme.render(template, ["site": site])
        }
        var menus: [String: String] = [:]
        if build.theme.templateNames.contains("menu") {
            for top in [nil] + build.topSections.map(Optional.some) {
                menus[top ?? ""] = build.theme.render("menu", ["site": build.siteContext(activeTop: top)])
            }
        }
        build.chrome = SharedBox(chrome)
        build.menus = SharedBox(menus)
    }

    /// `site.chrome` keys and the partials they hold.
    static let chromePartials = [("head", "head-assets"), ("header", "header"), ("footer", "footer"), ("counters", "counters"), ("posWidget", "pos-widget")]

    /// A page shows up as a card on its section's list, on a tag page per
    /// tag, in block listings and on the home page: its card is made and
    /// rendered once, in parallel, and lists put the HTML in place.
    static func prepareCards(_ build: inout PortalBuild) {
        let snapshot = build
        let indices = build.included
        let rendersCard = build.theme.templateNames.contains("card")
        let slots = Slots<[String: Any]>(count: indices.count)
        DispatchQueue.concurrentPerform(iterations: indices.count) { i in
            var card = snapshot.makeCard(indices[i])
            if rendersCard {
                var context = card
                context["site"] = snapshot.sharedSite.value
                card["html"] = snapshot.theme.render("card", context)
            }
            slots[i] = card
        }
        var cards: [Int: [String: Any]] = [:]
        for (i, card) in slots.values.enumerated() { cards[indices[i]] = card }
        build.cards = SharedBox(cards)
    }

    static func resolveURLs(_ build: inout PortalBuild) {
        build.urls = URLMap.build(portal: build.portal, included: build.included, basePath: build.baseURL.path, diagnostics: &build.diagnostics)
        for index in build.included {
            let page = build.portal.pages[index]
            for alias in page.aliases {
                guard let file = aliasFile(alias.value) else {
                    build.diagnostics.error("псевдоним «\(alias.value)» должен быть адресом внутри портала, например /novosti/staraya-novost/", at: alias.location)
                    continue
                }
                if file == URLMap.indexFile(build.urls.pagePaths[index] ?? "") {
                    build.diagnostics.error("псевдоним «\(alias.value)» совпадает с адресом самой страницы: уберите его из aliases", at: alias.location)
                    continue
                }
                build.urls.claim(file, by: alias.location, what: "псевдоним «\(alias.value)»", diagnostics: &build.diagnostics)
            }
        }
        let generated = SourceLocation(file: "content/\(build.portal.id)", line: 0, column: 0)
        for reserved in ["sitemap.xml", "robots.txt", "atom.xml", "404.html", "css/brand.css"] {
            build.urls.claim(reserved, by: generated, what: "служебный файл", diagnostics: &build.diagnostics)
        }
        for file in build.portal.staticFiles {
            build.urls.claim(file, by: SourceLocation(file: "content/\(build.portal.id)/static/\(file)", line: 0, column: 0), what: "файл из static/", diagnostics: &build.diagnostics)
        }
    }

    /// `/novosti/old/` → `novosti/old/index.html`; nil for anything outside the portal.
    static func aliasFile(_ alias: String) -> String? {
        let text = (alias.removingPercentEncoding ?? alias).trimmingWhitespace()
        guard !text.isEmpty, !text.contains(":"), !text.hasPrefix("//"), !text.contains("\\"),
              !text.split(separator: "/").contains(".."), let normalized = Path.normalize(text), !normalized.isEmpty else { return nil }
        let lower = normalized.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return normalized }
        return normalized + "/index.html"
    }

    /// Theme tokens overridden by the portal's `brand:`.
    static func resolveBrand(_ build: inout PortalBuild) {
        var brand = build.theme.brand
        let known = Array(build.theme.brand.keys).sorted()
        for (token, value) in build.portal.config.brand.sorted(by: { $0.key < $1.key }) {
            if !known.contains(token) {
                var message = "неизвестный токен бренда «\(token)»"
                if let suggestion = Spelling.closest(to: token, among: known) { message += ": возможно, имелось в виду «\(suggestion)»" }
                else { message += "; тема знает: \(known.joined(separator: ", "))" }
                build.diagnostics.warning(message, at: value.location)
                continue
            }
            if let problem = Brand.problem(token: token, value: value.value) {
                build.diagnostics.error(problem, at: value.location)
                continue
            }
            brand[token] = value.value
        }
        build.brand = brand
        if let logo = brand["logo"], !logo.isEmpty {
            if build.portal.staticFiles.contains(logo) || build.theme.staticFiles.contains(where: { $0.path == logo }) {
                build.logoURL = build.urls.url(logo)
            } else {
                let location = build.portal.config.brand["logo"]?.location ?? SourceLocation(file: "content/\(build.portal.id)/portal.yaml")
                build.diagnostics.warning("файл логотипа «\(logo)» не найден ни в static/ портала, ни в теме: положите его в content/\(build.portal.id)/static/\(logo)", at: location)
            }
        }
    }

    /// Markdown of every published page, in parallel over the cores.
    static func renderMarkdown(_ build: inout PortalBuild) {
        let snapshot = build
        let indices = build.included
        let slots = Slots<RenderedMarkdown>(count: indices.count)
        DispatchQueue.concurrentPerform(iterations: indices.count) { i in
            slots[i] = snapshot.renderMarkdown(of: snapshot.portal.pages[indices[i]])
        }
        for (i, result) in slots.values.enumerated() {
            guard let result else { continue }
            build.rendered[indices[i]] = result
            build.diagnostics.append(contentsOf: result.diagnostics)
        }
    }

    /// One page's Markdown, its links resolved against the portal's addresses.
    func renderMarkdown(of page: Page) -> RenderedMarkdown {
        let options = Markdown.Options(unsafeHTML: portal.config.unsafeHTML, html: rendersHTML, validUTF8: true)
        let directory = page.directory
        return Markdown.render(page.body, source: page.source, firstLine: page.bodyFirstLine, options: options) { target in
            urls.resolve(target, fromDirectory: directory, portal: portal, included: includedSet)
        }
    }

    /// Every portal has the four blocks, each with something in it.
    static func checkBlocks(_ build: inout PortalBuild) {
        let location = SourceLocation(file: "content/\(build.portal.id)/portal.yaml", line: 1, column: 1)
        for block in BlockKind.allCases {
            let sections = build.portal.sections.values.filter { $0.block == block }
            if sections.isEmpty {
                build.diagnostics.warning("на портале нет блока «\(block.title)»: создайте раздел с _index.md, в котором указано block: \(block.rawValue)", at: location, code: Finding.Kind.missingBlock.rawValue)
                continue
            }
            let count = build.included.filter { index in
                let page = build.portal.pages[index]
                return !page.isSectionIndex && build.portal.section(of: page)?.block == block
            }.count
            if count == 0 {
                let file = sections.compactMap { $0.indexPage.map { build.portal.pages[$0].source } }.sorted().first ?? location.file
                build.diagnostics.warning("блок «\(block.title)» пуст: добавьте в него хотя бы одну страницу", at: SourceLocation(file: file), code: Finding.Kind.emptyBlock.rawValue)
            }
        }
    }
}
