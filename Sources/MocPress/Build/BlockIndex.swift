import Foundation

/// What the four blocks add to a build, worked out once before writing:
/// events and their lists, the acts package, courses, the bank of materials.
struct BlockIndex: Sendable {
    /// Events section (content folder) → its events, soonest first.
    var eventSections: [String: [Int]] = [:]
    /// Every published event, soonest first.
    var events: [Int] = []
    /// Event page → its `.ics` file in the output.
    var icsFiles: [Int: String] = [:]
    /// Documents section → its acts in package order.
    var documentSections: [String: [Int]] = [:]
    /// Documents section → the package ZIP in the output.
    var zipFiles: [String: String] = [:]
    /// Course folder → its lessons in order.
    var courses: [String: [Int]] = [:]
    /// Lesson page → its course folder.
    var lessonCourse: [Int: String] = [:]
    /// Methodical top section → its materials, newest first.
    var banks: [String: [Int]] = [:]
    /// Generated lists: months, directions, ages, tags.
    var listings: [Listing] = []
    /// Plan file (`mediaplan/2023.yaml`) → the acts that approve it.
    var planActs: [String: [Int]] = [:]
    /// `kind|section|slug` → index in `listings`, for the links cards and pages make.
    var listingIndex: [String: Int] = [:]

    static func key(_ kind: Listing.Kind, _ section: String, _ slug: String) -> String { "\(kind.rawValue)|\(section)|\(slug)" }

    func listing(_ kind: Listing.Kind, section: String?, slug: String) -> Listing? {
        guard let section, let index = listingIndex[Self.key(kind, section, slug)] else { return nil }
        return listings[index]
    }

    static let calendarFile = "calendar.ics"
    static let zipName = "paket-dokumentov.zip"
}

/// A generated list page.
struct Listing: Sendable {
    enum Kind: String, Sendable {
        case eventsMonth = "events-month", eventsDirection = "events-direction", eventsAge = "events-age"
        case materialsDirection = "materials-direction", materialsTag = "materials-tag"
        var isEvents: Bool { [.eventsMonth, .eventsDirection, .eventsAge].contains(self) }
    }
    var kind: Kind
    /// The events section or the methodical top section it belongs to.
    var section: String
    /// Output folder.
    var folder: String
    /// What it selects: `tekhnicheskaya`, `7-10`, `2023/04`, a tag's slug.
    var slug: String
    /// The page's heading: «Мероприятия: апрель 2023».
    var title: String
    /// Its name in the filter lists: «Апрель 2023», «7–10 лет».
    var label: String
    var members: [Int]
}

extension PortalBuild {
    /// The nearest section at or above `directory` that declares a kind in its `_index.md`.
    func kindRoot(of directory: String) -> String? {
        var path = directory
        while true {
            if let index = portal.sections[path]?.indexPage, portal.pages[index].kind != nil { return path }
            if path.isEmpty { return nil }
            path = Path.directory(of: path)
        }
    }

    /// Sorts events by start, then by file.
    func eventOrder(_ a: Int, _ b: Int) -> Bool {
        let x = portal.pages[a].features.event!.start.value, y = portal.pages[b].features.event!.start.value
        if x != y { return x < y }
        return portal.pages[a].relativePath < portal.pages[b].relativePath
    }

