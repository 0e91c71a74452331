import Foundation

/// The steps that write output. They run only when reading found no error.
extension PortalBuild {
    func write(_ path: String, _ text: String) throws {
        linkScans.record(path, text)
        try sink.write(path, text: text)
    }

    /// A page from a template: rendered, or linked from the previous build
    /// when its context is the same.
    func writeRendered(_ path: String, template: String, context: [String: Any]) throws {
        outputLog.record(path, template: template)
        if let reuse {
            try reuse.write(path, template: template, context: context, sink: sink) {
                let html = theme.render(template, context)
                linkScans.record(path, html)
                return html
            }
        } else {
            try write(path, theme.render(template, context))
        }
    }

    /// The template a page asks for, if the theme has it.
    func template(for page: Page) -> String {
        if let layout = page.layout, theme.templateNames.contains(layout) { return layout }
        if let block = blockTemplate(for: page) { return block }
        return isPublication(page) ? "publication" : "page"
    }

    /// Ordinary pages, rendered in parallel over the cores.
    static func writePages(_ build: inout PortalBuild) throws {
        let snapshot = build
        let pages = build.included.filter { !build.portal.pages[$0].isSectionIndex }
        for index in pages {
            let page = build.portal.pages[index]
            if let layout = page.layout, !build.theme.templateNames.contains(layout) {
                build.diagnostics.warning("в теме нет шаблона «\(layout)»: страница оформлена обычным шаблоном", at: SourceLocation(file: page.source))
            }
        }
        let failures = Slots<String>(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { i in
            let output = snapshot.pageOutput(pages[i])
            do {
                try snapshot.writeRendered(output.file, template: output.template, context: output.context)
            } catch {
                failures[i] = "\(error)"
            }
        }
        if let failure = failures.values.compactMap({ $0 }).first { throw FileSystemError(path: build.portal.id, reason: failure) }
        build.pagesWritten += pages.count
    }

    /// An ordinary page's file, template and context.
    func pageOutput(_ index: Int) -> (file: String, template: String, context: [String: Any]) {
        let page = portal.pages[index]
        var context = baseContext(title: page.title, sitePath: url(ofPage: index),
                                  description: page.summary, activeTop: topSection(of: page.directory))
        context["page"] = pageContext(index)
        return (URLMap.indexFile(urls.pagePaths[index]!), template(for: page), context)
    }

    /// One output file rendered from a template; the context is built on
    /// the rendering thread.
    struct RenderJob: Sendable {
        var file: String
        var template: String
        var context: @Sendable (PortalBuild) -> [String: Any]
    }

    /// Renders jobs in parallel over the cores.
    func render(_ jobs: [RenderJob]) throws {
        let snapshot = self
        let failures = Slots<String>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let job = jobs[i]
            do {
                try snapshot.writeRendered(job.file, template: job.template, context: job.context(snapshot))
            } catch {
                failures[i] = "\(error)"
            }
        }
        if let failure = failures.values.compactMap({ $0 }).first { throw FileSystemError(path: portal.id, reason: failure) }
    }

    /// Jobs for a paginated list at `folder`: page 1 at the folder, then `page/N/`.
    mutating func listJobs(folder: String, members: [Int], template: String, claimedBy location: SourceLocation,
                           extra: @escaping @Sendable (PortalBuild, _ number: Int) -> [String: Any]) -> [RenderJob] {
        let perPage = portal.config.paginate
        let total = max(1, (members.count + perPage - 1) / perPage)
        var jobs: [RenderJob] = []
        for number in 1...total {
            let file = number == 1 ? URLMap.indexFile(folder) : URLMap.indexFile(Path.join(folder, "page/\(number)"))
            if number > 1 { urls.claim(file, by: location, what: "страница списка", diagnostics: &diagnostics) }
            let chunk = Array(members.dropFirst((number - 1) * perPage).prefix(perPage))
            jobs.append(RenderJob(file: file, template: template) { build in
                var context = extra(build, number)
                var list = (context["list"] as? [String: Any]) ?? [:]
                list["pages"] = chunk.map(build.card)
                list["hasPages"] = !chunk.isEmpty
                context["list"] = list
                if let pagination = build.paginationContext(folder: folder, number: number, total: total) {
                    context["pagination"] = pagination
                }
                return context
            })
        }
        return jobs
    }

