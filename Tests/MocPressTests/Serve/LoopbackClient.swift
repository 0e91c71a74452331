import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 client over a TCP socket to 127.0.0.1: it sends the
/// request target exactly as written (URLSession would clean up `..` and
/// follow redirects before the server ever saw them).
struct LoopbackClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    enum Failure: Error { case socket(String) }

    let port: UInt16

    func request(_ target: String, method: String = "GET", host: String? = nil, timeout: TimeInterval = 5) throws -> Response {
        let socket = try connect(timeout: timeout)
        defer { close(socket) }
        try send(socket, "\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[..<count])
        }
        return Self.parse(received)
    }

    /// Opens a streaming request (Server-Sent Events) and reads from it.
    func stream(_ target: String, timeout: TimeInterval = 5) throws -> Stream {
        let socket = try connect(timeout: timeout)
        try send(socket, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        return Stream(socket: socket)
    }

    final class Stream {
        let socket: Int32
        private(set) var text = ""

        init(socket: Int32) { self.socket = socket }
        deinit { close(socket) }

        /// Reads until `needle` has arrived or `timeout` passes; returns whether it did.
        func read(until needle: String, timeout: TimeInterval) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            var buffer = [UInt8](repeating: 0, count: 4096)
            var bytes = Data(text.utf8)
            while !text.contains(needle) && Date() < deadline {
                var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                let left = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
                guard poll(&descriptor, 1, left) > 0 else { continue }
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { break }
                bytes.append(contentsOf: buffer[..<count])
                text = String(decoding: bytes, as: UTF8.self)
            }
            return text.contains(needle)
        }
    }

    private func connect(timeout: TimeInterval) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure.socket("socket") }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure.socket("connect: \(String(cString: strerror(errno)))")
        }
        return socket
    }

    private func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, 0) == bytes.count else { throw Failure.socket("send") }
    }

    private static func parse(_ data: Data) -> Response {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return Response(status: 0, headers: [:], body: text) }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}
