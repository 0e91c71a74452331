import Foundation

/// Template values of the four blocks (docs/theme.md, «The four blocks»).
extension PortalBuild {
    // MARK: - Shared pieces

    /// A direction chip; its link goes to the list of that direction in the
    /// page's events section or methodical block, when there is one.
    func directionContext(_ direction: Direction, in page: Page) -> [String: Any] {
        let listing = portal.section(of: page)?.kind == .events
            ? blocks.listing(.eventsDirection, section: kindRoot(of: page.directory), slug: direction.slug)
            : blocks.listing(.materialsDirection, section: page.directory.split(separator: "/").first.map(String.init), slug: direction.slug)
        return ["id": direction.slug, "name": direction.rawValue, "title": direction.title,
                "url": listing.map { urls.url($0.folder + "/") } ?? ""]
    }

    func fileContext(_ attachment: Attachment, title: String?) -> [String: Any] {
        ["url": urls.url(attachment.output), "name": attachment.name, "title": title ?? attachment.name, "ext": attachment.ext,
         "label": attachment.label, "size": attachment.size, "sha256": attachment.sha256]
    }

    /// The attachment a page's reference points at, once read.
    func attachment(_ reference: FileReference, of page: Page) -> Attachment? {
        Self.portalPath(reference.path, relativeTo: page.directory).flatMap { attachments[$0] }
    }

    // MARK: - Events

    func isEventPage(_ page: Page) -> Bool {
        !page.isSectionIndex && page.features.event != nil && portal.section(of: page)?.kind == .events
    }

    /// «21 апреля 2023 г., 10:00–14:00», «10–14 апреля 2023 г.», «30 марта – 2 апреля 2023 г.».
    static func whenText(_ start: PageDate, _ end: PageDate?) -> String {
        func time(_ m: Int) -> String { "\((m / 60).padded(2)):\((m % 60).padded(2))" }
        guard let end, end != start else { return start.russianText }
        let a = start.day, b = end.day
        if a == b {
            if let s = start.minutes, let e = end.minutes { return "\(a.russianText), \(time(s))–\(time(e))" }
            return start.russianText
        }
        var text: String
        if a.year == b.year && a.month == b.month {
            text = "\(a.day)–\(b.day) \(RussianCalendar.genitiveMonths[b.month - 1]) \(b.year) г."
        } else if a.year == b.year {
            text = "\(a.day) \(RussianCalendar.genitiveMonths[a.month - 1]) – \(b.russianText)"
        } else {
            text = "\(a.russianText) – \(b.russianText)"
        }
        if let s = start.minutes { text += ", начало в \(time(s))" }
        return text
    }

    func eventContext(_ index: Int) -> [String: Any] {
        let page = portal.pages[index]
        let event = page.features.event!
        let zone = portal.config.timeZone
        let start = event.start.value
        let months = ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
        let isPast = event.lastDay < today
        return [
            "startISO": start.iso(in: zone),
            "endISO": event.end?.value.iso(in: zone) ?? "",
            "whenText": Self.whenText(start, event.end?.value),
            "dayText": String(start.day.day), "monthText": months[start.day.month - 1], "year": String(start.day.year),
            "place": event.place ?? "",
            "format": event.format.map { ["id": $0.rawValue, "title": $0.title] as [String: Any] } ?? "",
            "formatTitle": event.format?.title ?? "",
            "ageText": event.age?.text ?? "",
            "ages": (event.age?.groups ?? []).map { group -> [String: Any] in
                let listing = blocks.listing(.eventsAge, section: kindRoot(of: page.directory), slug: group.slug)
                return ["title": group.title, "url": listing.map { urls.url($0.folder + "/") } ?? ""]
            },
            "costText": event.cost?.text ?? "",
            "isFree": event.cost == .free,
            "organizer": event.organizer ?? "",
            "registrationUrl": event.registration ?? "",
            "registrationHost": event.registration.flatMap { URLComponents(string: $0)?.host } ?? "",
            "registrationIsNavigator": event.registration.map { Self.isNavigator($0, portalNavigator: portal.config.navigatorURL) } ?? false,
            "icsUrl": blocks.icsFiles[index].map(urls.url) ?? "",
            "isPast": isPast,
        ]
    }

