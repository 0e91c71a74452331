import Foundation

/// Every URL of a portal: pages, sections, resources, aliases; and the
/// collisions between them. Paths here are site paths *without* the base
/// path ("info/news/a/"); `url(_:)` adds it.
struct URLMap: Sendable {
    let basePath: String
    /// Page index → its folder path in the output ("info/news/a" or "" for home).
    private(set) var pagePaths: [Int: String] = [:]
    /// Section folder → output folder ("info/novosti").
    private(set) var sectionPaths: [String: String] = [:]
    /// Content file (relative to the portal) → page index, for `.md` links.
    private(set) var pageBySource: [String: Int] = [:]
    /// Resource (relative to the portal) → output file path.
    private(set) var resourcePaths: [String: String] = [:]
    /// Output file → what claims it (for collision messages).
    private(set) var claims: [String: SourceLocation] = [:]

    init(basePath: String) { self.basePath = basePath }

    /// `/moc/` + path.
    func url(_ sitePath: String) -> String { basePath + sitePath }

    func pageURL(_ index: Int) -> String? {
        pagePaths[index].map { url($0.isEmpty ? "" : $0 + "/") }
    }

    func sectionURL(_ section: String) -> String? {
        sectionPaths[section].map { url($0.isEmpty ? "" : $0 + "/") }
    }

    /// Claims an output file for a source; a second claim is a collision naming both files.
    mutating func claim(_ file: String, by location: SourceLocation, what: String, diagnostics: inout DiagnosticBag) {
        if let previous = claims[file] {
            if previous.file == location.file { return }
            diagnostics.error("\(what) попадает по тому же адресу /\(file), что и \(previous.file): задайте одной из страниц другой slug", at: location)
        } else {
            claims[file] = location
        }
    }

    static func indexFile(_ folder: String) -> String { folder.isEmpty ? "index.html" : folder + "/index.html" }

