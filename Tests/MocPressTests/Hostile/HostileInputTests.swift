import XCTest
@testable import MocPress

/// Issue 7, item 2: hostile input is inert. A portal carrying script in every
/// field, in Markdown, plans, file names and data files is built, checked and
/// audited with the real binary; every output is read the way its consumer
/// reads it, and nothing in it runs.
final class HostileInputTests: XCTestCase {
    var run: HostileRun { HostileRun.shared }
    let site = "site/\(Hostile.portal)"

    /// The theme's own scripts, the only ones a page may load.
    let themeScripts: Set<String> = Set(["a11y-init", "a11y", "video", "metrika", "pos-widget"].map { "/moc/js/\($0).js" })

    override func setUpWithError() throws {
        if let error = run.setupError { XCTFail("проект не подготовлен: \(error)") }
    }

    func page(_ path: String) throws -> String {
        try XCTUnwrap(run.text("\(site)/\(path)"), path)
    }

    // MARK: - Commands and files

    func testTheHostilePortalBuildsChecksAndAuditsAndTheBrokenOneIsRefused() throws {
        let build = try XCTUnwrap(run.command("build", Hostile.portal))
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(try XCTUnwrap(run.command("build", Hostile.broken)).status, 2)
        for command in run.commands where command.arguments.first == "check" {
            XCTAssertEqual(command.status, 1, "\(command.arguments): просроченный пункт\n\(command.stderr)")
        }
        let audit = try XCTUnwrap(run.command("audit"))
        XCTAssertEqual(audit.status, 2, "у портала broken ошибки в содержимом\n\(audit.stderr)")
        XCTAssertTrue(build.stderr.contains("ссылка «javascript:alert(1)» в links:"), build.stderr)
        XCTAssertTrue(build.stderr.contains("в теме нет шаблона «<script>alert(1)</script>»"), build.stderr)
        XCTAssertNotNil(run.after["\(site)/info/img-src-x-onerror-alert-1-papka-x/img-src-x-onerror-alert-1/index.html"], "slug")
        // Values that must be a colour, font, form, age, video or web address are refused, not published.
        let refused = try XCTUnwrap(run.command("build", Hostile.broken)).stderr
        for field in ["color_primary", "font_body", "registration", "видео", "date"] {
            XCTAssertTrue(refused.contains(field), "\(field): \(refused)")
        }
    }

    /// Diagnostics quote content; each stays one line of plain text, so a
    /// value cannot forge a line (CI runners obey `::error::…` lines) or an
    /// escape sequence for the terminal.
    func testDiagnosticsStayOneLineOfPlainText() throws {
        let broken = try XCTUnwrap(run.command("build", Hostile.broken))
        XCTAssertTrue(broken.stderr.contains("а не «javascript:alert(1)//<script> ::error file=x::подделка]0;pwned»"), broken.stderr)
        for command in run.commands {
            for line in command.stderr.split(separator: "\n", omittingEmptySubsequences: true) {
                XCTAssertFalse(line.hasPrefix("::"), "\(command.arguments): \(line)")
                XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(command.arguments): \(line)")
            }
        }
    }

    func testNothingIsWrittenOutsideTheOutputFolders() {
        let outputs = ["site/", ".mocpress-cache/", "reports/", "audit/"]
        let added = Set(run.after.keys).subtracting(run.before.keys)
        XCTAssertFalse(added.isEmpty)
        for path in added.sorted() where !outputs.contains(where: path.hasPrefix) {
            XCTFail("файл вне папок результата: \(path)")
        }
        for (path, bytes) in run.before {
            XCTAssertEqual(run.after[path], bytes, "файл проекта изменён: \(path)")
        }
        XCTAssertEqual(run.links, [], "символические ссылки в результате")
        XCTAssertFalse(run.after.keys.contains { $0.hasPrefix("site/\(Hostile.broken)/") }, "портал с ошибками не собран")
        // Even the hostile old address and file names stay inside the portal's folder.
        XCTAssertNotNil(run.after["\(site)/stary/\"><script>alert(1)</script>/index.html"])
        XCTAssertNotNil(run.after["\(site)/old'&<x>.html"])
    }

    // MARK: - HTML pages

    func testNoPageRunsScriptOrLinksToCode() {
        XCTAssertGreaterThan(HostileRun.pages.count, 30)
        for page in HostileRun.pages {
            let problems = InertOutput.problems(in: page.document, file: page.path, scripts: themeScripts)
            XCTAssertEqual(problems, [], page.path)
        }
    }

