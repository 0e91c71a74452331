import XCTest
@testable import MocPress

final class PageReaderTests: XCTestCase {
    func read(_ text: String) -> (Page?, [Diagnostic]) {
        var bag = DiagnosticBag()
        let page = PageReader.read(bytes: Array(text.utf8), source: "content/p/info/news/a.md", relativePath: "info/news/a.md", diagnostics: &bag)
        return (page, bag.items)
    }

    func testDecodesTheCommonKeysAndPublicationClaims() throws {
        let (page, diagnostics) = read("""
            ---
            title: Навигатор
            date: 2023-05-12
            tags: [Навигатор, ПФДО]
            mediaplan: [navigator, site-section]
            channels: [site, vk]
            links: [https://vk.com/wall-1_2]
            weight: 3
            params:
              photographer: И. Петров
            ---
            Текст
            """)
        XCTAssertEqual(diagnostics, [])
        let p = try XCTUnwrap(page)
        XCTAssertEqual(p.title, "Навигатор")
        XCTAssertEqual(p.date?.day.iso, "2023-05-12")
        XCTAssertEqual(p.tags, ["Навигатор", "ПФДО"])
        XCTAssertEqual(p.mediaplanClaims.map(\.value), ["navigator", "site-section"])
        XCTAssertEqual(p.mediaplanClaims.first?.location.line, 5)
        XCTAssertEqual(p.links.first?.value, "https://vk.com/wall-1_2")
        XCTAssertEqual(p.weight, 3)
        XCTAssertEqual(p.params?["photographer"]?.string, "И. Петров")
        XCTAssertEqual(p.bodyFirstLine, 12)
    }

    func testAMisspeltKeyIsAWarningThatNamesTheRightOne() {
        let (page, diagnostics) = read("---\ntitle: А\ntittle: Б\n---\n")
        XCTAssertNotNil(page)
        XCTAssertEqual(diagnostics.map(\.description), [
            "content/p/info/news/a.md:3:1: предупреждение: неизвестный ключ «tittle» в front matter: возможно, имелось в виду «title»",
        ])
    }

    func testARussianStyleDateIsAnErrorWithTheISOSuggestionAtItsLine() {
        let (_, diagnostics) = read("---\ntitle: А\n\ndate: 12.05.2023\n---\n")
        XCTAssertEqual(diagnostics.map(\.description), [
            "content/p/info/news/a.md:4:7: ошибка: дата «12.05.2023» записана не в формате ГГГГ-ММ-ДД: напишите date: 2023-05-12",
        ])
    }

    func testBrokenYAMLIsReportedAtTheLineOfTheFile() {
        let (page, diagnostics) = read("---\ntitle: Итоги: конкурс\n---\n")
        XCTAssertNil(page)
        XCTAssertEqual(diagnostics.first?.line, 2)
        XCTAssertEqual(diagnostics.first?.severity, .error)
        XCTAssertTrue(diagnostics.first!.message.contains("заключите значение в кавычки"), diagnostics.first!.message)
    }

    func testTabsDuplicateKeysAndMissingTitleAreErrors() {
        XCTAssertTrue(read("---\ntitle: А\ntags:\n\t- a\n---\n").1.first!.message.contains("табуляц"))
        let duplicate = read("---\ntitle: А\ntitle: Б\n---\n").1
        XCTAssertTrue(duplicate.first!.message.contains("указан дважды"), "\(duplicate)")
        XCTAssertEqual(read("---\ndate: 2023-01-01\n---\n").1.map(\.message), ["у страницы нет заголовка: добавьте в front matter строку title: …"])
    }

    func testAFileWithoutFrontMatterOrWithInvalidUTF8IsAnError() {
        XCTAssertTrue(read("# Заголовок\n").1.first!.message.contains("нет блока front matter"))
        var bag = DiagnosticBag()
        _ = PageReader.read(bytes: Array("---\ntitle: А\n---\n".utf8) + [0xFF, 0x0A], source: "x.md", relativePath: "x.md", diagnostics: &bag)
        XCTAssertEqual(bag.items.first?.line, 4)
        XCTAssertTrue(bag.items.first!.message.contains("UTF-8"))
    }

    /// Found by FuzzPageReader: libyaml counts a lone CR as a line break, so
    /// its error line can be past the last "\n" line the hint looks at.
    func testAYAMLErrorAfterLoneCarriageReturnsIsReportedNotATrap() {
        let (page, diagnostics) = read("---\ntitle: x\na:\r\r\r\re: draft: &e [*d]\n---\n")
        XCTAssertNil(page)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.count, 1, "\(diagnostics)")
    }
}
