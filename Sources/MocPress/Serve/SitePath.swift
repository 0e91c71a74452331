import Foundation

/// What a request path asks of the portal served by `mocpress serve`.
///
/// Pure: it only looks at the text of the path, so that every way of
/// leaving the output folder is refused before a file name is ever built.
enum SitePath: Equatable {
    /// Send the browser elsewhere (`Location`), e.g. `/` to the portal's base path.
    case redirect(String)
    /// Decoded segments of a file or folder inside the portal's output; `[]` is its root.
    case site([String], trailingSlash: Bool)
    /// Outside the portal's base path.
    case outside
    /// A path that tries to leave the output folder or cannot be read: `..`,
    /// `%2e%2e`, an encoded `/` or `\`, a NUL byte, a path not starting with `/`.
    case refused

    /// Resolves the raw (still percent-encoded) path of a request against
    /// the portal's base path (`/moc/`, always starting and ending with `/`).
    static func resolve(rawPath: String, basePath: String) -> SitePath {
        guard rawPath.hasPrefix("/"), let requested = segments(of: rawPath) else { return .refused }
        // The base path comes from portal.yaml, which BaseURL already checked; an
        // unreadable one serves nothing rather than everything.
        guard let base = segments(of: basePath)?.filter({ !$0.isEmpty }) else { return .outside }
        let trailingSlash = rawPath.hasSuffix("/")
        var parts = requested
        if trailingSlash { parts.removeLast() }
        // Segments start after the leading "/": "/" itself gives [""].
        if parts.first == "" { parts.removeFirst() }
        // `//` inside a path would name the same file twice over; nothing links to it.
        if parts.contains("") { return .outside }
        if parts.isEmpty { return base.isEmpty ? .site([], trailingSlash: true) : .redirect(basePath) }
        guard parts.count >= base.count, Array(parts.prefix(base.count)) == base else { return .outside }
        let rest = Array(parts.dropFirst(base.count))
        // `/moc` means the portal's home: relative links only work from `/moc/`.
        if rest.isEmpty && !trailingSlash { return .redirect(basePath) }
        return .site(rest, trailingSlash: trailingSlash)
    }

    /// Percent-decoded segments between the slashes; nil when one of them could
    /// step out of a folder or smuggle a separator in.
    private static func segments(of rawPath: String) -> [String]? {
        var result: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: false) {
            guard let decoded = String(raw).removingPercentEncoding else { return nil }
            if decoded == "." || decoded == ".." { return nil }
            if decoded.contains("/") || decoded.contains("\\") || decoded.contains("\u{0}") { return nil }
            result.append(decoded)
        }
        return result
    }
}

/// `Content-Type` of the files a portal is built of.
enum ContentType {
    static let html = "text/html; charset=utf-8"

    private static let byExtension: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "ics": "text/calendar; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "yaml": "application/yaml", "yml": "application/yaml",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "zip": "application/zip",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt": "application/vnd.oasis.opendocument.text",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "rtf": "application/rtf",
    ]

    static func of(_ path: String) -> String {
        byExtension[Path.fileExtension(of: Path.fileName(of: path))] ?? "application/octet-stream"
    }
}