    /// Every hostile value that reaches a page comes back as the text it was.
    func testHostileValuesAreShownAsText() throws {
        // Text nodes and attribute values of every page.
        var values: [String] = []
        for page in HostileRun.pages {
            values += page.document.text
            for tag in page.document.tags { values += tag.attributes.map(\.value) }
        }
        let seen = Set(values).joined(separator: "\n")
        let labels = [
            "МОЦ", "муниципалитет", "регион", "организация", "адрес", "руководитель", "нацпроект", "соцсеть", "логотип",
            "главная", "анонс главной", "методический блок", "анонс блока", "материал", "анонс материала", "аудитория", "автор",
            "тег", "вложение", "дистанционный блок", "курс", "анонс курса", "урок", "урок 2", "экспертный блок", "отчёт",
            "набор данных", "единица", "подпись", "информационный блок", "новости", "новость", "анонс новости", "канал",
            "страница в папке", "мероприятия", "мероприятие", "место", "стоимость", "организатор", "день", "организатор 2",
            "документы", "приказ", "вид", "номер", "орган", "подписант", "должность", "сертификат", "медиаплан",
            "план работы", "результат работы", "исполнитель", "просроченный пункт", "результат", "ответственный",
        ]
        for label in labels {
            XCTAssertTrue(seen.contains(Hostile.value(label)), "«\(label)» не показано как текст")
        }
        XCTAssertTrue(seen.contains(Hostile.folderName), "имя папки-раздела")
        // Data files: header and cells, formulas among them, are table text.
        for cell in ["Показатель <script>alert(1)</script>", "2022 \"><img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>",
                     "Цифры & \"кавычки\" ; </script>", "=HYPERLINK(\"http://evil.example/\";\"x\")", Hostile.formulas[0], "@SUM(1)"] {
            XCTAssertTrue(seen.contains(cell), "ячейка «\(cell)»")
        }
        // Links of a file with an odd extension get a transliterated one.
        XCTAssertTrue(seen.contains("/moc/metodicheskij/files/pamyatka.svg-onload-alert-1"))
        XCTAssertNotNil(run.after["\(site)/metodicheskij/files/pamyatka.svg-onload-alert-1"])
    }

