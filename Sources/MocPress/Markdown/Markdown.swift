import CMark
import Foundation

/// A heading of a page, for the table of contents and stable anchors.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var id: String
    public var title: String
}

/// What a link or image target in Markdown turned into.
public enum LinkResolution: Sendable {
    /// Write this URL instead.
    case rewrite(String)
    /// Leave the target as written (external URL, fragment).
    case keep
    /// The target does not exist: the Russian reason.
    case broken(String)
}

/// The Markdown of one page rendered to HTML, with what the build needs from it.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    /// Plain text of the first paragraph, shortened, for cards when `summary:` is absent.
    public var excerpt: String
    public var diagnostics: [Diagnostic]
    /// Every link and image target as written to the HTML, with its place in
    /// the source: the output link check reports a broken one there.
    public var links: [(url: String, location: SourceLocation)] = []
}

/// The cmark wrapper: parse bytes, walk the AST to rewrite links and give
/// headings ids, render HTML.
public enum Markdown {
    public struct Options: Sendable {
        /// Keep raw HTML (portal's `unsafe_html: true`); dropped otherwise.
        public var unsafeHTML: Bool
        /// False when only the diagnostics are wanted (`check`): no HTML, headings or excerpt.
        public var html: Bool
        /// The bytes were already found to be valid UTF-8 (pages are, by
        /// `PageReader`): cmark need not check them again.
        public var validUTF8: Bool
        public init(unsafeHTML: Bool = false, html: Bool = true, validUTF8: Bool = false) {
            self.unsafeHTML = unsafeHTML
            self.html = html
            self.validUTF8 = validUTF8
        }
    }

    /// Renders `body` (the Markdown part of `source`, starting at `firstLine`).
    /// `resolve` maps every link and image target; it runs once per target.
    public static func render(
        _ body: [UInt8], source: String, firstLine: Int, options: Options,
        resolve: (String) -> LinkResolution
    ) -> RenderedMarkdown {
        render(body[...], source: source, firstLine: firstLine, options: options, resolve: resolve)
    }

