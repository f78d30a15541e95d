import Foundation
import Hummingbird
import Outloud

/// Answers from the built site's folder: files with their content type, `index.html` for a
/// folder's URL, the site's `404.html` for anything missing, and the live-reload script and
/// events; HTML pages get the script's tag as they are sent. Requests for a host it was not
/// started for are refused before anything else (see `HostCheck`).
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let root: String
    let live: LiveReload
    let hosts: HostCheck

    func respond(to request: Request, context: Context) async throws -> Response {
        // The first `Host` header becomes the request's authority; any other stays a header.
        let hostHeaders = [request.head.authority].compactMap { $0 } + request.headers[values: .init("Host")!]
        if let refusal = hosts.refusal(hostHeaders: hostHeaders) {
            return Response(status: .init(code: refusal.status), headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store",
                                                                         .init("X-Content-Type-Options")!: "nosniff"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: refusal.message)))
        }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == LiveReload.scriptPath {
            return file(Array(LiveReload.script.utf8), type: "text/javascript; charset=utf-8", request: request)
        }
        if path == LiveReload.eventsPath { return events(request) }
        switch ServedPath.resolve(path, in: root) {
        case .file(let file, let type):
            guard case .success(let data) = FileIO.read(file, maximumSize: nil) else { return notFound(request) }
            guard type.hasPrefix("text/html") else { return self.file(data, type: type, request: request) }
            return self.file(LiveReload.inject(into: [UInt8](data)), type: type, request: request)
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .movedPermanently, headers: [.location: location + query])
        case .notFound:
            return notFound(request)
        }
    }

    /// The live-reload event stream. `HEAD` gets the stream's headers and no stream: one left
    /// open per `HEAD` held a socket each until the server stopped. A `GET`'s stream ends when
    /// its page goes away: a closed connection says nothing to a response that only writes,
    /// so the request's side of the connection is watched, and its closing cancels the stream.
    private func events(_ request: Request) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        guard request.method == .get else {
            // No `Content-Length: 0` either: a GET's answer has none.
            var head = Response(status: .ok, headers: headers, body: ResponseBody())
            head.headers[.contentLength] = nil
            return head
        }
        let live = self.live
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await request.body.consumeWithCancellationOnInboundClose { _ in
                for await event in live.events() { try await writer.write(ByteBuffer(string: event)) }
            }
            try await writer.finish(nil)
        })
    }

    private func notFound(_ request: Request) -> Response {
        // Before a first good build there is no site and no 404 page: a page of its own still
        // listens, so that the build's problems show over it and a fix reloads it.
        let page = (try? FileIO.read(root + "/404.html", maximumSize: nil).get()).map { [UInt8]($0) }
            ?? Array("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not built yet</title></head><body><p>The site has not been built yet.</p></body></html>\n".utf8)
        var response = file(LiveReload.inject(into: page), type: "text/html; charset=utf-8", request: request)
        response.status = .notFound
        return response
    }

    private func file(_ bytes: some Collection<UInt8>, type: String, request: Request) -> Response {
        let headers: HTTPFields = [.contentType: type, .contentLength: String(bytes.count), .cacheControl: "no-store"]
        let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        return Response(status: .ok, headers: headers, body: body)
    }
}
