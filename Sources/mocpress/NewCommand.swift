import ArgumentParser
import Foundation
import MocPress

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Создать портал по типовым документам МОЦ или страницу портала.",
        subcommands: [NewPortalCommand.self, NewPageCommand<Post>.self, NewPageCommand<Event>.self, NewPageCommand<Act>.self]
    )
}

struct NewPortalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Создать content/<ID>/: четыре блока, типовой пакет документов, типовые план работы и медиаплан."
    )

    @Argument(help: "Имя папки портала: строчные латинские буквы, цифры и дефис.")
    var id: String

    @Option(name: .long, help: "Название портала (по умолчанию «Муниципальный опорный центр дополнительного образования детей …»).")
    var title: String?

    @Option(name: .long, help: "Муниципалитет, например «Сосновский район».")
    var municipality: String?

    @Option(name: .long, help: "Регион, например «Тамбовская область».")
    var region: String?

    @Option(name: .long, help: "Год плана работы и медиаплана (по умолчанию текущий).")
    var year: Int?

    @Option(name: .long, help: "Папка проекта с content/ и themes/.")
    var source: String = "."

    func run() throws {
        guard PortalScaffold.isValidID(id) else {
            printError("mocpress: имя портала «\(id)» не подходит: используйте строчные латинские буквы, цифры и дефис, например sosnovsky или moc-tambov")
            throw Exit.usage
        }
        if let year, !(2000...2100).contains(year) {
            printError("mocpress: --year ожидает год, например \(Calendar(identifier: .gregorian).component(.year, from: Date()))")
            throw Exit.usage
        }
        let today = LocalDate.today(at: Date(), in: TimeZone(identifier: "Europe/Moscow")!)
        let scaffold = PortalScaffold(id: id, title: title, municipality: municipality, region: region, year: year ?? today.year, today: today)
        do {
            try ScaffoldWriter.createPortal(scaffold, projectRoot: source)
        } catch let error as ScaffoldError {
            printError("mocpress: \(error.message)")
            throw error.reason == .usage ? Exit.usage : Exit.invalidContent
        }
        let folder = source == "." ? "content/\(id)" : (source as NSString).appendingPathComponent("content/\(id)")
        print("Создан портал \(folder)/: \(russianCount(scaffold.files().count, "файл", "файла", "файлов")).")
        print("Впишите свои данные вместо мест «\(Placeholder.marker) …]» — каждое покажет mocpress check \(id);")
        print("положите подписанные документы в \(folder)/info/dokumenty/files/ и укажите их в file:. Собрать: mocpress build \(id).")
    }
}

/// The kinds of `mocpress new <kind> PORTAL "Заголовок"`.
protocol NewPageKind {
    static var kind: PageScaffold.Kind { get }
    static var abstract: String { get }
}

enum Post: NewPageKind {
    static let kind = PageScaffold.Kind.post
    static let abstract = "Создать публикацию (новость) в разделе новостей информационного блока."
}

enum Event: NewPageKind {
    static let kind = PageScaffold.Kind.event
    static let abstract = "Создать мероприятие в разделе мероприятий (kind: events)."
}

enum Act: NewPageKind {
    static let kind = PageScaffold.Kind.act
    static let abstract = "Создать документ в разделе документов (kind: documents)."
}

struct NewPageCommand<Kind: NewPageKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Kind.kind.rawValue, abstract: Kind.abstract)
    }

    @Argument(help: "Портал (папка в content/).")
    var portal: String

    @Argument(help: "Заголовок страницы; имя файла — его транслитерация.")
    var title: String

    @Option(name: .long, help: "Папка раздела внутри портала, например info/anonsy (по умолчанию — раздел для страниц этого вида).")
    var section: String?

    @Option(name: .long, help: "Папка проекта с content/ и themes/.")
    var source: String = "."

    func run() throws {
        let page = PageScaffold(kind: Kind.kind, title: title, now: Date())
        do {
            let path = try ScaffoldWriter.createPage(page, portal: portal, section: section, projectRoot: source)
            print(source == "." ? path : (source as NSString).appendingPathComponent(path))
        } catch let error as ScaffoldError {
            printError("mocpress: \(error.message)")
            throw error.reason == .usage ? Exit.usage : Exit.invalidContent
        }
    }
}