    /// The same for the body as a part of the page's file (not copied out of it).
    public static func render(
        _ body: ArraySlice<UInt8>, source: String, firstLine: Int, options: Options,
        resolve: (String) -> LinkResolution
    ) -> RenderedMarkdown {
        // `check` wants what links and images say: a body without «[» or «<»
        // has none (no inline or reference link, image or autolink), and cmark need not parse it.
        if !options.html && !mayHoldLinks(body) {
            return RenderedMarkdown(html: "", headings: [], excerpt: "", diagnostics: tableWarnings(body, source: source, firstLine: firstLine))
        }
        var cmarkOptions = options.validUTF8 ? CMARK_OPT_DEFAULT : CMARK_OPT_VALIDATE_UTF8
        if options.unsafeHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        let root: OpaquePointer? = body.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return cmark_parse_document("", 0, cmarkOptions) }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, cmarkOptions)
            }
        }
        guard let root else {
            return RenderedMarkdown(html: "", headings: [], excerpt: "", diagnostics: [])
        }
        defer { cmark_node_free(root) }

        var headingNodes: [OpaquePointer] = []
        var linkNodes: [OpaquePointer] = []
        var firstParagraph: OpaquePointer?
        let iterator = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: headingNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: linkNodes.append(node)
            case CMARK_NODE_PARAGRAPH: if firstParagraph == nil { firstParagraph = node }
            default: break
            }
        }
        cmark_iter_free(iterator)

        var diagnostics: [Diagnostic] = []
        var lineStarts: [Int] = []
        func location(_ node: OpaquePointer) -> SourceLocation {
            let line = Int(cmark_node_get_start_line(node))
            let byteColumn = Int(cmark_node_get_start_column(node))
            if lineStarts.isEmpty { lineStarts = Self.lineStarts(body) }
            return SourceLocation(file: source, line: firstLine + line - 1,
                                  column: characterColumn(in: body, lineStarts: lineStarts, line: line, byteColumn: byteColumn))
        }

        var links: [(url: String, location: SourceLocation)] = []
        for node in linkNodes {
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            if isImage && plainText(of: node).trimmed().isEmpty {
                diagnostics.append(.warning("у изображения нет описания: напишите, что на нём, в квадратных скобках — ![Описание снимка](файл.jpg)", at: location(node), code: "image-without-alt"))
            }
            guard let rawURL = cmark_node_get_url(node) else { continue }
            let url = String(cString: rawURL)
            switch resolve(url) {
            case .keep: if options.html { links.append((url, location(node))) }
            case .rewrite(let newURL):
                cmark_node_set_url(node, newURL)
                if options.html { links.append((newURL, location(node))) }
            case .broken(let reason):
                diagnostics.append(.error(reason, at: location(node)))
            }
        }

        diagnostics += tableWarnings(body, source: source, firstLine: firstLine)

        // `check` wants the diagnostics only: no heading ids, excerpt or HTML.
        guard options.html else { return RenderedMarkdown(html: "", headings: [], excerpt: "", diagnostics: diagnostics) }

        var headings: [Heading] = []
        var usedIDs: Set<String> = []
        /// Per id, the number the next repeat tries first.
        var nextNumber: [String: Int] = [:]
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let title = String(plainText(of: node).trimmed())
            var base = Transliteration.slug(title)
            if base.isEmpty { base = "razdel" }
            var id = base
            // «Итоги», «Итоги», «Итоги 2»: the repeat's «itogi-2» is taken by
            // the third heading's own id, so look on until a number is free.
            if usedIDs.contains(id) {
                var n = nextNumber[base] ?? 2
                while usedIDs.contains("\(base)-\(n)") { n += 1 }
                id = "\(base)-\(n)"
                nextNumber[base] = n + 1
            }
            usedIDs.insert(id)
            headings.append(Heading(level: level, id: id, title: title))
            replaceHeading(node, level: level, id: id)
        }

        let excerpt = firstParagraph.map { shorten(plainText(of: $0), to: 200) } ?? ""
        guard let rendered = cmark_render_html(root, cmarkOptions) else {
            return RenderedMarkdown(html: "", headings: headings, excerpt: excerpt, diagnostics: diagnostics)
        }
        let html = String(cString: rendered)
        free(rendered)
        return RenderedMarkdown(html: html, headings: headings, excerpt: excerpt, diagnostics: diagnostics, links: links)
    }

    /// A warning at each pipe table: shown as text, the data belongs in a CSV file.
    static func tableWarnings(_ body: ArraySlice<UInt8>, source: String, firstLine: Int) -> [Diagnostic] {
        pipeTableLines(body).map { line in
            .warning("таблицы Markdown (строки с «|») не поддерживаются и будут показаны как текст: положите данные в CSV-файл и укажите его в data: — получится таблица и диаграмма", at: SourceLocation(file: source, line: firstLine + line - 1, column: 1))
        }
    }

    /// False when the body has neither «[» nor «<»: no link or image can be in it.
    static func mayHoldLinks(_ body: ArraySlice<UInt8>) -> Bool {
        body.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "[")), buffer.count) != nil || memchr(base, Int32(UInt8(ascii: "<")), buffer.count) != nil
        }
    }

    /// 1-based lines where a GitHub-style pipe table starts (a `|` row over a
    /// `|---|` row) outside fenced code: CommonMark has no tables.
    static func pipeTableLines(_ body: ArraySlice<UInt8>) -> [Int] {
        let hasBar = body.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "|")), buffer.count) != nil } ?? false
        }
        guard hasBar else { return [] }
        // Line starts, then a byte-level look at each line: no strings made.
        let starts = lineStarts(body)
        func line(_ n: Int) -> ArraySlice<UInt8> {
            let end = n + 1 < starts.count ? starts[n + 1] - 1 : body.count
            var slice = body[(body.startIndex + starts[n])..<(body.startIndex + max(starts[n], end))]
            while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice = slice.dropLast() }
            return slice
        }
        var found: [Int] = []
        var fenced = false
        for n in starts.indices {
            let text = line(n)
            if text.starts(with: [0x60, 0x60, 0x60]) || text.starts(with: [0x7E, 0x7E, 0x7E]) { fenced.toggle(); continue }
            guard !fenced, text.first == 0x7C, n + 1 < starts.count else { continue }   // "|"
            let next = line(n + 1)
            let onlyRule = next.allSatisfy { $0 == 0x7C || $0 == 0x3A || $0 == 0x2D || $0 == 0x20 || $0 == 0x09 }
            var dashes = 0, longest = 0
            for byte in next { dashes = byte == 0x2D ? dashes + 1 : 0; longest = max(longest, dashes) }
            if onlyRule, longest >= 3, next.contains(0x7C) { found.append(n + 1) }
        }
        return found
    }

    /// Offsets (from the start of `bytes`) where each line begins: found once
    /// per page that has links, not once per link.
    static func lineStarts(_ bytes: ArraySlice<UInt8>) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var i = 0
            while i < buffer.count, let hit = memchr(base + i, 0x0A, buffer.count - i) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(i)
            }
        }
        return starts
    }

    /// cmark counts columns in bytes; editors count characters.
    static func characterColumn(in bytes: ArraySlice<UInt8>, lineStarts: [Int], line: Int, byteColumn: Int) -> Int {
        let start = line - 1 < lineStarts.count ? lineStarts[max(0, line - 1)] : bytes.count
        let end = min(bytes.count, start + max(0, byteColumn - 1))
        var characters = 0
        for byte in bytes[(bytes.startIndex + start)..<(bytes.startIndex + max(start, end))] where byte & 0xC0 != 0x80 { characters += 1 }
        return characters + 1
    }

    /// cmark writes `<h2>` without attributes; a custom block carrying the
    /// opening and closing tags gives the heading its id without touching the HTML afterwards.
    private static func replaceHeading(_ heading: OpaquePointer, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, " <a class=\"heading-anchor\" href=\"#\(id)\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    /// The text a reader sees in a node (emphasis, code and links flattened).
    static func plainText(of node: OpaquePointer) -> String {
        var out = ""
        let iterator = cmark_iter_new(node)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { out += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out += " "
            default: break
            }
        }
        cmark_iter_free(iterator)
        return out
    }

    /// Cuts at a word boundary and adds «…».
    static func shorten(_ text: String, to limit: Int) -> String {
        let trimmed = text.trimmed()
        // Counting characters walks grapheme breaks: look at no more than needed.
        let cut = trimmed.prefix(limit)
        guard cut.endIndex < trimmed.endIndex else { return String(trimmed) }
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return cut[..<end].trimmed { $0.isPunctuation || $0.isWhitespace } + "…"
    }
}
