import XCTest
import ZIPFoundation
@testable import MocPress

/// The normative acts package: table values, the ZIP, completeness, plans.
final class DocumentsBuildTests: XCTestCase {
    static let documentsTemplate = """
        {{<base}}{{$main}}<table>{{#documents.acts}}<tr><td class="req">{{requisites}}</td><td>{{issuer}}</td>
        <td>{{#hasFile}}<a href="{{file.url}}">{{file.label}}</a> <code>{{file.sha256}}</code>{{/hasFile}}</td>
        <td>{{#hasSignature}}<span class="sig">{{signature.signer}}, {{signature.position}}, {{signature.dateText}}, {{signature.certificate}}</span>{{/hasSignature}}</td>
        <td>{{#hasPlan}}<a class="plan" href="{{plan.url}}">{{plan.title}}</a>{{/hasPlan}}</td></tr>{{/documents.acts}}</table>
        <table class="repealed">{{#documents.repealed}}<tr><td>{{requisites}} — {{statusText}}</td></tr>{{/documents.repealed}}</table>
        {{#documents.hasZip}}<a class="zip" href="{{documents.zip.url}}">{{documents.zip.label}}</a> <code class="zipsha">{{documents.zip.sha256}}</code> {{documents.zip.count}}{{/documents.hasZip}}
        {{#documents.complete}}<p class="complete">полный</p>{{/documents.complete}}{{^documents.complete}}<ul class="missing">{{#documents.missing}}<li>{{title}}</li>{{/documents.missing}}</ul>{{/documents.complete}}{{/main}}{{/base}}
        """

    func portal() -> TestPortal {
        var portal = TestPortal.standard()
        portal.files["themes/t/templates/documents.mustache"] = Self.documentsTemplate
        portal.files["themes/t/templates/plan.mustache"] = "{{<base}}{{$main}}<h1>{{plan.title}}</h1>{{#plan.approvedBy}}<a class=\"approved\" href=\"{{url}}\">{{requisites}}</a>{{/plan.approvedBy}}<table>{{#plan.items}}<tr id=\"{{id}}\"></tr>{{/plan.items}}</table>{{/main}}{{/base}}"
        portal["info/docs/_index.md"] = "---\ntitle: Документы\nkind: documents\n---\n"
        portal["info/docs/files/prikaz.pdf"] = "%PDF-1.4 prikaz"
        portal["info/docs/files/polozhenie.pdf"] = "%PDF-1.4 polozhenie"
        portal["info/docs/files/mediaplan.pdf"] = "%PDF-1.4 mediaplan"
        portal["info/docs/files/staryj.pdf"] = "%PDF-1.4 staryj"
        portal["info/docs/prikaz.md"] = """
            ---
            title: Приказ Комитета по образованию «О создании МОЦ»
            act:
              kind: creation-order
              number: "598"
              date: 2020-03-05
              issuer: Комитет по образованию
              status: active
            file: files/prikaz.pdf
            signature:
              signer: Иванова Мария Петровна
              position: председатель комитета
              date: 2020-03-05
              certificate: 01D6A1B2
            ---
            """
        portal["info/docs/polozhenie.md"] = "---\ntitle: Положение о МОЦ\nact: {kind: regulation, number: \"12\", date: 2020-03-10, issuer: Комитет}\nfile: files/polozhenie.pdf\n---\n"
        portal["info/docs/mediaplan.md"] = "---\ntitle: Медиаплан на 2023 год\nact: {kind: media-plan, number: \"7\", date: 2023-01-10, issuer: МОЦ}\nfile: files/mediaplan.pdf\nplan: mediaplan/2023.yaml\n---\n"
        portal["info/docs/staryj.md"] = "---\ntitle: Приказ «О МОЦ» (2019)\nact: {kind: creation-order, number: \"1\", date: 2019-01-10, issuer: Комитет, status: repealed}\nfile: files/staryj.pdf\n---\n"
        return portal
    }

    func testThePackageTableShowsRequisitesLabelsHashesAndSignatures() throws {
        let (report, output) = portal().build()
        XCTAssertEqual(report.errors, [])
        let page = try XCTUnwrap(output.text("info/docs/index.html"))
        XCTAssertTrue(page.contains("<td class=\"req\">Приказ Комитета по образованию от 05.03.2020 № 598 «О создании МОЦ»</td>"), page)
        XCTAssertTrue(page.contains("<a href=\"/moc/info/docs/files/prikaz.pdf\">pdf; 1 Кб</a> <code>ba327a3767308ee9f5b50d2a08c21a9e52fea1b98fdaa56de477c74d83949690</code>"))
        XCTAssertTrue(page.contains("<span class=\"sig\">Иванова Мария Петровна, председатель комитета, 05.03.2020, 01D6A1B2</span>"))
        XCTAssertTrue(page.contains("<a class=\"plan\" href=\"/moc/info/mediaplan/2023/\">Медиаплан освещения деятельности МОЦ на 2023 год</a>"), page)
        XCTAssertTrue(page.contains("<table class=\"repealed\"><tr><td>Приказ от 10.01.2019 № 1 «О МОЦ» (2019) — утратил силу</td></tr></table>"), page)
        // Package order: creation order, regulation, media plan.
        let order = try ["«О создании МОЦ»", "Положение о МОЦ (утв. от 10.03.2020 № 12)", "Медиаплан на 2023 год (утв. от 10.01.2023 № 7)"].map { try XCTUnwrap(page.range(of: $0), $0).lowerBound }
        XCTAssertEqual(order, order.sorted())
        // The 2024 build lacks the 2024 work plan and media plan.
        XCTAssertTrue(page.contains("<ul class=\"missing\"><li>плана работы</li><li>медиаплана</li></ul>"), page)

        let plan = try XCTUnwrap(output.text("info/mediaplan/2023/index.html"))
        XCTAssertTrue(plan.contains("<a class=\"approved\" href=\"/moc/info/docs/mediaplan/\">Медиаплан на 2023 год (утв. от 10.01.2023 № 7)</a>"), plan)
    }

