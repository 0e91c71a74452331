import Crypto
import Foundation

/// Pages whose template context did not change since the last build are not
/// rendered again: their previous file is hard-linked into the new output.
///
/// A page is a pure function of its template, its context and the theme, so
/// the key is a SHA-256 over the executable, the themes, the template name
/// and the whole context (the Markdown HTML, the cards of a list, the menu,
/// the date-dependent flags). A change anywhere — a page others link to, a
/// brand token, a plan — changes the contexts that show it and nothing else.
final class OutputReuse: @unchecked Sendable {
    /// The published folder of the previous build and its keys by file.
    let previousRoot: String
    let previous: [String: String]
    /// Executable and themes, folded into every key.
    let salt: String

    private let lock = NSLock()
    private var keys: [String: String] = [:]
    private(set) var reusedCount = 0

    init(previousRoot: String, previous: [String: String], salt: String) {
        self.previousRoot = previousRoot
        self.previous = previous
        self.salt = salt
    }

    /// Keys of every file rendered or reused by this build.
    var current: [String: String] { lock.withLock { keys } }

    /// Writes `file`: linked from the previous build when its key matches,
    /// rendered otherwise. A context that cannot be keyed is always rendered.
    func write(_ file: String, template: String, context: [String: Any], sink: any OutputSink, render: () -> String) throws {
        guard let key = key(template: template, context: context) else {
            try sink.write(file, text: render())
            return
        }
        if previous[file] == key, let disk = sink as? DiskSink, disk.link(Path.join(previousRoot, file), to: file) {
            lock.withLock { keys[file] = key; reusedCount += 1 }
            return
        }
        try sink.write(file, text: render())
        lock.withLock { keys[file] = key }
    }

    func key(template: String, context: [String: Any]) -> String? {
        var digest = ContextDigest()
        digest.add(salt)
        digest.add(template)
        guard digest.add(any: context) else { return nil }
        return digest.hex
    }
}

/// A SHA-256 over a template context, with every value tagged by its type
/// and every dictionary in key order, so equal contexts give equal keys.
struct ContextDigest {
    private var hasher = SHA256()

    mutating func add(_ text: String) {
        var text = text
        let count = text.utf8.count
        withUnsafeBytes(of: count) { hasher.update(bufferPointer: $0) }
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    private mutating func tag(_ byte: UInt8) { hasher.update(data: [byte]) }

    /// False for a value of a kind that is not known to be plain data.
    mutating func add(any value: Any) -> Bool {
        switch value {
        case let text as String:
            tag(0x73); add(text)
        case let flag as Bool:
            tag(flag ? 0x54 : 0x46)
        case let number as Int:
            tag(0x69); withUnsafeBytes(of: number) { hasher.update(bufferPointer: $0) }
        case let number as Double:
            tag(0x64); withUnsafeBytes(of: number.bitPattern) { hasher.update(bufferPointer: $0) }
        case let map as [String: Any]:
            tag(0x7B)
            withUnsafeBytes(of: map.count) { hasher.update(bufferPointer: $0) }
            for key in map.keys.sorted() {
                add(key)
                guard add(any: map[key]!) else { return false }
            }
        case let list as [Any]:
            tag(0x5B)
            withUnsafeBytes(of: list.count) { hasher.update(bufferPointer: $0) }
            for element in list {
                guard add(any: element) else { return false }
            }
        default:
            return false
        }
        return true
    }

    var hex: String {
        Digest.hex(hasher.finalize())
    }
}

extension DiskSink {
    /// A hard link of a file of the previous build; false when it cannot be
    /// made (another file system, a file gone), and the page is rendered.
    func link(_ source: String, to path: String) -> Bool {
        guard let full = try? prepare(path) else { return false }
        return Foundation.link(source, full) == 0
    }
}
