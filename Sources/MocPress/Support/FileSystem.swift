import Foundation

/// The one seam through which mocpress reads its input.
///
/// Production code uses `DiskFileSystem`; most tests use `MemoryFileSystem`
/// and never touch the disk.
public protocol FileSystem: Sendable {
    /// Bytes of the file, or nil when there is no regular file there.
    func contents(of path: String) throws -> [UInt8]
    /// The bytes, or only the size of a file over `limit` (a page pasted
    /// with images is refused without reading it).
    func contents(of path: String, atMost limit: Int) throws -> BoundedContents
    func isDirectory(_ path: String) -> Bool
    /// A regular file, not a folder, pipe, socket or device.
    func isFile(_ path: String) -> Bool
    /// Names (not paths) of the entries of a directory, sorted.
    func entries(of directory: String) throws -> [String]
    func size(of path: String) -> Int?
    /// True when the path is a symbolic link (never followed out of a portal).
    func isSymbolicLink(_ path: String) -> Bool
    /// The entries of a directory with what each is, sorted by name.
    func typedEntries(of directory: String) throws -> [DirectoryEntry]
}

/// A name in a directory and what it is (a link is never followed).
public struct DirectoryEntry: Sendable, Equatable {
    /// `other`: a named pipe, socket or device — never read (opening a pipe waits for a writer).
    public enum Kind: Sendable, Equatable { case file, directory, symbolicLink, other }
    public var name: String
    public var kind: Kind
}

public enum BoundedContents: Sendable {
    case bytes([UInt8])
    case tooLarge(Int)
}

public struct FileSystemError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

public extension FileSystem {
    func typedEntries(of directory: String) throws -> [DirectoryEntry] {
        try entries(of: directory).map { name in
            let full = directory + "/" + name
            let kind: DirectoryEntry.Kind = isSymbolicLink(full) ? .symbolicLink : isDirectory(full) ? .directory : .file
            return DirectoryEntry(name: name, kind: kind)
        }
    }

    func contents(of path: String, atMost limit: Int) throws -> BoundedContents {
        if let size = size(of: path), size > limit { return .tooLarge(size) }
        return .bytes(try contents(of: path))
    }

    func string(at path: String) throws -> String {
        String(decoding: try contents(of: path), as: UTF8.self)
    }

    /// Every entry under `directory` that is not a folder (files, and links,
    /// pipes and devices for the caller to refuse), as paths relative to it, sorted.
    func walk(_ directory: String) throws -> [String] {
        var result: [String] = []
        func visit(_ relative: String) throws {
            let full = relative.isEmpty ? directory : directory + "/" + relative
            for entry in try typedEntries(of: full) {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.kind == .directory {
                    try visit(child)
                } else {
                    result.append(child)
                }
            }
        }
        try visit("")
        return result
    }
}

/// The real file system, through POSIX calls: a check of 2,000 portals opens
/// a hundred thousand files, and FileManager's bridging showed in profiles.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func contents(of path: String) throws -> [UInt8] {
        switch try contents(of: path, atMost: Int.max) {
        case .bytes(let bytes): return bytes
        case .tooLarge: throw FileSystemError(path: path, reason: "не удалось прочитать файл")
        }
    }

    /// One open and one fstat for the size and the kind: a check of 2,000
    /// portals reads a hundred thousand pages.
    public func contents(of path: String, atMost limit: Int) throws -> BoundedContents {
        // O_NONBLOCK: a named pipe must not hang the build waiting for a writer (it is refused below).
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw FileSystemError(path: path, reason: "не удалось прочитать файл") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw FileSystemError(path: path, reason: "не удалось прочитать файл")
        }
        // Read straight into the array's storage; one more byte than the size
        // tells a file that grew since fstat (then read the rest in chunks).
        let expected = Int(info.st_size)
        if expected > limit { return .tooLarge(expected) }
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failed = true; return }
                if got == 0 { return }
                count += got
            }
        }
        while !failed && bytes.count > expected {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { failed = true }
            if got <= 0 { break }
            bytes += chunk[..<got]
        }
        if failed { throw FileSystemError(path: path, reason: "не удалось прочитать файл") }
        return .bytes(bytes)
    }

    private func mode(_ path: String, following: Bool) -> mode_t? {
        var info = stat()
        let result = following ? stat(path, &info) : lstat(path, &info)
        return result == 0 ? info.st_mode & S_IFMT : nil
    }

    public func isDirectory(_ path: String) -> Bool { mode(path, following: true) == S_IFDIR }

    /// A regular file (through a link): a named pipe or a device is not one
    /// — copying a pipe from static/ waited forever for a writer.
    public func isFile(_ path: String) -> Bool { mode(path, following: true) == S_IFREG }

    public func entries(of directory: String) throws -> [String] {
        try typedEntries(of: directory).map(\.name)
    }

    /// readdir's entry types spare a stat per file; a file system that does
    /// not fill them in (DT_UNKNOWN) gets an lstat.
    public func typedEntries(of directory: String) throws -> [DirectoryEntry] {
        guard let stream = opendir(directory) else { throw FileSystemError(path: directory, reason: "не удалось прочитать папку") }
        defer { closedir(stream) }
        var found: [DirectoryEntry] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let kind: DirectoryEntry.Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_REG): kind = .file
            case Int32(DT_FIFO), Int32(DT_SOCK), Int32(DT_CHR), Int32(DT_BLK): kind = .other
            default:
                switch mode(directory + "/" + name, following: false) {
                case S_IFLNK?: kind = .symbolicLink
                case S_IFDIR?: kind = .directory
                case S_IFREG?, nil: kind = .file // gone since readdir: reading it says so
                default: kind = .other
                }
            }
            found.append(DirectoryEntry(name: name, kind: kind))
        }
        return found.sorted { $0.name < $1.name }
    }

    public func size(of path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    public func isSymbolicLink(_ path: String) -> Bool { mode(path, following: false) == S_IFLNK }
}