    /// Section lists (paginated) and the home page.
    static func writeSections(_ build: inout PortalBuild) throws {
        var jobs: [RenderJob] = []
        for path in build.portal.sections.keys.sorted() {
            let section = build.portal.sections[path]!
            if let index = section.indexPage, !build.includedSet.contains(index) { continue }
            guard let folder = build.urls.sectionPaths[path] else { continue }
            let subsections: [Subsection] = section.children.compactMap { child in
                let sub = build.portal.sections[child]!
                if let index = sub.indexPage, !build.includedSet.contains(index) { return nil }
                return Subsection(path: child, count: sub.pages.filter { build.includedSet.contains($0) }.count)
            }
            if path.isEmpty {
                jobs.append(RenderJob(file: "index.html", template: "home") { build in
                    var context = build.sectionPageContext(path: path, section: section)
                    context["home"] = build.homeContext()
                    let sections = subsections.map { build.subsectionContext($0) }
                    context["list"] = ["pages": [Any](), "hasPages": false, "sections": sections, "hasSections": !sections.isEmpty]
                    return context
                })
                continue
            }
            let template = section.indexPage.flatMap { build.portal.pages[$0].layout }.flatMap { build.theme.templateNames.contains($0) ? $0 : nil }
                ?? build.blockSectionTemplate(path: path) ?? "section"
            // The events template shows its own lists (upcoming, past, months) and the
            // documents template its table of acts, not pages of cards: one page each.
            let ownList = template == "events" || template == "documents"
            let members = ownList ? [] : section.pages.filter { build.includedSet.contains($0) }.sorted(by: build.listOrder)
            jobs += build.listJobs(folder: folder, members: members, template: template,
                                   claimedBy: SourceLocation(file: "content/\(build.portal.id)/\(path)", line: 0, column: 0)) { build, number in
                var context = build.sectionPageContext(path: path, section: section)
                let sections = number == 1 ? subsections.map { build.subsectionContext($0) } : []
                // The information block's own page lists the plan pages.
                let plans = number == 1 && path == build.infoSection ? build.plansContext : []
                context["list"] = ["sections": sections, "hasSections": !sections.isEmpty, "plans": plans, "hasPlans": !plans.isEmpty]
                build.blockSectionContext(path: path, into: &context)
                return context
            }
        }
        try stopOnErrors(&build)
        try build.render(jobs)
        build.pagesWritten += jobs.count
    }

    struct Subsection: Sendable {
        var path: String
        var count: Int
    }

    func subsectionContext(_ sub: Subsection) -> [String: Any] {
        let section = portal.sections[sub.path]!
        return ["title": section.title, "url": urls.sectionURL(sub.path) ?? "",
                "summary": section.indexPage.flatMap { portal.pages[$0].summary } ?? "", "count": sub.count]
    }

    /// The context of a section's own page (its `_index.md`, or a stand-in).
    func sectionPageContext(path: String, section: Section) -> [String: Any] {
        let title = path.isEmpty ? portal.config.title : section.title
        let sectionURL = urls.sectionURL(path) ?? urls.url("")
        var context = baseContext(title: title, sitePath: sectionURL,
                                  description: section.indexPage.flatMap { portal.pages[$0].summary },
                                  activeTop: topSection(of: path))
        if let index = section.indexPage {
            context["page"] = pageContext(index)
        } else {
            context["page"] = (["title": title, "url": sectionURL, "content": "", "hasDate": false, "tags": [Any]()] as [String: Any])
                .merging(Self.crumbs(breadcrumbs(directory: path, title: title, isSectionIndex: true))) { $1 }
        }
        return context
    }

