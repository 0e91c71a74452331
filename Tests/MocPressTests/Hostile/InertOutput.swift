import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reading outputs the way their consumers do — a browser's HTML tokenizer,
/// an XML parser, a calendar client, Excel — and listing what would run.
enum InertOutput {
    // MARK: - HTML

    struct Tag: Sendable {
        var name: String
        var attributes: [(name: String, value: String)]
        /// Raw text of `<script>`, `<style>`: up to the closing tag.
        var rawText: String?
        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    struct Document: Sendable {
        var tags: [Tag] = []
        /// Text the reader sees (entities decoded), in document order.
        var text: [String] = []
        var textJoined: String { text.joined() }
    }

    /// Elements whose content the tokenizer reads as raw text up to their end tag.
    static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]
    static let rcdataElements: Set<String> = ["title", "textarea"]

    /// The HTML tokenizer's view (WHATWG 13.2.5) of start tags, their
    /// attributes, raw text elements and text; end tags and comments are skipped.
    static func parse(_ html: String) -> Document {
        let s = Array(html.unicodeScalars)
        var i = 0
        var doc = Document()
        var foreign = 0   // inside <svg> or <math>: <title> is not RCDATA there
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{C}" }
        func isAlpha(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        func find(_ needle: String, from: Int, caseInsensitive: Bool = false) -> Int? {
            let n = Array((caseInsensitive ? needle.lowercased() : needle).unicodeScalars)
            guard n.count <= s.count else { return nil }
            var k = from
            while k + n.count <= s.count {
                var match = true
                for j in 0..<n.count {
                    var c = s[k + j]
                    if caseInsensitive, c >= "A", c <= "Z" { c = Unicode.Scalar(c.value + 32)! }
                    if c != n[j] { match = false; break }
                }
                if match { return k }
                k += 1
            }
            return nil
        }
        var textStart = 0
        func flushText(_ end: Int) {
            if end > textStart { doc.text.append(decodeEntities(String(String.UnicodeScalarView(s[textStart..<end])))) }
        }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count else { i += 1; continue }
            let next = s[i + 1]
            if next == "!" {
                flushText(i)
                if find("<!--", from: i) == i {
                    // `<!-->` and `<!--->` close at once; otherwise at the first `-->` or `--!>`.
                    if find("<!-->", from: i) == i { i += 5 } else if find("<!--->", from: i) == i { i += 6 } else {
                        let a = find("-->", from: i + 4).map { $0 + 3 } ?? s.count
                        let b = find("--!>", from: i + 4).map { $0 + 4 } ?? s.count
                        i = min(a, b)
                    }
                } else {
                    i = (find(">", from: i) ?? s.count - 1) + 1
                }
                textStart = i
                continue
            }
            if next == "/" {
                guard i + 2 < s.count, isAlpha(s[i + 2]) else { i += 1; continue }
                flushText(i)
                var k = i + 2
                var name = ""
                while k < s.count, !isSpace(s[k]), s[k] != "/", s[k] != ">" { name.unicodeScalars.append(s[k]); k += 1 }
                if ["svg", "math"].contains(name.lowercased()) { foreign = max(0, foreign - 1) }
                // End tags carry attributes too (dropped): skip them the same way.
                (_, k) = attributes(s, from: k)
                i = k
                textStart = i
                continue
            }
            guard isAlpha(next) else { i += 1; continue }
            flushText(i)
            var k = i + 1
            var name = ""
            while k < s.count, !isSpace(s[k]), s[k] != "/", s[k] != ">" { name.unicodeScalars.append(s[k]); k += 1 }
            name = name.lowercased()
            let (attrs, end) = attributes(s, from: k)
            k = end
            var tag = Tag(name: name, attributes: attrs, rawText: nil)
            let selfClosing = end >= 2 && s[end - 2] == "/"
            if name == "svg" || name == "math", !selfClosing { foreign += 1 }
            if rawTextElements.contains(name) || (rcdataElements.contains(name) && foreign == 0) {
                // Raw text runs to `</name` followed by space, `/` or `>`.
                var close = k
                while let found = find("</" + name, from: close, caseInsensitive: true) {
                    let after = found + 2 + name.unicodeScalars.count
                    if after >= s.count || isSpace(s[after]) || s[after] == "/" || s[after] == ">" { close = found; break }
                    close = found + 1
                }
                if close == k, find("</" + name, from: k, caseInsensitive: true) == nil { close = s.count }
                let content = String(String.UnicodeScalarView(s[k..<close]))
                if rcdataElements.contains(name) { doc.text.append(decodeEntities(content)) } else { tag.rawText = content }
                k = close
            }
            doc.tags.append(tag)
            i = k
            textStart = i
        }
        flushText(s.count)
        return doc
    }

