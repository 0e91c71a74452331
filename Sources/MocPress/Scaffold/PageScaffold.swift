import Foundation

/// `mocpress new post|event|act`: one page with the front matter its kind
/// needs, in the section of the portal where such pages live.
public struct PageScaffold: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Публикация (новость).
        case post
        /// Мероприятие.
        case event
        /// Документ пакета нормативных актов.
        case act

        /// Where a page of this kind goes when `--section` is not given, in Russian.
        var sectionName: String {
            switch self {
            case .post: return "раздел новостей информационного блока (block: info)"
            case .event: return "раздел мероприятий (kind: events)"
            case .act: return "раздел документов (kind: documents)"
            }
        }
    }

    public var kind: Kind
    public var title: String
    /// The moment of creation: the page's dates are today in the portal's time zone.
    public var now: Date

    public init(kind: Kind, title: String, now: Date) {
        self.kind = kind
        self.title = title.trimmingWhitespace()
        self.now = now
    }

    /// Longest file name stem: a long title still gives a readable file name.
    static let maxSlug = 80

    /// The file name stem: the transliterated title, cut at a word near 80 characters.
    public var slug: String {
        var slug = Transliteration.slug(title)
        if slug.count > Self.maxSlug {
            slug = String(slug.prefix(Self.maxSlug))
            if let dash = slug.lastIndex(of: "-") { slug = String(slug[..<dash]) }
        }
        return slug
    }

    /// The section a page of this kind belongs to: the news section of the
    /// information block (a subsection named «novosti»/«news» or titled
    /// «Новости», else the block itself), or the first `kind: events` /
    /// `kind: documents` section. Nil when the portal has none.
    public func defaultSection(in portal: Portal) -> String? {
        switch kind {
        case .post:
            guard let info = portal.sections.keys.sorted().first(where: { !$0.contains("/") && !$0.isEmpty && portal.sections[$0]?.block == .info }) else { return nil }
            let candidates = portal.sections.values.filter { $0.path.hasPrefix(info + "/") && $0.kind == nil }.map(\.path).sorted()
            let news = candidates.first { path in
                let name = Path.fileName(of: path)
                return ["novosti", "news"].contains(name) || portal.sections[path]!.title.lowercased().hasPrefix("новост")
            }
            return news ?? info
        case .event, .act:
            let wanted: SectionKind = kind == .event ? .events : .documents
            // The section that declares the kind, not its subfolders; in the information block first.
            return portal.sections.values.filter { section in
                section.kind == wanted && portal.sections[Path.directory(of: section.path)]?.kind != wanted
            }.sorted { ($0.block == .info ? 0 : 1, $0.path) < ($1.block == .info ? 0 : 1, $1.path) }.first?.path
        }
    }

    /// The page text for `portal`.
    public func text(for portal: Portal) -> String {
        YAMLText.alignComments(template(for: portal))
    }

    private func template(for portal: Portal) -> String {
        let today = LocalDate.today(at: now, in: portal.config.timeZone)
        let q = YAMLText.scalar
        let fill = Placeholder.text
        switch kind {
        case .post:
            return """
            ---
            title: \(q(title))
            date: \(today.iso)
            summary: \(q(fill("одно-два предложения для списка новостей")))
            tags: []
            mediaplan: []                         # пункты медиаплана, которые исполняет публикация, например [portal]
            channels: [site]                      # где опубликовано: site, vk, ok, press
            # links: [https://vk.com/wall-…]      # копии публикации в социальных сетях
            ---

            \(fill("текст публикации"))

            """
        case .event:
            let start = Self.nextMonth(after: today).iso
            let registration = portal.config.navigatorURL ?? "https://навигатор.дети/"
            return """
            ---
            title: \(q(title))
            start: \(start)T10:00                   # \(fill("дата и время начала"))
            end: \(start)T12:00                     # необязательно
            place: \(q(fill("место проведения: организация, адрес, помещение")))
            format: очно                          # очно, дистанционно или смешанно
            age: 7-17                             # \(fill("возраст участников, например 7-14, 5+ или 12"))
            direction: техническая                # \(fill("направленность: \(Direction.allCases.map(\.rawValue).joined(separator: ", "))"))
            cost: бесплатно                       # или 300 ₽, по сертификату
            organizer: \(q(portal.config.shortTitle))
            registration: \(q(registration))   # \(fill("страница записи на мероприятие, обычно в региональном навигаторе"))
            tags: []
            summary: \(q(fill("одно предложение о мероприятии для афиши")))
            ---

            \(fill("описание мероприятия: программа, условия участия, контакты"))

            """
        case .act:
            let kind = Self.actKind(of: title)
            var planLine = ""
            if kind == .workPlan || kind == .mediaPlan {
                let planKind: Plan.Kind = kind == .workPlan ? .work : .media
                let plans = portal.plans.filter { $0.kind == planKind }
                let plan = plans.first { $0.year == today.year } ?? plans.last
                planLine = plan.map { "\nplan: \($0.relativePath)                 # план, который утверждает документ" }
                    ?? "\n# plan: \(planKind.rawValue)/\(today.year).yaml   # план, который утверждает документ"
            }
            return """
            ---
            title: \(q(title))
            summary: \(q(fill("о чем документ, одно предложение")))
            act:
              kind: \(kind.rawValue)\(String(repeating: " ", count: max(1, 22 - kind.rawValue.count)))# creation-order, regulation, work-plan, media-plan, agreement или other
              number: \(q(fill("номер документа")))
              date: \(today.iso)                  # \(fill("дата документа"))
              issuer: \(q(fill("кем принят документ")))
              status: active                      # active (действует) или repealed (утратил силу)
            # file: files/\(slug).pdf   # \(fill("положите подписанный документ в папку files/ рядом со страницей, уберите «# » в начале строки и этот комментарий"))\(planLine)
            ---

            \(fill("краткое содержание документа"))

            """
        }
    }

    /// The kind of an act guessed from its title; `other` when it says nothing.
    static func actKind(of title: String) -> ActKind {
        let lower = title.lowercased()
        if lower.contains("медиаплан") { return .mediaPlan }
        if lower.contains("план работы") { return .workPlan }
        if lower.hasPrefix("положение") { return .regulation }
        if lower.contains("соглашение") { return .agreement }
        if lower.contains("о создании") || lower.contains("о функционировании") { return .creationOrder }
        return .other
    }

    /// The 15th of next month: a date an example event can have.
    static func nextMonth(after day: LocalDate) -> LocalDate {
        day.month == 12 ? LocalDate(year: day.year + 1, month: 1, day: 15)! : LocalDate(year: day.year, month: day.month + 1, day: 15)!
    }
}
