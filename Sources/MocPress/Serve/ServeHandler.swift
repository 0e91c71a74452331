import FlyingFox
import Foundation

/// What the request handler and the rebuilds share: the last status, the
/// portal's base path, and the open event streams.
final class ServeState: @unchecked Sendable {
    /// `<project>/.mocpress-cache/serve/<portal>`: what the last good build wrote.
    let outputDirectory: String
    let events = EventHub()
    private let lock = NSLock()
    private var _status = ServeStatus(build: 0, ok: true, diagnostics: [])
    private var _basePath: String

    init(outputDirectory: String, basePath: String) {
        self.outputDirectory = outputDirectory
        self._basePath = basePath
    }

    var status: ServeStatus {
        lock.lock()
        defer { lock.unlock() }
        return _status
    }

    var basePath: String {
        lock.lock()
        defer { lock.unlock() }
        return _basePath
    }

    func setBasePath(_ path: String) {
        lock.lock()
        _basePath = path
        lock.unlock()
    }

    /// Records a finished build and tells every open tab.
    func finish(ok: Bool, diagnostics: [Diagnostic], basePath: String) -> ServeStatus {
        lock.lock()
        _status = ServeStatus(build: _status.build + 1, ok: ok, diagnostics: diagnostics)
        // A failed build wrote nothing: the pages served still use the old base path.
        if ok { _basePath = basePath }
        let status = _status
        lock.unlock()
        events.broadcast(EventHub.message(status.json.text))
        return status
    }
}

/// Answers requests of `mocpress serve`: the portal's files under its base
/// path, and the live-reload endpoints under `/__mocpress/`.
struct ServeHandler: HTTPHandler {
    let state: ServeState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // A page of another site can point its own host name at 127.0.0.1 (DNS
        // rebinding) and read the answers, drafts included: only local names are served.
        if let host = request.headers[.host], !Self.isLocal(host: host) {
            return finish(request, status: .forbidden, type: "text/plain; charset=utf-8",
                          body: Data("mocpress serve отвечает только по адресам 127.0.0.1 и localhost\n".utf8))
        }
        guard request.method == .GET || request.method == .HEAD else {
            return finish(request, status: .methodNotAllowed, type: "text/plain; charset=utf-8",
                          body: Data("Метод не поддерживается: только GET и HEAD\n".utf8), extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        // The raw, still percent-encoded path: FlyingFox's `request.path` is
        // already decoded and standardised, which would hide `%2e%2e` tricks.
        let rawPath = request.target.path()
        switch rawPath {
        case LiveReload.scriptPath:
            return finish(request, status: .ok, type: ContentType.of("live.js"), body: Data(LiveReload.script.utf8))
        case LiveReload.statusPath:
            return finish(request, status: .ok, type: ContentType.of("status.json"), body: Data(state.status.json.text.utf8))
        case LiveReload.eventsPath:
            return events(request)
        default:
            break
        }
        switch SitePath.resolve(rawPath: rawPath, basePath: state.basePath) {
        case .redirect(let location):
            return redirect(request, to: location)
        case .refused:
            return finish(request, status: .badRequest, type: "text/plain; charset=utf-8",
                          body: Data("Недопустимый адрес: путь не может выходить за пределы портала\n".utf8))
        case .outside:
            return notFound(request)
        case .site(let segments, let trailingSlash):
            return file(request, segments: segments, trailingSlash: trailingSlash, rawPath: rawPath)
        }
    }

    private func file(_ request: HTTPRequest, segments: [String], trailingSlash: Bool, rawPath: String) -> HTTPResponse {
        let root = state.outputDirectory
        var path = segments.isEmpty ? root : root + "/" + segments.joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return notFound(request) }
        if isDirectory.boolValue {
            // Relative links in a page only resolve from the folder's own address.
            guard trailingSlash else { return redirect(request, to: rawPath + "/") }
            path += "/index.html"
        } else if trailingSlash {
            return notFound(request)
        }
        // The path was checked segment by segment; a symbolic link could still point away.
        let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard resolved.hasPrefix(resolvedRoot + "/"), let data = FileManager.default.contents(atPath: resolved) else {
            return notFound(request)
        }
        let type = ContentType.of(path)
        let body = type == ContentType.html ? LiveReload.inject(into: data, build: state.status.build) : data
        return finish(request, status: .ok, type: type, body: body)
    }

    /// The portal's own `404.html`, with status 404.
    private func notFound(_ request: HTTPRequest) -> HTTPResponse {
        let page = FileManager.default.contents(atPath: state.outputDirectory + "/404.html") ?? Data(LiveReload.fallbackNotFound.utf8)
        return finish(request, status: .notFound, type: ContentType.html, body: LiveReload.inject(into: page, build: state.status.build))
    }

    /// Temporary (302): the base path may change with portal.yaml, and browsers keep 301s.
    private func redirect(_ request: HTTPRequest, to location: String) -> HTTPResponse {
        finish(request, status: .found, type: "text/plain; charset=utf-8", body: Data("→ \(location)\n".utf8),
               extra: [.location: location])
    }

    private func events(_ request: HTTPRequest) -> HTTPResponse {
        let headers: HTTPHeaders = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        if request.method == .HEAD { return HTTPResponse(statusCode: .ok, headers: headers) }
        var first = EventHub.retry
        first.append(EventHub.message(state.status.json.text))
        let stream = state.events.subscribe(first: first)
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventStreamBody(messages: stream)))
    }

    /// `127.0.0.1:1313`, `localhost:1313`, with or without the port.
    static func isLocal(host: String) -> Bool {
        var name = host.lowercased()
        if let colon = name.lastIndex(of: ":"), !name.hasSuffix("]") { name = String(name[..<colon]) }
        return name == "127.0.0.1" || name == "localhost" || name == "[::1]"
    }

    /// Every answer is `no-store`: a reload must show the latest build, never a cached one.
    private func finish(_ request: HTTPRequest, status: HTTPStatusCode, type: String, body: Data,
                        extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        for (name, value) in extra { headers[name] = value }
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}
