import XCTest
@testable import MocPress

/// The holes the hostile portal found, each closed where its output is written.
final class HostileFixesTests: XCTestCase {
    func testCSVCellsThatASpreadsheetWouldRunGetAnApostrophe() {
        let cases: [(String, String)] = [
            ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(1)", "'@SUM(1)"),
            (" =1+1", "' =1+1"), ("  +1", "'  +1"), ("\t=1+1", "'\t=1+1"), ("\tтекст", "'\tтекст"),
            ("\r=1+1", "\"'\r=1+1\""), ("\n=1+1", "\"'\n=1+1\""),
            ("=HYPERLINK(\"http://x\";\"y\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\""),
            ("\"=1+1\"", "\"\"\"=1+1\"\"\""),   // starts with a quote: text for Excel, only quoted
            ("Май 2023 г.", "Май 2023 г."), ("1 = 1", "1 = 1"), ("a-b", "a-b"), ("", ""), ("   ", "   "),
        ]
        for (value, written) in cases {
            XCTAssertEqual(CSV.cell(value), written, "«\(value)»")
        }
    }

    func testXMLTextDropsEveryCharacterXMLForbids() {
        XCTAssertEqual(Escape.xml("a\u{0}b\u{1B}c\u{FFFE}d\u{FFFF}e\u{B}f"), "abcdef")
        XCTAssertEqual(Escape.xml("таб\tстрока\nвозврат\r"), "таб\tстрока\nвозврат\r")
        XCTAssertEqual(Escape.xml("<«Ёлка» & \"ёж\" '🎄' \u{FFFD}\u{FFFC}>"), "&lt;«Ёлка» &amp; &quot;ёж&quot; &#39;🎄&#39; \u{FFFD}\u{FFFC}&gt;")
        XCTAssertEqual(Escape.xml("\u{FFFF}<"), "&lt;")
    }

    func testADiagnosticIsOneLineWithoutEscapeSequences() {
        let diagnostic = Diagnostic(file: "content/a\n::error::b.md", line: 2, column: 3,
                                    message: "а не «x\r\n::error file=y::подделка\u{1B}]0;t\u{7}\u{9B}2J»")
        XCTAssertEqual(diagnostic.description, "content/a ::error::b.md:2:3: ошибка: а не «x  ::error file=y::подделка]0;t2J»")
        XCTAssertEqual("обычный текст «с кавычками»".printable, "обычный текст «с кавычками»")
    }

    func testTheTextReportKeepsPlanTextOnOneLineWithoutEscapes() {
        XCTAssertEqual("Мероприятие\r\nвторая строка\u{1B}[2J\u{7}".oneLine, "Мероприятие вторая строка[2J")
    }

    /// Evidence links (`links:`) that are not web addresses are reported and not linked.
    func testOnlyWebAddressesInLinksAreLinked() throws {
        var portal = TestPortal.standard()
        portal.files["themes/t/templates/publication.mustache"] =
            "{{<base}}{{$main}}{{#page.links}}<a href=\"{{url}}\">{{url}}</a>{{/page.links}}{{/main}}{{/base}}"
        portal["info/news/pervaya.md"] = """
            ---
            title: Первая новость
            date: 2023-05-12
            links: ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "https://vk.com/wall-1_2", "HTTP://ok.ru/x"]
            ---
            Новость.
            """
        let (report, output) = portal.build()
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(report.warnings.filter { $0.contains("в links:") }.count, 4)
        XCTAssertTrue(report.warnings.contains { $0.contains("«javascript:alert(1)» в links: должна быть адресом https://… публикации в другом месте; на странице она не показывается") })
        let html = try XCTUnwrap(output.text("info/news/pervaya/index.html"))
        XCTAssertTrue(html.contains(#"<a href="https://vk.com/wall-1_2">https://vk.com/wall-1_2</a><a href="HTTP://ok.ru/x">HTTP://ok.ru/x</a>"#), html)
        XCTAssertFalse(html.lowercased().contains("script:"), html)
        XCTAssertFalse(html.contains("data:"), html)
    }

    /// Files next to pages get a transliterated name; an extension with
    /// anything but Latin letters and digits is transliterated too.
    func testAFileExtensionWithMarkupIsTransliterated() throws {
        var portal = TestPortal.standard()
        portal["info/news/files/Памятка.<svg onload=alert(1)>"] = "памятка"
        portal["info/news/files/Отчёт \"итоги\" & <планы>; 'v2'.PDF"] = "%PDF"
        portal["info/news/pervaya.md"] = """
            ---
            title: Первая новость
            date: 2023-05-12
            ---
            [памятка](files/Памятка.%3Csvg%20onload=alert(1)%3E) и [отчёт](<files/Отчёт "итоги" & %3Cпланы%3E; 'v2'.PDF>)
            """
        let (report, output) = portal.build()
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(output.text("info/news/files/pamyatka.svg-onload-alert-1"), "памятка")
        XCTAssertEqual(output.text("info/news/files/otchyot-itogi-plany-v2.pdf"), "%PDF")
        let html = try XCTUnwrap(output.text("info/news/pervaya/index.html"))
        XCTAssertTrue(html.contains(#"<a href="/moc/info/news/files/pamyatka.svg-onload-alert-1">памятка</a>"#), html)
        XCTAssertTrue(html.contains(#"<a href="/moc/info/news/files/otchyot-itogi-plany-v2.pdf">отчёт</a>"#), html)
    }
}
