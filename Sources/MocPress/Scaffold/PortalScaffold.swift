import Foundation

/// A file of a new portal: its path inside `content/<portal>/` and its text.
public struct ScaffoldFile: Sendable, Equatable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// `mocpress new portal`: a portal with the four blocks, the typical acts
/// package and the typical work and media plans of the methodical
/// recommendations, ready to build, with `[ЗАПОЛНИТЕ: …]` wherever only the
/// МОЦ knows what to write.
public struct PortalScaffold: Sendable {
    public var id: String
    public var title: String?
    public var municipality: String?
    public var region: String?
    /// The year of the plans (`--year`).
    public var year: Int
    /// Today in the portal's time zone: dates of the welcome news, the acts, the example event.
    public var today: LocalDate

    public init(id: String, title: String? = nil, municipality: String? = nil, region: String? = nil, year: Int, today: LocalDate) {
        func clean(_ text: String?) -> String? {
            guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
            return text
        }
        self.id = id
        self.title = clean(title)
        self.municipality = clean(municipality)
        self.region = clean(region)
        self.year = year
        self.today = today
    }

    /// Portal ids are URL-safe folder names: `[a-z0-9-]+`.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// The portal's files, by path inside `content/<id>/`.
    public func files() -> [ScaffoldFile] {
        let n = ScaffoldNames(self)
        let texts = ScaffoldTexts(names: n, year: year, today: today)
        let files = [
            ScaffoldFile(path: "portal.yaml", text: texts.portalYAML),
            ScaffoldFile(path: "_index.md", text: texts.home),
            ScaffoldFile(path: "metodicheskij/_index.md", text: texts.methodicalIndex),
            ScaffoldFile(path: "metodicheskij/programma-tekhnicheskoj-napravlennosti.md", text: texts.material),
            ScaffoldFile(path: "distantsionnyj/_index.md", text: texts.distanceIndex),
            ScaffoldFile(path: "distantsionnyj/navigator-dlya-roditelej/_index.md", text: texts.course),
            ScaffoldFile(path: "distantsionnyj/navigator-dlya-roditelej/urok-1-registratsiya.md", text: texts.lesson1),
            ScaffoldFile(path: "distantsionnyj/navigator-dlya-roditelej/urok-2-sertifikat.md", text: texts.lesson2),
            ScaffoldFile(path: "ekspertno-analiticheskij/_index.md", text: texts.expertIndex),
            ScaffoldFile(path: "ekspertno-analiticheskij/okhvat-po-napravlennostyam.md", text: texts.report),
            ScaffoldFile(path: "ekspertno-analiticheskij/okhvat-po-napravlennostyam.csv", text: texts.reportData),
            ScaffoldFile(path: "info/_index.md", text: texts.infoIndex),
            ScaffoldFile(path: "info/novosti/_index.md", text: texts.newsIndex),
            ScaffoldFile(path: "info/novosti/otkrylsya-portal-moc.md", text: texts.welcome),
            ScaffoldFile(path: "info/meropriyatiya/_index.md", text: texts.eventsIndex),
            ScaffoldFile(path: "info/meropriyatiya/den-otkrytykh-dverej.md", text: texts.event),
            ScaffoldFile(path: "info/dokumenty/_index.md", text: texts.documentsIndex),
            ScaffoldFile(path: "info/dokumenty/prikaz-o-sozdanii-moc.md", text: texts.creationOrder),
            ScaffoldFile(path: "info/dokumenty/polozhenie-o-moc.md", text: texts.regulation),
            ScaffoldFile(path: "info/dokumenty/plan-raboty-\(year).md", text: texts.workPlanAct),
            ScaffoldFile(path: "info/dokumenty/mediaplan-\(year).md", text: texts.mediaPlanAct),
            ScaffoldFile(path: "info/kontakty.md", text: texts.contacts),
            ScaffoldFile(path: "mediaplan/\(year).yaml", text: texts.plan(.media)),
            ScaffoldFile(path: "workplan/\(year).yaml", text: texts.plan(.work)),
        ]
        return files.map { file in
            file.path.hasSuffix(".csv") ? file : ScaffoldFile(path: file.path, text: YAMLText.alignComments(file.text))
        }
    }
}

/// The names a scaffold writes, declined where the typical text needs it;
/// a placeholder where it cannot know or cannot decline them.
struct ScaffoldNames {
    static let titlePrefix = "Муниципальный опорный центр дополнительного образования детей "

    var title: String
    var shortTitle: String
    var municipality: String
    var region: String
    /// «Сосновского района»
    var municipalityGenitive: String
    /// «Тамбовской области»
    var regionGenitive: String
    /// «(в) Тамбовской области»
    var regionPrepositional: String
    /// На базе какой организации создан МОЦ.
    var host = Placeholder.text("наименование образовательной организации, на базе которой создан МОЦ")
    /// ОМСУ — орган местного самоуправления, осуществляющий управление в сфере образования.
    var authority = Placeholder.text("наименование органа местного самоуправления, осуществляющего управление в сфере образования")
    var authorityGenitive = Placeholder.text("наименование органа местного самоуправления, осуществляющего управление в сфере образования, в родительном падеже")

    init(_ scaffold: PortalScaffold) {
        municipality = scaffold.municipality ?? Placeholder.text("название муниципалитета, например Сосновский район")
        region = scaffold.region ?? Placeholder.text("название региона, например Тамбовская область")
        if let name = scaffold.municipality {
            municipalityGenitive = RussianName.inflect(name, .genitive) ?? "муниципального образования «\(name)»"
        } else {
            municipalityGenitive = Placeholder.text("название муниципалитета в родительном падеже, например Сосновского района")
        }
        if let name = scaffold.region {
            regionGenitive = RussianName.inflect(name, .genitive) ?? Placeholder.text("«\(name)» в родительном падеже")
            regionPrepositional = RussianName.inflect(name, .prepositional) ?? Placeholder.text("«\(name)» в предложном падеже")
        } else {
            regionGenitive = Placeholder.text("название региона в родительном падеже, например Тамбовской области")
            regionPrepositional = Placeholder.text("название региона в предложном падеже, например Тамбовской области")
        }
        title = scaffold.title ?? Self.titlePrefix + municipalityGenitive
        if title.hasPrefix(Self.titlePrefix) {
            shortTitle = "МОЦ " + title.dropFirst(Self.titlePrefix.count)
        } else {
            shortTitle = Placeholder.text("краткое название, например МОЦ Сосновского района")
        }
    }
}
