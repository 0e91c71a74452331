import Foundation

/// Checks of the feature keys every build needs, whatever the theme shows:
/// attached files stay inside the portal and exist; event dates are dates.
extension PortalBuild {
    /// Keys holding a path relative to the page (`file`, `files`, `data`) or
    /// to the portal folder (`plan`).
    static func checkFields(_ build: inout PortalBuild) {
        for index in build.included {
            let page = build.portal.pages[index]
            let directory = page.directory
            for key in ["file", "files", "data"] {
                guard let field = page.fields[key] else { continue }
                for path in field.value.paths {
                    build.checkPath(path, relativeTo: directory, key: key, at: field.location)
                }
            }
            if let plan = page.fields["plan"] {
                for path in plan.value.paths {
                    build.checkPath(path, relativeTo: "", key: "plan", at: plan.location, planFolders: true)
                }
            }
            build.checkEventDates(page)
        }
    }

    /// Claims on media plan items (`mediaplan:`) name items that exist; the
    /// evidence links (`links:`) are web addresses.
    static func checkClaims(_ build: inout PortalBuild) {
        let known = build.portal.mediaPlans.flatMap { $0.items.map(\.id) }
        for index in build.included {
            let page = build.portal.pages[index]
            for claim in page.mediaplanClaims where build.portal.mediaPlanItem(claim.value) == nil {
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
            for link in page.links {
                let lower = link.value.lowercased()
                if !(lower.hasPrefix("https://") || lower.hasPrefix("http://")) {
                    build.diagnostics.warning("ссылка «\(link.value)» в links: должна быть адресом https://… публикации в другом месте", at: link.location, code: Finding.Kind.brokenEvidence.rawValue)
                }
            }
        }
    }

    mutating func checkPath(_ path: String, relativeTo directory: String, key: String, at location: SourceLocation, planFolders: Bool = false) {
        guard !path.hasPrefix("/"), !path.contains(":"), let normalized = Path.normalize(Path.join(directory, path)), !normalized.isEmpty else {
            diagnostics.error("путь «\(path)» в «\(key)» ведёт за пределы папки портала: укажите файл внутри content/\(portal.id)/", at: location)
            return
        }
        let exists = portal.resources.contains(normalized)
            || (planFolders && fileSystem.isFile(Path.join(portal.root, normalized)) && !fileSystem.isSymbolicLink(Path.join(portal.root, normalized)))
        if !exists {
            diagnostics.error("файл «\(path)» из «\(key)» не найден (ищем content/\(portal.id)/\(normalized)): проверьте имя и положите файл рядом со страницей", at: location)
        }
    }

    mutating func checkEventDates(_ page: Page) {
        var dates: [String: PageDate] = [:]
        for key in ["start", "end"] {
            guard let field = page.fields[key] else { continue }
            guard let text = field.value.string else {
                diagnostics.error("«\(key)» должно быть датой ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ", at: field.location)
                continue
            }
            switch PageDate.read(text, key: key) {
            case .success(let date): dates[key] = date
            case .failure(let message): diagnostics.error(message.text, at: field.location)
            }
        }
        if let start = dates["start"], let end = dates["end"], end < start, let location = page.fields["end"]?.location {
            diagnostics.error("мероприятие заканчивается (\(end.russianText)) раньше, чем начинается (\(start.russianText)): проверьте start и end", at: location)
        }
    }
}

extension YAMLValue {
    /// A path or a list of paths (`files: [a.pdf, b.docx]`, or `- {file: a.pdf, title: …}`).
    var paths: [String] {
        switch self {
        case .string(let s): return [s]
        case .list(let items): return items.flatMap { item -> [String] in
            if case .map = item { return item["file"]?.string.map { [$0] } ?? [] }
            return item.paths
        }
        default: return []
        }
    }
}
