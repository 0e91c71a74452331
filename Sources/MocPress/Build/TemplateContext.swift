import Foundation

/// The values templates see (docs/theme.md is the contract). Built as plain
/// dictionaries so that swift-mustache reads them without reflection.
extension PortalBuild {
    func url(ofPage index: Int) -> String { urls.pageURL(index) ?? urls.url("") }

    func isPublication(_ page: Page) -> Bool {
        guard !page.isSectionIndex, page.date != nil else { return false }
        let section = portal.section(of: page)
        return section?.block == .info && section?.kind == nil
    }

    /// Published ordinary pages, newest first.
    var publications: [Int] {
        included.filter { isPublication(portal.pages[$0]) }.sorted(by: newestFirst)
    }

    func newestFirst(_ a: Int, _ b: Int) -> Bool {
        let x = portal.pages[a], y = portal.pages[b]
        if x.date != y.date { return (x.date?.day.dayNumber ?? Int.min, x.date?.minutes ?? 0) > (y.date?.day.dayNumber ?? Int.min, y.date?.minutes ?? 0) }
        return x.relativePath < y.relativePath
    }

    /// Hugo's order: weight (unset last), then newest, then title.
    func listOrder(_ a: Int, _ b: Int) -> Bool {
        let x = portal.pages[a], y = portal.pages[b]
        let wx = x.weight == 0 ? Int.max : x.weight, wy = y.weight == 0 ? Int.max : y.weight
        if wx != wy { return wx < wy }
        if x.date != y.date { return newestFirst(a, b) }
        if x.title != y.title { return x.title < y.title }
        return x.relativePath < y.relativePath
    }

    func tagURL(_ tag: String) -> String {
        let slug = Transliteration.slug(tag)
        return urls.url("tags/\(slug.isEmpty ? "teg" : slug)/")
    }

    func tagsContext(_ tags: [String]) -> [[String: Any]] {
        tags.map { ["name": $0, "url": tagURL($0)] }
    }

    /// A card in a list: made once per build by `prepareCards`.
    func card(_ index: Int) -> [String: Any] {
        cards.value[index] ?? makeCard(index)
    }

    func makeCard(_ index: Int) -> [String: Any] {
        let page = portal.pages[index]
        let section = portal.section(of: page)
        var card: [String: Any] = [
            "title": page.title,
            "url": url(ofPage: index),
            "summary": page.summary ?? rendered[index]?.excerpt ?? "",
            "tags": tagsContext(page.tags),
            "blockTitle": section?.block?.title ?? "",
        ]
        addDate(page.date, to: &card)
        if section?.kind == .events, let start = eventStart(page) {
            addDate(start, to: &card)
        }
        blockCardContext(index, into: &card)
        return card
    }

    func addDate(_ date: PageDate?, to context: inout [String: Any]) {
        context["hasDate"] = date != nil
        context["dateISO"] = date?.iso(in: portal.config.timeZone) ?? ""
        context["dateText"] = date?.russianText ?? ""
    }

    func eventStart(_ page: Page) -> PageDate? {
        page.features.event?.start.value
    }

    /// Top-level sections: the four blocks first in their order, then the rest by weight.
    func orderTopSections() -> [String] {
        let tops = portal.sections[""]?.children ?? []
        return tops.filter { path in
            let section = portal.sections[path]!
            if let index = section.indexPage { return includedSet.contains(index) }
            return true
        }.sorted { a, b in
            let sa = portal.sections[a]!, sb = portal.sections[b]!
            let ka = sa.block.map { BlockKind.allCases.firstIndex(of: $0)! } ?? 99
            let kb = sb.block.map { BlockKind.allCases.firstIndex(of: $0)! } ?? 99
            if ka != kb { return ka < kb }
            let wa = sa.indexPage.map { portal.pages[$0].weight } ?? 0
            let wb = sb.indexPage.map { portal.pages[$0].weight } ?? 0
            if wa != wb { return wa < wb }
            return sa.title < sb.title
        }
    }

