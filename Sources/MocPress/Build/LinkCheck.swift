import Foundation

/// After a build, every internal link, anchor, image and file in the output
/// resolves. A broken one is an error at the Markdown line that wrote it,
/// or, when a template wrote it, at the page it is on and the template.
///
/// Links are taken from the HTML that was written (`href`, `src`,
/// `srcset`, `poster`), so nothing a theme or a page adds escapes the check.
/// Links outside the portal's base path (another site on the same host, the
/// organisation's main page) and links with a scheme are not the portal's
/// to check.
struct LinkIndex: Sendable {
    /// Every output file.
    var files: Set<String> = []
    /// The ids (and `<a name>`) of every HTML file, as hashes: tens of
    /// thousands of pages' ids are kept for the whole build (and in `serve`).
    var anchors: [String: Set<Int>] = [:]

    static func anchorSet(_ ids: [String]) -> Set<Int> { Set(ids.map(\.hashValue)) }

    /// The output path a link from `file` points at, and its fragment; nil
    /// for links that are not the portal's (a scheme, another path on the host).
    static func target(of link: String, from file: String, basePath: String) -> (path: String, fragment: String)? {
        if link.isEmpty || link.hasPrefix("//") { return nil }
        if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/"), !link[..<colon].contains("#"), !link[..<colon].contains("?") { return nil }
        var rest = Substring(link)
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        var path = String(rest)
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        if fragment.utf8.contains(UInt8(ascii: "%")) { fragment = fragment.removingPercentEncoding ?? fragment }
        if path.isEmpty { return (file, fragment) }
        let joined: String
        if path.hasPrefix("/") {
            guard path.hasPrefix(basePath) || path + "/" == basePath else { return nil }
            joined = String(path.dropFirst(min(basePath.count, path.count)))
        } else {
            joined = Path.join(Path.directory(of: file), path)
        }
        guard var normalized = Path.normalize(joined) else { return ("..", fragment) }
        if path.hasSuffix("/") || normalized.isEmpty { normalized = normalized.isEmpty ? "index.html" : normalized + "/index.html" }
        return (normalized, fragment)
    }

    /// Links that resolve the same wherever they are written share a key:
    /// site paths and URLs by themselves, relative links with their folder.
    static func key(_ link: String, from file: String) -> String {
        if link.hasPrefix("/") || link.utf8.contains(UInt8(ascii: ":")) { return link }
        // "#id" and "?q" point into the page itself, not its folder.
        if link.hasPrefix("#") || link.hasPrefix("?") { return file + "\u{0}" + link }
        return Path.directory(of: file) + "\u{0}" + link
    }

    /// What is wrong with a link from `file`, or nil when it resolves.
    func problem(with link: String, from file: String, basePath: String) -> String? {
        guard let (path, fragment) = Self.target(of: link, from: file, basePath: basePath) else { return nil }
        var target = path
        if !files.contains(target) {
            // `/novosti/x` without the slash is served as its folder's index.html.
            guard files.contains(target + "/index.html") else {
                return path == ".." ? "ссылка «\(link)» ведёт за пределы портала"
                    : "ссылка «\(link)» никуда не ведёт: на портале нет такой страницы или файла (\(path)) — проверьте адрес"
            }
            target += "/index.html"
        }
        if !fragment.isEmpty, fragment != "top", let ids = anchors[target], !ids.contains(fragment.hashValue) {
            return "ссылка «\(link)» ведёт на якорь #\(fragment), которого нет на странице \(target): проверьте заголовок, на который она указывает"
        }
        return nil
    }

    // MARK: - Reading HTML

    /// Link attribute values and ids of an HTML file, entities decoded.
    /// Byte-level: thousands of pages of HTML are scanned in every build.
    static func scan(_ bytes: [UInt8]) -> (links: [String], ids: [String]) {
        bytes.withUnsafeBufferPointer(scan)
    }

