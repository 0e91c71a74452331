import Foundation
import ZIPFoundation

/// The files the four blocks add: lists, calendars, the acts package ZIP.
extension PortalBuild {
    /// Events by month, direction and age; materials by direction and tag.
    static func writeBlockLists(_ build: inout PortalBuild) throws {
        var jobs: [RenderJob] = []
        let template = build.theme.templateNames.contains("listing") ? "listing" : "section"
        for listing in build.blocks.listings {
            let members = listing.kind.isEvents ? listing.members : listing.members.sorted(by: build.newestFirst)
            jobs += build.listJobs(folder: listing.folder, members: members, template: template,
                                   claimedBy: SourceLocation(file: "content/\(build.portal.id)/\(listing.section)", line: 0, column: 0)) { build, _ in
                build.listingContext(listing)
            }
        }
        try stopOnErrors(&build)
        try build.render(jobs)
        build.pagesWritten += jobs.count
    }

    func listingContext(_ listing: Listing) -> [String: Any] {
        let url = urls.url(listing.folder + "/")
        let parentTitle = portal.sections[listing.section]?.title ?? ""
        let parentURL = urls.sectionURL(listing.section) ?? ""
        var context = baseContext(title: listing.title, sitePath: url, description: nil, activeTop: topSection(of: listing.section))
        var crumbs = breadcrumbs(directory: listing.section, title: parentTitle, isSectionIndex: true)
        crumbs[crumbs.count - 1]["url"] = parentURL
        crumbs.append(["title": listing.title, "url": ""])
        context["page"] = (["title": listing.title, "url": url, "content": "", "hasDate": false, "tags": [Any]()] as [String: Any])
            .merging(Self.crumbs(crumbs)) { $1 }
        context["listing"] = ["title": listing.title, "kind": listing.kind.rawValue, "isEvents": listing.kind.isEvents,
                              "parent": ["title": parentTitle, "url": parentURL]]
        if listing.kind.isEvents {
            context["events"] = eventsFilters(section: listing.section, current: listing.folder)
        } else {
            context["bank"] = bankContext(section: listing.section, current: listing.folder)
        }
        return context
    }

    /// One `.ics` per event and the portal's feed of all events.
    static func writeCalendars(_ build: inout PortalBuild) throws {
        guard !build.blocks.events.isEmpty else { return }
        let zone = build.portal.config.timeZone
        let events = build.blocks.events.map { build.calendarEvent($0) }
        for (n, index) in build.blocks.events.enumerated() {
            guard let file = build.blocks.icsFiles[index] else { continue }
            try build.write(file, ICalendar.calendar(name: build.portal.pages[index].title, zone: zone, events: [events[n]]))
            build.filesWritten += 1
        }
        try build.write(BlockIndex.calendarFile, ICalendar.calendar(name: "Мероприятия — \(build.portal.config.shortTitle)", zone: zone, events: events))
        build.filesWritten += 1
    }

    func calendarEvent(_ index: Int) -> CalendarEvent {
        let page = portal.pages[index]
        let event = page.features.event!
        let pageURL = baseURL.absolute(url(ofPage: index))
        var description = page.summary ?? rendered[index]?.excerpt ?? ""
        var facts: [String] = []
        if let format = event.format { facts.append("Форма: \(format.title)") }
        if let age = event.age { facts.append("Возраст: \(age.text)") }
        if let cost = event.cost { facts.append("Стоимость: \(cost.text)") }
        if let organizer = event.organizer { facts.append("Организатор: \(organizer)") }
        if let registration = event.registration { facts.append("Запись: \(registration)") }
        if !facts.isEmpty { description += (description.isEmpty ? "" : "\n\n") + facts.joined(separator: "\n") }
        let host = URLComponents(string: baseURL.string)?.host ?? portal.id
        // DTSTAMP: when the calendar was made — the build's day, so builds of one day are identical.
        let stamp = PageDate(day: today).instant(in: portal.config.timeZone)
        var categories = page.tags
        if let direction = page.features.direction { categories.insert(direction.value.title, at: 0) }
        return CalendarEvent(uid: "\(urls.pagePaths[index] ?? page.relativePath)@\(host)", summary: page.title, description: description,
                             location: event.place ?? (event.format == .online ? "Онлайн" : ""), url: pageURL, start: event.start.value,
                             end: event.end?.value, stamp: stamp, categories: categories, organizer: event.organizer ?? "")
    }

    /// The acts in force of each documents section, with an inventory, as one ZIP.
    /// Same files give the same bytes: entries in package order, dated by their acts.
    static func writePackages(_ build: inout PortalBuild) throws {
        for (section, output) in build.blocks.zipFiles.sorted(by: { $0.key < $1.key }) {
            let acts = (build.blocks.documentSections[section] ?? []).filter { build.packageFile(of: $0) != nil }
            guard let archive = try? Archive(accessMode: .create) else { throw FileSystemError(path: output, reason: "не удалось создать архив") }
            var inventory = "Пакет нормативных документов: \(build.portal.config.title)\r\n\r\n"
            var names: Set<String> = []
            for (n, index) in acts.enumerated() {
                let page = build.portal.pages[index]
                let path = build.packageFile(of: index)!
                let attachment = build.attachments[path]!
                var name = attachment.name
                if !names.insert(name).inserted { name = "\(n + 1)-\(name)"; names.insert(name) }
                let bytes = try build.fileSystem.contents(of: Path.join(build.portal.root, path))
                let act = page.features.act!
                try add(to: archive, name: name, bytes: bytes, date: act.date)
                inventory += "\(n + 1). \(act.requisites(title: page.title))\r\n"
                if let issuer = act.issuer { inventory += "   Принят: \(issuer)\r\n" }
                inventory += "   Файл: \(name) (\(attachment.label))\r\n   SHA-256: \(attachment.sha256)\r\n\r\n"
            }
            let newest = acts.compactMap { build.portal.pages[$0].features.act!.date }.max()
            try add(to: archive, name: "opis.txt", bytes: Array(inventory.utf8), date: newest)
            guard let data = archive.data else { throw FileSystemError(path: output, reason: "архив пуст") }
            let bytes = [UInt8](data)
            try build.sink.write(output, bytes: bytes)
            build.packages[section] = Attachment(output: output, name: Path.fileName(of: output), ext: "zip", size: bytes.count,
                                                 sha256: Attachment.sha256(bytes))
            build.filesWritten += 1
        }
    }

    private static func add(to archive: Archive, name: String, bytes: [UInt8], date: LocalDate?) throws {
        let day = date ?? LocalDate(year: 1980, month: 1, day: 1)!
        // Noon UTC: the same calendar day wherever the archive is opened.
        let modified = Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 43_200)
        let data = Data(bytes)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                             permissions: 0o644, compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