    func testALegitimateTitleStillReadsAsWritten() throws {
        let html = try page("info/news/normal/index.html")
        let heading = InertOutput.parse(html)
        XCTAssertTrue(heading.textJoined.contains(Hostile.normalTitle))
        XCTAssertTrue(html.contains(#"<h1 class="page-header__title">Конкурс «Юный техник» &amp; &quot;Робототехника&quot; — &#39;итоги&#39; 5 &lt; 7</h1>"#), html)
        XCTAssertTrue(heading.textJoined.contains("Юный техник & «Кванториум»: 5 < 7 и \"цитата\"."))
        let feed = try page("atom.xml")
        XCTAssertTrue(feed.contains("<title>Конкурс «Юный техник» &amp; &quot;Робототехника&quot; — &#39;итоги&#39; 5 &lt; 7</title>"), feed)
    }

    func testMarkdownRawHTMLIsDroppedAndUnsafeLinksLoseTheirTarget() throws {
        let html = try page("info/news/hostile/index.html")
        let doc = InertOutput.parse(html)
        let text = doc.textJoined
        // The text around the vectors is kept, the raw HTML is not shown nor run.
        // Raw HTML is dropped, even inline; what is text stays text.
        XCTAssertTrue(text.contains("Первый абзац <!-- alert(1) и <script> и \"кавычки\" & амперсанд."), text)
        XCTAssertTrue(text.contains("Текст alert(1) и alert(1) и </script><script>alert(1)</script>."), text)
        // Not a tag for CommonMark (quote in an unquoted value): shown as text.
        XCTAssertTrue(text.contains("<img src=x onerror=alert('raw-img')>"))
        XCTAssertFalse(doc.tags.contains { $0.name == "img" && $0.attribute("src") == "x" })
        XCTAssertFalse(doc.tags.contains { $0.name == "div" && $0.attribute("onmouseover") != nil })
        let links = doc.tags.filter { $0.name == "a" }.compactMap { $0.attribute("href") }
        XCTAssertTrue(links.contains("https://example.ru/"))
        XCTAssertTrue(links.contains("/moc/info/news/files/otchyot-itogi-plany-v2.pdf"), "\(links)")
        XCTAssertFalse(links.contains { InertOutput.dangerousURL($0) != nil }, "\(links)")
        let heading = try XCTUnwrap(doc.tags.first { $0.name == "h2" && ($0.attribute("id") ?? "").hasPrefix("zagolovok") })
        XCTAssertEqual(heading.attribute("id"), "zagolovok-alert-1-kavychki-apostrof")
        // Evidence links that are not web addresses are not linked at all.
        XCTAssertEqual(doc.tags.filter { $0.attribute("rel") == "noopener" && $0.name == "a" }.compactMap { $0.attribute("href") },
                       ["https://vk.com/wall-1_2?a=\"><script>alert(1)</script>"])
    }

    // MARK: - JSON-LD

    func testJSONLDIsJSONThatCannotCloseItsScript() throws {
        let html = try page("info/events/sobytie/index.html")
        let blocks = InertOutput.jsonLD(in: html)
        XCTAssertEqual(blocks.count, 1)
        let text = try XCTUnwrap(blocks.first)
        XCTAssertEqual(InertOutput.jsonLDProblems(text), [])
        XCTAssertFalse(text.contains("<"), "каждый < записан как \\u003c")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(json["name"] as? String, Hostile.value("мероприятие") + Hostile.icsInjection)
        XCTAssertEqual((json["organizer"] as? [String: Any])?["name"] as? String, Hostile.value("организатор") + Hostile.icsInjection)
        XCTAssertTrue((json["description"] as? String ?? "").hasPrefix("Анонс <!-- alert(1)"), "\(json)")
    }

    // MARK: - iCalendar

    func testICalendarFilesEscapeTextAndGainNoLines() throws {
        let files = run.files(under: site, ext: "ics")
        XCTAssertEqual(files.map(\.path), ["\(site)/calendar.ics", "\(site)/info/events/den/den.ics", "\(site)/info/events/sobytie/sobytie.ics"])
        for (path, text) in files {
            let (problems, events) = InertOutput.icsProblems(text, file: path)
            XCTAssertEqual(problems, [], path)
            XCTAssertEqual(events.count, path.hasSuffix("calendar.ics") ? 2 : 1, path)
        }
        let (_, events) = InertOutput.icsProblems(try page("calendar.ics"), file: "calendar.ics")
        // A CR is dropped (TEXT has no escape for it); the newline comes back as a newline.
        let injection = Hostile.icsInjection.replacingOccurrences(of: "\r", with: "")
        let event = try XCTUnwrap(events.first { $0["SUMMARY"]?.first?.hasPrefix("мероприятие") == true })
        XCTAssertEqual(event["SUMMARY"], [Hostile.value("мероприятие") + injection])
        XCTAssertEqual(event["LOCATION"], [Hostile.value("место") + injection])
        XCTAssertEqual(event["CATEGORIES"], ["Техническая направленность", Hostile.value("тег") + injection])
        XCTAssertTrue(event["DESCRIPTION"]?.first?.contains("Организатор: " + Hostile.value("организатор") + injection) == true)
        let day = try XCTUnwrap(events.first { $0["SUMMARY"]?.first?.hasPrefix("день") == true })
        XCTAssertEqual(day["LOCATION"], ["a\nLOCATION:evil;x,y"])
    }

    // MARK: - Atom, sitemap

    func testAtomFeedAndSitemapAreWellFormedXML() throws {
        let feed = try InertOutput.parseXML(try page("atom.xml")).get()
        let titles = feed.texts["feed/entry/title"] ?? []
        // XML 1.0 cannot carry these characters at all: they are dropped.
        let forbidden: Set<Unicode.Scalar> = ["\u{0}", "\u{1}", "\u{B}", "\u{C}", "\u{1B}", "\u{7}", "\u{FFFE}", "\u{FFFF}"]
        let expected = String(String.UnicodeScalarView((Hostile.value("новость") + Hostile.controls).unicodeScalars.filter { !forbidden.contains($0) }))
        XCTAssertTrue(titles.contains(expected), "\(titles)")
        XCTAssertEqual(feed.texts["feed/title"], ["Муниципальный опорный центр «Тест» & \"Ко\" " + Hostile.xss])
        XCTAssertTrue(feed.attributes.contains { $0.element == "category" && $0.value == "<b>тег</b> & \"кавычки\"" })

        let sitemap = try InertOutput.parseXML(try page("sitemap.xml")).get()
        let locations = sitemap.texts["urlset/url/loc"] ?? []
        XCTAssertGreaterThan(locations.count, 20)
        for location in locations { XCTAssertTrue(location.hasPrefix("https://cdt.example.ru/moc/"), location) }
    }

    // MARK: - check reports

    func testCSVReportsNeutraliseFormulasForExcel() throws {
        let reports = ["reports/check.csv", "reports/hostile-2023-H1.csv", "audit/audit.csv", "audit/portals/hostile-2023-H1.csv"]
        for path in reports {
            let text = try XCTUnwrap(run.text(path), path)
            let rows = InertOutput.csvRows(text)
            XCTAssertGreaterThan(rows.count, 1, path)
            for (n, row) in rows.enumerated() {
                XCTAssertEqual(row.count, rows[0].count, "\(path): строка \(n + 1) — \(row)")
                for cell in row where InertOutput.isFormula(cell) {
                    XCTFail("\(path): строка \(n + 1): формула «\(cell)»")
                }
            }
            let cells = rows.flatMap { $0 }
            XCTAssertTrue(cells.contains { $0.hasPrefix("'=HYPERLINK(") }, "\(path): формула показана как текст")
        }
        let cells = InertOutput.csvRows(try XCTUnwrap(run.text("reports/check.csv"))).flatMap { $0 }
        for formula in [" =1+1", "\t=1+1"] {
            XCTAssertTrue(cells.contains("'" + formula), "«\(formula)» экранирована: \(cells)")
        }
    }

    func testCheckReportsInEveryFormatAreInert() throws {
        let html = try XCTUnwrap(run.text("reports/check.html"))
        XCTAssertEqual(InertOutput.problems(inHTML: html, file: "check.html", scripts: [], ownStyle: true), [])
        XCTAssertTrue(InertOutput.parse(html).textJoined.contains(Hostile.formulas[0] + " " + Hostile.xss))

        let junit = try InertOutput.parseXML(try XCTUnwrap(run.text("reports/check.junit"))).get()
        XCTAssertTrue(junit.attributes.contains { $0.name == "name" && $0.value.hasPrefix("hostile-item: " + Hostile.formulas[0] + " " + Hostile.xss) })

        let json = try XCTUnwrap(run.text("reports/check.json"))
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.utf8)))