    /// Attributes from just after the tag name to just after `>`.
    private static func attributes(_ s: [Unicode.Scalar], from start: Int) -> ([(name: String, value: String)], Int) {
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{C}" }
        var result: [(name: String, value: String)] = []
        var k = start
        while k < s.count {
            while k < s.count, isSpace(s[k]) || s[k] == "/" { k += 1 }
            guard k < s.count else { break }
            if s[k] == ">" { return (result, k + 1) }
            var name = String(s[k])   // the first character may be `=`
            k += 1
            while k < s.count, !isSpace(s[k]), s[k] != "/", s[k] != ">", s[k] != "=" { name.unicodeScalars.append(s[k]); k += 1 }
            while k < s.count, isSpace(s[k]) { k += 1 }
            var value = ""
            if k < s.count, s[k] == "=" {
                k += 1
                while k < s.count, isSpace(s[k]) { k += 1 }
                if k < s.count, s[k] == "\"" || s[k] == "'" {
                    let quote = s[k]
                    k += 1
                    while k < s.count, s[k] != quote { value.unicodeScalars.append(s[k]); k += 1 }
                    k += 1
                } else {
                    while k < s.count, !isSpace(s[k]), s[k] != ">" { value.unicodeScalars.append(s[k]); k += 1 }
                }
            }
            result.append((name.lowercased(), decodeEntities(value)))
        }
        return (result, s.count)
    }