    /// `site.*` without the menu: the same for every page, built once per portal.
    func makeSiteContext() -> [String: Any] {
        let config = portal.config
        let phone = config.contacts.phone ?? ""
        let phoneHref = "tel:" + phone.filter { $0.isNumber || $0 == "+" }
        return [
            "title": config.title,
            "shortTitle": config.shortTitle,
            "municipality": config.municipality ?? "",
            "region": config.region ?? "",
            "hostOrganization": ["name": config.hostOrganization?.name ?? "", "url": config.hostOrganization?.url ?? ""],
            "nationalProject": config.nationalProject ?? "",
            "navigatorUrl": config.navigatorURL ?? "",
            "contacts": ["address": config.contacts.address ?? "", "phone": phone, "phoneHref": phone.isEmpty ? "" : phoneHref,
                         "email": config.contacts.email ?? "", "head": config.contacts.head ?? ""],
            "social": config.social.map { ["name": $0.name, "url": $0.url] },
            "basePath": baseURL.path,
            "baseUrl": baseURL.string,
            "homeUrl": baseURL.path,
            "assets": baseURL.path,
            "brandCss": urls.url("css/brand.css"),
            "feedUrl": urls.url("atom.xml"),
            "logoUrl": logoURL,
            "logoAlt": brand["logo_alt"] ?? "Логотип: \(config.shortTitle)",
            "tagsUrl": urls.url("tags/"),
            "calendarUrl": blocks.events.isEmpty ? "" : urls.url(BlockIndex.calendarFile),
            "plans": plansContext,
            "metrika": config.metrika ?? "",
            "posWidget": config.posWidget ?? "",
            "year": String(today.year),
        ]
    }

    /// `site.*` for one page: the shared part plus the menu with its active item.
    func siteContext(activeTop: String?) -> [String: Any] {
        var site = sharedSite.value
        site["menu"] = topSections.map { path -> [String: Any] in
            let section = portal.sections[path]!
            return ["title": section.title, "url": urls.sectionURL(path) ?? "", "active": path == activeTop,
                    "block": section.block?.rawValue ?? ""]
        }
        var chrome = self.chrome.value
        chrome["menu"] = menus.value[activeTop ?? ""] ?? ""
        site["chrome"] = chrome
        return site
    }

    /// The context shared by every template: `lang`, `pageTitle`, `site`, ….
    func baseContext(title: String, sitePath: String, description: String?, activeTop: String?) -> [String: Any] {
        let short = portal.config.shortTitle
        return [
            "lang": "ru",
            "pageTitle": title.isEmpty || title == portal.config.title ? portal.config.title : "\(title) — \(short)",
            "canonicalUrl": baseURL.absolute(sitePath),
            "description": description ?? portal.config.title,
            "site": siteContext(activeTop: activeTop),
        ]
    }

    func topSection(of directory: String) -> String? {
        directory.split(separator: "/").first.map(String.init)
    }

    /// `page.breadcrumbs`, and `page.trail`: the same without the last (the
    /// page itself), so that the partial links the trail and names the page
    /// once instead of asking `last()` twice for every crumb (94,000 lookups
    /// on a portal of 10,000 pages).
    static func crumbs(_ list: [[String: Any]]) -> [String: Any] {
        ["breadcrumbs": list, "trail": Array(list.dropLast())]
    }

    /// Главная → sections → the page itself (without a link).
    func breadcrumbs(directory: String, title: String, isSectionIndex: Bool) -> [[String: Any]] {
        var crumbs: [[String: Any]] = [["title": "Главная", "url": urls.url("")]]
        let parts = directory.split(separator: "/").map(String.init)
        let ancestors = isSectionIndex ? parts.dropLast() : parts[...]
        var path = ""
        for part in ancestors {
            path = Path.join(path, part)
            crumbs.append(["title": portal.sections[path]?.title ?? part, "url": urls.sectionURL(path) ?? ""])
        }
        if !(directory.isEmpty && isSectionIndex) { crumbs.append(["title": title, "url": ""]) }
        return crumbs
    }

