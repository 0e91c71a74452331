import XCTest
@testable import MocPress

/// Events: pages, lists, calendars and JSON-LD from a built portal.
final class EventBuildTests: XCTestCase {
    static let eventTemplate = """
        {{<base}}{{$main}}<h1>{{page.title}}</h1><p class="when">{{page.event.whenText}}</p><p class="age">{{page.event.ageText}}</p>
        <p class="cost">{{page.event.costText}}</p><p class="format">{{page.event.formatTitle}}</p><a class="ics" href="{{page.event.icsUrl}}">ics</a>
        {{#page.event.registrationUrl}}{{^empty(page.event.registrationUrl)}}<a class="reg" href="{{page.event.registrationUrl}}">Записаться</a>{{/empty(page.event.registrationUrl)}}{{/page.event.registrationUrl}}
        {{#page.hasDirection}}<a class="dir" href="{{page.direction.url}}">{{page.direction.title}}</a>{{/page.hasDirection}}
        {{#page.event.isPast}}<p class="past">прошло</p>{{/page.event.isPast}}
        <script type="application/ld+json">{{{page.event.jsonLd}}}</script>{{/main}}{{/base}}
        """
    static let eventsTemplate = """
        {{<base}}{{$main}}<h1>{{page.title}}</h1><ul class="up">{{#events.upcoming}}<li>{{title}}|{{event.whenText}}</li>{{/events.upcoming}}</ul>
        <ul class="past">{{#events.past}}<li>{{title}}</li>{{/events.past}}</ul>
        <ul class="months">{{#events.months}}<li><a href="{{url}}">{{title}}</a> {{count}}</li>{{/events.months}}</ul>
        <ul class="dirs">{{#events.directions}}<li><a href="{{url}}">{{title}}</a> {{count}}</li>{{/events.directions}}</ul>
        <ul class="ages">{{#events.ages}}<li><a href="{{url}}">{{title}}</a> {{count}}</li>{{/events.ages}}</ul>{{/main}}{{/base}}
        """
    static let listingTemplate = "{{<base}}{{$main}}<h1>{{listing.title}}</h1>{{#list.pages}}<li>{{title}}</li>{{/list.pages}}{{/main}}{{/base}}"

    func portal() -> TestPortal {
        var portal = TestPortal.standard()
        portal.files["themes/t/templates/event.mustache"] = Self.eventTemplate
        portal.files["themes/t/templates/events.mustache"] = Self.eventsTemplate
        portal.files["themes/t/templates/listing.mustache"] = Self.listingTemplate
        portal["info/events/_index.md"] = "---\ntitle: Мероприятия\nkind: events\n---\n"
        portal["info/events/robostart.md"] = """
            ---
            title: Фестиваль «РобоСтарт»
            start: 2024-02-21T10:00
            end: 2024-02-21T14:00
            place: МБОУ «СОШ № 1», спортзал
            format: очно
            age: 7-14
            direction: техническая
            cost: бесплатно
            organizer: МОЦ Тестового района
            registration: https://р68.навигатор.дети/activity/3455/
            summary: Соревнования роботов; выставка проектов.
            ---
            Текст.
            """
        portal["info/events/vebinar.md"] = "---\ntitle: Вебинар для родителей\nstart: 2024-03-05T18:00\nformat: дистанционно\nage: 18+\ndirection: социально-педагогическая\ncost: 300 ₽\n---\n"
        portal["info/events/smena.md"] = "---\ntitle: Профильная смена\nstart: 2023-06-05\nend: 2023-06-09\nformat: смешанно\nage: 11-17\ndirection: естественнонаучная\n---\n"
        return portal
    }