/// An in-memory tree for tests: paths map to file bytes; directories are implied.
public struct MemoryFileSystem: FileSystem {
    public var files: [String: [UInt8]]

    public init(_ files: [String: String] = [:]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public mutating func write(_ path: String, _ text: String) { files[path] = Array(text.utf8) }

    public func contents(of path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw FileSystemError(path: path, reason: "нет такого файла") }
        return bytes
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func isFile(_ path: String) -> Bool { files[path] != nil }

    public func entries(of directory: String) throws -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var names = Set<String>()
        for key in files.keys where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if let name = rest.split(separator: "/").first { names.insert(String(name)) }
        }
        if names.isEmpty && files[directory] == nil {
            throw FileSystemError(path: directory, reason: "нет такой папки")
        }
        return names.sorted()
    }

    public func size(of path: String) -> Int? { files[path]?.count }
    public func isSymbolicLink(_ path: String) -> Bool { false }
}

/// Path helpers on plain strings ("a/b/c.md"): no Foundation URL round trips.
enum Path {
    static func join(_ parts: String...) -> String { join(parts) }

    static func join(_ parts: [String]) -> String {
        var joined = ""
        for part in parts where !part.isEmpty && part != "." {
            if joined.isEmpty { joined = part; continue }
            // One slash at each joint.
            if joined.utf8.last == UInt8(ascii: "/") {
                joined += part.utf8.first == UInt8(ascii: "/") ? part.dropFirst() : part[...]
            } else {
                if part.utf8.first != UInt8(ascii: "/") { joined += "/" }
                joined += part
            }
        }
        // A doubled slash inside a part (rare) goes as well.
        var previous: UInt8 = 0
        for byte in joined.utf8 {
            if byte == UInt8(ascii: "/") && previous == byte { return joined.replacingOccurrences(of: "//", with: "/") }
            previous = byte
        }
        return joined
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func stem(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// Resolves `.` and `..` in a relative path; nil when it climbs above its root.
    static func normalize(_ path: String) -> String? {
        enum Outcome { case outside, unchanged, changed(String) }
        // Byte by byte: every link of every page comes through here.
        var copy = path
        let outcome: Outcome = copy.withUTF8 { bytes in
            var parts: [Range<Int>] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "/") {
                let length = i - start
                if length == 2 && bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".") {
                    if parts.isEmpty { return .outside }
                    parts.removeLast()
                } else if length > 0 && !(length == 1 && bytes[start] == UInt8(ascii: ".")) {
                    parts.append(start..<i)
                }
                start = i + 1
            }
            // Every segment kept, in place, one slash apart: the path was already normal.
            let kept = parts.reduce(max(parts.count - 1, 0)) { $0 + $1.count }
            if kept == bytes.count && parts.first?.lowerBound ?? 0 == 0 { return .unchanged }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for (k, part) in parts.enumerated() {
                if k > 0 { out.append(UInt8(ascii: "/")) }
                out.append(contentsOf: bytes[part])
            }
            return .changed(String(decoding: out, as: UTF8.self))
        }
        switch outcome {
        case .outside: return nil
        case .unchanged: return path
        case .changed(let normalized): return normalized
        }
    }
}
