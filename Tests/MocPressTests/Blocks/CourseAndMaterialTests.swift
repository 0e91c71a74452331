import XCTest
@testable import MocPress

/// Distance courses (lessons, prev/next, video) and the bank of materials.
final class CourseAndMaterialTests: XCTestCase {
    func coursePortal() -> TestPortal {
        var portal = TestPortal.standard()
        portal.files["themes/t/templates/course.mustache"] = "{{<base}}{{$main}}<h1>{{course.title}}</h1><ol>{{#course.lessons}}<li><a href=\"{{url}}\">{{number}}. {{title}}</a>{{#hasVideo}} [видео]{{/hasVideo}}</li>{{/course.lessons}}</ol><a class=\"start\" href=\"{{course.firstUrl}}\">Начать</a>{{/main}}{{/base}}"
        portal.files["themes/t/templates/lesson.mustache"] = """
            {{<base}}{{$main}}<p class="pos">Урок {{page.lesson.number}} из {{page.lesson.total}}: <a href="{{page.lesson.course.url}}">{{page.lesson.course.title}}</a></p>
            {{#page.hasVideo}}<div class="video" data-embed="{{page.video.embedUrl}}"><a href="{{page.video.url}}">{{page.video.provider}}</a></div>{{/page.hasVideo}}
            {{#page.files}}<a class="file" href="{{url}}">{{title}} ({{label}})</a>{{/page.files}}
            {{#page.lesson.hasPrev}}<a rel="prev" href="{{page.lesson.prev.url}}">{{page.lesson.prev.title}}</a>{{/page.lesson.hasPrev}}
            {{#page.lesson.hasNext}}<a rel="next" href="{{page.lesson.next.url}}">{{page.lesson.next.title}}</a>{{/page.lesson.hasNext}}{{/main}}{{/base}}
            """
        portal["distantsionnyj/kompas/_index.md"] = "---\ntitle: КОМПАС-3D для школьников\n---\nКурс.\n"
        portal["distantsionnyj/kompas/vvedenie.md"] = "---\ntitle: Введение\nweight: 1\nvideo: https://rutube.ru/video/4b1f0c2e8d7a4e5c9a3b6f1d2e8c7a10/\n---\n"
        portal["distantsionnyj/kompas/eskiz.md"] = "---\ntitle: Эскиз\nweight: 2\nfiles:\n  - {file: files/zadanie.pdf, title: Задание}\n---\n"
        portal["distantsionnyj/kompas/files/zadanie.pdf"] = "%PDF-1.4 zadanie"
        portal["distantsionnyj/kompas/vydavlivanie.md"] = "---\ntitle: Выдавливание\nweight: 10\nvideo: https://vk.com/video-12345678_456239017\n---\n"
        return portal
    }

    func testLessonsFollowTheirWeightWithPreviousAndNext() throws {
        let (report, output) = coursePortal().build()
        XCTAssertEqual(report.errors, [])
        let course = try XCTUnwrap(output.text("distantsionnyj/kompas/index.html"))
        XCTAssertTrue(course.contains("<ol><li><a href=\"/moc/distantsionnyj/kompas/vvedenie/\">1. Введение</a> [видео]</li><li><a href=\"/moc/distantsionnyj/kompas/eskiz/\">2. Эскиз</a></li><li><a href=\"/moc/distantsionnyj/kompas/vydavlivanie/\">3. Выдавливание</a> [видео]</li></ol>"), course)
        XCTAssertTrue(course.contains("<a class=\"start\" href=\"/moc/distantsionnyj/kompas/vvedenie/\">"))
        let middle = try XCTUnwrap(output.text("distantsionnyj/kompas/eskiz/index.html"))
        XCTAssertTrue(middle.contains("Урок 2 из 3: <a href=\"/moc/distantsionnyj/kompas/\">КОМПАС-3D для школьников</a>"))
        XCTAssertTrue(middle.contains("<a rel=\"prev\" href=\"/moc/distantsionnyj/kompas/vvedenie/\">Введение</a>"))
        XCTAssertTrue(middle.contains("<a rel=\"next\" href=\"/moc/distantsionnyj/kompas/vydavlivanie/\">Выдавливание</a>"))
        XCTAssertTrue(middle.contains("<a class=\"file\" href=\"/moc/distantsionnyj/kompas/files/zadanie.pdf\">Задание (pdf; 1 Кб)</a>"), middle)
        let first = try XCTUnwrap(output.text("distantsionnyj/kompas/vvedenie/index.html"))
        XCTAssertFalse(first.contains("rel=\"prev\""))
        XCTAssertTrue(first.contains("data-embed=\"https://rutube.ru/play/embed/4b1f0c2e8d7a4e5c9a3b6f1d2e8c7a10\""))
        let last = try XCTUnwrap(output.text("distantsionnyj/kompas/vydavlivanie/index.html"))
        XCTAssertFalse(last.contains("rel=\"next\""))
        XCTAssertTrue(last.contains("<a href=\"https://vkvideo.ru/video-12345678_456239017\">VK Видео</a>"))
    }