    func testEventPagesShowTheFactsAndTheirListsAreGenerated() throws {
        let (report, output) = portal().build()
        XCTAssertEqual(report.errors, [])
        let page = try XCTUnwrap(output.text("info/events/robostart/index.html"))
        XCTAssertTrue(page.contains("<p class=\"when\">21 февраля 2024 г., 10:00–14:00</p>"), page)
        XCTAssertTrue(page.contains("<p class=\"age\">7–14 лет</p>"))
        XCTAssertTrue(page.contains("<p class=\"cost\">бесплатно</p>"))
        XCTAssertTrue(page.contains("href=\"/moc/info/events/robostart/robostart.ics\""))
        XCTAssertTrue(page.contains("class=\"reg\" href=\"https://р68.навигатор.дети/activity/3455/\""))
        XCTAssertTrue(page.contains("<a class=\"dir\" href=\"/moc/info/events/napravlenie/tekhnicheskaya/\">Техническая направленность</a>"))
        XCTAssertFalse(page.contains("class=\"past\""), page)
        XCTAssertTrue(try XCTUnwrap(output.text("info/events/smena/index.html")).contains("прошло"))

        let list = try XCTUnwrap(output.text("info/events/index.html"))
        XCTAssertTrue(list.contains("<ul class=\"up\"><li>Фестиваль «РобоСтарт»|21 февраля 2024 г., 10:00–14:00</li><li>Вебинар для родителей|"), list)
        XCTAssertTrue(list.contains("<ul class=\"past\"><li>Профильная смена</li></ul>"))
        XCTAssertTrue(list.contains("<a href=\"/moc/info/events/2024/03/\">Март 2024</a> 1"), list)
        XCTAssertTrue(list.contains("<a href=\"/moc/info/events/napravlenie/sotsialno-gumanitarnaya/\">Социально-гуманитарная направленность</a> 1"))
        XCTAssertTrue(list.contains("<a href=\"/moc/info/events/vozrast/11-14/\">11–14 лет</a> 2"), list)
        XCTAssertEqual(output.text("info/events/vozrast/18-plus/index.html")?.contains("<li>Вебинар для родителей</li>"), true)
        XCTAssertEqual(output.text("info/events/2023/06/index.html")?.contains("<h1>Мероприятия: июнь 2023</h1><li>Профильная смена</li>"), true)

        let home = try XCTUnwrap(output.text("index.html"))
        XCTAssertTrue(home.contains("<li>Фестиваль «РобоСтарт» 21 февраля 2024 г., 10:00</li>"), home)
        let open = try XCTUnwrap(home.range(of: "<ul class=\"events\">"))
        let close = try XCTUnwrap(home.range(of: "</ul>", range: open.upperBound..<home.endIndex))
        XCTAssertFalse(home[open.upperBound..<close.lowerBound].contains("Профильная смена"), "a past event is not upcoming")
    }

