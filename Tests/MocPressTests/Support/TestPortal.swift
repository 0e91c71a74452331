import Foundation
@testable import MocPress

/// A portal in memory, with a tiny theme whose templates print the values
/// tests assert on.
struct TestPortal {
    var files: [String: String] = [:]
    var id = "demo"

    static let theme: [String: String] = [
        "themes/t/brand.yaml": "color_primary: \"#112233\"\nfont_body: PT Sans\nlogo: img/logo.svg\n",
        "themes/t/static/img/logo.svg": "<svg/>",
        "themes/t/static/css/theme.css": "body{}",
        "themes/t/templates/base.mustache": """
            <!doctype html><html lang="{{lang}}"><head><title>{{pageTitle}}</title><link rel="canonical" href="{{canonicalUrl}}"><link rel="stylesheet" href="{{site.brandCss}}"></head>
            <body><nav>{{#site.menu}}<a href="{{url}}"{{#active}} class="active"{{/active}}>{{title}}</a>{{/site.menu}}</nav>
            <ol class="crumbs">{{#page.breadcrumbs}}<li>{{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}</li>{{/page.breadcrumbs}}</ol>
            {{$main}}{{/main}}</body></html>
            """,
        "themes/t/templates/page.mustache": """
            {{<base}}{{$main}}<h1>{{page.title}}</h1>{{#page.hasDate}}<time datetime="{{page.dateISO}}">{{page.dateText}}</time>{{/page.hasDate}}
            {{#page.tags}}<a class="tag" href="{{url}}">{{name}}</a>{{/page.tags}}
            <div class="content">{{{page.content}}}</div>{{/main}}{{/base}}
            """,
        "themes/t/templates/publication.mustache": """
            {{<base}}{{$main}}<article class="publication"><h1>{{page.title}}</h1><time datetime="{{page.dateISO}}">{{page.dateText}}</time>
            {{#page.channels}}<span class="channel">{{name}}</span>{{/page.channels}}{{#page.mediaplan}}<a class="claim" href="{{url}}">{{activity}}</a>{{/page.mediaplan}}<div class="content">{{{page.content}}}</div></article>{{/main}}{{/base}}
            """,
        "themes/t/templates/section.mustache": """
            {{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}
            <ul class="sections">{{#list.sections}}<li><a href="{{url}}">{{title}}</a> ({{count}})</li>{{/list.sections}}</ul>
            <ul class="pages">{{#list.pages}}<li><a href="{{url}}">{{title}}</a> {{dateText}} — {{summary}}</li>{{/list.pages}}</ul>
            {{#pagination}}<nav class="pagination">{{#hasPrev}}<a rel="prev" href="{{prevUrl}}">Назад</a>{{/hasPrev}} {{current}}/{{total}} {{#hasNext}}<a rel="next" href="{{nextUrl}}">Вперёд</a>{{/hasNext}}</nav>{{/pagination}}{{/main}}{{/base}}
            """,
        "themes/t/templates/home.mustache": """
            {{<base}}{{$main}}<h1>{{site.title}}</h1>{{{page.content}}}
            {{#home.blocks}}<section class="block-{{id}}"><h2><a href="{{url}}">{{title}}</a></h2>{{count}}{{#recent}}<a href="{{url}}">{{title}}</a>{{/recent}}</section>{{/home.blocks}}
            <ul class="latest">{{#home.latest}}<li><a href="{{url}}">{{title}}</a></li>{{/home.latest}}</ul>
            <ul class="events">{{#home.events}}<li>{{title}} {{dateText}}</li>{{/home.events}}</ul>{{/main}}{{/base}}
            """,
        "themes/t/templates/tag.mustache": "{{<base}}{{$main}}<h1>{{tag.name}}</h1>{{#list.pages}}<a href=\"{{url}}\">{{title}}</a>{{/list.pages}}{{/main}}{{/base}}",
        "themes/t/templates/tags.mustache": "{{<base}}{{$main}}{{#tags}}<a href=\"{{url}}\">{{name}} ({{count}})</a>{{/tags}}{{/main}}{{/base}}",
        "themes/t/templates/plan.mustache": """
            {{<base}}{{$main}}<h1>{{plan.title}}</h1><table>{{#plan.items}}<tr id="{{id}}"><td>{{number}}</td><td>{{activity}}</td><td>{{schedule}}</td>{{#plan.isMedia}}<td class="{{status}}">{{statusText}}{{#publications}} <a href="{{url}}">{{title}}</a>{{/publications}}</td>{{/plan.isMedia}}</tr>{{/plan.items}}</table>{{/main}}{{/base}}
            """,
        "themes/t/templates/404.mustache": "{{<base}}{{$main}}<h1>Страница не найдена</h1>{{/main}}{{/base}}",
        "themes/t/templates/alias.mustache": "<!doctype html><meta http-equiv=\"refresh\" content=\"0; url={{target.url}}\"><link rel=\"canonical\" href=\"{{target.canonicalUrl}}\"><a href=\"{{target.url}}\">{{pageTitle}}</a>",
    ]