    /// `page.*` for a content page.
    func pageContext(_ index: Int) -> [String: Any] {
        let page = portal.pages[index]
        let directory = page.directory
        let section = portal.sections[directory]
        let markdown = rendered[index]
        let toc = (markdown?.headings ?? []).filter { $0.level == 2 || $0.level == 3 }
        var context: [String: Any] = [
            "title": page.title,
            "url": url(ofPage: index),
            "summary": page.summary ?? "",
            "tags": tagsContext(page.tags),
            "content": markdown?.html ?? "",
            "toc": toc.map { ["level": $0.level, "id": $0.id, "title": $0.title] as [String: Any] },
            "hasToc": toc.count >= 2,
            "isPublication": isPublication(page),
            "channels": page.channels.map { ["name": Self.channelName($0)] },
            "links": page.links.filter { Self.isWebAddress($0.value) }.map { ["url": $0.value] },
            "mediaplan": claimsContext(page),
            "params": page.params?.templateValue ?? [String: Any](),
        ]
        context.merge(Self.crumbs(breadcrumbs(directory: directory, title: page.title, isSectionIndex: page.isSectionIndex))) { $1 }
        addDate(page.date, to: &context)
        blockPageContext(index, into: &context)
        if let block = section?.block { context["block"] = ["id": block.rawValue, "title": block.title] }
        let sectionPath = page.isSectionIndex ? Path.directory(of: directory) : directory
        if !(page.isSectionIndex && directory.isEmpty), let sectionURL = urls.sectionURL(sectionPath) {
            context["section"] = ["title": sectionPath.isEmpty ? "Главная" : (portal.sections[sectionPath]?.title ?? ""), "url": sectionURL]
        }
        return context
    }

    static func channelName(_ channel: String) -> String {
        switch channel.lowercased() {
        case "site": return "Сайт"
        case "vk": return "ВКонтакте"
        case "ok": return "Одноклассники"
        case "press": return "Печатные СМИ"
        case "tv": return "Телевидение"
        case "radio": return "Радио"
        case "telegram": return "Telegram"
        default: return channel
        }
    }

    /// `pagination` for page `number` (1-based) of `total`, at `folder`.
    func paginationContext(folder: String, number: Int, total: Int) -> [String: Any]? {
        guard total > 1 else { return nil }
        func pageURL(_ n: Int) -> String {
            n == 1 ? urls.url(folder.isEmpty ? "" : folder + "/") : urls.url(Path.join(folder, "page/\(n)") + "/")
        }
        return [
            "current": number, "total": total,
            "hasPrev": number > 1, "prevUrl": number > 1 ? pageURL(number - 1) : "",
            "hasNext": number < total, "nextUrl": number < total ? pageURL(number + 1) : "",
            "pages": Self.paginationWindow(number: number, total: total).map { shown -> [String: Any] in
                // «…» as the number too: a theme's older pagination template without `gap` shows it as such.
                // `link`: neither a gap nor the current page — one test per kind instead of nested pairs.
                guard let n = shown else { return ["gap": true, "number": "…", "url": "", "current": false, "link": false] }
                return ["gap": false, "number": n, "url": pageURL(n), "current": n == number, "link": n != number]
            },
        ]
    }

    /// The page numbers a list links to: the first, the last and two either
    /// side of the current one; nil where numbers are left out («…»). Every
    /// number would make a list of 150 pages link to all 150 from each.
    static func paginationWindow(number: Int, total: Int) -> [Int?] {
        let shown = Set([1, total] + Array(max(1, number - 2)...min(total, number + 2))).sorted()
        var window: [Int?] = []
        for n in shown {
            if let last = window.last ?? nil, n > last + 1 {
                // A single missing number is shown rather than replaced by «…».
                if n == last + 2 { window.append(last + 1) } else { window.append(nil) }
            }
            window.append(n)
        }
        return window
    }
}
