import Foundation
import Yams

/// What the block keys of a page say, decoded with their places: event
/// facts, the act, attachments, video, data files, the material's direction.
public struct PageFeatures: Sendable {
    public var event: EventInfo?
    /// The first event key, to name in messages about where events belong.
    public var eventKey: SourceLocation?
    /// `start:` is written (even if it could not be read).
    public var hasStart = false
    public var act: ActInfo?
    public var signature: Located<Signature>?
    /// `file:` — the act's document.
    public var file: FileReference?
    /// `files:` — attachments.
    public var files: [FileReference] = []
    /// `plan:` — the plan an act approves, relative to the portal folder.
    public var plan: Located<String>?
    public var video: Video?
    public var datasets: [DatasetReference] = []
    public var direction: Located<Direction>?
    public var audience: [String] = []
    public var authors: [String] = []

    public init() {}
}

/// Decodes the block keys of one page's front matter.
struct FeatureReader {
    let map: MappingReader

    static let eventKeys = ["start", "end", "place", "format", "age", "cost", "organizer", "registration"]
    static let actKeys = ["kind", "type", "number", "date", "issuer", "status"]
    static let signatureKeys = ["signer", "position", "date", "certificate"]
    static let fileKeys = ["file", "title"]
    static let dataKeys = ["file", "title", "chart", "unit", "caption"]

    func read(_ diagnostics: inout DiagnosticBag) -> PageFeatures {
        var features = PageFeatures()
        if let direction = map.string("direction", &diagnostics) {
            if let value = Direction(reading: direction.value) {
                features.direction = Located(value, at: direction.location)
            } else {
                diagnostics.error(Direction.problem(direction.value), at: direction.location)
            }
        }
        features.audience = map.strings("audience", &diagnostics).map(\.value)
        features.authors = map.strings("authors", &diagnostics).map(\.value)
        features.eventKey = Self.eventKeys.lazy.compactMap { map.keyLocation($0) }.first
        features.hasStart = map.value("start") != nil
        features.event = readEvent(&diagnostics)
        features.act = readAct(&diagnostics)
        features.signature = readSignature(&diagnostics)
        if let file = map.value("file") {
            features.file = fileReference(file, key: "file", &diagnostics)
        }
        if let files = map.value("files") {
            if case .sequence(let items) = files {
                features.files = items.compactMap { fileReference($0, key: "files", &diagnostics) }
            } else {
                features.files = [fileReference(files, key: "files", &diagnostics)].compactMap { $0 }
            }
        }
        features.plan = map.string("plan", &diagnostics)
        if let video = map.string("video", &diagnostics) {
            if let recognized = Video.recognize(video.value) {
                features.video = recognized
            } else {
                diagnostics.error("видео «\(video.value)» не распознано: укажите адрес ролика на VK Видео (https://vkvideo.ru/video-123_456) или Rutube (https://rutube.ru/video/…/); видео с зарубежных сервисов не встраиваются", at: video.location)
            }
        }
        if let data = map.value("data") {
            if case .sequence(let items) = data {
                features.datasets = items.compactMap { dataset($0, &diagnostics) }
            } else {
                features.datasets = [dataset(data, &diagnostics)].compactMap { $0 }
            }
        }
        return features
    }