    static let portalYAML = """
        title: Муниципальный опорный центр Тестового района
        short_title: МОЦ Тестового района
        base_url: https://cdt.example.ru/moc/
        theme: t
        contacts:
          phone: +7 (47555) 2-11-11
        """

    static let mediaPlan = """
        title: Медиаплан освещения деятельности МОЦ на 2023 год
        year: 2023
        items:
          - id: navigator
            activity: Информирование о работе регионального навигатора
            schedule: Май 2023 г.
            result: Информация на сайте МОЦ
            responsible: МОЦ
          - id: site-section
            activity: Пополнение раздела МОЦ на сайте
            schedule: в течение года
            result: Публикации
            responsible: МОЦ
        """

    /// A portal with the four blocks, each with one page.
    static func standard(id: String = "demo") -> TestPortal {
        var portal = TestPortal()
        portal.id = id
        portal["portal.yaml"] = portalYAML
        portal["_index.md"] = "---\ntitle: Главная\n---\nДобро пожаловать.\n"
        portal["metodicheskij/_index.md"] = "---\ntitle: Методический блок\nblock: methodical\nweight: 1\n---\n"
        portal["metodicheskij/programma.md"] = "---\ntitle: Программа «Робототехника»\ndate: 2023-03-01\ndirection: техническая\n---\nТекст программы.\n"
        portal["distantsionnyj/_index.md"] = "---\ntitle: Дистанционный блок\nblock: distance\nweight: 2\n---\n"
        portal["distantsionnyj/kurs.md"] = "---\ntitle: Курс\n---\nУрок.\n"
        portal["ekspert/_index.md"] = "---\ntitle: Экспертно-аналитический блок\nblock: expert\nweight: 3\n---\n"
        portal["ekspert/monitoring.md"] = "---\ntitle: Мониторинг 2023\n---\nИтоги.\n"
        portal["info/_index.md"] = "---\ntitle: Информационный блок\nblock: info\nweight: 4\n---\n"
        portal["info/news/_index.md"] = "---\ntitle: Новости\n---\n"
        portal["mediaplan/2023.yaml"] = TestPortal.mediaPlan
        portal["info/news/pervaya.md"] = "---\ntitle: Первая новость\ndate: 2023-05-12\ntags: [Навигатор]\nchannels: [site, vk]\nmediaplan: [navigator]\n---\nНовость о навигаторе.\n"
        return portal
    }

    subscript(path: String) -> String? {
        get { files["content/\(id)/\(path)"] }
        set { files["content/\(id)/\(path)"] = newValue }
    }

    var fileSystem: MemoryFileSystem {
        MemoryFileSystem(files.merging(TestPortal.theme) { a, _ in a })
    }

    static let buildDate = ISO8601DateFormatter().date(from: "2024-01-15T12:00:00Z")!

    func build(_ options: BuildOptions = BuildOptions(now: TestPortal.buildDate)) -> (report: PortalBuildReport, output: MemorySink) {
        let sink = MemorySink()
        let report = SiteBuilder(options: options, fileSystem: fileSystem).build(portal: id, into: sink)
        return (report, sink)
    }
}

extension PortalBuildReport {
    var errors: [String] { diagnostics.filter { $0.severity == .error }.map(\.description) }
    var warnings: [String] { diagnostics.filter { $0.severity == .warning }.map(\.description) }
}
