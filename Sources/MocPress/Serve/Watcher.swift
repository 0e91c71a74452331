import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders, recursively, and reports changed files in batches.
///
/// Linux inotify watches one folder per descriptor, so every folder below
/// the roots gets its own watch, and folders that appear later get one as
/// soon as they are seen. Editors save in bursts (a temporary file, a
/// rename, a change of mode): events are collected until `debounce` passes
/// with none, then `onChange` gets the absolute paths once. `onChange`
/// runs on the watcher's own thread and the next batch waits for it, so
/// rebuilds never overlap and changes made during one are the next batch.
public final class Watcher: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case unavailable(String)

        public var description: String {
            switch self {
            case .unavailable(let reason): return "не удалось следить за изменениями файлов: \(reason)"
            }
        }
    }

    private let roots: [String]
    private let debounce: TimeInterval
    /// A burst that never pauses (a script writing files in a loop) still gets built this often.
    private let longestWait: TimeInterval = 1
    private let onChange: @Sendable ([String]) -> Void

    // Touched only by the watcher thread once it runs.
    private var folders: [Int32: String] = [:]
    private var inotify: Int32 = -1
    private var wakeRead: Int32 = -1
    private var wakeWrite: Int32 = -1
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread?
    private let lock = NSLock()
    private var stopped = false

    public init(roots: [String], debounce: TimeInterval = 0.05, onChange: @escaping @Sendable ([String]) -> Void) {
        self.roots = roots
        self.debounce = debounce
        self.onChange = onChange
    }

    deinit {
        if inotify >= 0 { close(inotify) }
        if wakeRead >= 0 { close(wakeRead) }
        if wakeWrite >= 0 { close(wakeWrite) }
    }

    #if canImport(Glibc)
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// Sets the watches up; changes from this moment on are reported.
    public func start() throws {
        inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotify >= 0 else { throw Failure.unavailable(String(cString: strerror(errno))) }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw Failure.unavailable(String(cString: strerror(errno))) }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        for root in roots { _ = watchTree(root) }
        if folders.isEmpty && roots.contains(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw Failure.unavailable(String(cString: strerror(errno)))
        }
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "mocpress-watcher"
        self.thread = thread
        thread.start()
    }

    /// Stops watching and waits for a batch being handled to finish.
    public func stop() {
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        guard first, thread != nil else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        // A stop asked for from inside `onChange` must not wait for itself.
        if Thread.current !== thread { finished.wait() }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Watches `folder` and every folder below it; returns the files found, which
    /// were written before their folder's watch existed and so count as changed.
    private func watchTree(_ folder: String) -> [String] {
        let descriptor = inotify_add_watch(inotify, folder, Self.mask)
        guard descriptor >= 0 else { return [] }
        folders[descriptor] = folder
        var files: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() {
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                // A symbolic link to a folder is content the build refuses; following it could loop.
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil { continue }
                files += watchTree(path)
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// Drops the watches of a folder that moved away or was removed, and of everything below it.
    private func unwatchTree(_ folder: String) {
        for (descriptor, path) in folders where path == folder || path.hasPrefix(folder + "/") {
            inotify_rm_watch(inotify, descriptor)
            folders[descriptor] = nil
        }
    }

    private func run() {
        var pending: [String] = []
        var seen: Set<String> = []
        var firstEvent: Date?
        var lastEvent = Date()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var timeout: Int32 = -1
            if let first = firstEvent {
                let quiet = debounce - Date().timeIntervalSince(lastEvent)
                let cap = longestWait - Date().timeIntervalSince(first)
                timeout = Int32(max(0, min(quiet, cap)) * 1000)
            }
            var descriptors = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0 && errno != EINTR { break }
            if descriptors[1].revents != 0 { break }
            if descriptors[0].revents != 0 {
                let changed = readEvents(into: &buffer)
                if !changed.isEmpty {
                    for path in changed where seen.insert(path).inserted { pending.append(path) }
                    lastEvent = Date()
                    if firstEvent == nil { firstEvent = lastEvent }
                }
            }
            if let first = firstEvent,
               Date().timeIntervalSince(lastEvent) >= debounce || Date().timeIntervalSince(first) >= longestWait {
                let batch = pending
                pending = []
                seen = []
                firstEvent = nil
                if !isStopped { onChange(batch) }
            }
        }
    }

    /// Reads every queued event; returns the paths they name.
    private func readEvents(into buffer: inout [UInt8]) -> [String] {
        var paths: [String] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (descriptor, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                var name = ""
                if nameLength > 0 {
                    let start = offset + header
                    let bytes = buffer[start..<min(start + nameLength, count)]
                    name = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                offset += header + nameLength
                paths += handle(descriptor: descriptor, mask: mask, name: name)
            }
        }
        return paths
    }

    private func handle(descriptor: Int32, mask: UInt32, name: String) -> [String] {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // The kernel dropped events: which files changed is unknown, the roots did.
            return roots
        }
        guard let folder = folders[descriptor] else { return [] }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[descriptor] = nil
            return []
        }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { return [folder] }
        if name.isEmpty || Self.isEditorNoise(name) { return [] }
        let path = folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { return [path] + watchTree(path) }
            if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { unwatchTree(path) }
            return [path]
        }
        return [path]
    }
    #else
    public func start() throws { throw Failure.unavailable("inotify есть только в Linux") }
    public func stop() {}
    #endif

    /// Swap and backup files of editors: hidden names (the build skips them
    /// too), `file~`, and vim's probe file `4913`.
    static func isEditorNoise(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913"
    }
}
