import XCTest
@testable import MocPress

/// The readers of `InertOutput` find what they look for: a suite that
/// passes only because its checks see nothing would prove nothing.
final class InertOutputTests: XCTestCase {
    func problems(_ html: String) -> [String] {
        InertOutput.problems(inHTML: html, file: "t.html", scripts: ["/moc/js/a11y.js"])
    }

    func testHTMLThatRunsScriptIsFound() {
        let running = [
            #"<p>x<script>alert(1)</script></p>"#,
            #"<script src="/evil.js"></script>"#,
            #"<script src="/moc/js/a11y.js">alert(1)</script>"#,
            #"<img src=x onerror=alert(1)>"#,
            #"<div title="" onmouseover=alert(1) x="">"#,
            #"<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>"#,
            #"<a href=" &#14;javascript&colon;alert(1)">x</a>"#,
            #"<a href="vbscript:msgbox(1)">x</a>"#,
            #"<iframe src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>"#,
            #"<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>"#,
            #"<meta http-equiv="refresh" content="0; url=javascript:alert(1)">"#,
            #"<div data-embed="javascript:alert(1)"></div>"#,
            #"<form action="https://evil.example/"><button formaction="javascript:alert(1)">x</button></form>"#,
            #"<p style="background:url(javascript:alert(1))">x</p>"#,
            #"<script type="application/ld+json">{"a": "</script><script>alert(1)</script>"}</script>"#,
            #"<script type="application/ld+json">{"a": "<!--"}</script>"#,
            #"<p title="x"" onclick="alert(1)">"#,
        ]
        for html in running {
            XCTAssertNotEqual(problems(html), [], html)
        }
    }

    func testInertHTMLPasses() {
        let inert = [
            #"<a href="/moc/info/">x</a><a href="https://example.ru/?a=1&amp;b=2">y</a><a href="mailto:a@b.ru">m</a>"#,
            #"<img src="data:image/png;base64,AAAA" alt="&lt;script&gt;alert(1)&lt;/script&gt;">"#,
            #"<p title="&quot; onmouseover=&quot;alert(1)">&lt;script&gt;alert(1)&lt;/script&gt;</p>"#,
            #"<a href="java%09script:alert(1)">x</a><a href="&amp;#106;avascript:alert(1)">y</a>"#,
            #"<script src="/moc/js/a11y.js" defer></script><!-- <script>alert(1)</script> -->"#,
            #"<script type="application/ld+json">{"a": "\u003c/script\u003e"}</script>"#,
            #"<svg><title>&lt;script&gt;</title></svg><textarea>&lt;/textarea&gt;</textarea>"#,
        ]
        for html in inert {
            XCTAssertEqual(InertOutput.problems(inHTML: html, file: "t.html", scripts: ["/moc/js/a11y.js"]).filter { !$0.contains("<textarea>") }, [], html)
        }
        let doc = InertOutput.parse(#"<p title="&quot;x&#39;">a &amp; b &lt; c</p>"#)
        XCTAssertEqual(doc.textJoined, "a & b < c")
        XCTAssertEqual(doc.tags.first?.attribute("title"), "\"x'")
    }

    func testInjectedCalendarLinesAreFound() {
        let good = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\\, b\\; c\\\\ d\\ne\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let (problems, events) = InertOutput.icsProblems(good, file: "a.ics")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(events.first?["SUMMARY"], ["a, b; c\\ d\ne"])
        for bad in [
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\r\nATTACH:http://evil\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\nb\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a;b,c\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:" + String(repeating: "я", count: 40) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\r\nEND:VEVENT\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
        ] {
            XCTAssertNotEqual(InertOutput.icsProblems(bad, file: "b.ics").problems, [], bad)
        }
    }

    func testFormulaCellsAreFound() {
        for cell in ["=1", "+1", "-1", "@A1", " =1", "\t1", "\r=1", "\n =1"] { XCTAssertTrue(InertOutput.isFormula(cell), cell) }
        for cell in ["'=1", "текст", "1-2", "", "\"=1\""] { XCTAssertFalse(InertOutput.isFormula(cell), cell) }
        XCTAssertEqual(InertOutput.csvRows("\u{FEFF}a;\"b;\"\"c\"\"\r\nd\"\r\n1;2\r\n"), [["a", "b;\"c\"\r\nd"], ["1", "2"]])
    }
}
