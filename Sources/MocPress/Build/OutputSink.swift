import Foundation

/// Where a build writes its files: a folder on disk or memory (tests).
public protocol OutputSink: Sendable {
    func write(_ path: String, bytes: [UInt8]) throws
    func write(_ path: String, text: String) throws
    /// Copies a file read through the build's file system.
    func copy(_ source: String, to path: String, fileSystem: any FileSystem) throws
    /// Every file put in the output so far (written, copied or linked).
    var writtenPaths: [String] { get }
    /// The bytes of an output file, for checking what was written.
    func contents(of path: String) -> [UInt8]?
}

/// Writes under a root folder, creating folders as needed.
public final class DiskSink: OutputSink, @unchecked Sendable {
    public let root: String
    private let lock = NSLock()
    private var madeDirectories: Set<String> = []
    private var written: [String] = []

    /// Each file written to a temporary name and renamed over the old one:
    /// for updating a published folder that is being served.
    let replacingFiles: Bool

    public convenience init(root: String) { self.init(root: root, replacingFiles: false) }

    init(root: String, replacingFiles: Bool) {
        self.root = root
        self.replacingFiles = replacingFiles
    }

    func prepare(_ path: String) throws -> String {
        let full = root + "/" + path
        let directory = Path.directory(of: full)
        lock.lock()
        let known = madeDirectories.contains(directory)
        written.append(path)
        lock.unlock()
        if !known {
            try Self.makeDirectory(directory)
            lock.lock()
            madeDirectories.insert(directory)
            lock.unlock()
        }
        return full
    }

    public func write(_ path: String, bytes: [UInt8]) throws {
        let full = try prepare(path)
        try bytes.withUnsafeBufferPointer { try Self.writeFile(full, UnsafeRawBufferPointer($0)) }
    }

    public func write(_ path: String, text: String) throws {
        var text = text
        let full = try prepare(path)
        guard replacingFiles else {
            try text.withUTF8 { try Self.writeFile(full, UnsafeRawBufferPointer($0)) }
            return
        }
        let temporary = Path.directory(of: full) + "/.mocpress-new-\(getpid())-" + Path.fileName(of: full)
        do {
            try text.withUTF8 { try Self.writeFile(temporary, UnsafeRawBufferPointer($0)) }
            guard rename(temporary, full) == 0 else {
                throw FileSystemError(path: full, reason: "не удалось заменить файл (\(String(cString: strerror(errno))))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// mkdir, and its parents only when it is missing them: every page has
    /// its own folder, and FileManager stats each component of each path.
    private static func makeDirectory(_ directory: String) throws {
        if mkdir(directory, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else {
            throw FileSystemError(path: directory, reason: "не удалось создать папку (\(String(cString: strerror(errno))))")
        }
        let parent = Path.directory(of: directory)
        guard !parent.isEmpty, parent != directory else {
            throw FileSystemError(path: directory, reason: "не удалось создать папку")
        }
        try makeDirectory(parent)
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError(path: directory, reason: "не удалось создать папку (\(String(cString: strerror(errno))))")
        }
    }

    /// Plain open/write/close: the build folder is swapped in whole at the
    /// end, so per-file atomic writes (and their fsyncs) would only cost time.
    private static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError(path: path, reason: "не удалось записать файл (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, reason: "не удалось записать файл (\(String(cString: strerror(errno))))")
            }
            offset += written
        }
    }

    public var writtenPaths: [String] { lock.withLock { written } }

    public func contents(of path: String) -> [UInt8]? { try? DiskFileSystem().contents(of: root + "/" + path) }

    public func copy(_ source: String, to path: String, fileSystem: any FileSystem) throws {
        if fileSystem is DiskFileSystem {
            let full = try prepare(path)
            try FileManager.default.copyItem(atPath: source, toPath: full)
        } else {
            try write(path, bytes: try fileSystem.contents(of: source))
        }
    }
}

/// Keeps every written file in memory: what tests assert on.
public final class MemorySink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    public var files: [String: [UInt8]] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }

    public var writtenPaths: [String] { Array(files.keys) }

    public func contents(of path: String) -> [UInt8]? { files[path] }

    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    public func write(_ path: String, bytes: [UInt8]) throws {
        lock.lock(); storage[path] = bytes; lock.unlock()
    }

    public func write(_ path: String, text: String) throws { try write(path, bytes: Array(text.utf8)) }

    public func copy(_ source: String, to path: String, fileSystem: any FileSystem) throws {
        try write(path, bytes: try fileSystem.contents(of: source))
    }
}

/// Builds a portal into a temporary folder next to its destination and
/// swaps it in only when the build succeeded, so a failed build leaves the
/// previous `site/<portal>/` exactly as it was.
public struct AtomicOutput {
    public let destination: String
    public let temporary: String

    public init(outputRoot: String, portal: String) throws {
        destination = Path.join(outputRoot, portal)
        temporary = Path.join(outputRoot, ".\(portal).mocpress-tmp-\(getpid())")
        // Leftovers of a build that was killed half-way are removed, never published.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: outputRoot)) ?? []
        where name.hasPrefix(".\(portal).mocpress-tmp-") || name.hasPrefix("\(portal).mocpress-old-") {
            try? FileManager.default.removeItem(atPath: Path.join(outputRoot, name))
        }
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    }

    /// Replaces the destination with the finished build.
    public func commit() throws {
        let fm = FileManager.default
        let old = destination + ".mocpress-old-\(getpid())"
        var movedOld = false
        if fm.fileExists(atPath: destination) {
            try fm.moveItem(atPath: destination, toPath: old)
            movedOld = true
        }
        do {
            try fm.moveItem(atPath: temporary, toPath: destination)
        } catch {
            if movedOld { try? fm.moveItem(atPath: old, toPath: destination) }
            throw error
        }
        if movedOld { try? fm.removeItem(atPath: old) }
    }

    public func discard() {
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