    /// Finds the block pages and claims the URLs of what they generate.
    static func indexBlocks(_ build: inout PortalBuild) {
        var index = BlockIndex()
        let portalID = build.portal.id
        let generated = { (path: String) in SourceLocation(file: "content/\(portalID)/\(path)", line: 0, column: 0) }
        for page in build.included {
            let p = build.portal.pages[page]
            guard !p.isSectionIndex, let section = build.portal.section(of: p) else { continue }
            if section.kind == .events, p.features.event != nil, let root = build.kindRoot(of: p.directory) {
                index.eventSections[root, default: []].append(page)
                index.events.append(page)
            }
            if section.kind == .documents, p.features.act != nil, let root = build.kindRoot(of: p.directory) {
                index.documentSections[root, default: []].append(page)
                if let plan = p.features.plan?.value, let normalized = Path.normalize(plan) { index.planActs[normalized, default: []].append(page) }
            }
            if section.block == .distance, p.directory.contains("/") {
                index.courses[p.directory, default: []].append(page)
                index.lessonCourse[page] = p.directory
            }
            if section.block == .methodical, let top = p.directory.split(separator: "/").first.map(String.init) {
                index.banks[top, default: []].append(page)
            }
        }
        index.events.sort(by: build.eventOrder)
        for key in index.eventSections.keys { index.eventSections[key]!.sort(by: build.eventOrder) }
        for key in index.courses.keys { index.courses[key]!.sort(by: build.listOrder) }
        for key in index.banks.keys { index.banks[key]!.sort(by: build.newestFirst) }
        for key in index.documentSections.keys {
            index.documentSections[key]!.sort { a, b in
                let x = build.portal.pages[a].features.act!, y = build.portal.pages[b].features.act!
                if x.kind.order != y.kind.order { return x.kind.order < y.kind.order }
                if x.date != y.date { return (x.date?.dayNumber ?? 0) > (y.date?.dayNumber ?? 0) }
                return build.portal.pages[a].relativePath < build.portal.pages[b].relativePath
            }
        }

        // One .ics next to every event page, and the portal's feed.
        for page in index.events {
            guard let folder = build.urls.pagePaths[page] else { continue }
            var name = Path.fileName(of: folder)
            if name.isEmpty { name = "meropriyatie" }
            let file = Path.join(folder, name + ".ics")
            index.icsFiles[page] = file
            build.urls.claim(file, by: SourceLocation(file: build.portal.pages[page].source), what: "файл календаря", diagnostics: &build.diagnostics)
        }
        if !index.events.isEmpty {
            build.urls.claim(BlockIndex.calendarFile, by: generated(""), what: "календарь мероприятий", diagnostics: &build.diagnostics)
        }

        // Lists of events by month, direction and age.
        for (section, events) in index.eventSections.sorted(by: { $0.key < $1.key }) {
            guard let folder = build.urls.sectionPaths[section] else { continue }
            var months: [Int: [Int]] = [:]
            var directions: [Direction: [Int]] = [:]
            var ages: [String: [Int]] = [:]
            for page in events {
                let p = build.portal.pages[page]
                let start = p.features.event!.start.value.day
                months[start.year * 100 + start.month, default: []].append(page)
                if let direction = p.features.direction?.value { directions[direction, default: []].append(page) }
                for group in p.features.event!.age?.groups ?? [] { ages[group.slug, default: []].append(page) }
            }
            for (key, members) in months.sorted(by: { $0.key > $1.key }) {
                let year = key / 100, month = RussianCalendar.nominativeMonths[key % 100 - 1]
                let slug = "\(year.padded(4))/\((key % 100).padded(2))"
                index.listings.append(Listing(kind: .eventsMonth, section: section, folder: Path.join(folder, slug), slug: slug,
                                              title: "Мероприятия: \(month) \(year)", label: month.prefix(1).uppercased() + month.dropFirst() + " \(year)",
                                              members: members))
            }
            for direction in Direction.allCases {
                guard let members = directions[direction] else { continue }
                index.listings.append(Listing(kind: .eventsDirection, section: section, folder: Path.join(folder, "napravlenie/\(direction.slug)"),
                                              slug: direction.slug, title: "Мероприятия: \(direction.title.lowercased())", label: direction.title,
                                              members: members))
            }
            for group in AgeRange.groups {
                guard let members = ages[group.slug] else { continue }
                index.listings.append(Listing(kind: .eventsAge, section: section, folder: Path.join(folder, "vozrast/\(group.slug)"), slug: group.slug,
                                              title: "Мероприятия: \(group.title.prefix(1).lowercased() + group.title.dropFirst())", label: group.title,
                                              members: members))
            }
        }

        // The bank of materials by direction and by tag.
        for (section, materials) in index.banks.sorted(by: { $0.key < $1.key }) {
            guard let folder = build.urls.sectionPaths[section] else { continue }
            for direction in Direction.allCases {
                let members = materials.filter { build.portal.pages[$0].features.direction?.value == direction }
                guard !members.isEmpty else { continue }
                index.listings.append(Listing(kind: .materialsDirection, section: section, folder: Path.join(folder, "napravlenie/\(direction.slug)"),
                                              slug: direction.slug, title: direction.title, label: direction.title, members: members))
            }
            var byTag: [String: (name: String, members: [Int])] = [:]
            for page in materials {
                for tag in build.portal.pages[page].tags {
                    let slug = Transliteration.slug(tag)
                    guard !slug.isEmpty else { continue }
                    byTag[slug, default: (tag, [])].members.append(page)
                }
            }
            for (slug, tag) in byTag.sorted(by: { $0.key < $1.key }) {
                index.listings.append(Listing(kind: .materialsTag, section: section, folder: Path.join(folder, "teg/\(slug)"),
                                              slug: slug, title: "Материалы с тегом «\(tag.name)»", label: tag.name, members: tag.members))
            }
        }
        for (position, listing) in index.listings.enumerated() {
            index.listingIndex[BlockIndex.key(listing.kind, listing.section, listing.slug)] = position
            build.urls.claim(URLMap.indexFile(listing.folder), by: generated(listing.section), what: "список «\(listing.title)»", diagnostics: &build.diagnostics)
        }

        // The acts package as one ZIP per documents section.
        for (section, acts) in index.documentSections.sorted(by: { $0.key < $1.key }) {
            guard let folder = build.urls.sectionPaths[section],
                  acts.contains(where: { build.packageFile(of: $0) != nil }) else { continue }
            let file = Path.join(folder, BlockIndex.zipName)
            index.zipFiles[section] = file
            build.urls.claim(file, by: generated(section), what: "архив пакета документов", diagnostics: &build.diagnostics)
        }
        build.blocks = index
    }

    /// The act's file as a portal path, when it is an active act with a file.
    func packageFile(of page: Int) -> String? {
        let p = portal.pages[page]
        guard let act = p.features.act, !act.repealed, let file = p.features.file,
              let path = Self.portalPath(file.path, relativeTo: p.directory), portal.resources.contains(path) else { return nil }
        return path
    }
}