    /// `home.*`: the four blocks, the latest publications, upcoming events.
    func homeContext() -> [String: Any] {
        let blocks: [[String: Any]] = BlockKind.allCases.compactMap { block in
            guard let path = topSections.first(where: { portal.sections[$0]?.block == block }) else { return nil }
            let members = included.filter { index in
                let page = portal.pages[index]
                return !page.isSectionIndex && page.relativePath.hasPrefix(path + "/")
            }
            let recent = members.sorted(by: newestFirst).prefix(3).map(card)
            let description = portal.sections[path]?.indexPage.flatMap { portal.pages[$0].summary } ?? block.description
            return ["id": block.rawValue, "title": block.title, "sectionTitle": portal.sections[path]!.title,
                    "description": description, "url": urls.sectionURL(path) ?? "", "count": members.count,
                    "hasRecent": !recent.isEmpty, "recent": recent]
        }
        let latest = publications.prefix(6).map(card)
        // Upcoming and running events, soonest first.
        let events = self.blocks.events.filter { portal.pages[$0].features.event!.lastDay >= today }.prefix(4).map(card)
        let eventsSection = self.blocks.eventSections.keys.sorted().first
        return ["blocks": blocks, "latest": latest, "hasLatest": !latest.isEmpty, "events": events, "hasEvents": !events.isEmpty,
                "eventsUrl": eventsSection.flatMap { urls.sectionURL($0) } ?? ""]
    }

    /// A page per tag (paginated) and the index of all tags.
    static func writeTags(_ build: inout PortalBuild) throws {
        var byTag: [String: (name: String, pages: [Int])] = [:]
        // Sections with tags (a course, say) are listed too; the home page is not.
        for index in build.included where build.portal.pages[index].relativePath != "_index.md" {
            for tag in build.portal.pages[index].tags {
                var slug = Transliteration.slug(tag)
                if slug.isEmpty { slug = "teg" }
                byTag[slug, default: (tag, [])].pages.append(index)
            }
        }
        let sorted = byTag.sorted { ($0.value.name.lowercased(), $0.key) < ($1.value.name.lowercased(), $1.key) }
        var jobs: [RenderJob] = []
        let location = SourceLocation(file: "content/\(build.portal.id)", line: 0, column: 0)
        for (slug, tag) in sorted {
            let folder = "tags/\(slug)"
            build.urls.claim(URLMap.indexFile(folder), by: location, what: "страница тега", diagnostics: &build.diagnostics)
            let name = tag.name
            jobs += build.listJobs(folder: folder, members: tag.pages.sorted(by: build.newestFirst), template: "tag", claimedBy: location) { build, _ in
                let url = build.urls.url(folder + "/")
                var context = build.baseContext(title: "Тег «\(name)»", sitePath: url, description: nil, activeTop: nil)
                context["tag"] = ["name": name, "url": url]
                context["page"] = ["title": "Тег «\(name)»", "url": url]
                    .merging(crumbs([["title": "Главная", "url": build.urls.url("")], ["title": "Теги", "url": build.urls.url("tags/")], ["title": name, "url": ""]])) { $1 }
                return context
            }
        }
        let index: [(slug: String, name: String, count: Int)] = sorted.map { ($0.key, $0.value.name, $0.value.pages.count) }
        jobs.append(RenderJob(file: "tags/index.html", template: "tags") { build in
            var context = build.baseContext(title: "Теги", sitePath: build.urls.url("tags/"), description: nil, activeTop: nil)
            context["tags"] = index.map { ["name": $0.name, "url": build.urls.url("tags/\($0.slug)/"), "count": $0.count] as [String: Any] }
            context["page"] = ["title": "Теги", "url": build.urls.url("tags/")]
                .merging(crumbs([["title": "Главная", "url": build.urls.url("")], ["title": "Теги", "url": ""]])) { $1 }
            return context
        })
        try stopOnErrors(&build)
        try build.render(jobs)
        build.pagesWritten += jobs.count
    }

    /// A redirect page at every old URL of a renamed page.
    static func writeAliases(_ build: inout PortalBuild) throws {
        for index in build.included {
            let page = build.portal.pages[index]
            for alias in page.aliases {
                guard let file = aliasFile(alias.value) else { continue }
                let target = build.url(ofPage: index)
                let context: [String: Any] = ["lang": "ru", "pageTitle": page.title,
                                              "target": ["url": target, "canonicalUrl": build.baseURL.absolute(target)]]
                try build.write(file, build.theme.render("alias", context))
                build.pagesWritten += 1
            }
        }
    }

