import Foundation

/// The approved plans on the portal: a page per plan with its table and,
/// for media plans, each item's status as of the build date and the
/// publications that fulfil it.
extension PortalBuild {
    /// Published publications as evidence, with site paths without the base path.
    var evidence: [Publication] {
        publications.map { index in
            let page = portal.pages[index]
            let folder = urls.pagePaths[index] ?? ""
            return Publication(path: "/" + (folder.isEmpty ? "" : folder + "/"), title: page.title, date: page.date!,
                               claims: page.mediaplanClaims.map(\.value), links: page.links.map(\.value), source: page.source)
        }
    }

    /// `<info block>/mediaplan/2023` — plans sit in the information block.
    func planFolder(_ plan: Plan) -> String {
        let base = infoSection.flatMap { urls.sectionPaths[$0] } ?? ""
        return Path.join(base, plan.kind.rawValue, String(plan.year))
    }

    func planURL(_ plan: Plan) -> String { urls.url(planFolder(plan) + "/") }

    /// `page.mediaplan`: the items a publication fulfils, linked to their plan rows.
    func claimsContext(_ page: Page) -> [[String: Any]] {
        page.mediaplanClaims.compactMap { claim in
            guard let (plan, item) = portal.mediaPlanItem(claim.value) else { return nil }
            return ["id": item.id, "number": item.number, "activity": item.activity, "planTitle": plan.title,
                    "url": planURL(plan) + "#" + item.id]
        }
    }

    static func claimPlanPages(_ build: inout PortalBuild) {
        for plan in build.portal.plans {
            build.urls.claim(URLMap.indexFile(build.planFolder(plan)), by: SourceLocation(file: plan.file), what: "страница плана", diagnostics: &build.diagnostics)
        }
    }

    static func writePlans(_ build: inout PortalBuild) throws {
        let results = Compliance.evaluate(plans: build.portal.plans, publications: build.evidence, asOf: build.today,
                                          graceDays: build.portal.config.graceDays)
        var jobs: [RenderJob] = []
        for plan in build.portal.plans {
            let url = build.planURL(plan)
            let statuses = Dictionary(uniqueKeysWithValues: results.filter { $0.plan.file == plan.file }.map { ($0.item.id, $0) })
            jobs.append(RenderJob(file: URLMap.indexFile(build.planFolder(plan)), template: "plan") { build in
                let info = build.infoSection
                var context = build.baseContext(title: plan.title, sitePath: url, description: nil, activeTop: info)
                var crumbs: [[String: Any]] = [["title": "Главная", "url": build.urls.url("")]]
                if let info { crumbs.append(["title": build.portal.sections[info]!.title, "url": build.urls.sectionURL(info) ?? ""]) }
                crumbs.append(["title": plan.title, "url": ""])
                context["page"] = ["title": plan.title, "url": url].merging(PortalBuild.crumbs(crumbs)) { $1 }
                context["plan"] = build.planContext(plan, statuses: statuses)
                return context
            })
        }
        try build.render(jobs)
        build.pagesWritten += jobs.count
    }

    func planContext(_ plan: Plan, statuses: [String: ItemResult]) -> [String: Any] {
        let items: [[String: Any]] = plan.items.map { item in
            var row: [String: Any] = [
                "id": item.id, "number": item.number, "activity": item.activity, "schedule": item.scheduleText,
                "result": item.result, "responsible": item.responsible,
            ]
            if let result = statuses[item.id] {
                let counted = result.counted
                let shown = counted.isEmpty ? result.claimedBy : counted
                row["status"] = result.status.rawValue
                row["statusText"] = result.status.russian
                row["publications"] = shown.map { ["title": $0.title, "url": urls.url(String($0.path.dropFirst())), "dateText": $0.date.russianText] as [String: Any] }
                row["hasPublications"] = !shown.isEmpty
            }
            return row
        }
        return [
            "title": plan.title, "year": plan.year, "isMedia": plan.kind == .media, "kindTitle": plan.kind.title,
            "asOfText": today.russianText, "items": items,
            "approvedBy": (blocks.planActs[plan.relativePath] ?? []).map(actContext),
            "hasApprovedBy": !(blocks.planActs[plan.relativePath] ?? []).isEmpty,
        ]
    }

    /// `site.plans`: every plan page, for menus and the information block.
    var plansContext: [[String: Any]] {
        portal.plans.map { ["title": $0.title, "url": planURL($0), "year": $0.year, "kindTitle": $0.kind.title] }
    }
}