    func testThePackageZIPHoldsTheActsInForceAndRebuildsByteForByte() throws {
        let output = portal().build().output
        let bytes = try XCTUnwrap(output.files["info/docs/paket-dokumentov.zip"])
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        XCTAssertEqual(archive.map(\.path), ["prikaz.pdf", "polozhenie.pdf", "mediaplan.pdf", "opis.txt"])
        var pdf = Data()
        _ = try archive.extract(archive["prikaz.pdf"]!) { pdf.append($0) }
        XCTAssertEqual(String(decoding: pdf, as: UTF8.self), "%PDF-1.4 prikaz")
        var inventory = Data()
        _ = try archive.extract(archive["opis.txt"]!) { inventory.append($0) }
        let text = String(decoding: inventory, as: UTF8.self)
        XCTAssertTrue(text.contains("1. Приказ Комитета по образованию от 05.03.2020 № 598 «О создании МОЦ»\r\n"), text)
        XCTAssertTrue(text.contains("SHA-256: ba327a3767308ee9f5b50d2a08c21a9e52fea1b98fdaa56de477c74d83949690"))
        XCTAssertFalse(text.contains("2019"), "repealed acts are not in the package")

        let page = try XCTUnwrap(output.text("info/docs/index.html"))
        XCTAssertTrue(page.contains("<code class=\"zipsha\">\(Attachment.sha256(bytes))</code> 3"))
        XCTAssertEqual(portal().build().output.files["info/docs/paket-dokumentov.zip"], bytes)
    }

    func testACompletePackageForTheYear() throws {
        var portal = portal()
        portal["workplan/2024.yaml"] = "title: План работы МОЦ на 2024 год\nyear: 2024\nitems:\n  - id: a\n    activity: Совещание\n    schedule: Январь\n"
        portal["info/docs/files/plan.pdf"] = "%PDF plan"
        portal["info/docs/plan.md"] = "---\ntitle: План работы на 2024 год\nact: {kind: work-plan, number: \"3\", date: 2023-12-25, issuer: МОЦ}\nfile: files/plan.pdf\nplan: workplan/2024.yaml\n---\n"
        portal["info/docs/mp24.md"] = "---\ntitle: Медиаплан на 2024 год\nact: {kind: media-plan, number: \"4\", date: 2024-01-09, issuer: МОЦ}\nfile: files/mediaplan.pdf\n---\n"
        let output = portal.build().output
        XCTAssertEqual(output.text("info/docs/index.html")?.contains("<p class=\"complete\">полный</p>"), true)
    }

    func testWrongActsAreReportedAtTheirLines() {
        var portal = portal()
        portal["info/docs/bad.md"] = "---\ntitle: Плохой\nact:\n  kind: creation-ordr\n  date: 2020-03-05\n  status: отменён\nfile: files/net.pdf\n---\n"
        portal["info/docs/files/skan.jpg"] = "jpeg"
        portal["info/docs/skan.md"] = "---\ntitle: Скан\nact: {kind: other, number: \"5\", date: 2021-01-01, issuer: МОЦ}\nfile: files/skan.jpg\n---\n"
        let report = portal.build().report
        XCTAssertEqual(report.errors, [
            "content/demo/info/docs/bad.md:4:9: ошибка: неизвестный вид документа «creation-ordr»: возможно, имелось в виду «creation-order»; допустимые: creation-order, regulation, work-plan, media-plan, agreement, other",
            "content/demo/info/docs/bad.md:6:11: ошибка: статус документа «отменён» не распознан: укажите active (действует) или repealed (утратил силу)",
            "content/demo/info/docs/bad.md:7:7: ошибка: файл «files/net.pdf» из «file» не найден (ищем content/demo/info/docs/files/net.pdf): проверьте имя и положите файл рядом со страницей",
        ])
        XCTAssertTrue(report.warnings.contains("content/demo/info/docs/skan.md:4:7: предупреждение: документ «files/skan.jpg» в формате .jpg: на официальных сайтах документы публикуют в pdf, doc(x), xls(x), odt или ods"), "\(report.warnings)")
    }
}
