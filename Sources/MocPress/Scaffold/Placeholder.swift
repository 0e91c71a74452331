import Foundation

/// Незаполненное место: text a new portal (or a new page) leaves for the МОЦ
/// to write, as `[ЗАПОЛНИТЕ: что вписать]`.
///
/// One convention everywhere — YAML values and YAML comments, front matter,
/// Markdown, plans — so that `check` points at every blank and a methodist
/// finds them all by searching for «ЗАПОЛНИТЕ». Values that must stay valid
/// (dates, addresses, the direction) keep a working example, and the
/// placeholder stands in a comment on their line.
public struct Placeholder: Sendable, Hashable {
    public var location: SourceLocation
    /// What to write: the text after «ЗАПОЛНИТЕ:».
    public var hint: String

    /// How every placeholder starts.
    public static let marker = "[ЗАПОЛНИТЕ:"
    private static let markerBytes = Array(marker.utf8)

    /// `[ЗАПОЛНИТЕ: hint]`
    public static func text(_ hint: String) -> String { "[ЗАПОЛНИТЕ: \(hint)]" }

    /// The finding `check` reports.
    public var message: String {
        hint.isEmpty ? "не заполнено: впишите свой текст вместо «[ЗАПОЛНИТЕ:]»" : "не заполнено: \(hint)"
    }

    /// Every placeholder in a file, with its 1-based line and column (in
    /// characters, as editors count). A placeholder ends at `]` or at the end of its line.
    public static func scan(_ bytes: [UInt8], file: String) -> [Placeholder] {
        let marker = markerBytes
        // Most files have none: memchr for «[» and a compare before counting lines.
        let present = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            var offset = 0
            while offset + marker.count <= buffer.count, let hit = memchr(base + offset, 0x5B, buffer.count - offset) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + marker.count <= buffer.count, memcmp(base + at, marker, marker.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
        guard present else { return [] }
        var found: [Placeholder] = []
        var line = 1
        var lineStart = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            } else if byte == UInt8(ascii: "["), i + marker.count <= count, bytes[i..<(i + marker.count)].elementsEqual(marker) {
                var end = i + marker.count
                while end < count, bytes[end] != UInt8(ascii: "]"), bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let hint = String(decoding: bytes[(i + marker.count)..<end], as: UTF8.self).trimmingWhitespace()
                // Columns count characters: skip UTF-8 continuation bytes.
                let column = bytes[lineStart..<i].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                found.append(Placeholder(location: SourceLocation(file: file, line: line, column: column), hint: hint))
                i = end
                continue
            }
            i += 1
        }
        return found
    }
}

extension PortalBuild {
    /// Placeholders left in what this build publishes: `portal.yaml`, the
    /// published pages (front matter and body), the plans and the data files.
    func findPlaceholders() -> [Placeholder] {
        // Pages were scanned when they were read; the other files are few.
        var found = scan(Path.join(portal.root, "portal.yaml"), shown: "content/\(portal.id)/portal.yaml")
        found += included.flatMap { portal.pages[$0].placeholders }
        found += portal.plans.flatMap { scan(Path.join(portal.root, $0.relativePath), shown: $0.file) }
        for resource in portal.resources where ["csv", "yaml", "yml"].contains(Path.fileExtension(of: resource)) {
            found += scan(Path.join(portal.root, resource), shown: "content/\(portal.id)/\(resource)")
        }
        return found
    }

    private func scan(_ full: String, shown: String) -> [Placeholder] {
        (try? fileSystem.contents(of: full)).map { Placeholder.scan($0, file: shown) } ?? []
    }

    /// One warning per file that still has placeholders: the build goes on,
    /// and `check` lists every one of them.
    static func warnPlaceholders(_ build: inout PortalBuild) {
        var byFile: [String: [Placeholder]] = [:]
        var order: [String] = []
        build.placeholders = build.findPlaceholders()
        for placeholder in build.placeholders {
            if byFile[placeholder.location.file] == nil { order.append(placeholder.location.file) }
            byFile[placeholder.location.file, default: []].append(placeholder)
        }
        for file in order { build.diagnostics.append(build.placeholderWarning(byFile[file]!)) }
    }

    /// The warning for the placeholders of one file (`found` is not empty).
    func placeholderWarning(_ found: [Placeholder]) -> Diagnostic {
        .warning("в файле остались незаполненные места: \(found.count) — найдите «\(Placeholder.marker)» и впишите свои данные (mocpress check \(portal.id) покажет каждое)", at: found[0].location)
    }
}
