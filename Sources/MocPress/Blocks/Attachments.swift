import Foundation

/// A file a page points to (`file:`, `files:`, `data:`), before it is read.
public struct FileReference: Sendable {
    /// As written, relative to the page.
    public var path: String
    /// `files: - {file: …, title: …}`.
    public var title: String?
    public var location: SourceLocation
}

/// A published file: what the theme shows next to its link.
struct Attachment: Sendable {
    /// Output path inside the portal.
    var output: String
    var name: String
    var ext: String
    var size: Int
    var sha256: String

    /// «pdf; 327 Кб», «pdf; 1,2 Мб» — how Russian official sites label files.
    var label: String { Self.label(ext: ext, size: size) }

    static func label(ext: String, size: Int) -> String {
        let kind = ext.isEmpty ? "файл" : ext.lowercased()
        if size < 1024 * 1024 {
            return "\(kind); \(max(1, (size + 1023) / 1024)) Кб"
        }
        let megabytes = Double(size) / 1024 / 1024
        return "\(kind); \(RussianNumber.format(megabytes, decimals: 1)) Мб"
    }

    /// Lower-case hex SHA-256.
    static func sha256(_ bytes: [UInt8]) -> String {
        Digest.sha256(bytes)
    }

    /// Formats an official site accepts without a warning (SPEC 2.5).
    static let documentExtensions: Set<String> = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "rtf"]
    static let documentSizeLimit = 15 * 1024 * 1024
}

/// An embedded video on a Russian host (VK Видео, Rutube).
public struct Video: Sendable, Hashable {
    public var provider: String
    /// The video's own page.
    public var url: String
    /// The player, loaded only after a click.
    public var embedUrl: String

    /// `https://vk.com/video-123_456`, `https://vkvideo.ru/video-123_456`,
    /// `https://rutube.ru/video/<id>/`; nil for anything else.
    public static func recognize(_ raw: String) -> Video? {
        let text = raw.trimmingWhitespace()
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = components.host?.lowercased() else { return nil }
        let bareHost = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host.hasPrefix("m.") ? String(host.dropFirst(2)) : host
        let parts = components.path.split(separator: "/").map(String.init)
        switch bareHost {
        case "vk.com", "vkvideo.ru", "vk.ru":
            // video-123_456 or video123_456; also video_ext.php?oid=…&id=…
            if let last = parts.last, last.hasPrefix("video"), let (owner, id) = vkIDs(String(last.dropFirst(5))) {
                return Video(provider: "VK Видео", url: "https://vkvideo.ru/video\(owner)_\(id)",
                             embedUrl: "https://vkvideo.ru/video_ext.php?oid=\(owner)&id=\(id)&hd=2")
            }
            if parts.last == "video_ext.php", let items = components.queryItems,
               let owner = items.first(where: { $0.name == "oid" })?.value, let id = items.first(where: { $0.name == "id" })?.value,
               vkIDs("\(owner)_\(id)") != nil {
                return Video(provider: "VK Видео", url: "https://vkvideo.ru/video\(owner)_\(id)",
                             embedUrl: "https://vkvideo.ru/video_ext.php?oid=\(owner)&id=\(id)&hd=2")
            }
            return nil
        case "rutube.ru":
            // /video/<32 hex>/ or /play/embed/<id>
            var id: String?
            if parts.count >= 2, parts[0] == "video" { id = parts[1] }
            if parts.count >= 3, parts[0] == "play", parts[1] == "embed" { id = parts[2] }
            guard let id, id.count >= 6, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
            return Video(provider: "Rutube", url: "https://rutube.ru/video/\(id)/", embedUrl: "https://rutube.ru/play/embed/\(id)")
        default:
            return nil
        }
    }

    private static func vkIDs(_ text: String) -> (String, String)? {
        let pieces = text.split(separator: "_", omittingEmptySubsequences: false)
        guard pieces.count == 2 else { return nil }
        let owner = pieces[0], id = pieces[1]
        let ownerDigits = owner.hasPrefix("-") ? owner.dropFirst() : owner[...]
        guard !ownerDigits.isEmpty, ownerDigits.allSatisfy({ $0.isASCII && $0.isNumber }),
              !id.isEmpty, id.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return (String(owner), String(id))
    }
}

/// `data:` — a data file drawn as a table and a chart.
public struct DatasetReference: Sendable {
    public enum ChartChoice: String, Sendable { case bar, line, none }
    public var file: FileReference
    public var title: String?
    public var chart: ChartChoice
    public var unit: String
    public var caption: String
}