    private func readEvent(_ diagnostics: inout DiagnosticBag) -> EventInfo? {
        guard map.value("start") != nil else {
            if let end = map.keyLocation("end") {
                diagnostics.error("у мероприятия указан end, но нет start: добавьте дату начала start: ГГГГ-ММ-ДД", at: end)
            }
            return nil
        }
        guard let start = map.date("start", &diagnostics) else { return nil }
        var event = EventInfo(start: start)
        if let end = map.date("end", &diagnostics) {
            if end.value < start.value {
                diagnostics.error("мероприятие заканчивается (\(end.value.russianText)) раньше, чем начинается (\(start.value.russianText)): проверьте start и end", at: end.location)
            } else {
                event.end = end
            }
        }
        event.place = map.string("place", &diagnostics)?.value
        if let format = map.string("format", &diagnostics) {
            event.format = EventFormat(reading: format.value)
            if event.format == nil {
                diagnostics.error("неизвестная форма проведения «\(format.value)»: укажите очно, дистанционно или смешанно", at: format.location)
            }
        }
        if let age = map.string("age", &diagnostics) {
            event.age = AgeRange.parse(age.value)
            if event.age == nil {
                diagnostics.error("возраст «\(age.value)» не распознан: укажите, например, 7-17, 5+ или 12", at: age.location)
            }
        }
        if let cost = map.string("cost", &diagnostics) {
            let parsed = Cost.parse(cost.value)
            if case .text(let text) = parsed, Spelling.levenshtein(text.lowercased(), "бесплатно") <= 2 {
                diagnostics.warning("стоимость «\(text)»: возможно, имелось в виду «бесплатно»", at: cost.location)
            }
            event.cost = parsed
        }
        event.organizer = map.string("organizer", &diagnostics)?.value
        if let registration = map.string("registration", &diagnostics) {
            let lower = registration.value.lowercased()
            if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
                event.registration = registration.value.trimmingWhitespace()
            } else {
                diagnostics.error("registration должно быть адресом страницы записи (https://…), обычно в региональном навигаторе, а не «\(registration.value)»", at: registration.location)
            }
        }
        return event
    }

    private func nested(_ key: String, what: String, known: [String], _ diagnostics: inout DiagnosticBag) -> MappingReader? {
        guard let node = map.value(key) else { return nil }
        guard let inner = MappingReader(node, reader: map.reader, what: what, diagnostics: &diagnostics) else { return nil }
        inner.warnUnknownKeys(known: known, context: "в \(key):", &diagnostics)
        return inner
    }

    private func readAct(_ diagnostics: inout DiagnosticBag) -> ActInfo? {
        guard let act = nested("act", what: "act:", known: Self.actKeys, &diagnostics) else { return nil }
        let location = map.keyLocation("act")!
        let kinds = ActKind.allCases.map(\.rawValue)
        guard let kindText = act.string("kind", &diagnostics) else {
            diagnostics.error("у документа нет вида: добавьте в act: строку kind: (\(kinds.joined(separator: " | ")))", at: location)
            return nil
        }
        let kind = ActKind(rawValue: kindText.value)
        if kind == nil {
            var message = "неизвестный вид документа «\(kindText.value)»"
            if let suggestion = Spelling.closest(to: kindText.value, among: kinds) { message += ": возможно, имелось в виду «\(suggestion)»;" } else { message += ":" }
            diagnostics.error(message + " допустимые: " + kinds.joined(separator: ", "), at: kindText.location)
        }
        var info = ActInfo(kind: kind ?? .other, repealed: false, location: location)
        info.type = act.string("type", &diagnostics)?.value
        info.number = act.string("number", &diagnostics)?.value
        info.issuer = act.string("issuer", &diagnostics)?.value
        if let date = act.date("date", &diagnostics) {
            if date.value.minutes != nil {
                diagnostics.warning("у документа указано время: в реквизитах используется только дата", at: date.location)
            }
            info.date = date.value.day
        } else if act.value("date") == nil {
            diagnostics.error("у документа нет даты: добавьте в act: строку date: ГГГГ-ММ-ДД (дата принятия)", at: location)
        }
        if info.number == nil {
            diagnostics.warning("у документа нет номера: добавьте в act: строку number: \"…\" (номер приказа или постановления)", at: location)
        }
        if info.issuer == nil {
            diagnostics.warning("не указано, кем принят документ: добавьте в act: строку issuer: …", at: location)
        }
        if let status = act.string("status", &diagnostics) {
            switch status.value {
            case "active": info.repealed = false
            case "repealed": info.repealed = true
            default: diagnostics.error("статус документа «\(status.value)» не распознан: укажите active (действует) или repealed (утратил силу)", at: status.location)
            }
        }
        return kind == nil ? nil : info
    }

    private func readSignature(_ diagnostics: inout DiagnosticBag) -> Located<Signature>? {
        guard let sig = nested("signature", what: "signature:", known: Self.signatureKeys, &diagnostics) else { return nil }
        let location = map.keyLocation("signature")!
        let signer = sig.string("signer", &diagnostics)?.value ?? ""
        let certificate = sig.string("certificate", &diagnostics)?.value ?? ""
        if signer.isEmpty {
            diagnostics.error("у подписи нет подписанта: добавьте в signature: строку signer: Фамилия Имя Отчество", at: location)
        }
        if certificate.isEmpty {
            diagnostics.warning("у подписи нет номера сертификата: добавьте в signature: строку certificate: …", at: location)
        }
        let date = sig.date("date", &diagnostics)?.value.day
        return Located(Signature(signer: signer, position: sig.string("position", &diagnostics)?.value ?? "", date: date, certificate: certificate), at: location)
    }

    private func fileReference(_ node: Node, key: String, _ diagnostics: inout DiagnosticBag) -> FileReference? {
        let location = map.location(node)
        switch node {
        case .scalar(let scalar):
            let path = scalar.string.trimmingWhitespace()
            if path.isEmpty { diagnostics.error("пустой путь к файлу в «\(key)»", at: location); return nil }
            return FileReference(path: path, title: nil, location: location)
        case .mapping:
            guard let inner = MappingReader(node, reader: map.reader, what: key, diagnostics: &diagnostics) else { return nil }
            inner.warnUnknownKeys(known: Self.fileKeys, context: "в \(key):", &diagnostics)
            guard let path = inner.string("file", &diagnostics) else {
                diagnostics.error("в «\(key)» у элемента нет file: — укажите путь к файлу", at: location)
                return nil
            }
            return FileReference(path: path.value, title: inner.string("title", &diagnostics)?.value, location: path.location)
        default:
            diagnostics.error("«\(key)» должно быть путём к файлу или списком путей", at: location)
            return nil
        }
    }

    private func dataset(_ node: Node, _ diagnostics: inout DiagnosticBag) -> DatasetReference? {
        if case .scalar = node {
            guard let file = fileReference(node, key: "data", &diagnostics) else { return nil }
            checkDataExtension(file, &diagnostics)
            return DatasetReference(file: file, title: nil, chart: .bar, unit: "", caption: "")
        }
        guard let inner = MappingReader(node, reader: map.reader, what: "элемент data:", diagnostics: &diagnostics) else { return nil }
        inner.warnUnknownKeys(known: Self.dataKeys, context: "в data:", &diagnostics)
        guard let path = inner.string("file", &diagnostics) else {
            diagnostics.error("в data: у элемента нет file: — укажите CSV- или YAML-файл с данными", at: map.location(node))
            return nil
        }
        var chart = DatasetReference.ChartChoice.bar
        if let choice = inner.string("chart", &diagnostics) {
            if let value = DatasetReference.ChartChoice(rawValue: choice.value) { chart = value }
            else { diagnostics.error("вид диаграммы «\(choice.value)» не распознан: укажите bar (столбцы), line (линии) или none (только таблица)", at: choice.location) }
        }
        let file = FileReference(path: path.value, title: nil, location: path.location)
        checkDataExtension(file, &diagnostics)
        return DatasetReference(file: file,
                                title: inner.string("title", &diagnostics)?.value, chart: chart,
                                unit: inner.string("unit", &diagnostics)?.value ?? "", caption: inner.string("caption", &diagnostics)?.value ?? "")
    }

    private func checkDataExtension(_ file: FileReference, _ diagnostics: inout DiagnosticBag) {
        if !["csv", "yaml", "yml"].contains(Path.fileExtension(of: file.path).lowercased()) {
            diagnostics.error("данные для таблицы и диаграммы берутся из файла .csv или .yaml, а не «\(file.path)»", at: file.location)
        }
    }
}