    /// Resolves URLs of every included page and section.
    static func build(portal: Portal, included: [Int], basePath: String, diagnostics: inout DiagnosticBag) -> URLMap {
        var map = URLMap(basePath: basePath)
        let includedSet = Set(included)
        // Section folders: each segment is the section's slug, else its transliterated folder name.
        for path in portal.sections.keys.sorted() {
            guard !path.isEmpty else { map.sectionPaths[""] = ""; continue }
            let parent = map.sectionPaths[Path.directory(of: path)] ?? ""
            let section = portal.sections[path]!
            var segment = Transliteration.slug(Path.fileName(of: path))
            if let index = section.indexPage, let slug = portal.pages[index].slug { segment = slug.value }
            if segment.isEmpty {
                let location = section.indexPage.map { SourceLocation(file: portal.pages[$0].source) }
                    ?? SourceLocation(file: "content/\(portal.id)/\(path)", line: 0, column: 0)
                diagnostics.error("из имени папки «\(Path.fileName(of: path))» не получается адрес: переименуйте папку буквами или цифрами или задайте slug в её _index.md", at: location)
                segment = "razdel"
            }
            map.sectionPaths[path] = Path.join(parent, segment)
        }
        for index in included {
            let page = portal.pages[index]
            map.pageBySource[page.relativePath] = index
            let directory = page.directory
            let sectionPath = map.sectionPaths[directory] ?? ""
            let folder: String
            if page.isSectionIndex {
                folder = sectionPath
            } else {
                var segment = page.slug?.value ?? Transliteration.slug(Path.stem(of: Path.fileName(of: page.relativePath)))
                if segment.isEmpty {
                    diagnostics.error("из имени файла не получается адрес: переименуйте файл буквами или цифрами или задайте slug", at: SourceLocation(file: page.source))
                    segment = "stranitsa"
                }
                folder = Path.join(sectionPath, segment)
            }
            map.pagePaths[index] = folder
            map.claim(indexFile(folder), by: page.slug?.location ?? SourceLocation(file: page.source), what: "страница", diagnostics: &diagnostics)
        }
        // Section lists without an _index.md are still written.
        for (path, folder) in map.sectionPaths.sorted(by: { $0.key < $1.key }) {
            if let section = portal.sections[path], section.indexPage.map({ !includedSet.contains($0) }) ?? true {
                map.claim(indexFile(folder), by: SourceLocation(file: "content/\(portal.id)/\(path)", line: 0, column: 0), what: "раздел", diagnostics: &diagnostics)
            }
        }
        // Files next to pages (images, attachments) sit next to their section's output.
        for resource in portal.resources {
            let directory = Path.directory(of: resource)
            let folder = map.sectionPaths[directory] ?? directory.split(separator: "/").map { Transliteration.slug(String($0)) }.joined(separator: "/")
            let name = Path.fileName(of: resource)
            var stem = Transliteration.slug(Path.stem(of: name))
            if stem.isEmpty { stem = "fajl" }
            var ext = Path.fileExtension(of: name)
            // The stem is transliterated for a clean address; so is an extension
            // with anything but Latin letters and digits («Памятка.<svg onload=…>»).
            if !ext.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) { ext = Transliteration.slug(ext) }
            let output = Path.join(folder, ext.isEmpty ? stem : stem + "." + ext)
            map.resourcePaths[resource] = output
            map.claim(output, by: SourceLocation(file: "content/\(portal.id)/\(resource)", line: 0, column: 0), what: "файл", diagnostics: &diagnostics)
        }
        return map
    }

    /// `#Подробности` written as the heading reads → `#podrobnosti`, the id
    /// the heading gets; an id already written as one stays as it is.
    static func headingFragment(_ suffix: String) -> String {
        guard suffix.hasPrefix("#") else { return suffix }
        let fragment = String(suffix.dropFirst())
        let decoded = fragment.removingPercentEncoding ?? fragment
        let slug = Transliteration.slug(decoded)
        return slug.isEmpty || slug == fragment ? suffix : "#" + slug
    }

    /// Where a link or image target written in a page points.
    func resolve(_ target: String, fromDirectory directory: String, portal: Portal, included: Set<Int>) -> LinkResolution {
        if target.isEmpty || target.hasPrefix("#") || target.hasPrefix("//") { return .keep }
        if let colon = target.utf8.firstIndex(of: UInt8(ascii: ":")), !target.utf8[..<colon].contains(UInt8(ascii: "/")) { return .keep } // https:, mailto:, tel:
        var path = target
        var suffix = ""
        if let cut = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            suffix = String(path[cut...])
            path = String(path[..<cut])
        }
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        let rootRelative = path.hasPrefix("/")
        if rootRelative, path.hasPrefix(basePath), basePath != "/" { path = String(path.dropFirst(basePath.count - 1)) }
        let joined = rootRelative ? String(path.drop(while: { $0 == "/" })) : Path.join(directory, path)
        guard let normalized = Path.normalize(joined) else {
            return .broken("ссылка «\(target)» ведёт за пределы портала: укажите путь внутри папки портала")
        }
        if Path.fileExtension(of: normalized) == "md" {
            if let index = pageBySource[normalized], let url = pageURL(index) { return .rewrite(url + Self.headingFragment(suffix)) }
            if portal.unreadablePages.contains(normalized) { return .keep } // its own error is already reported
            if let index = portal.pages.firstIndex(where: { $0.relativePath == normalized }), !included.contains(index) {
                return .broken("ссылка «\(target)» ведёт на черновик или страницу с будущей датой, которая не публикуется: уберите ссылку или опубликуйте страницу")
            }
            return .broken("ссылка на несуществующую страницу «\(target)» (ищем content/\(portal.id)/\(normalized)): проверьте имя файла и путь")
        }
        if let resource = resourcePaths[normalized] { return .rewrite(url(resource) + suffix) }
        let folder = normalized.hasSuffix("/") ? String(normalized.dropLast()) : normalized
        if let section = sectionURL(folder) { return .rewrite(section + suffix) }
        if portal.staticFiles.contains(normalized) { return .rewrite(url(normalized) + suffix) }
        if rootRelative {
            // A site path written by hand (/info/novosti/): honour the base path, trust the author.
            return .rewrite(url(normalized) + (target.hasSuffix("/") && !normalized.isEmpty ? "/" : "") + suffix)
        }
        return .broken("ссылка на несуществующий файл «\(target)» (ищем content/\(portal.id)/\(normalized)): проверьте имя файла и путь")
    }
}
