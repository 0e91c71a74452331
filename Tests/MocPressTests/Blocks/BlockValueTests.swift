import XCTest
@testable import MocPress

/// The small readers of block keys: ages, costs, directions, video hosts, file labels.
final class BlockValueTests: XCTestCase {
    func testAgesAreReadInTheFormsPeopleWrite() {
        XCTAssertEqual(AgeRange.parse("7-17"), AgeRange(min: 7, max: 17))
        XCTAssertEqual(AgeRange.parse("7–17 лет"), AgeRange(min: 7, max: 17))
        XCTAssertEqual(AgeRange.parse("от 7 до 17 лет"), AgeRange(min: 7, max: 17))
        XCTAssertEqual(AgeRange.parse("5+"), AgeRange(min: 5, max: nil))
        XCTAssertEqual(AgeRange.parse("12"), AgeRange(min: 12, max: 12))
        XCTAssertNil(AgeRange.parse("17-7"))
        XCTAssertNil(AgeRange.parse("дети"))
        XCTAssertNil(AgeRange.parse("７-１７"))
        XCTAssertEqual(AgeRange(min: 7, max: 14).text, "7–14 лет")
        XCTAssertEqual(AgeRange(min: 5, max: nil).text, "от 5 лет")
        XCTAssertEqual(AgeRange(min: 1, max: nil).text, "от 1 года")
        XCTAssertEqual(AgeRange(min: 14, max: 21).text, "14–21 год")
        XCTAssertEqual(AgeRange(min: 7, max: 14).groups.map(\.slug), ["7-10", "11-14"])
        XCTAssertEqual(AgeRange(min: 16, max: nil).groups.map(\.slug), ["15-17", "18-plus"])
    }

    func testCostsAreFreePricesOrTextAsWritten() {
        XCTAssertEqual(Cost.parse("бесплатно"), .free)
        XCTAssertEqual(Cost.parse("Бесплатно"), .free)
        XCTAssertEqual(Cost.parse("0"), .free)
        XCTAssertEqual(Cost.parse("300 ₽"), .price(300))
        XCTAssertEqual(Cost.parse("1 500 руб."), .price(1500))
        XCTAssertEqual(Cost.parse("250,50 рублей"), .price(250.5))
        XCTAssertEqual(Cost.parse("по сертификату ПФДО"), .text("по сертификату ПФДО"))
        XCTAssertEqual(Cost.price(1500).text, "1\u{00A0}500 ₽")
        XCTAssertEqual(Cost.price(250.5).text, "250,5 ₽")
    }

    func testDirectionsAcceptTheOldNameAndCaseButNothingElse() {
        XCTAssertEqual(Direction(reading: "техническая"), .technical)
        XCTAssertEqual(Direction(reading: "Техническая направленность"), .technical)
        XCTAssertEqual(Direction(reading: "социально-педагогическая"), .socialHumanitarian)
        XCTAssertEqual(Direction(reading: "физкультурно–спортивная"), .sports)
        XCTAssertNil(Direction(reading: "спортивная"))
        XCTAssertEqual(Direction.technical.slug, "tekhnicheskaya")
        XCTAssertEqual(Direction.socialHumanitarian.title, "Социально-гуманитарная направленность")
        XCTAssertTrue(Direction.problem("техничекая").contains("возможно, имелось в виду «техническая»"))
    }

