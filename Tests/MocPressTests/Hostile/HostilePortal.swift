import Foundation

/// Hostile input for every field that reaches an output: a portal whose
/// portal.yaml, front matter, Markdown, plans, file names and data files all
/// carry script, attribute breakouts, URL schemes that run code, line
/// injections for iCalendar and formula injections for Excel.
enum Hostile {
    /// Script in every shape a browser would run, plus characters that close
    /// attributes, tags, comments and `<script>` blocks. Each test looks for
    /// it coming back as text.
    static let xss = #"<script>alert(1)</script><img src=x onerror=alert(1)>"'><svg onload=alert(1)>&amp;</script><!--"#

    /// Line injection for iCalendar: a bare CR, CRLF and the characters TEXT escapes.
    static let icsInjection = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:внедрено;a,b\\c\nDESCRIPTION:x"

    /// Characters XML 1.0 forbids, a terminal escape and a form feed.
    static let controls = "\u{0}\u{1}\u{B}\u{C}\u{1B}]0;pwned\u{7}\u{FFFE}\u{FFFF}"

    /// Cells a spreadsheet would run as formulas.
    static let formulas = [
        #"=HYPERLINK("http://evil.example/","нажмите")"#, "+1+1", "-2+3", "@SUM(1)", " =1+1", "\t=1+1", "\r=1+1", #""=1+1""#,
    ]

    /// A legitimate title: Cyrillic, guillemets, quotes, an ampersand and a less-than sign.
    static let normalTitle = #"Конкурс «Юный техник» & "Робототехника" — 'итоги' 5 < 7"#

    static let portal = "hostile"
    static let broken = "broken"

    /// Names of files next to pages: quotes, angle brackets, ampersand, semicolon, spaces, Cyrillic.
    static let attachmentName = #"Отчёт "итоги" & <планы>; 'v2'.pdf"#
    static let oddExtensionName = "Памятка.<svg onload=alert(1)>"
    static let actFileName = #"Приказ <1> "&" ';'.pdf"#
    static let dataFileName = #"данные <script> & "x"; 'y'.csv"#
    static let yamlDataName = #"доля <b>"'&.yaml"#
    static let formulaDataName = "формулы.csv"
    static let logoName = #"logo "'<&;>.svg"#
    static let folderName = #"<img src=x onerror=alert(1)> "папка" & 'x'"#

    /// A YAML double-quoted scalar holding exactly `text` (control characters as escapes).
    static func yaml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A hostile value with a label, so that each field's value is told apart in the output.
    static func value(_ label: String) -> String { "\(label) \(xss)" }

    /// Markdown with the vectors of raw HTML (dropped with `unsafe_html: false`),
    /// URLs that run code (with case, whitespace and entity obfuscation),
    /// attribute breakouts and `</script>` in text.
    static let markdown = #"""
    Первый абзац </script><!-- <script>alert(1)</script> и &lt;script&gt; и "кавычки" & амперсанд.

    <script>alert('raw')</script>

    <img src=x onerror=alert('raw-img')>

    <div onmouseover="alert(1)"><a href="javascript:alert(1)">блок</a></div>

    Текст <b onclick=alert(1)>жирный</b> <svg onload=alert(1)> и <a href="javascript:alert(1)">ссылка</a> <iframe src="javascript:alert(1)"></iframe>.

    <style>body{background:url(javascript:alert(1))}</style>

    <iframe srcdoc="<script>alert(1)</script>"></iframe>

    <math><mi xlink:href="javascript:alert(1)">x</mi></math>

