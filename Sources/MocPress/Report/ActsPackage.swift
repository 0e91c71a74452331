/// Пакет нормативных документов МОЦ: which acts are in place (SPEC 2.5).
enum ActsPackage {
    /// The kinds a complete package holds.
    static let required = ["creation-order", "regulation", "work-plan", "media-plan"]

    static func title(of kind: String) -> String {
        switch kind {
        case "creation-order": return "приказа (постановления) о создании МОЦ"
        case "regulation": return "положения о МОЦ"
        case "work-plan": return "плана работы"
        case "media-plan": return "медиаплана"
        default: return kind
        }
    }

    /// Complete when it holds an active creation order and regulation, and a
    /// work plan and media plan for `year` (the year of the plan the act
    /// points to with `plan:`, else the year of the act's date).
    static func status(of build: PortalBuild, year: Int) -> PackageStatus {
        var present: Set<String> = []
        for index in build.included {
            let page = build.portal.pages[index]
            guard build.portal.section(of: page)?.kind == .documents,
                  let act = page.fields["act"]?.value, let kind = act["kind"]?.string else { continue }
            if act["status"]?.string == "repealed" { continue }
            switch kind {
            case "creation-order", "regulation":
                present.insert(kind)
            case "work-plan", "media-plan":
                var actYear: Int?
                if let plan = page.fields["plan"]?.value.string, let normalized = Path.normalize(plan) {
                    actYear = build.portal.plans.first { $0.relativePath == normalized }?.year
                }
                if actYear == nil, let date = act["date"]?.string, case .date(let d) = PageDate.parse(date) { actYear = d.day.year }
                if actYear == year { present.insert(kind) }
            default:
                break
            }
        }
        let missing = required.filter { !present.contains($0) }
        return PackageStatus(complete: missing.isEmpty, missing: missing)
    }
}