    func testVideosFromVKAndRutubeAreRecognizedAndOthersAreNot() throws {
        let vk = try XCTUnwrap(Video.recognize("https://vk.com/video-12345678_456239017"))
        XCTAssertEqual(vk.provider, "VK Видео")
        XCTAssertEqual(vk.embedUrl, "https://vkvideo.ru/video_ext.php?oid=-12345678&id=456239017&hd=2")
        XCTAssertEqual(Video.recognize("https://vkvideo.ru/video-12345678_456239017")?.url, "https://vkvideo.ru/video-12345678_456239017")
        let rutube = try XCTUnwrap(Video.recognize("https://rutube.ru/video/4b1f0c2e8d7a4e5c9a3b6f1d2e8c7a10/"))
        XCTAssertEqual(rutube.embedUrl, "https://rutube.ru/play/embed/4b1f0c2e8d7a4e5c9a3b6f1d2e8c7a10")
        XCTAssertNil(Video.recognize("https://www.youtube.com/watch?v=abc"))
        XCTAssertNil(Video.recognize("javascript:alert(1)"))
        XCTAssertNil(Video.recognize("https://vk.com/video-1_2\"onload=x"))
        XCTAssertNil(Video.recognize("https://rutube.ru/video/../../x/"))
    }

    func testFilesAreLabelledTheWayOfficialSitesDo() {
        XCTAssertEqual(Attachment.label(ext: "pdf", size: 334_848), "pdf; 327 Кб")
        XCTAssertEqual(Attachment.label(ext: "pdf", size: 10), "pdf; 1 Кб")
        XCTAssertEqual(Attachment.label(ext: "docx", size: 1_258_291), "docx; 1,2 Мб")
    }

    func testEventTimesReadLikeAnAnnouncement() {
        let day = { (d: Int, m: Int, minutes: Int?) in PageDate(day: LocalDate(year: 2023, month: m, day: d)!, minutes: minutes) }
        XCTAssertEqual(PortalBuild.whenText(day(21, 4, 600), day(21, 4, 840)), "21 апреля 2023 г., 10:00–14:00")
        XCTAssertEqual(PortalBuild.whenText(day(10, 4, nil), day(14, 4, nil)), "10–14 апреля 2023 г.")
        XCTAssertEqual(PortalBuild.whenText(day(30, 3, nil), day(2, 4, nil)), "30 марта – 2 апреля 2023 г.")
        XCTAssertEqual(PortalBuild.whenText(day(28, 4, nil), nil), "28 апреля 2023 г.")
        XCTAssertEqual(PortalBuild.whenText(day(28, 4, 660), nil), "28 апреля 2023 г., 11:00")
    }

    func testRequisitesAreWrittenLikeOnOfficialSites() {
        let act = ActInfo(kind: .creationOrder, type: nil, number: "598", date: LocalDate(year: 2020, month: 3, day: 5), issuer: "Комитет", repealed: false,
                          location: SourceLocation(file: "x"))
        XCTAssertEqual(act.requisites(title: "Приказ «О создании МОЦ»"), "Приказ от 05.03.2020 № 598 «О создании МОЦ»")
        XCTAssertEqual(act.requisites(title: "О создании МОЦ"), "Приказ от 05.03.2020 № 598 «О создании МОЦ»")
        var regulation = act
        regulation.kind = .regulation
        XCTAssertEqual(regulation.requisites(title: "Положение о МОЦ"), "Положение о МОЦ (утв. от 05.03.2020 № 598)")
        XCTAssertEqual(regulation.requisites(title: "Медиаплан на 2023 год"), "Медиаплан на 2023 год (утв. от 05.03.2020 № 598)")
        var decree = act
        decree.type = "Постановление"
        XCTAssertEqual(decree.requisites(title: "Постановление администрации «О МОЦ»"), "Постановление администрации от 05.03.2020 № 598 «О МОЦ»")
    }

    func testARegistrationLinkIsTheNavigatorByItsHostOrThePortalsNavigator() {
        XCTAssertTrue(PortalBuild.isNavigator("https://р68.навигатор.дети/activity/3455/", portalNavigator: nil))
        XCTAssertTrue(PortalBuild.isNavigator("https://dop29.ru/activity/12/", portalNavigator: "https://dop29.ru/"))
        XCTAssertFalse(PortalBuild.isNavigator("https://dop29.ru/activity/12/", portalNavigator: nil))
        XCTAssertFalse(PortalBuild.isNavigator("https://cdt-sosnovka.ru/zapis/", portalNavigator: "https://р68.навигатор.дети/"))
    }
}
