import Foundation

/// One of the four thematic blocks of a МОЦ portal (методические рекомендации).
public enum BlockKind: String, Sendable, CaseIterable, Hashable {
    case methodical, distance, expert, info

    /// «Методический блок» …
    public var title: String {
        switch self {
        case .methodical: return "Методический блок"
        case .distance: return "Дистанционный блок"
        case .expert: return "Экспертно-аналитический блок"
        case .info: return "Информационный блок"
        }
    }

    public var description: String {
        switch self {
        case .methodical: return "Методические материалы, программы, банк лучших практик"
        case .distance: return "Дистанционные курсы для детей и родителей"
        case .expert: return "Мониторинг, аналитические отчёты, независимая оценка качества"
        case .info: return "Новости, анонсы, мероприятия, медиаплан, нормативные документы, контакты"
        }
    }
}

/// What a section holds, when it is special (`kind:` in its `_index.md`).
public enum SectionKind: String, Sendable, Hashable, CaseIterable {
    /// Публичный перечень мероприятий для детей и молодёжи.
    case events
    /// Пакет нормативных документов.
    case documents
}

/// A content page: a Markdown file with front matter (страница портала).
/// A page as read from its file, shared (not copied) by every step of a
/// build: a class, because a struct of two dozen fields was copied, and its
/// strings and arrays retained one by one, wherever a step looked at a page.
public final class Page: Sendable {
    /// Path as the user sees it: `content/sosnovsky/info/news/a.md`.
    public let source: String
    /// Path inside the portal folder: `info/news/a.md`.
    public let relativePath: String
    /// True for a folder's `_index.md` (and the portal's home page).
    public let isSectionIndex: Bool

    public let title: String
    public let date: PageDate?
    public let summary: String?
    public let tags: [String]
    public let draft: Bool
    public let weight: Int
    public let slug: Located<String>?
    public let aliases: [Located<String>]
    public let layout: String?
    /// Free custom data under `params:`.
    public let params: YAMLValue?
    /// The block a top-level section declares (`block:`).
    public let block: BlockKind?
    /// The kind a section declares (`kind: events | documents`).
    public let kind: SectionKind?
    /// Media plan item ids this publication claims (`mediaplan:`), with their places.
    public let mediaplanClaims: [Located<String>]
    /// Where the publication appeared (`channels:`).
    public let channels: [String]
    /// Copies elsewhere (`links:`), the evidence for the checker.
    public let links: [Located<String>]
    /// The block keys: event facts, act, attachments, video, data files.
    public let features: PageFeatures

    /// The Markdown body as bytes, handed to cmark as is: a part of the
    /// file's bytes, not a copy of it.
    public let body: ArraySlice<UInt8>
    /// 1-based line of the file where the body starts.
    public let bodyFirstLine: Int
    /// `[ЗАПОЛНИТЕ: …]` left in the file (front matter and body).
    public let placeholders: [Placeholder]
    /// The file's bytes before the body (the front matter with its fences):
    /// `serve` updates a page alone only when these did not change.
    public let head: ArraySlice<UInt8>

    public init(source: String, relativePath: String, isSectionIndex: Bool, title: String, date: PageDate?, summary: String?,
                tags: [String], draft: Bool, weight: Int, slug: Located<String>?, aliases: [Located<String>], layout: String?,
                params: YAMLValue?, block: BlockKind?, kind: SectionKind?, mediaplanClaims: [Located<String>],
                channels: [String], links: [Located<String>], features: PageFeatures, body: ArraySlice<UInt8>, bodyFirstLine: Int,
                placeholders: [Placeholder] = [], head: ArraySlice<UInt8> = []) {
        self.source = source
        self.relativePath = relativePath
        self.directory = Path.directory(of: relativePath)
        self.isSectionIndex = isSectionIndex
        self.title = title
        self.date = date
        self.summary = summary
        self.tags = tags
        self.draft = draft
        self.weight = weight
        self.slug = slug
        self.aliases = aliases
        self.layout = layout
        self.params = params
        self.block = block
        self.kind = kind
        self.mediaplanClaims = mediaplanClaims
        self.channels = channels
        self.links = links
        self.features = features
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.placeholders = placeholders
        self.head = head
    }

    /// Folder of the page inside the portal ("" for the portal root); for an
    /// `_index.md` it is the section the page describes. Kept: every step
    /// asks for it (sections, blocks, links), for every page.
    public let directory: String
}

/// A folder of pages (раздел), described by its `_index.md` when there is one.
public struct Section: Sendable {
    /// Folder inside the portal ("" for the home section).
    public var path: String
    /// Index of the `_index.md` page in `Portal.pages`, if any.
    public var indexPage: Int?
    /// Indices of the ordinary pages directly in this folder.
    public var pages: [Int]
    /// Paths of the subfolders that are sections.
    public var children: [String]
    /// The block of the top-level section this folder belongs to.
    public var block: BlockKind?
    public var kind: SectionKind?
    /// Title from `_index.md`, else the folder name.
    public var title: String
}

/// A portal: `portal.yaml` and everything in `content/<portal>/`.
public struct Portal: Sendable {
    public var id: String
    /// Folder of the portal on disk (`content/sosnovsky`).
    public var root: String
    public var config: PortalConfig
    /// All pages, sorted by relative path.
    public var pages: [Page]
    /// Sections by folder path.
    public var sections: [String: Section]
    /// Files under `static/`, relative to it.
    public var staticFiles: [String]
    /// Other non-Markdown files in content folders (images, attachments), relative to the portal.
    public var resources: [String]
    /// Files refused with an error already (unreadable or broken pages,
    /// symbolic links, pipes): links and references to them are not
    /// reported again as missing.
    public var unreadablePages: Set<String> = []
    /// Media plans and work plans (`mediaplan/<year>.yaml`, `workplan/<year>.yaml`), by year.
    public var plans: [Plan] = []
    /// Plan files that could not be read (already reported): claims on
    /// their items are not reported again as unknown.
    public var unreadablePlans: Set<String> = []

    public var mediaPlans: [Plan] { plans.filter { $0.kind == .media } }

    /// The media plan item with this id, and its plan.
    public func mediaPlanItem(_ id: String) -> (plan: Plan, item: PlanItem)? {
        for plan in mediaPlans {
            if let item = plan.items.first(where: { $0.id == id }) { return (plan, item) }
        }
        return nil
    }

    /// The section a page sits in.
    public func section(of page: Page) -> Section? { sections[page.directory] }

    public var home: Page? { pages.first { $0.relativePath == "_index.md" } }
}