    /// Atom feed, sitemap, robots.txt and the 404 page.
    static func writeFeeds(_ build: inout PortalBuild) throws {
        let zone = build.portal.config.timeZone
        let publications = build.publications
        let updated = publications.first.flatMap { build.portal.pages[$0].date?.rfc3339(in: zone) }
            ?? PageDate(day: build.today).rfc3339(in: zone)
        var atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
          <title>\(Escape.xml(build.portal.config.title))</title>
          <id>\(Escape.xml(build.baseURL.string))</id>
          <link rel="alternate" type="text/html" href="\(Escape.xml(build.baseURL.string))"/>
          <link rel="self" type="application/atom+xml" href="\(Escape.xml(build.baseURL.absolute(build.urls.url("atom.xml"))))"/>
          <updated>\(updated)</updated>
          <author><name>\(Escape.xml(build.portal.config.shortTitle))</name></author>

        """
        for index in publications.prefix(50) {
            let page = build.portal.pages[index]
            let link = build.baseURL.absolute(build.url(ofPage: index))
            let summary = page.summary ?? build.rendered[index]?.excerpt ?? ""
            atom += """
              <entry>
                <title>\(Escape.xml(page.title))</title>
                <id>\(Escape.xml(link))</id>
                <link rel="alternate" type="text/html" href="\(Escape.xml(link))"/>
                <updated>\(page.date!.rfc3339(in: zone))</updated>
                <summary>\(Escape.xml(summary))</summary>
            \(page.tags.map { "    <category term=\"\(Escape.xml($0))\"/>\n" }.joined())  </entry>

            """
        }
        atom += "</feed>\n"
        try build.write("atom.xml", atom)

        var sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var entries: [(String, String?)] = [(build.urls.url(""), nil)]
        for path in build.portal.sections.keys.sorted() where !path.isEmpty {
            if let index = build.portal.sections[path]!.indexPage, !build.includedSet.contains(index) { continue }
            if let url = build.urls.sectionURL(path) { entries.append((url, nil)) }
        }
        for index in build.included where !build.portal.pages[index].isSectionIndex {
            entries.append((build.url(ofPage: index), build.portal.pages[index].date?.day.iso))
        }
        for listing in build.blocks.listings { entries.append((build.urls.url(listing.folder + "/"), nil)) }
        for (url, lastmod) in entries {
            sitemap += "  <url><loc>\(Escape.xml(build.baseURL.absolute(url)))</loc>"
            if let lastmod { sitemap += "<lastmod>\(lastmod)</lastmod>" }
            sitemap += "</url>\n"
        }
        sitemap += "</urlset>\n"
        try build.write("sitemap.xml", sitemap)
        try build.write("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(build.baseURL.absolute(build.urls.url("sitemap.xml")))\n")

        var context = build.baseContext(title: "Страница не найдена", sitePath: build.urls.url("404.html"), description: nil, activeTop: nil)
        context["page"] = ["title": "Страница не найдена", "url": build.urls.url("404.html")]
            .merging(crumbs([["title": "Главная", "url": build.urls.url("")], ["title": "Страница не найдена", "url": ""]])) { $1 }
        try build.write("404.html", build.theme.render("404", context))
        build.filesWritten += 4
    }

    /// Theme files, then the portal's own static files over them, files next
    /// to pages, and the brand stylesheet.
    static func copyFiles(_ build: inout PortalBuild) throws {
        let portalStatic = Set(build.portal.staticFiles)
        for file in build.theme.staticFiles where !portalStatic.contains(file.path) {
            if build.urls.claims[file.path] != nil { continue } // generated output wins over a theme file
            try build.sink.copy(file.source, to: file.path, fileSystem: build.fileSystem)
            build.filesWritten += 1
        }
        for file in build.portal.staticFiles {
            try build.sink.copy(Path.join(build.portal.root, "static", file), to: file, fileSystem: build.fileSystem)
            build.filesWritten += 1
        }
        for (resource, output) in build.urls.resourcePaths.sorted(by: { $0.key < $1.key }) {
            try build.sink.copy(Path.join(build.portal.root, resource), to: output, fileSystem: build.fileSystem)
            build.filesWritten += 1
        }
        try build.write("css/brand.css", Brand.css(build.brand))
        build.filesWritten += 1
    }
}
