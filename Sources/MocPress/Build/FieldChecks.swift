import Foundation

/// Checks of the block keys every build needs, whatever the theme shows:
/// attached files stay inside the portal and exist; events, acts and
/// materials sit where they belong and say what they must.
extension PortalBuild {
    /// Paths relative to the page (`file`, `files`, `data`) or to the portal folder (`plan`).
    static func checkFields(_ build: inout PortalBuild) {
        for index in build.included {
            let page = build.portal.pages[index]
            let features = page.features
            let directory = page.directory
            for reference in build.fileReferences(of: page) {
                build.checkPath(reference.path, relativeTo: directory, key: reference.key, at: reference.location)
            }
            if let plan = features.plan {
                build.checkPath(plan.value, relativeTo: "", key: "plan", at: plan.location, planFolders: true)
            }
            build.checkPlacement(page)
        }
    }

    /// Every file a page points to, with the key that names it.
    func fileReferences(of page: Page) -> [(key: String, path: String, location: SourceLocation)] {
        var references: [(key: String, path: String, location: SourceLocation)] = []
        if let file = page.features.file { references.append(("file", file.path, file.location)) }
        references += page.features.files.map { ("files", $0.path, $0.location) }
        references += page.features.datasets.map { ("data", $0.file.path, $0.file.location) }
        return references
    }

    /// Events in events sections, acts in documents sections, materials with a direction.
    mutating func checkPlacement(_ page: Page) {
        guard !page.isSectionIndex else {
            if let key = page.features.eventKey { diagnostics.warning("ключи мероприятия в _index.md раздела не используются: опишите мероприятие отдельной страницей", at: key) }
            return
        }
        let section = portal.section(of: page)
        let features = page.features
        if section?.kind == .events {
            if !features.hasStart {
                diagnostics.error("у мероприятия нет даты начала: добавьте в front matter строку start: ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ", at: SourceLocation(file: page.source, line: 2, column: 1))
            }
        } else if let key = features.eventKey {
            diagnostics.warning("ключи мероприятия (start, place, …) действуют только в разделе мероприятий (kind: events в _index.md раздела): страница опубликована как обычная", at: key)
        }
        if section?.kind == .documents {
            if let act = features.act {
                if features.file == nil {
                    diagnostics.warning("у документа нет файла: добавьте file: files/<имя>.pdf — без файла документ не скачать", at: act.location)
                }
                if (act.kind == .workPlan || act.kind == .mediaPlan) && features.plan == nil {
                    diagnostics.warning("\(act.kind == .workPlan ? "план работы" : "медиаплан") стоит связать с утверждаемым планом: добавьте plan: \(act.kind == .workPlan ? "workplan" : "mediaplan")/<год>.yaml", at: act.location)
                }
            } else {
                diagnostics.warning("страница в разделе документов без act: не попадёт в таблицу пакета документов; добавьте act: {kind, number, date, issuer}", at: SourceLocation(file: page.source, line: 2, column: 1))
            }
        } else if let act = features.act {
            diagnostics.warning("act: действует только в разделе документов (kind: documents в _index.md раздела)", at: act.location)
        }
        if section?.block == .methodical && features.direction == nil {
            diagnostics.warning("у методического материала не указана направленность: добавьте direction: (\(Direction.allCases.map(\.rawValue).joined(separator: ", ")))", at: SourceLocation(file: page.source, line: 2, column: 1))
        }
    }

    /// Claims on media plan items (`mediaplan:`) name items that exist; the
    /// evidence links (`links:`) are web addresses.
    static func checkClaims(_ build: inout PortalBuild) {
        let known = build.portal.mediaPlans.flatMap { $0.items.map(\.id) }
        // A media plan that could not be read has its own error; its ids are unknown, not wrong.
        let planUnreadable = build.portal.unreadablePlans.contains { $0.hasPrefix("\(Plan.Kind.media.rawValue)/") }
        for index in build.included {
            let page = build.portal.pages[index]
            for claim in page.mediaplanClaims where build.portal.mediaPlanItem(claim.value) == nil && !planUnreadable {
                var message = "неизвестный пункт медиаплана «\(claim.value)»"
                if let suggestion = Spelling.closest(to: claim.value, among: known) {
                    message += ": возможно, имелось в виду «\(suggestion)»"
                } else if known.isEmpty {
                    message += ": у портала нет медиаплана (content/\(build.portal.id)/mediaplan/<год>.yaml)"
                } else {
                    message += "; пункты медиаплана: \(known.joined(separator: ", "))"
                }
                build.diagnostics.error(message, at: claim.location)
            }
            if !page.mediaplanClaims.isEmpty && !build.isPublication(page) {
                build.diagnostics.warning("mediaplan: засчитывается только у публикаций — датированных страниц информационного блока (новости, анонсы)", at: page.mediaplanClaims[0].location)
            }
            for link in page.links where !isWebAddress(link.value) {
                build.diagnostics.warning("ссылка «\(link.value)» в links: должна быть адресом https://… публикации в другом месте; на странице она не показывается", at: link.location, code: Finding.Kind.brokenEvidence.rawValue)
            }
        }
    }

    /// An http(s) address: the only `links:` a page links to (`javascript:`,
    /// `data:` and the like would run in the visitor's browser).
    static func isWebAddress(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    /// The path inside the portal a page's reference points at, or nil when it leaves the portal.
    static func portalPath(_ path: String, relativeTo directory: String) -> String? {
        guard !path.hasPrefix("/"), !path.contains(":"), !path.contains("\\"),
              let normalized = Path.normalize(Path.join(directory, path)), !normalized.isEmpty else { return nil }
        return normalized
    }

    mutating func checkPath(_ path: String, relativeTo directory: String, key: String, at location: SourceLocation, planFolders: Bool = false) {
        guard let normalized = Self.portalPath(path, relativeTo: directory) else {
            diagnostics.error("путь «\(path)» в «\(key)» ведёт за пределы папки портала: укажите файл внутри content/\(portal.id)/", at: location)
            return
        }
        let exists = portal.resources.contains(normalized)
            || (planFolders && fileSystem.isFile(Path.join(portal.root, normalized)) && !fileSystem.isSymbolicLink(Path.join(portal.root, normalized)))
        if !exists && !portal.unreadablePages.contains(normalized) {
            diagnostics.error("файл «\(path)» из «\(key)» не найден (ищем content/\(portal.id)/\(normalized)): проверьте имя и положите файл рядом со страницей", at: location)
        }
    }
}