    static func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> (links: [String], ids: [String]) {
        var links: [String] = []
        var ids: [String] = []
        let count = buffer.count
        guard let base = buffer.baseAddress else { return ([], []) }
        // 0: a link (href, src, poster), 1: srcset, 2: an anchor (id, name), nil: anything else.
        func kind(_ start: Int, _ length: Int) -> Int? {
            func lower(_ k: Int) -> UInt8 { base[start + k] | 0x20 }
            func equals(_ word: StaticString) -> Bool {
                guard word.utf8CodeUnitCount == length else { return false }
                let w = word.utf8Start
                for k in 0..<length where lower(k) != w[k] { return false }
                return true
            }
            switch length {
            case 2: return equals("id") ? 2 : nil
            case 3: return equals("src") ? 0 : nil
            case 4: return equals("href") ? 0 : equals("name") ? 2 : nil
            case 6: return equals("poster") ? 0 : equals("srcset") ? 1 : nil
            default: return nil
            }
        }
        var i = 0
        while i < count, let hit = memchr(base + i, Int32(UInt8(ascii: "=")), count - i) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            i = at + 1
            guard at + 1 < count else { break }
            let quote = base[at + 1]
            guard quote == 0x22 || quote == 0x27 else { continue }
            // The attribute name before "=", preceded by white space, inside a tag.
            var start = at
            while start > 0, Self.isNameByte(base[start - 1]) { start -= 1 }
            guard start > 0, start < at, base[start - 1] == 0x20 || base[start - 1] == 0x0A || base[start - 1] == 0x09,
                  let which = kind(start, at - start) else { continue }
            var back = start - 1
            while back > 0, base[back] != 0x3C, base[back] != 0x3E { back -= 1 }
            guard base[back] == 0x3C else { continue }
            guard let close = memchr(base + at + 2, Int32(quote), count - at - 2) else { break }
            let end = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
            i = end + 1
            let raw = UnsafeBufferPointer(start: base + at + 2, count: end - at - 2)
            var value = String(decoding: raw, as: UTF8.self)
            if memchr(raw.baseAddress!, 0x26, raw.count) != nil { value = Self.decodeEntities(value) }
            switch which {
            case 0:
                if let first = raw.first, let last = raw.last, first <= 0x20 || last <= 0x20 { value = value.trimmingWhitespace() }
                links.append(value)
            case 1:
                for candidate in value.split(separator: ",") {
                    if let url = candidate.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { links.append(String(url)) }
                }
            default:
                // <meta name="…"> shares the attribute; its values are never linked to.
                ids.append(value)
            }
        }
        return (links, ids)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x2D || (byte >= 0x30 && byte <= 0x39)
    }

    /// The entities the escaper writes, and numeric ones.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else { result += "&"; rest = rest.dropFirst(); continue }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            var decoded: String?
            switch entity {
            case "amp": decoded = "&"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) { decoded = String(scalar) }
                else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) { decoded = String(scalar) }
            }
            if let decoded {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }
}

/// The anchors of each HTML file a build rendered and each distinct link
/// in them, scanned as the file is written: reading 10,000 pages back from
/// disk cost a tenth of the build. Files the build did not render (linked
/// from the previous build, copied from static/) are read back instead.
final class LinkScans: @unchecked Sendable {
    private let lock = NSLock()
    private var anchors: [String: Set<Int>] = [:]
    private var links: [String: (link: String, file: String)] = [:]

    func record(_ file: String, _ html: String) {
        guard file.hasSuffix(".html") else { return }
        var html = html
        html.withUTF8 { record(file, $0) }
    }

    func record(_ file: String, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard file.hasSuffix(".html") else { return }
        let scanned = LinkIndex.scan(bytes)
        let ids = LinkIndex.anchorSet(scanned.ids)
        let keys = scanned.links.map { LinkIndex.key($0, from: file) }
        // Most links are already known (menu, header, lists): one look each.
        lock.withLock {
            anchors[file] = ids
            for (key, link) in zip(keys, scanned.links) where links[key] == nil { links[key] = (link, file) }
        }
    }

    var snapshot: (anchors: [String: Set<Int>], links: [String: (link: String, file: String)]) {
        lock.withLock { (anchors, links) }
    }
}

/// Which template wrote each output file: the place a template's broken link is reported.
final class OutputLog: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: [String: String] = [:]
    func record(_ path: String, template: String) { lock.withLock { templates[path] = template } }
    var all: [String: String] { lock.withLock { templates } }
}

