// libFuzzer target: a page body's bytes → `Markdown.render` with the build's
// own link resolver (`URLMap.resolve`) over a small in-memory portal.
//
// The input's length picks the mode: safe HTML (the default of every portal),
// safe HTML for `check` (diagnostics only), or `unsafe_html: true`; and the
// base path, `/moc/` or `/`. In safe mode every tag and attribute of the
// output must be one cmark writes for Markdown, and no `href`/`src` may run
// a script.
import FuzzSupport
@testable import MocPress

/// A portal to resolve links against: pages, a section, a resource, a static file.
struct Site {
    let portal: Portal
    let urls: URLMap
    let included: Set<Int>

    init(basePath: String) {
        let page = { (title: String) in "---\ntitle: \(title)\n---\nТекст.\n" }
        let files: [String: String] = [
            "content/f/portal.yaml": "title: МОЦ\nbase_url: https://cdt.example.ru\(basePath)\n",
            "content/f/_index.md": page("Главная"),
            "content/f/info/_index.md": "---\ntitle: Информационный блок\nblock: info\n---\n",
            "content/f/info/novosti/pervaya.md": page("Первая"),
            "content/f/info/novosti/foto.jpg": "jpg",
            "content/f/metodicheskij/_index.md": "---\ntitle: Методический блок\nblock: methodical\n---\n",
            "content/f/metodicheskij/Программа.md": page("Программа"),
            "content/f/metodicheskij/chernovik.md": "---\ntitle: Черновик\ndraft: true\n---\n",
            "content/f/static/docs/polozhenie.pdf": "pdf",
        ]
        var diagnostics = DiagnosticBag()
        let loader = ContentLoader(fileSystem: MemoryFileSystem(files), projectRoot: ".")
        guard let portal = loader.load(portal: "f", diagnostics: &diagnostics) else {
            fatalError("the fuzz portal does not load: \(diagnostics.items)")
        }
        let included = portal.pages.indices.filter { !portal.pages[$0].draft }
        self.portal = portal
        self.included = Set(included)
        self.urls = URLMap.build(portal: portal, included: included, basePath: basePath, diagnostics: &diagnostics)
    }

    func resolve(_ target: String, from directory: String) -> LinkResolution {
        urls.resolve(target, fromDirectory: directory, portal: portal, included: included)
    }
}

let sites = [Site(basePath: "/moc/"), Site(basePath: "/")]

let markdownTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "code", "pre",
                                 "blockquote", "ul", "ol", "li", "hr", "br"]
let markdownAttributes: Set<String> = ["href", "src", "alt", "title", "id", "class", "aria-hidden", "tabindex", "start"]

/// An attribute value as the browser reads it; nil for an entity other than
/// the three cmark writes in URLs (`&amp;`, `&#x27;`, `&quot;`).
func decodeAttribute(_ value: String) -> String? {
    var out = ""
    var rest = Substring(value)
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        rest = rest[amp...]
        if rest.hasPrefix("&amp;") { out += "&"; rest = rest.dropFirst(5) }
        else if rest.hasPrefix("&#x27;") { out += "'"; rest = rest.dropFirst(6) }
        else if rest.hasPrefix("&quot;") { out += "\""; rest = rest.dropFirst(6) }
        else { return nil }
    }
    return out + rest
}

