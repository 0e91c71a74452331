/// Пакет нормативных документов МОЦ: which acts are in place (SPEC 2.5).
enum ActsPackage {
    /// The kinds a complete package holds.
    static let required: [ActKind] = [.creationOrder, .regulation, .workPlan, .mediaPlan]

    /// «приказа (постановления) о создании МОЦ» — what is missing, in the genitive.
    static func missingTitle(of kind: ActKind) -> String {
        switch kind {
        case .creationOrder: return "приказа (постановления) о создании МОЦ"
        case .regulation: return "положения о МОЦ"
        case .workPlan: return "плана работы"
        case .mediaPlan: return "медиаплана"
        case .agreement: return "соглашения"
        case .other: return "документа"
        }
    }

    /// The year a plan act is for: the year of the plan it points to with
    /// `plan:`, else the year of the act's date.
    static func year(of page: Page, act: ActInfo, in portal: Portal) -> Int? {
        if let plan = page.features.plan?.value, let normalized = Path.normalize(plan),
           let year = portal.plans.first(where: { $0.relativePath == normalized })?.year {
            return year
        }
        return act.date?.year
    }

    /// The genitive title of a kind named by its `act.kind` value.
    static func title(of kind: String) -> String {
        ActKind(rawValue: kind).map(missingTitle) ?? kind
    }

    /// Complete when it holds an active creation order and regulation, and a
    /// work plan and media plan for `year`.
    static func status(of build: PortalBuild, year: Int) -> PackageStatus {
        var present: Set<ActKind> = []
        for index in build.included {
            let page = build.portal.pages[index]
            guard build.portal.section(of: page)?.kind == .documents, let act = page.features.act, !act.repealed else { continue }
            switch act.kind {
            case .creationOrder, .regulation:
                present.insert(act.kind)
            case .workPlan, .mediaPlan:
                if Self.year(of: page, act: act, in: build.portal) == year { present.insert(act.kind) }
            case .agreement, .other:
                break
            }
        }
        let missing = required.filter { !present.contains($0) }
        return PackageStatus(complete: missing.isEmpty, missing: missing.map(\.rawValue))
    }
}