        // A terminal shows the text report: no escape sequences reach it.
        let text = try XCTUnwrap(run.text("reports/check.text"))
        XCTAssertFalse(text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }, text)
        XCTAssertTrue(text.contains("[hostile-item] " + Hostile.formulas[0] + " " + Hostile.xss), text)
    }

    func testHalfYearReportsAreInert() throws {
        for path in ["reports/hostile-2023-H1.html", "audit/portals/hostile-2023-H1.html"] {
            let html = try XCTUnwrap(run.text(path), path)
            XCTAssertEqual(InertOutput.problems(inHTML: html, file: path, scripts: [], ownStyle: true), [])
            let doc = InertOutput.parse(html)
            XCTAssertTrue(doc.textJoined.contains(Hostile.formulas[1] + " " + Hostile.xss), path)
            XCTAssertTrue(doc.textJoined.contains(Hostile.value("новость")), path)
        }
    }

    func testAuditDashboardAndPortalPagesAreInert() throws {
        let pages = run.files(under: "audit", ext: "html")
        XCTAssertEqual(pages.count, 4)
        for (path, html) in pages {
            XCTAssertEqual(InertOutput.problems(inHTML: html, file: path, scripts: [], inline: ["\n" + Audit.sortScript], ownStyle: true), [])
        }
        let dashboard = InertOutput.parse(try XCTUnwrap(run.text("audit/index.html"))).textJoined
        XCTAssertTrue(dashboard.contains("Муниципальный опорный центр «Тест» & \"Ко\" " + Hostile.xss))
        let broken = InertOutput.parse(try XCTUnwrap(run.text("audit/portals/broken.html"))).textJoined
        XCTAssertTrue(broken.contains("неизвестный пункт медиаплана «<script>alert(1)</script>»"), broken)
        XCTAssertTrue(broken.contains("«javascript:alert(1)//<script>\n::error file=x::подделка"), broken)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: XCTUnwrap(run.after["audit/audit.json"])))
    }

    // MARK: - Plans

    func testPlanPagesShowPlanTextsAsText() throws {
        for (path, labels) in [("info/mediaplan/2023/index.html", ["медиаплан", "просроченный пункт", "ответственный"]),
                               ("info/workplan/2023/index.html", ["план работы", "результат работы", "исполнитель"])] {
            let text = InertOutput.parse(try page(path)).textJoined
            for label in labels { XCTAssertTrue(text.contains(Hostile.value(label)), "\(path): \(label)") }
        }
        let media = InertOutput.parse(try page("info/mediaplan/2023/index.html")).textJoined
        XCTAssertTrue(media.contains(Hostile.formulas[0] + " " + Hostile.xss))
        XCTAssertTrue(media.contains("=весной " + Hostile.xss))
    }
}