    func testJSONLDIsASchemaOrgEventWithOffsetsModesAndOffers() throws {
        let output = portal().build().output
        func jsonLD(_ path: String) throws -> [String: Any] {
            let html = try XCTUnwrap(output.text(path))
            let start = try XCTUnwrap(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try XCTUnwrap(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let data = Data(html[start.upperBound..<end.lowerBound].utf8)
            return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let robostart = try jsonLD("info/events/robostart/index.html")
        XCTAssertEqual(robostart["@type"] as? String, "Event")
        XCTAssertEqual(robostart["startDate"] as? String, "2024-02-21T10:00:00+03:00")
        XCTAssertEqual(robostart["endDate"] as? String, "2024-02-21T14:00:00+03:00")
        XCTAssertEqual(robostart["eventAttendanceMode"] as? String, "https://schema.org/OfflineEventAttendanceMode")
        XCTAssertEqual((robostart["location"] as? [String: Any])?["@type"] as? String, "Place")
        XCTAssertEqual(robostart["typicalAgeRange"] as? String, "7-14")
        let offers = try XCTUnwrap(robostart["offers"] as? [String: Any])
        XCTAssertEqual(offers["price"] as? Int, 0)
        XCTAssertEqual(offers["priceCurrency"] as? String, "RUB")
        XCTAssertEqual(robostart["description"] as? String, "Соревнования роботов; выставка проектов.")

        let webinar = try jsonLD("info/events/vebinar/index.html")
        XCTAssertEqual(webinar["eventAttendanceMode"] as? String, "https://schema.org/OnlineEventAttendanceMode")
        XCTAssertEqual((webinar["location"] as? [String: Any])?["@type"] as? String, "VirtualLocation")
        XCTAssertEqual((webinar["offers"] as? [String: Any])?["price"] as? Int, 300)
        XCTAssertEqual(webinar["typicalAgeRange"] as? String, "18-")

        let camp = try jsonLD("info/events/smena/index.html")
        XCTAssertEqual(camp["startDate"] as? String, "2023-06-05")
        XCTAssertEqual((camp["location"] as? [Any])?.count, 2)
    }

    func testATitleCannotBreakOutOfTheJSONLDScript() throws {
        var portal = portal()
        portal["info/events/xss.md"] = "---\ntitle: \"</script><script>alert(1)</script>\"\nstart: 2024-02-01\n---\n"
        let html = try XCTUnwrap(portal.build().output.text("info/events/xss/index.html"))
        XCTAssertFalse(html.contains("<script>alert(1)"))
        XCTAssertTrue(html.contains("\\u003c/script\\u003e"))
    }

    func testEveryEventHasAnICSAndThePortalAFeedThatRebuildsByteForByte() throws {
        let first = portal().build().output
        let feed = try XCTUnwrap(first.text("calendar.ics"))
        XCTAssertEqual(feed.components(separatedBy: "BEGIN:VEVENT").count - 1, 3)
        XCTAssertTrue(feed.contains("UID:info/events/robostart@cdt.example.ru\r\n"))
        XCTAssertTrue(feed.contains("DTSTART;TZID=Europe/Moscow:20240221T100000\r\n"))
        XCTAssertTrue(feed.contains("DTSTART;VALUE=DATE:20230605\r\nDTEND;VALUE=DATE:20230610\r\n"), feed)
        let single = try XCTUnwrap(first.text("info/events/vebinar/vebinar.ics"))
        XCTAssertEqual(single.components(separatedBy: "BEGIN:VEVENT").count - 1, 1)
        let second = portal().build().output
        XCTAssertEqual(first.files, second.files)
    }

    func testWrongEventKeysAreReportedAtTheirLines() {
        var portal = portal()
        portal["info/events/bad.md"] = """
            ---
            title: Плохое
            start: 2024-02-01
            format: заочно-очно
            age: дети
            direction: спортивная
            registration: navigator
            ---
            """
        portal["info/events/nostart.md"] = "---\ntitle: Без даты\nplace: Дом культуры\n---\n"
        XCTAssertEqual(portal.build().report.errors, [
            "content/demo/info/events/bad.md:4:9: ошибка: неизвестная форма проведения «заочно-очно»: укажите очно, дистанционно или смешанно",
            "content/demo/info/events/bad.md:5:6: ошибка: возраст «дети» не распознан: укажите, например, 7-17, 5+ или 12",
            "content/demo/info/events/bad.md:6:12: ошибка: неизвестная направленность «спортивная»: допустимые: техническая, естественнонаучная, художественная, социально-гуманитарная, туристско-краеведческая, физкультурно-спортивная",
            "content/demo/info/events/bad.md:7:15: ошибка: registration должно быть адресом страницы записи (https://…), обычно в региональном навигаторе, а не «navigator»",
            "content/demo/info/events/nostart.md:2:1: ошибка: у мероприятия нет даты начала: добавьте в front matter строку start: ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ",
        ].sorted())
    }

    func testEventKeysOutsideAnEventsSectionAreAWarning() {
        var portal = TestPortal.standard()
        portal["info/news/vtoraya.md"] = "---\ntitle: Вторая\ndate: 2023-05-13\nstart: 2023-05-20\n---\n"
        XCTAssertEqual(portal.build().report.warnings, [
            "content/demo/info/news/vtoraya.md:4:1: предупреждение: ключи мероприятия (start, place, …) действуют только в разделе мероприятий (kind: events в _index.md раздела): страница опубликована как обычная",
        ])
    }
}