    [js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [tab](java&#x09;script:alert(1)) [nl](java&#x0A;script:alert(1))
    [ent](&#106;avascript:alert(1)) [colon](javascript&colon;alert(1))
    [vb](vbscript:msgbox(1)) [VB](VbScRiPt:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
    [angle](<javascript:alert(1)>) [spaced](< javascript:alert(1)>) [file](file:///etc/passwd)

    <javascript:alert(1)> <JAVASCRIPT:alert(1)> <vbscript:msgbox(1)>

    ![img js](javascript:alert(1)) ![img data](data:text/html,<script>alert(1)</script>) ![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)

    [title](https://example.ru/ "\" onmouseover=\"alert(1)") [x](" onmouseover=alert(1) x=") [y](<https://example.ru/" onmouseover="alert(1)>)

    ![" onerror="alert(1)](https://example.ru/a.png "' onerror='alert(1)")

    [ссылка по ссылке][r] [ещё][r2]

    [r]: javascript:alert(1)
    [r2]: <JaVaScRiPt:alert(1)> "\"><script>alert(1)</script>"

    [запрос](/info/?a="><script>alert(1)</script>)

    [файл](/info/news/files/%D0%9E%D1%82%D1%87%D1%91%D1%82%20%22%D0%B8%D1%82%D0%BE%D0%B3%D0%B8%22%20%26%20%3C%D0%BF%D0%BB%D0%B0%D0%BD%D1%8B%3E%3B%20'v2'.pdf)

    Текст </script><script>alert(1)</script> и </title><script>alert(1)</script> и `</script><script>alert(1)</script>`.

    ## Заголовок <script>alert(1)</script> "кавычки" & 'апостроф'

    ```"><script>alert(1)</script>
    </script><script>alert(1)</script>
    ```

    - <img src=x onerror=alert(1)>
    - [x](javascript:alert(1))
    """#

    /// The hostile portal's files, by path inside the project.
    static func files() -> [String: String] {
        let root = "content/\(portal)/"
        var files: [String: String] = [:]
        func add(_ path: String, _ text: String) { files[root + path] = text }
        func page(_ path: String, _ frontMatter: [(String, String)], body: String = markdown) {
            add(path, "---\n" + frontMatter.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n---\n" + body + "\n")
        }
        let y = { (label: String) in yaml(value(label)) }

        add("portal.yaml", """
            title: \(yaml("Муниципальный опорный центр «Тест» & \"Ко\" " + xss))
            short_title: \(y("МОЦ"))
            municipality: \(y("муниципалитет"))
            region: \(y("регион"))
            host_organization:
              name: \(y("организация"))
              url: \(yaml("https://host.example.ru/?a=1&b=\"><script>alert(1)</script>"))
            base_url: https://cdt.example.ru/moc/
            theme: moc
            timezone: Europe/Moscow
            contacts:
              address: \(y("адрес"))
              phone: \(yaml("+7 (000) 1\"><script>alert(1)</script>"))
              email: \(yaml("moc@example.ru\"><script>alert(1)</script>"))
              head: \(y("руководитель"))
            navigator_url: \(yaml("https://navigator.example.ru/\" onmouseover=\"alert(1)"))
            national_project: \(y("нацпроект"))
            social:
              - {name: \(y("соцсеть")), url: \(yaml("https://vk.com/x'\"><script>alert(1)</script>"))}
              - {name: vk, url: "https://vk.com/moc"}
            mediaplan: {grace_days: 7}
            pos_widget: \(yaml("1\" onload=\"alert(1)"))
            metrika: \(yaml("1\"><script>alert(1)</script>"))
            description: \(y("описание"))
            brand:
              logo: \(yaml("img/" + logoName))
              logo_alt: \(y("логотип"))
            """)
        add("static/img/" + logoName, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")

        page("_index.md", [("title", y("главная")), ("summary", y("анонс главной"))])

        page("metodicheskij/_index.md", [("title", y("методический блок")), ("block", "methodical"), ("summary", y("анонс блока"))])
        page("metodicheskij/material.md", [
            ("title", y("материал")), ("date", "2023-03-01"), ("direction", "техническая"),
            ("summary", y("анонс материала")),
            ("audience", "[\(y("аудитория"))]"), ("authors", "[\(y("автор"))]"),
            ("tags", "[\(y("тег")), \(yaml("<b>тег</b> & \"кавычки\""))]"),
            ("files", "\n  - {file: \(yaml("files/" + attachmentName)), title: \(y("вложение"))}\n  - \(yaml("files/" + oddExtensionName))"),
            ("params", "{note: \(y("параметр"))}"),
        ])
        add("metodicheskij/files/" + attachmentName, "%PDF-1.4 не настоящий\n")
        add("metodicheskij/files/" + oddExtensionName, "памятка\n")

        page("distantsionnyj/_index.md", [("title", y("дистанционный блок")), ("block", "distance")])
        page("distantsionnyj/kurs/_index.md", [("title", y("курс")), ("summary", y("анонс курса"))])
        page("distantsionnyj/kurs/urok-1.md", [
            ("title", y("урок")), ("weight", "1"), ("video", "https://vkvideo.ru/video-12345678_456239017"),
            ("files", "[\(yaml("../../metodicheskij/files/" + attachmentName))]"),
        ])
        page("distantsionnyj/kurs/urok-2.md", [("title", y("урок 2")), ("weight", "2")])

        page("ekspert/_index.md", [("title", y("экспертный блок")), ("block", "expert")])
        page("ekspert/otchet.md", [
            ("title", y("отчёт")), ("date", "2023-04-01"),
            ("data", """

              - file: \(yaml(dataFileName))
                title: \(y("набор данных"))
                unit: \(y("единица"))
                caption: \(y("подпись"))
                chart: bar
              - file: \(yaml(formulaDataName))
                chart: none
              - file: \(yaml(yamlDataName))
                chart: line
                title: \(y("набор YAML"))
            """),
        ])
        add("ekspert/" + yamlDataName, """
            columns: [\(yaml("Год <script>alert(1)</script>")), \(yaml("Доля \"><img src=x onerror=alert(1)>"))]
            rows:
              - [\(yaml("<svg onload=alert(1)>")), 1]
              - [\(yaml("=1+1 & «ёлка»")), 2]
            """)
        add("ekspert/" + dataFileName, """
            Показатель <script>alert(1)</script>;"2022 ""><img src=x onerror=alert(1)>";"2023 ';'"
            "<img src=x onerror=alert(1)>";1;2
            "Цифры & ""кавычки"" ; </script>";3;4
            "=HYPERLINK(""http://evil.example/"";""x"")";5;6

            """)
        add("ekspert/" + formulaDataName, ([#""Ячейка <b>""&""</b>";Значение"#] + formulas.map { cell in
            "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\";текст"
        }).joined(separator: "\n") + "\n")

        page("info/_index.md", [("title", y("информационный блок")), ("block", "info")])
        page("info/news/_index.md", [("title", y("новости"))])
        page("info/news/hostile.md", [
            ("title", yaml(value("новость") + controls)), ("date", "2023-05-12"),
            ("summary", yaml(value("анонс новости") + controls)),
            ("tags", "[\(y("тег")), \(yaml("<b>тег</b> & \"кавычки\""))]"),
            ("channels", "[\(y("канал")), vk]"),
            ("mediaplan", "[hostile-item]"),
            ("links", "[\"javascript:alert(1)\", \"JaVaScRiPt:alert(1)\", \" javascript:alert(1)\", \"java\\tscript:alert(1)\", \"vbscript:msgbox(1)\", \"data:text/html,<script>alert(1)</script>\", \(yaml("https://vk.com/wall-1_2?a=\"><script>alert(1)</script>"))]"),
            ("aliases", "[\(yaml("/stary/\"><script>alert(1)</script>/")), \(yaml("/old'&<x>.html"))]"),
            ("params", "{note: \(y("параметр"))}"),
        ])
        add("info/news/files/" + attachmentName, "%PDF-1.4 не настоящий\n")
        page("info/news/normal.md", [
            ("title", yaml(normalTitle)), ("date", "2023-06-01"), ("mediaplan", "[formula-2]"),
            ("summary", yaml("Анонс: «Юный техник» & \"Кванториум\"")),
        ], body: "Юный техник & «Кванториум»: 5 < 7 и \"цитата\".\n")
        page("info/" + folderName + "/stranitsa.md", [("title", y("страница в папке")), ("date", "2023-05-02"),
                                                      ("slug", yaml("\"'><img src=x onerror=alert(1)>")), ("layout", yaml("<script>alert(1)</script>"))])

        page("info/events/_index.md", [("title", y("мероприятия")), ("kind", "events")])
        page("info/events/sobytie.md", [
            ("title", yaml(value("мероприятие") + icsInjection)),
            ("start", "2023-05-20T10:00"), ("end", "2023-05-20T14:00"),
            ("place", yaml(value("место") + icsInjection)), ("format", "смешанно"), ("age", "7-14"),
            ("direction", "техническая"), ("cost", y("стоимость")), ("organizer", yaml(value("организатор") + icsInjection)),
            ("registration", yaml("https://navigator.example.ru/activity/1?a=\"><script>alert(1)</script>&b=1")),
            ("tags", "[\(yaml(value("тег") + icsInjection))]"),
        ], body: "Анонс </script><!-- <script>alert(1)</script> \u{2028} \u{2029} " + xss + "\n\n" + markdown)
        page("info/events/den.md", [
            ("title", y("день")), ("start", "2023-06-10"), ("place", yaml("a\nLOCATION:evil;x,y")), ("cost", "бесплатно"),
            ("format", "дистанционно"), ("organizer", y("организатор 2")),
        ])

        page("info/documents/_index.md", [("title", y("документы")), ("kind", "documents")])
        page("info/documents/prikaz.md", [
            ("title", y("приказ")),
            ("act", "{kind: creation-order, type: \(y("вид")), number: \(y("номер")), date: 2023-01-10, issuer: \(y("орган")), status: active}"),
            ("file", yaml("files/" + actFileName)),
            ("signature", "{signer: \(y("подписант")), position: \(y("должность")), date: 2023-01-10, certificate: \(y("сертификат"))}"),
        ])
        add("info/documents/files/" + actFileName, "%PDF-1.4 не настоящий\n")
        page("info/documents/mediaplan.md", [
            ("title", y("медиаплан")),
            ("act", "{kind: media-plan, number: \"1\", date: 2023-01-11, issuer: \(y("орган")), status: active}"),
            ("plan", "mediaplan/2023.yaml"), ("file", yaml("files/" + actFileName)),
        ])

        add("mediaplan/2023.yaml", """
            title: \(y("медиаплан"))
            year: 2023
            items:
              - id: hostile-item
                activity: \(yaml(formulas[0] + " " + xss + controls))
                schedule: Май 2023 г.
                result: \(yaml(formulas[1] + " " + xss))
                responsible: \(yaml(formulas[3] + " " + xss))
              - id: formula-2
                activity: \(yaml(formulas[4]))
                schedule: Июнь 2023 г.
                result: \(yaml(formulas[2]))
                responsible: \(yaml(formulas[7]))
              - id: formula-3
                activity: \(yaml(formulas[5]))
                schedule: \(yaml("=весной " + xss))
                result: \(yaml(formulas[6]))
                responsible: \(y("ответственный"))
              - id: overdue
                activity: \(y("просроченный пункт"))
                schedule: Март 2023 г.
                result: \(y("результат"))
            """)
        add("workplan/2023.yaml", """
            title: \(y("план работы"))
            year: 2023
            items:
              - id: work-1
                activity: \(yaml(formulas[0] + " " + xss))
                schedule: \(yaml("Май 2023 г. " + xss))
                result: \(y("результат работы"))
                responsible: \(y("исполнитель"))
            """)
        return files
    }

    /// A portal whose content has errors that quote hostile values: `build`
    /// refuses it, `audit` lists its errors.
    static func brokenFiles() -> [String: String] {
        var portal = TestPortal.standard(id: broken)
        portal["portal.yaml"] = TestPortal.portalYAML.replacingOccurrences(of: "theme: t", with: "theme: moc")
        portal["info/news/_index.md"] = "---\ntitle: Новости\n---\n"
        portal["info/news/zlo.md"] = """
            ---
            title: \(yaml(value("новость")))
            date: \(yaml("<script>alert(1)</script>"))
            mediaplan: [\(yaml("<script>alert(1)</script>"))]
            ---
            [битая ссылка](\(#"nope"><script>alert(1)</script>.md"#))
            """
        portal["info/events/_index.md"] = "---\ntitle: Мероприятия\nkind: events\n---\n"
        portal["portal.yaml"]! += "\nbrand:\n  color_primary: \(yaml("red;}</style><script>alert(1)</script>"))\n  font_body: \(yaml("x\"; } body { background: url(javascript:alert(1))"))\n"
        portal["info/events/e.md"] = "---\ntitle: x\nstart: 2023-05-01\nformat: \(yaml("<script>"))\nage: \(yaml("<script>"))\nvideo: \(yaml("https://vkvideo.ru/video-1_2\"><script>alert(1)</script>"))\nregistration: \(yaml("javascript:alert(1)//<script>\n::error file=x::подделка\u{1B}]0;pwned\u{7}"))\n---\n"
        return portal.files
    }
}