extension PortalBuild {
    /// The last step: check the links of every HTML file written, as
    /// scanned while writing or read back.
    static func checkLinks(_ build: inout PortalBuild) {
        let started = Date()
        let files = build.sink.writtenPaths
        let html = files.filter { $0.hasSuffix(".html") }
        let sink = build.sink
        // HTML the build did not render (linked from the previous build,
        // copied from static/) is read back and scanned the same way.
        let scans = build.linkScans
        let written = scans.snapshot.anchors
        let unscanned = html.filter { written[$0] == nil }
        DispatchQueue.concurrentPerform(iterations: unscanned.count) { i in
            let bytes = sink.contents(of: unscanned[i]) ?? []
            bytes.withUnsafeBufferPointer { scans.record(unscanned[i], $0) }
        }
        var index = LinkIndex()
        index.files = Set(files)
        let distinct: [String: (link: String, file: String)]
        (index.anchors, distinct) = scans.snapshot
        if SiteBuilder.timing { SiteBuilder.report("ссылки: чтение и разбор", since: started) }
        let work = distinct.map { (key: $0.key, link: $0.value.link, file: $0.value.file) }
        let basePath = build.baseURL.path
        let verdicts = Slots<String>(count: work.count)
        let checked = index
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            verdicts[i] = checked.problem(with: work[i].link, from: work[i].file, basePath: basePath)
        }
        var problems: [String: String] = [:]
        for (i, verdict) in verdicts.values.enumerated() { if let verdict { problems[work[i].key] = verdict } }
        // Kept for `serve`, which checks an edited page against the rest.
        build.linkIndex = SharedBox(index)
        guard !problems.isEmpty else { return }
        // Broken links are rare: a second pass finds every place each was written.
        let broken = problems
        let occurrences = Slots<[String]>(count: html.count)
        DispatchQueue.concurrentPerform(iterations: html.count) { i in
            let links = sink.contents(of: html[i]).map(LinkIndex.scan)?.links ?? []
            occurrences[i] = links.filter { broken[LinkIndex.key($0, from: html[i])] != nil }
        }
        let found = occurrences.values.enumerated().map { (file: html[$0.offset], links: $0.element ?? []) }
        build.diagnostics.append(contentsOf: build.diagnose(found) { link, file in broken[LinkIndex.key(link, from: file)] })
    }

    /// The file a copied output file came from, as diagnostics name it: the
    /// portal's static/ over the theme's, then files next to pages.
    func copiedSource(of file: String) -> String {
        let display = "content/\(portal.id)"
        if portal.staticFiles.contains(file) { return Path.join(display, "static/" + file) }
        if let resource = urls.resourcePaths.first(where: { $0.value == file })?.key { return Path.join(display, resource) }
        if let themed = theme.staticFiles.first(where: { $0.path == file }) {
            return themed.source.range(of: "themes/").map { String(themed.source[$0.lowerBound...]) } ?? themed.source
        }
        return display
    }

    /// Errors for the broken links of a few files (an edited page in `serve`).
    func brokenLinks(_ links: [(file: String, links: [String])], in index: LinkIndex) -> [Diagnostic] {
        diagnose(links) { link, file in index.problem(with: link, from: file, basePath: baseURL.path) }
    }

    /// An error for each broken link, where it was written: the Markdown
    /// line of the page it came from, else the page and the template.
    func diagnose(_ links: [(file: String, links: [String])], problem: (String, String) -> String?) -> [Diagnostic] {
        var pageOf: [String: Int] = [:]
        for i in included { if let path = urls.pagePaths[i] { pageOf[URLMap.indexFile(path)] = i } }
        let templates = outputLog.all
        var diagnostics: [Diagnostic] = []
        for (file, fileLinks) in links.sorted(by: { $0.file < $1.file }) {
            var seen: Set<String> = []
            for link in fileLinks where seen.insert(link).inserted {
                guard let problem = problem(link, file) else { continue }
                let page = pageOf[file]
                // cmark writes the URL percent-encoded; compare what both mean.
                let meaning = link.removingPercentEncoding ?? link
                if let page, let written = rendered[page]?.links.first(where: { ($0.url.removingPercentEncoding ?? $0.url) == meaning }) {
                    diagnostics.append(.error(problem, at: written.location))
                } else if let page {
                    let template = templates[file].map { " (её выводит шаблон \(theme.templateFiles[$0] ?? $0))" } ?? ""
                    diagnostics.append(.error("\(problem)\(template)", at: SourceLocation(file: portal.pages[page].source, line: 1, column: 1)))
                } else if let template = templates[file] {
                    let source = theme.templateFiles[template] ?? "content/\(portal.id)"
                    diagnostics.append(.error("\(problem) (на странице \(file))", at: SourceLocation(file: source, line: 1, column: 1)))
                } else {
                    diagnostics.append(.error(problem, at: SourceLocation(file: copiedSource(of: file), line: 1, column: 1)))
                }
            }
        }
        return diagnostics
    }
}
