import XCTest
@testable import MocPress

final class FieldChecksTests: XCTestCase {
    func testAnAttachedFileMustExistInsideThePortal() {
        var portal = TestPortal.standard()
        portal["info/docs/_index.md"] = "---\ntitle: Документы\nkind: documents\n---\n"
        portal["info/docs/files/prikaz.pdf"] = "%PDF-1.4"
        portal["info/docs/prikaz.md"] = "---\ntitle: Приказ\nfile: files/prikaz.pdf\n---\n"
        XCTAssertEqual(portal.build().report.errors, [])

        portal["info/docs/prikaz.md"] = "---\ntitle: Приказ\nfile: ../../../../etc/passwd\n---\n"
        XCTAssertEqual(portal.build().report.errors, [
            "content/demo/info/docs/prikaz.md:3:7: ошибка: путь «../../../../etc/passwd» в «file» ведёт за пределы папки портала: укажите файл внутри content/demo/",
        ])
        portal["info/docs/prikaz.md"] = "---\ntitle: Приказ\nfile: /etc/passwd\n---\n"
        XCTAssertTrue(portal.build().report.errors.first?.contains("за пределы папки портала") ?? false)
        portal["info/docs/prikaz.md"] = "---\ntitle: Приказ\nfile: files/net.pdf\n---\n"
        XCTAssertTrue(portal.build().report.errors.first?.contains("файл «files/net.pdf» из «file» не найден") ?? false)
    }

    func testEventDatesAreCheckedAndTheEndCannotPrecedeTheStart() {
        var portal = TestPortal.standard()
        portal["info/events/_index.md"] = "---\ntitle: Мероприятия\nkind: events\n---\n"
        portal["info/events/konkurs.md"] = "---\ntitle: Конкурс\nstart: 2023-05-12T10:00\nend: 2023-05-11\n---\n"
        XCTAssertEqual(portal.build().report.errors, [
            "content/demo/info/events/konkurs.md:4:6: ошибка: мероприятие заканчивается (11 мая 2023 г.) раньше, чем начинается (12 мая 2023 г., 10:00): проверьте start и end",
        ])
        portal["info/events/konkurs.md"] = "---\ntitle: Конкурс\nstart: 12.05.2023\n---\n"
        XCTAssertEqual(portal.build().report.errors, [
            "content/demo/info/events/konkurs.md:3:8: ошибка: дата «12.05.2023» записана не в формате ГГГГ-ММ-ДД: напишите start: 2023-05-12",
        ])
    }

    func testUpcomingEventsAreOnTheHomePage() throws {
        var portal = TestPortal.standard()
        portal["info/events/_index.md"] = "---\ntitle: Мероприятия\nkind: events\n---\n"
        portal["info/events/proshlo.md"] = "---\ntitle: Прошедшее\nstart: 2023-05-12\n---\n"
        portal["info/events/budet.md"] = "---\ntitle: Фестиваль\nstart: 2024-02-01T11:00\n---\n"
        let home = try XCTUnwrap(portal.build().output.text("index.html"))
        XCTAssertTrue(home.contains("<ul class=\"events\"><li>Фестиваль 1 февраля 2024 г., 11:00</li></ul>"), home)
    }
}
