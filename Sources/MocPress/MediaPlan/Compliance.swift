/// A publication as evidence for the checker: what it claims and when it appeared.
public struct Publication: Sendable, Hashable {
    /// Site path without the base path: `/info/news/navigator-2023/`.
    public var path: String
    public var title: String
    public var date: PageDate
    /// Media plan item ids from `mediaplan:`.
    public var claims: [String]
    /// `links:` — copies elsewhere.
    public var links: [String]
    public var source: String

    public init(path: String, title: String, date: PageDate, claims: [String], links: [String] = [], source: String = "") {
        self.path = path
        self.title = title
        self.date = date
        self.claims = claims
        self.links = links
        self.source = source
    }
}

/// Статус окна исполнения.
public enum WindowStatus: String, Sendable, CaseIterable {
    case met, missing, open, upcoming
}

/// Статус пункта медиаплана.
public enum ItemStatus: String, Sendable, CaseIterable {
    case invalid
    case onDemand = "on-demand"
    case overdue
    case done
    case upcoming
    case inProgress = "in-progress"

    /// The Russian label shown on the portal and in reports.
    public var russian: String {
        switch self {
        case .invalid: return "сроки не распознаны"
        case .onDemand: return "по необходимости"
        case .overdue: return "просрочено"
        case .done: return "выполнено"
        case .upcoming: return "срок не наступил"
        case .inProgress: return "выполняется"
        }
    }
}

public struct WindowResult: Sendable {
    public var window: Window
    public var min: Int
    public var status: WindowStatus
    /// Publications that count for this window, oldest first.
    public var evidence: [Publication]
    /// Last day publications still count: end + grace days.
    public var deadline: LocalDate
}

public struct ItemResult: Sendable {
    public var plan: Plan
    public var item: PlanItem
    public var status: ItemStatus
    public var windows: [WindowResult]
    /// Every publication that claims the item, whether or not it counts.
    public var claimedBy: [Publication]

    /// The publications that count in any window, oldest first, each once.
    public var counted: [Publication] {
        Array(Set(windows.flatMap(\.evidence))).sorted { ($0.date, $0.path) < ($1.date, $1.path) }
    }
}

/// Compliance of media plans with what was published (SPEC 4). Pure: the
/// same plans, publications and dates always give the same answer.
public enum Compliance {
    /// `publications` are those a build at this moment would write (not drafts, not in the future).
    public static func evaluate(plans: [Plan], publications: [Publication], asOf: LocalDate, graceDays: Int) -> [ItemResult] {
        var byItem: [String: [Publication]] = [:]
        for publication in publications {
            for claim in Set(publication.claims) { byItem[claim, default: []].append(publication) }
        }
        var results: [ItemResult] = []
        for plan in plans where plan.kind == .media {
            for item in plan.items {
                let claimed = (byItem[item.id] ?? []).sorted { ($0.date, $0.path) < ($1.date, $1.path) }
                results.append(evaluate(item: item, plan: plan, claimed: claimed, asOf: asOf, graceDays: graceDays))
            }
        }
        return results
    }

    static func evaluate(item: PlanItem, plan: Plan, claimed: [Publication], asOf: LocalDate, graceDays: Int) -> ItemResult {
        switch item.schedule {
        case .invalid:
            return ItemResult(plan: plan, item: item, status: .invalid, windows: [], claimedBy: claimed)
        case .onDemand:
            return ItemResult(plan: plan, item: item, status: .onDemand, windows: [], claimedBy: claimed)
        case .windows(let windows, let min):
            let results = windows.map { window in
                evaluate(window: window, min: min, claimed: claimed, asOf: asOf, graceDays: graceDays)
            }
            return ItemResult(plan: plan, item: item, status: status(of: results), windows: results, claimedBy: claimed)
        }
    }

    public static func evaluate(window: Window, min: Int, claimed: [Publication], asOf: LocalDate, graceDays: Int) -> WindowResult {
        let deadline = window.end.adding(days: graceDays)
        let evidence = claimed.filter { publication in
            let day = publication.date.day
            return day <= asOf && window.start <= day && day <= deadline
        }
        let status: WindowStatus
        if evidence.count >= min {
            status = .met
        } else if asOf > deadline {
            status = .missing
        } else if window.start <= asOf {
            status = .open
        } else {
            status = .upcoming
        }
        return WindowResult(window: window, min: min, status: status, evidence: evidence, deadline: deadline)
    }

    static func status(of windows: [WindowResult]) -> ItemStatus {
        if windows.contains(where: { $0.status == .missing }) { return .overdue }
        if windows.allSatisfy({ $0.status == .met }) { return .done }
        if windows.allSatisfy({ $0.status == .upcoming }) { return .upcoming }
        return .inProgress
    }
}