    /// Character references: numeric ones and the named ones that matter here.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
                                       "Tab": "\t", "NewLine": "\n", "colon": ":", "lpar": "(", "rpar": ")", "sol": "/"]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if after.first == "#" {
                let body = after.dropFirst()
                let hex = body.first == "x" || body.first == "X"
                let digits = (hex ? body.dropFirst() : body).prefix { hex ? $0.isHexDigit : $0.isNumber }
                if !digits.isEmpty, let code = UInt32(digits, radix: hex ? 16 : 10) {
                    out.unicodeScalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    var end = digits.endIndex
                    if end < rest.endIndex, rest[end] == ";" { end = rest.index(after: end) }
                    rest = rest[end...]
                    continue
                }
            } else {
                let word = after.prefix { $0.isLetter || $0.isNumber }
                if let value = named[String(word)] {
                    out += value
                    var end = word.endIndex
                    if end < rest.endIndex, rest[end] == ";" { end = rest.index(after: end) }
                    rest = rest[end...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    /// Attributes whose value a browser loads or navigates to.
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data", "codebase",
        "srcset", "ping", "manifest", "icon", "lowsrc", "dynsrc", "longdesc", "usemap", "profile", "archive",
        "data-embed",   // js/video.js turns it into the src of the player's <iframe>
    ]
    /// Elements that run or embed code, or change where the page's links go.
    static let forbiddenElements: Set<String> = [
        "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "math", "foreignobject",
        "animate", "set", "animatemotion", "animatetransform", "handler", "listener", "portal", "import",
        "isindex", "xmp", "plaintext", "noembed", "noframes", "template", "textarea", "param",
    ]

    /// Why a URL would run code when followed or loaded, or nil. Browsers drop
    /// tabs and newlines anywhere in a URL and leading spaces and controls,
    /// and compare the scheme case-insensitively.
    static func dangerousURL(_ value: String) -> String? {
        var url = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
        url = String(String.UnicodeScalarView(url.unicodeScalars.drop { $0.value <= 0x20 }))
        let lower = url.lowercased()
        guard let colon = lower.firstIndex(of: ":") else { return nil }
        let scheme = lower[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
        switch scheme {
        case "http", "https", "mailto", "tel": return nil
        case "data":
            let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return safeImages.contains(where: { lower.hasPrefix($0 + ";") || lower.hasPrefix($0 + ",") }) ? nil : "схема data: \(value)"
        default: return "схема \(scheme): \(value)"
        }
    }

    /// Everything in an HTML file that would run script: script elements other
    /// than the allowed ones, `on*` attributes, URLs with a scheme that runs
    /// code, elements that embed documents, malformed attribute names left by
    /// a breakout. `scripts`: allowed `src` values; `inline`: allowed inline scripts;
    /// `ownStyle`: the file is a report with its own `<style>`.
    static func problems(inHTML html: String, file: String, scripts: Set<String>, inline: Set<String> = [],
                         ownStyle: Bool = false) -> [String] {
        problems(in: parse(html), file: file, scripts: scripts, inline: inline, ownStyle: ownStyle)
    }

    static func problems(in doc: Document, file: String, scripts: Set<String>, inline: Set<String> = [],
                         ownStyle: Bool = false) -> [String] {
        var problems: [String] = []
        func report(_ what: String) { problems.append("\(file): \(what)") }
        for tag in doc.tags {
            if tag.name.unicodeScalars.contains(where: { !(("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-") }) {
                report("странное имя элемента <\(tag.name)>")
            }
            if forbiddenElements.contains(tag.name) { report("элемент <\(tag.name)>") }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { report("обработчик \(name)=\"\(value)\" в <\(tag.name)>") }
                if !name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == ":" || $0 == "_" || $0 == "." }) {
                    report("атрибут со странным именем «\(name)» в <\(tag.name)> — след выхода из кавычек")
                }
                if ["srcdoc", "formaction", "style"].contains(name) { report("атрибут \(name) в <\(tag.name)>") }
                if urlAttributes.contains(name) {
                    let urls = name == "srcset" ? value.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") } : [value]
                    for url in urls { if let why = dangerousURL(url) { report("\(why) в \(name) элемента <\(tag.name)>") } }
                }
            }
            if tag.name == "meta", let equiv = tag.attribute("http-equiv") {
                if equiv.lowercased() != "refresh" { report("meta http-equiv=\(equiv)") }
                let content = tag.attribute("content") ?? ""
                if let range = content.range(of: "url=", options: .caseInsensitive), let why = dangerousURL(String(content[range.upperBound...])) {
                    report("переадресация: \(why)")
                }
            }
            if tag.name == "link", let rel = tag.attribute("rel")?.lowercased(), rel.contains("import") || rel.contains("preload") || rel.contains("prefetch") {
                report("link rel=\(rel)")
            }
            if tag.name == "style" {
                // Reports carry their own stylesheet; nothing from content may reach one.
                let css = (tag.rawText ?? "").lowercased()
                if !ownStyle || ["<", "alert", "javascript", "expression", "url(", "@import"].contains(where: css.contains) {
                    report("элемент <style>: \(css.prefix(200))")
                }
            }
            if tag.name == "script" {
                let body = tag.rawText ?? ""
                if let src = tag.attribute("src") {
                    if !scripts.contains(src) { report("<script src=\"\(src)\"> не из темы") }
                    if !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { report("текст внутри <script src>: \(body)") }
                } else if tag.attribute("type")?.lowercased() == "application/ld+json" {
                    problems += jsonLDProblems(body).map { "\(file): JSON-LD: \($0)" }
                } else if !inline.contains(body) {
                    report("встроенный скрипт: \(body.prefix(200))")
                }
            }
        }
        return problems
    }

    /// The text of every `<script type="application/ld+json">` of a page.
    static func jsonLD(in html: String) -> [String] {
        parse(html).tags.filter { $0.name == "script" && $0.attribute("type")?.lowercased() == "application/ld+json" }.map { $0.rawText ?? "" }
    }

    /// JSON-LD inside `<script>` must not end the element or open a comment
    /// (which changes where the tokenizer ends it), and must be JSON.
    static func jsonLDProblems(_ text: String) -> [String] {
        var problems: [String] = []
        let lower = text.lowercased()
        if lower.contains("</script") { problems.append("«</script» внутри JSON-LD") }
        if lower.contains("<!--") { problems.append("«<!--» внутри JSON-LD") }
        if lower.contains("<script") { problems.append("«<script» внутри JSON-LD") }
        if (try? JSONSerialization.jsonObject(with: Data(text.utf8))) == nil { problems.append("не JSON: \(text.prefix(200))") }
        return problems
    }

    // MARK: - iCalendar

    /// Content lines of an iCalendar file, unfolded, after checking RFC 5545's
    /// framing: CRLF endings only, lines of at most 75 octets, continuations
    /// starting with a space.
    static func icsLines(_ text: String, file: String, problems: inout [String]) -> [String] {
        let bytes = Array(text.utf8)
        var physical: [[UInt8]] = []
        var line: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { physical.append(line); line = []; i += 2; continue }
                problems.append("\(file): одиночный CR")
            } else if b == 0x0A {
                problems.append("\(file): LF без CR")
                physical.append(line); line = []
            } else if b < 0x20 && b != 0x09 || b == 0x7F {
                problems.append("\(file): управляющий символ \(b)")
                line.append(b)
            } else {
                line.append(b)
            }
            i += 1
        }
        if !line.isEmpty { problems.append("\(file): последняя строка без CRLF") }
        var logical: [String] = []
        for raw in physical {
            if raw.count > 75 { problems.append("\(file): строка длиннее 75 октетов") }
            if raw.first == 0x20 || raw.first == 0x09 {
                guard !logical.isEmpty else { problems.append("\(file): продолжение без строки"); continue }
                logical[logical.count - 1] += String(decoding: raw.dropFirst(), as: UTF8.self)
            } else {
                logical.append(String(decoding: raw, as: UTF8.self))
            }
        }
        return logical
    }

    /// Properties the writer produces; anything else was injected.
    static let icsProperties: Set<String> = [
        "BEGIN", "END", "PRODID", "VERSION", "CALSCALE", "METHOD", "X-WR-CALNAME", "X-WR-TIMEZONE", "TZID",
        "DTSTART", "DTEND", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "UID", "DTSTAMP", "SUMMARY", "DESCRIPTION",
        "LOCATION", "URL", "CATEGORIES", "ORGANIZER",
    ]
    static let icsTextProperties: Set<String> = ["SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME", "CATEGORIES", "UID", "TZID", "PRODID"]

    struct ICSProperty { var name: String; var parameters: String; var value: String }

    /// Splits a content line at the first `:` outside a quoted parameter value.
    static func icsProperty(_ line: String) -> ICSProperty? {
        var quoted = false
        for index in line.indices {
            let c = line[index]
            if c == "\"" { quoted.toggle() }
            if c == ":" && !quoted {
                let head = line[..<index]
                let name = head.prefix { $0 != ";" }
                return ICSProperty(name: String(name), parameters: String(head.dropFirst(name.count)), value: String(line[line.index(after: index)...]))
            }
        }
        return nil
    }

    /// A TEXT value unescaped; nil when it holds an unescaped `;` or `,` or a
    /// backslash escape RFC 5545 does not define. `list`: `,` separates values.
    static func icsUnescape(_ value: String, list: Bool = false) -> [String]? {
        var values = [""]
        var escaped = false
        for c in value {
            if escaped {
                switch c {
                case "\\", ";", ",": values[values.count - 1].append(c)
                case "n", "N": values[values.count - 1].append("\n")
                default: return nil
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == ";" {
                return nil
            } else if c == "," {
                if list { values.append("") } else { return nil }
            } else {
                values[values.count - 1].append(c)
            }
        }
        return escaped ? nil : values
    }

    /// Problems of an iCalendar file and its events' unescaped properties.
    static func icsProblems(_ text: String, file: String) -> (problems: [String], events: [[String: [String]]]) {
        var problems: [String] = []
        let lines = icsLines(text, file: file, problems: &problems)
        var events: [[String: [String]]] = []
        var stack: [String] = []
        for line in lines {
            guard let property = icsProperty(line) else { problems.append("\(file): строка без «:»: \(line)"); continue }
            if !icsProperties.contains(property.name) { problems.append("\(file): лишнее свойство \(property.name): \(line)") }
            if property.parameters.contains("\n") || property.parameters.filter({ $0 == "\"" }).count % 2 != 0 {
                problems.append("\(file): испорченные параметры: \(line)")
            }
            switch property.name {
            case "BEGIN":
                stack.append(property.value)
                if property.value == "VEVENT" { events.append([:]) }
            case "END":
                if stack.popLast() != property.value { problems.append("\(file): END:\(property.value) не закрывает открытый блок") }
            default:
                if icsTextProperties.contains(property.name) {
                    guard let values = icsUnescape(property.value, list: property.name == "CATEGORIES") else {
                        problems.append("\(file): неэкранированный текст в \(property.name): \(property.value)")
                        continue
                    }
                    if stack.last == "VEVENT" { events[events.count - 1][property.name] = values }
                } else if property.value.contains(where: { $0 == "\n" || $0 == "\r" }) {
                    problems.append("\(file): перевод строки в \(property.name)")
                } else if stack.last == "VEVENT" {
                    events[events.count - 1][property.name] = [property.value]
                }
            }
        }
        if !stack.isEmpty { problems.append("\(file): не закрыты блоки \(stack)") }
        if stack.isEmpty && lines.first != "BEGIN:VCALENDAR" { problems.append("\(file): не начинается с BEGIN:VCALENDAR") }
        return (problems, events)
    }

    // MARK: - XML

    final class XMLCollector: NSObject, XMLParserDelegate {
        var texts: [String: [String]] = [:]
        var attributes: [(element: String, name: String, value: String)] = []
        private var stack: [String] = []
        private var current = ""
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            stack.append(elementName)
            current = ""
            for (name, value) in attributes { self.attributes.append((elementName, name, value)) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            texts[stack.joined(separator: "/"), default: []].append(current)
            current = ""
            stack.removeLast()
        }
    }

    /// Parses XML; the error when it is not well-formed.
    static func parseXML(_ text: String) -> Result<XMLCollector, Error> {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        if parser.parse() { return .success(collector) }
        return .failure(parser.parserError ?? NSError(domain: "xml", code: 1))
    }

    // MARK: - CSV

    /// Rows of a `;`-separated CSV with `"` quoting (RFC 4180), BOM dropped.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { cell.unicodeScalars.append("\""); i += 1 } else { quoted = false }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == ";" {
                row.append(cell); cell = ""
            } else if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" {
                row.append(cell); rows.append(row); row = []; cell = ""; i += 1
            } else {
                cell.unicodeScalars.append(c)
            }
            i += 1
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    /// A cell Excel or LibreOffice would evaluate: it starts with `=`, `+`,
    /// `-`, `@`, a tab or a CR, or has one of `= + - @` after leading spaces.
    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        if first == "\t" || first == "\r" { return true }
        let start = cell.unicodeScalars.first { $0 != " " && $0 != "\t" && $0 != "\r" && $0 != "\n" }
        return start.map { "=+-@".unicodeScalars.contains($0) } ?? false
    }
}