    func testAVideoFromAnotherHostIsAnErrorAtItsLine() {
        var portal = coursePortal()
        portal["distantsionnyj/kompas/eskiz.md"] = "---\ntitle: Эскиз\nweight: 2\nvideo: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n---\n"
        XCTAssertEqual(portal.build().report.errors, [
            "content/demo/distantsionnyj/kompas/eskiz.md:4:8: ошибка: видео «https://www.youtube.com/watch?v=dQw4w9WgXcQ» не распознано: укажите адрес ролика на VK Видео (https://vkvideo.ru/video-123_456) или Rutube (https://rutube.ru/video/…/); видео с зарубежных сервисов не встраиваются",
        ])
    }

    func testTheBankListsMaterialsByDirectionAndByTag() throws {
        var portal = TestPortal.standard()
        portal.files["themes/t/templates/section.mustache"] = "{{<base}}{{$main}}<h1>{{page.title}}</h1><ul class=\"dirs\">{{#bank.directions}}<li><a href=\"{{url}}\">{{title}}</a> {{count}}</li>{{/bank.directions}}</ul><ul class=\"tags\">{{#bank.tags}}<li><a href=\"{{url}}\">{{name}}</a> {{count}}</li>{{/bank.tags}}</ul>{{#list.pages}}<p>{{title}}{{#hasDirection}} [{{direction.name}}]{{/hasDirection}}</p>{{/list.pages}}{{/main}}{{/base}}"
        portal.files["themes/t/templates/material.mustache"] = "{{<base}}{{$main}}<a class=\"dir\" href=\"{{page.direction.url}}\">{{page.direction.title}}</a>{{#page.audience}}<span class=\"aud\">{{.}}</span>{{/page.audience}}{{#page.authors}}<span class=\"author\">{{.}}</span>{{/page.authors}}{{/main}}{{/base}}"
        portal.files["themes/t/templates/listing.mustache"] = "{{<base}}{{$main}}<h1>{{listing.title}}</h1>{{#list.pages}}<li>{{title}}</li>{{/list.pages}}{{/main}}{{/base}}"
        portal["metodicheskij/programma.md"] = "---\ntitle: Программа «Робототехника»\ndate: 2023-03-01\ndirection: техническая\ntags: [робототехника, программы]\naudience: педагоги дополнительного образования\nauthors: [Смирнова О. В., Петров А. А.]\n---\n"
        portal["metodicheskij/kraeved.md"] = "---\ntitle: Рекомендации «Мой край»\ndate: 2023-04-01\ndirection: туристско-краеведческая\ntags: [программы]\n---\n"
        portal["metodicheskij/praktika.md"] = "---\ntitle: \"Практика: школьный музей\"\ndate: 2023-05-01\ndirection: Туристско-краеведческая направленность\n---\n"
        let (report, output) = portal.build()
        XCTAssertEqual(report.errors, [])
        let bank = try XCTUnwrap(output.text("metodicheskij/index.html"))
        XCTAssertTrue(bank.contains("<ul class=\"dirs\"><li><a href=\"/moc/metodicheskij/napravlenie/tekhnicheskaya/\">Техническая направленность</a> 1</li><li><a href=\"/moc/metodicheskij/napravlenie/turistsko-kraevedcheskaya/\">Туристско-краеведческая направленность</a> 2</li></ul>"), bank)
        XCTAssertTrue(bank.contains("<ul class=\"tags\"><li><a href=\"/moc/metodicheskij/teg/programmy/\">программы</a> 2</li><li><a href=\"/moc/metodicheskij/teg/robototekhnika/\">робототехника</a> 1</li></ul>"), bank)
        XCTAssertTrue(bank.contains("<p>Практика: школьный музей [туристско-краеведческая]</p>"))
        XCTAssertEqual(output.text("metodicheskij/napravlenie/turistsko-kraevedcheskaya/index.html")?.contains("<h1>Туристско-краеведческая направленность</h1><li>Практика: школьный музей</li><li>Рекомендации «Мой край»</li>"), true)
        XCTAssertEqual(output.text("metodicheskij/teg/programmy/index.html")?.contains("<li>Рекомендации «Мой край»</li><li>Программа «Робототехника»</li>"), true)
        let material = try XCTUnwrap(output.text("metodicheskij/programma/index.html"))
        XCTAssertTrue(material.contains("<a class=\"dir\" href=\"/moc/metodicheskij/napravlenie/tekhnicheskaya/\">Техническая направленность</a><span class=\"aud\">педагоги дополнительного образования</span><span class=\"author\">Смирнова О. В.</span><span class=\"author\">Петров А. А.</span>"), material)
    }

    func testAMaterialWithoutADirectionIsAWarning() {
        var portal = TestPortal.standard()
        portal["metodicheskij/programma.md"] = "---\ntitle: Программа\ndate: 2023-03-01\n---\n"
        XCTAssertEqual(portal.build().report.warnings.count, 1)
        XCTAssertTrue(portal.build().report.warnings[0].hasPrefix("content/demo/metodicheskij/programma.md:2:1: предупреждение: у методического материала не указана направленность"))
    }
}
