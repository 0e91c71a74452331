import FlyingSocks
import Foundation

/// Open `/__mocpress/events` connections (Server-Sent Events), each fed the
/// status after every rebuild.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [UUID: AsyncStream<Data>.Continuation] = [:]
    private var closed = false

    /// A new client's stream; it starts with `first` so a tab that connects
    /// late still learns the current state.
    func subscribe(first: Data) -> AsyncStream<Data> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.yield(first)
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        lock.lock()
        defer { lock.unlock() }
        if closed {
            continuation.finish()
        } else {
            clients[id] = continuation
        }
        return stream
    }

    func broadcast(_ data: Data) {
        for client in snapshot() { client.yield(data) }
    }

    /// Ends every stream, so that stopping the server does not wait for tabs.
    func close() {
        lock.lock()
        closed = true
        let all = Array(clients.values)
        clients = [:]
        lock.unlock()
        for client in all { client.finish() }
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    private func snapshot() -> [AsyncStream<Data>.Continuation] {
        lock.lock()
        defer { lock.unlock() }
        return Array(clients.values)
    }

    private func remove(_ id: UUID) {
        lock.lock()
        clients[id] = nil
        lock.unlock()
    }

    /// One SSE message: every line of the text gets its own `data:` field.
    static func message(_ text: String) -> Data {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            out += "data: " + line + "\n"
        }
        return Data((out + "\n").utf8)
    }

    /// Tells the browser to reconnect quickly after the server restarts.
    static let retry = Data("retry: 1000\n\n".utf8)

    /// A comment line: lets a write fail, and the connection close, when the tab is gone.
    static let heartbeat = Data(": ping\n\n".utf8)
}

/// The body of an SSE response for FlyingFox: bytes taken from an `AsyncStream`
/// of messages as they come, never more than FlyingFox asks for at once.
/// FlyingFox sends a body of unknown length with chunked transfer encoding,
/// one chunk per buffer, so each message reaches the browser when it is yielded.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let messages: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(messages: messages.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var messages: AsyncStream<Data>.Iterator
        var pending = Data()

        mutating func next() async throws -> UInt8? {
            guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            while pending.isEmpty {
                guard let message = await messages.next() else { return nil }
                pending = message
            }
            let taken = pending.prefix(Swift.max(count, 1))
            pending = Data(pending.dropFirst(taken.count))
            return Data(taken)
        }
    }
}