/// Every `<` of safe output opens a tag cmark writes (text is escaped), with
/// attributes cmark writes, and no URL that a browser would run.
func checkSafeHTML(_ html: String) {
    let b = Array(html.utf8)
    let omitted = Array("<!-- raw HTML omitted -->".utf8)
    func isName(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D }
    func context(_ at: Int) -> String { String(decoding: b[max(0, at - 40)..<min(b.count, at + 80)], as: UTF8.self) }
    var i = 0
    while i < b.count {
        guard b[i] == 0x3C else { i += 1; continue }  // "<"
        if b[i...].starts(with: omitted) { i += omitted.count; continue }
        i += 1
        if i < b.count, b[i] == 0x2F { i += 1 }  // "/"
        let nameStart = i
        while i < b.count, isName(b[i]) { i += 1 }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self)
        require(markdownTags.contains(name), "tag <\(name)> in safe output: \(context(nameStart))")
        while true {
            while i < b.count, b[i] == 0x20 { i += 1 }
            require(i < b.count, "unterminated tag <\(name)>")
            if b[i] == 0x3E { i += 1; break }  // ">"
            if b[i] == 0x2F, i + 1 < b.count, b[i + 1] == 0x3E { i += 2; break }  // "/>"
            let attributeStart = i
            while i < b.count, isName(b[i]) { i += 1 }
            let attribute = String(decoding: b[attributeStart..<i], as: UTF8.self)
            require(markdownAttributes.contains(attribute), "attribute \(attribute) in safe output: \(context(attributeStart))")
            require(i + 1 < b.count && b[i] == 0x3D && b[i + 1] == 0x22, "attribute \(attribute) without a quoted value: \(context(attributeStart))")
            i += 2
            let valueStart = i
            while i < b.count, b[i] != 0x22 { i += 1 }
            require(i < b.count, "unterminated attribute \(attribute)")
            let value = String(decoding: b[valueStart..<i], as: UTF8.self)
            i += 1
            require(!value.contains("<") && !value.contains(">"), "markup in attribute \(attribute)=\"\(value)\"")
            if attribute == "href" || attribute == "src" {
                let url = decodeAttribute(value)
                require(url != nil, "an entity in \(attribute)=\"\(value)\" that cmark does not write")
                // Browsers drop tabs and newlines anywhere, leading spaces and
                // controls, and ignore case in the scheme.
                let scheme = String(url!.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }.drop { $0.value <= 0x20 }).lowercased()
                for bad in ["javascript:", "vbscript:", "file:"] {
                    require(!scheme.hasPrefix(bad), "\(attribute)=\"\(value)\" in safe output")
                }
                if scheme.hasPrefix("data:") {
                    let image = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { scheme.hasPrefix($0) }
                    require(image, "\(attribute)=\"\(value)\" in safe output")
                }
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Array(UnsafeBufferPointer(start: data, count: size))
    let mode = size % 4
    let unsafeHTML = mode == 3
    let html = mode != 2
    let site = sites[(size / 4) % sites.count]
    // Pages reach cmark already checked for UTF-8 (PageReader); anything else is cmark's to check.
    let validUTF8 = PageReader.firstInvalidUTF8Line(body) == nil
    let firstLine = 4
    var targets = 0
    let rendered = Markdown.render(body, source: "content/f/info/novosti/pervaya.md", firstLine: firstLine,
                                   options: .init(unsafeHTML: unsafeHTML, html: html, validUTF8: validUTF8)) { target in
        targets += 1
        return site.resolve(target, from: "info/novosti")
    }
    // cmark counts a lone CR as a line break, as CommonMark says.
    let lines = lineBreaks(body) + 1
    for diagnostic in rendered.diagnostics {
        require(!diagnostic.message.isEmpty, "a diagnostic without a message")
        require(diagnostic.line >= firstLine && diagnostic.line < firstLine + lines && diagnostic.column >= 1,
                "a diagnostic at \(diagnostic.line):\(diagnostic.column) of a body of \(lines) lines from line \(firstLine)")
    }
    require(rendered.diagnostics.filter { $0.severity == .error }.count <= targets, "more broken links than links")
    guard html else {
        require(rendered.html.isEmpty && rendered.headings.isEmpty, "check mode wrote HTML")
        // `check` leaves bodies without «[» or «<» to itself: it must say what a build says.
        let built = Markdown.render(body, source: "content/f/info/novosti/pervaya.md", firstLine: firstLine,
                                    options: .init(unsafeHTML: unsafeHTML, html: true, validUTF8: validUTF8)) { site.resolve($0, from: "info/novosti") }
        require(built.diagnostics == rendered.diagnostics, "check and a build report this body differently")
        return 0
    }
    var ids = Set<String>()
    for heading in rendered.headings {
        require((1...6).contains(heading.level), "heading level \(heading.level)")
        require(!heading.id.isEmpty && heading.id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D },
                "heading id «\(heading.id)»")
        require(ids.insert(heading.id).inserted, "two headings with the id «\(heading.id)»: \(rendered.headings.map(\.title))")
    }
    require(rendered.excerpt.count <= 201, "excerpt of \(rendered.excerpt.count) characters")
    if !unsafeHTML { checkSafeHTML(rendered.html) }
    return 0
}