    /// The regional navigator of additional education: the host of the
    /// portal's `navigator_url` (regions differ: `dop29.ru`), or any
    /// `р68.навигатор.дети` (also in punycode, `xn--…`).
    static func isNavigator(_ url: String, portalNavigator: String?) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        if let own = portalNavigator.flatMap({ URLComponents(string: $0)?.host?.lowercased() }), own == host { return true }
        return host.hasSuffix("навигатор.дети") || host.hasSuffix("xn--80aafey1amqq.xn--d1acj3b") || host.contains("navigator")
    }

    /// schema.org `Event` for the event page.
    func eventJSONLD(_ index: Int) -> String {
        let page = portal.pages[index]
        let event = page.features.event!
        let zone = portal.config.timeZone
        let pageURL = baseURL.absolute(url(ofPage: index))
        var pairs: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Event")),
            ("name", .string(page.title)),
            ("url", .string(pageURL)),
            ("startDate", .string(event.start.value.iso(in: zone))),
        ]
        if let end = event.end { pairs.append(("endDate", .string(end.value.iso(in: zone)))) }
        if let summary = page.summary ?? rendered[index]?.excerpt, !summary.isEmpty { pairs.append(("description", .string(summary))) }
        pairs.append(("eventStatus", .string("https://schema.org/EventScheduled")))
        let format = event.format ?? .offline
        pairs.append(("eventAttendanceMode", .string(format.schemaMode)))
        let place: JSONValue = .object([
            ("@type", .string("Place")),
            ("name", .string(event.place ?? portal.config.municipality ?? portal.config.shortTitle)),
            ("address", .object([("@type", .string("PostalAddress")), ("streetAddress", .string(event.place ?? "")),
                                 ("addressLocality", .string(portal.config.municipality ?? "")),
                                 ("addressRegion", .string(portal.config.region ?? "")), ("addressCountry", .string("RU"))])),
        ])
        let virtual: JSONValue = .object([("@type", .string("VirtualLocation")), ("url", .string(event.registration ?? pageURL))])
        switch format {
        case .offline: pairs.append(("location", place))
        case .online: pairs.append(("location", virtual))
        case .mixed: pairs.append(("location", .array([place, virtual])))
        }
        if let age = event.age { pairs.append(("typicalAgeRange", .string(age.schemaText))) }
        var offer: [(String, JSONValue)] = [("@type", .string("Offer"))]
        switch event.cost {
        case .free?: offer += [("price", .number(0)), ("priceCurrency", .string("RUB"))]
        case .price(let value)?:
            offer += [("price", value == value.rounded() ? .number(Int(value)) : .string(String(format: "%.2f", value))), ("priceCurrency", .string("RUB"))]
        case .text(let text)?: offer += [("description", .string(text))]
        case nil: break
        }
        if event.cost != nil {
            if let registration = event.registration { offer.append(("url", .string(registration))) }
            offer.append(("availability", .string("https://schema.org/InStock")))
            pairs.append(("offers", .object(offer)))
        }
        if let organizer = event.organizer {
            pairs.append(("organizer", .object([("@type", .string("Organization")), ("name", .string(organizer))])))
        } else {
            pairs.append(("organizer", .object([("@type", .string("Organization")), ("name", .string(portal.config.shortTitle)),
                                                ("url", .string(baseURL.string))])))
        }
        if let direction = page.features.direction { pairs.append(("about", .string(direction.value.title))) }
        pairs.append(("inLanguage", .string("ru")))
        return JSONValue.object(pairs).text
    }

    /// Links to the lists of one kind in a section, for the filter panels.
    func listingLinks(_ kind: Listing.Kind, section: String, current: String?) -> [[String: Any]] {
        blocks.listings.filter { $0.kind == kind && $0.section == section }.map { listing in
            ["title": listing.label, "name": listing.label, "url": urls.url(listing.folder + "/"),
             "count": listing.members.count, "current": listing.folder == current] as [String: Any]
        }
    }

    /// `events.*` filters: months, directions, ages. `current`: the folder
    /// of the list being rendered, marked in the filters.
    func eventsFilters(section: String, current: String? = nil) -> [String: Any] {
        ["months": listingLinks(.eventsMonth, section: section, current: current),
         "directions": listingLinks(.eventsDirection, section: section, current: current),
         "ages": listingLinks(.eventsAge, section: section, current: current),
         "url": urls.sectionURL(section) ?? ""]
    }

    /// `events.*` of the events section page: the filters, upcoming and past events.
    func eventsContext(section: String) -> [String: Any] {
        let events = blocks.eventSections[section] ?? []
        let upcoming = events.filter { portal.pages[$0].features.event!.lastDay >= today }
        let upcomingSet = Set(upcoming)
        let past = events.filter { !upcomingSet.contains($0) }.reversed().prefix(30)
        var context = eventsFilters(section: section)
        context["upcoming"] = upcoming.map(card)
        context["hasUpcoming"] = !upcoming.isEmpty
        context["past"] = past.map(card)
        context["hasPast"] = !past.isEmpty
        return context
    }

    // MARK: - Acts

    func actContext(_ index: Int) -> [String: Any] {
        let page = portal.pages[index]
        let act = page.features.act!
        var row: [String: Any] = [
            "title": page.title, "url": url(ofPage: index), "kindTitle": act.kind.title, "typeTitle": act.typeTitle,
            "requisites": act.requisites(title: page.title), "number": act.number ?? "",
            "dateText": act.date?.russianNumeric ?? "", "dateISO": act.date?.iso ?? "", "issuer": act.issuer ?? "",
            "isRepealed": act.repealed, "statusText": act.repealed ? "утратил силу" : "действует",
            "hasFile": false, "file": "", "hasSignature": false, "signature": "", "hasPlan": false, "plan": "",
        ]
        if let file = page.features.file, let attachment = attachment(file, of: page) {
            row["hasFile"] = true
            row["file"] = fileContext(attachment, title: file.title)
        }
        if let signature = page.features.signature?.value {
            row["hasSignature"] = true
            row["signature"] = ["signer": signature.signer, "position": signature.position,
                                "dateText": signature.date?.russianNumeric ?? "", "certificate": signature.certificate]
        }
        if let plan = page.features.plan?.value, let normalized = Path.normalize(plan),
           let target = portal.plans.first(where: { $0.relativePath == normalized }) {
            row["hasPlan"] = true
            row["plan"] = ["title": target.title, "url": planURL(target)]
        }
        return row
    }

    /// `documents.*` for a documents section.
    func documentsContext(section: String) -> [String: Any] {
        let acts = blocks.documentSections[section] ?? []
        let active = acts.filter { !portal.pages[$0].features.act!.repealed }
        let repealed = acts.filter { portal.pages[$0].features.act!.repealed }
        let status = ActsPackage.status(of: self, year: today.year)
        var context: [String: Any] = [
            "acts": active.map(actContext), "hasActs": !active.isEmpty,
            "repealed": repealed.map(actContext), "hasRepealed": !repealed.isEmpty,
            "year": today.year, "complete": status.complete,
            "missing": status.missing.map { ["title": ActsPackage.title(of: $0)] },
            "hasZip": false, "zip": "",
        ]
        if let zip = packages[section] {
            context["hasZip"] = true
            context["zip"] = ["url": urls.url(zip.output), "name": zip.name, "label": zip.label, "sha256": zip.sha256,
                              "count": active.filter { packageFile(of: $0) != nil }.count]
        }
        return context
    }

    // MARK: - Courses and materials

    func courseContext(_ folder: String) -> [String: Any] {
        let lessons = blocks.courses[folder] ?? []
        return [
            "title": portal.sections[folder]?.title ?? "", "url": urls.sectionURL(folder) ?? "",
            "lessons": lessons.enumerated().map { n, index -> [String: Any] in
                let page = portal.pages[index]
                return ["number": n + 1, "title": page.title, "url": url(ofPage: index),
                        "summary": page.summary ?? rendered[index]?.excerpt ?? "", "hasVideo": page.features.video != nil]
            },
            "count": lessons.count, "firstUrl": lessons.first.map { url(ofPage: $0) } ?? "",
        ]
    }

    func lessonContext(_ index: Int, course folder: String) -> [String: Any] {
        let lessons = blocks.courses[folder] ?? []
        let position = lessons.firstIndex(of: index) ?? 0
        func link(_ i: Int) -> [String: Any] { ["title": portal.pages[i].title, "url": url(ofPage: i)] }
        let prev = position > 0 ? lessons[position - 1] : nil
        let next = position + 1 < lessons.count ? lessons[position + 1] : nil
        return [
            "number": position + 1, "total": lessons.count,
            "course": ["title": portal.sections[folder]?.title ?? "", "url": urls.sectionURL(folder) ?? ""],
            "hasPrev": prev != nil, "prev": prev.map(link) ?? "", "hasNext": next != nil, "next": next.map(link) ?? "",
        ]
    }

    /// `bank.*` for the methodical top section and its lists.
    func bankContext(section: String, current: String? = nil) -> [String: Any] {
        ["directions": listingLinks(.materialsDirection, section: section, current: current),
         "tags": listingLinks(.materialsTag, section: section, current: current),
         "url": urls.sectionURL(section) ?? ""]
    }

    // MARK: - What every page and card adds

    /// Block values of a content page (`page.*`).
    func blockPageContext(_ index: Int, into context: inout [String: Any]) {
        let page = portal.pages[index]
        let features = page.features
        context["hasDirection"] = features.direction != nil
        context["direction"] = features.direction.map { directionContext($0.value, in: page) } ?? ""
        context["audience"] = features.audience
        context["authors"] = features.authors
        let files = features.files.compactMap { reference in attachment(reference, of: page).map { fileContext($0, title: reference.title) } }
        context["files"] = files
        context["hasFiles"] = !files.isEmpty
        let sets = (datasets[index] ?? []).map(datasetContext)
        context["datasets"] = sets
        context["hasDatasets"] = !sets.isEmpty
        context["isMaterial"] = !page.isSectionIndex && portal.section(of: page)?.block == .methodical
        let isEvent = isEventPage(page)
        context["isEvent"] = isEvent
        if isEvent {
            context["event"] = eventContext(index).merging(["jsonLd": eventJSONLD(index)]) { a, _ in a }
        }
        let isAct = !page.isSectionIndex && features.act != nil && portal.section(of: page)?.kind == .documents
        context["isAct"] = isAct
        if isAct { context["act"] = actContext(index) }
        if let course = blocks.lessonCourse[index] {
            context["isLesson"] = true
            context["lesson"] = lessonContext(index, course: course)
        } else {
            context["isLesson"] = false
        }
        context["hasVideo"] = features.video != nil
        if let video = features.video {
            context["video"] = ["provider": video.provider, "url": video.url, "embedUrl": video.embedUrl, "title": page.title]
        }
    }

    func datasetContext(_ dataset: Dataset) -> [String: Any] {
        let table = dataset.table
        var context: [String: Any] = [
            "title": dataset.title, "caption": dataset.caption, "unit": dataset.unit,
            "table": [
                "columns": table.columns.map { ["name": $0.name, "numeric": $0.numeric] as [String: Any] },
                "rows": table.rows.map { row in
                    ["cells": row.enumerated().map { column, text in
                        ["text": text, "numeric": column > 0 && column < table.columns.count && table.columns[column].numeric] as [String: Any]
                    }] as [String: Any]
                },
            ] as [String: Any],
            "hasChart": dataset.svg != nil, "chartSvg": dataset.svg ?? "", "source": "",
        ]
        if let attachment = attachments[dataset.source] { context["source"] = fileContext(attachment, title: nil) }
        return context
    }

    /// Block values of a card.
    func blockCardContext(_ index: Int, into card: inout [String: Any]) {
        let page = portal.pages[index]
        let isEvent = isEventPage(page)
        card["isEvent"] = isEvent
        if isEvent { card["event"] = eventContext(index) }
        card["hasDirection"] = page.features.direction != nil
        card["direction"] = page.features.direction.map { directionContext($0.value, in: page) } ?? ""
    }

    /// The template of a content page when it has no `layout:`.
    func blockTemplate(for page: Page) -> String? {
        let section = portal.section(of: page)
        let wanted: String?
        if isEventPage(page) { wanted = "event" }
        else if section?.kind == .documents && page.features.act != nil { wanted = "act" }
        else if section?.block == .distance && page.directory.contains("/") { wanted = "lesson" }
        else if section?.block == .methodical { wanted = "material" }
        else { wanted = nil }
        return wanted.flatMap { theme.templateNames.contains($0) ? $0 : nil }
    }

    /// The template of a section page when its `_index.md` has no `layout:`.
    func blockSectionTemplate(path: String) -> String? {
        let section = portal.sections[path]
        let wanted: String?
        if blocks.eventSections[path] != nil || (section?.kind == .events && kindRoot(of: path) == path) { wanted = "events" }
        else if section?.kind == .documents && kindRoot(of: path) == path { wanted = "documents" }
        else if section?.block == .distance && path.contains("/") { wanted = "course" }
        else { wanted = nil }
        return wanted.flatMap { theme.templateNames.contains($0) ? $0 : nil }
    }

    /// Values a section page adds for its block.
    func blockSectionContext(path: String, into context: inout [String: Any]) {
        let section = portal.sections[path]
        if section?.kind == .events && kindRoot(of: path) == path { context["events"] = eventsContext(section: path) }
        if section?.kind == .documents && kindRoot(of: path) == path { context["documents"] = documentsContext(section: path) }
        if section?.block == .distance && path.contains("/") { context["course"] = courseContext(path) }
        if blocks.banks[path] != nil || (section?.block == .methodical && !path.contains("/")) { context["bank"] = bankContext(section: path) }
    }
}
