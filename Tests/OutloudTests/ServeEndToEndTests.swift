import Foundation
import Testing
@testable import Outloud

/// A plain HTTP/1.1 client over a socket, enough to test `outloud serve`: one request per
/// connection, and a stream of Server-Sent Events read line by line.
struct HTTPProbe {
    let port: Int

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// A free loopback port: bound, read and released.
    static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A connected socket, or nil while nothing listens.
    func connect() -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        if connected != 0 { close(socket); return nil }
        return socket
    }

    func send(_ socket: Int32, _ request: String) {
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
    }

    /// `GET path` (the path sent as given, unnormalised), read to the end; `host` is the
    /// `Host` header's value, nil to send none.
    func get(_ path: String, method: String = "GET", host: String? = "127.0.0.1") -> Answer? {
        guard let socket = connect() else { return nil }
        defer { close(socket) }
        send(socket, "\(method) \(path) HTTP/1.1\r\n\(host.map { "Host: \($0)\r\n" } ?? "")Connection: close\r\n\r\n")
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while case let count = recv(socket, &buffer, buffer.count, 0), count > 0 { data += buffer[0..<count] }
        return Self.answer(String(decoding: data, as: UTF8.self))
    }

    /// What a request on a kept-alive connection gets before the server waits for the next
    /// one: the status line and headers, and the body only when it is already there. The
    /// connection stays open; nil when no answer's head comes within 2 s.
    func head(of request: String, on socket: Int32) -> Answer? {
        send(socket, request)
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(2)
        var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        while Date() < deadline, !String(decoding: data, as: UTF8.self).contains("\r\n\r\n") {
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return Self.answer(String(decoding: data, as: UTF8.self))
    }

    /// An answer's text split into status, headers and body.
    static func answer(_ text: String) -> Answer? {
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<split.lowerBound].split(separator: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return Answer(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

/// `outloud serve` run as a user runs it.
@Suite(.serialized) struct ServeEndToEndTests {
    /// Starts `outloud serve` on a free port in a copy of a small site; stops it at the end.
    final class Server {
        let folder = TemporaryFolder()
        let process = Process()
        let probe = HTTPProbe(port: HTTPProbe.freePort())
        let output = Pipe(), errors = Pipe()

        init(extra: [String] = [], broken: Bool = false) throws {
            try FileManager.default.copyItem(at: Repository.themes, to: folder.url.appendingPathComponent("themes"))
            folder.write("content/site.yml", "title: Served\n")
            folder.write("content/books/drive.md", "---\ntitle: Drive\ndate: 2026-01-02\n---\nThe first version.\n")
            // Two notes at one URL: an error that stops the whole site, not one note.
            if broken { folder.write("content/books/clash.md", "---\ntitle: Clash\nslug: drive\n---\nThe other one.\n") }
            folder.write("content/books/other.md", "---\ntitle: Other\ndate: 2026-01-03\n---\nSee [Drive](drive.md).\n")
            process.executableURL = CommandLineTests.binary
            process.arguments = ["serve", "--port", String(probe.port), "--no-git"] + extra
            process.currentDirectoryURL = folder.url
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        /// Waits until the server answers.
        func ready() -> Bool {
            for _ in 0..<300 {
                if probe.get("/") != nil { return true }
                usleep(50_000)
            }
            return false
        }

        /// How many files the server holds open: its sockets, mostly.
        var openFiles: Int {
            (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd").count) ?? -1
        }

        /// Waits up to `seconds` for the server's open files to come down to `limit`; the count it saw last.
        func openFiles(fallingTo limit: Int, within seconds: Double) -> Int {
            let deadline = Date().addingTimeInterval(seconds)
            var count = openFiles
            while count > limit, Date() < deadline {
                usleep(50_000)
                count = openFiles
            }
            return count
        }

        /// Sends SIGTERM; how long the server took to exit, or nil when it still runs after 5 s.
        func terminate() -> Double? {
            let start = Date()
            kill(process.processIdentifier, SIGTERM)
            while process.isRunning {
                if Date().timeIntervalSince(start) > 5 { return nil }
                usleep(10_000)
            }
            return Date().timeIntervalSince(start)
        }

        deinit {
            if process.isRunning { process.interrupt() }
            process.waitUntilExit()
        }
    }

    /// A page's event stream: events are read in order, and what arrives after the one a
    /// test waits for is kept for its next wait.
    final class EventStream {
        let socket: Int32
        var pending = ""

        init(_ socket: Int32) { self.socket = socket }
        deinit { close(socket) }

        /// Whether the stream's first comment (`: connected`) arrives.
        func next(connected: Bool) -> Bool {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let deadline = Date().addingTimeInterval(20)
            while !pending.contains(": connected\n\n"), Date() < deadline {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { return false }
                pending += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            return pending.contains(": connected\n\n")
        }

        /// The data of the next event named `name`, skipping others; nil when the stream
        /// ends or 20 s pass.
        func next(_ name: String) -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let deadline = Date().addingTimeInterval(20)
            while true {
                while let end = pending.range(of: "\n\n") {
                    let event = pending[..<end.lowerBound]
                    pending = String(pending[end.upperBound...])
                    if let data = event.range(of: "event: \(name)\ndata: ") { return String(event[data.upperBound...]) }
                }
                guard Date() < deadline else { return nil }
                let count = recv(socket, &buffer, buffer.count, 0)
                if count == 0 { return nil }  // the server closed the stream
                if count > 0 { pending += String(decoding: buffer[0..<count], as: UTF8.self) }
            }
        }
    }

    /// Opens the live-reload event stream, as a page does.
    func openEvents(_ probe: HTTPProbe) throws -> EventStream {
        let events = EventStream(try #require(probe.connect()))
        probe.send(events.socket, "GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        return events
    }

    @Test func servesReloadsAndShowsProblems() throws {
        let server = try Server()
        try #require(server.ready(), "the server answers")
        let probe = server.probe

        let page = try #require(probe.get("/books/drive/"))
        #expect(page.status == 200 && page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("The first version.") && page.body.contains("<script src=\"/__outloud/live.js\" defer></script>"))
        #expect(!FileManager.default.fileExists(atPath: server.folder.path + "/output"), "nothing is written to output/")
        #expect(probe.get("/books/drive")?.status == 301 && probe.get("/books/drive")?.headers["location"] == "/books/drive/")
        #expect(probe.get("/theme/style.css")?.headers["content-type"] == "text/css; charset=utf-8")
        #expect(probe.get(LiveReload.scriptPath)?.body.contains("EventSource") == true)
        let missing = try #require(probe.get("/no/such/page/"))
        #expect(missing.status == 404 && missing.body.contains("Page not found"), "the site's own 404 page")
        #expect(probe.get("/", method: "POST")?.status == 405)

        // Edit a note: a reload event, then the new text.
        let events = try openEvents(probe)
        usleep(200_000)
        server.folder.write("content/books/drive.md", "---\ntitle: Drive\ndate: 2026-01-02\n---\nThe second version.\n")
        #expect(events.next("reload") != nil, "the page is told to reload")
        #expect(probe.get("/books/drive/")?.body.contains("The second version.") == true)

        // Break the note: the problem reaches the page; fix it: a reload.
        server.folder.write("content/books/drive.md", "---\ntitle: [unclosed\n---\nBroken.\n")
        let problems = try #require(events.next("problems"))
        #expect(problems.contains("\"location\":\"content/books/drive.md:3:1\",\"severity\":\"error\",\"message\":\"invalid YAML"), "\(problems)")
        // The note is left out and the rest of the site is still built, as `outloud build` does.
        #expect(probe.get("/books/drive/")?.status == 404 && probe.get("/")?.status == 200, "the rest of the site is served")
        server.folder.write("content/books/drive.md", "---\ntitle: Drive\ndate: 2026-01-02\n---\nThe third version.\n")
        #expect(events.next("reload") != nil)
        #expect(probe.get("/books/drive/")?.body.contains("The third version.") == true)

        // A template broken and fixed; a note made unreadable and readable again.
        let template = server.folder.path + "/themes/default/templates/note.mustache"
        let good = try String(contentsOfFile: template, encoding: .utf8)
        try (good + "{{#unclosed}}").write(toFile: template, atomically: true, encoding: .utf8)
        #expect(events.next("problems")?.contains("note.mustache") == true, "a broken template is a problem on the page")
        try good.write(toFile: template, atomically: true, encoding: .utf8)
        #expect(events.next("reload") != nil)
        let note = server.folder.path + "/content/books/drive.md"
        if getuid() != 0 {  // root reads any file
            chmod(note, 0)
            #expect(events.next("problems")?.contains("drive.md") == true)
            chmod(note, 0o644)
            #expect(events.next("reload") != nil)
        }

        // A note renamed, then deleted.
        let other = server.folder.path + "/content/books/other.md", renamed = server.folder.path + "/content/books/renamed.md"
        try FileManager.default.moveItem(atPath: other, toPath: renamed)
        #expect(events.next("reload") != nil, "a renamed note is built at its new place")
        #expect(probe.get("/books/renamed/")?.status == 200 && probe.get("/books/other/")?.status == 404)
        try FileManager.default.removeItem(atPath: renamed)
        #expect(events.next("reload") != nil, "a deleted note is built away")
        #expect(probe.get("/books/renamed/")?.status == 404 && probe.get("/books/drive/")?.status == 200)

        // content/ deleted and restored: the server keeps going.
        let content = server.folder.path + "/content", saved = server.folder.path + "/saved"
        try FileManager.default.moveItem(atPath: content, toPath: saved)
        #expect(events.next("problems")?.contains("content folder not found") == true)
        try FileManager.default.moveItem(atPath: saved, toPath: content)
        #expect(events.next("reload") != nil, "a restored content folder is served again")
        #expect(probe.get("/books/drive/")?.status == 200)
    }

    /// A first build that fails still gives pages that listen: the fix shows up by itself.
    @Test func aSiteBrokenFromTheStartIsServedOnceFixed() throws {
        let server = try Server(broken: true)
        try #require(server.ready())
        let before = try #require(server.probe.get("/books/drive/"))
        #expect(before.status == 404 && before.body.contains("The site has not been built yet.") && before.body.contains(LiveReload.scriptPath))
        let events = try openEvents(server.probe)
        #expect(events.next("problems")?.contains("both have the URL /books/drive/") == true, "a page that connects hears of the failed build")
        server.folder.write("content/books/clash.md", "---\ntitle: Clash\n---\nMoved.\n")
        #expect(events.next("reload") != nil)
        server.folder.write("content/books/drive.md", "---\ntitle: Drive\n---\nFixed.\n")
        #expect(events.next("reload") != nil)
        #expect(server.probe.get("/books/drive/")?.body.contains("Fixed.") == true)
    }

    @Test func nothingOutsideTheSiteIsServed() throws {
        let server = try Server()
        try #require(server.ready())
        server.folder.write("secret.txt", "do not serve")
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt", "/books/..%2f..%2fsecret.txt",
                     "/..%2f..%2fsecret.txt", "/%00", "/index.html%00", "/.outloud-output", "//secret.txt",
                     "/" + server.folder.path + "/secret.txt", "/..\\secret.txt"] {
            let answer = server.probe.get(path)
            #expect(answer != nil, "\(path): the server answers")
            #expect(answer.map { !$0.body.contains("do not serve") } == true, "\(path)")
            #expect(answer.map { $0.status == 404 || $0.status == 400 } == true, "\(path): \(answer?.status ?? 0)")
        }
        #expect(server.probe.get("/")?.status == 200, "still serving afterwards")
    }

    /// `HEAD` on the event stream is answered at once, as a stream's start, and holds
    /// nothing: 200 of them leave the server's open files as they were, and it stops at once.
    @Test func headOnTheEventStreamHoldsNothing() throws {
        let server = try Server()
        try #require(server.ready())
        let before = server.openFiles
        for number in 0..<200 {
            let socket = try #require(server.probe.connect())
            let answer = server.probe.head(of: "HEAD \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", on: socket)
            close(socket)
            if number == 0 {
                #expect(answer?.status == 200 && answer?.headers["content-type"] == "text/event-stream" && answer?.body == "", "\(String(describing: answer))")
            }
        }
        let after = server.openFiles(fallingTo: before + 19, within: 3)
        #expect(after < before + 20, "open files: \(before) before 200 HEAD requests, \(after) after")
        #expect(server.probe.get(LiveReload.eventsPath, method: "POST")?.headers["allow"] == "GET, HEAD")
        let seconds = server.terminate()
        #expect(seconds.map { $0 < 2 } == true, "SIGTERM stopped the server in \(seconds.map { String(format: "%.1f s", $0) } ?? "more than 5 s")")
    }

    /// A page that goes away (closed, reloaded, navigated) frees its event stream at once,
    /// not at the next keep-alive 15 s later.
    @Test func aStreamWhosePageWentAwayIsReleased() throws {
        let server = try Server()
        try #require(server.ready())
        let before = server.openFiles
        var streams = [EventStream]()
        for _ in 0..<50 {
            let events = try openEvents(server.probe)
            #expect(events.next(connected: true))
            streams.append(events)
        }
        #expect(server.openFiles >= before + 45, "each open stream holds its socket")
        streams.removeAll()  // closes their sockets
        let after = server.openFiles(fallingTo: before + 9, within: 3)
        #expect(after < before + 10, "open files: \(before) before 50 streams opened and closed, \(after) 3 s after")
        // The server still streams to the pages that stay.
        let staying = try openEvents(server.probe)
        usleep(200_000)
        server.folder.write("content/books/drive.md", "---\ntitle: Drive\ndate: 2026-01-02\n---\nThe second version.\n")
        #expect(staying.next("reload") != nil)
    }

    /// A page on another site that points its own name at this machine (DNS rebinding) sends
    /// that name as `Host`: refused, stream included; the loopback names and the
    /// `--allow-host` ones are answered, whatever their case, port or trailing dot.
    @Test func onlyTheHostsItIsStartedForAreAnswered() throws {
        let server = try Server(extra: ["--allow-host", "preview.example"])
        try #require(server.ready())
        let port = server.probe.port
        let forged = try #require(server.probe.get("/books/drive/", host: "rebind.attacker.example:\(port)"))
        #expect(forged.status == 403 && forged.headers["content-type"] == "text/plain; charset=utf-8", "\(forged.status) \(forged.headers)")
        #expect(forged.body.hasPrefix("The host \"rebind.attacker.example\" is refused") && forged.body.contains("--allow-host rebind.attacker.example"), "\(forged.body)")
        #expect(!forged.body.contains("The first version."))
        #expect(server.probe.get(LiveReload.eventsPath, host: "rebind.attacker.example")?.status == 403, "no event stream either")
        #expect(server.probe.get(LiveReload.scriptPath, host: "127.0.0.1.attacker.example")?.status == 403)
        #expect(server.probe.get("/", host: nil)?.status == 403, "a request without a Host header")
        #expect(server.probe.get("/", host: "127.0.0.1\r\nHost: rebind.attacker.example")?.status == 400, "two Host headers")
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LocalHost.", "[::1]:\(port)", "127.8.9.10", "preview.example:\(port)", "Preview.Example."] {
            #expect(server.probe.get("/books/drive/", host: host)?.status == 200, "\(host)")
        }
        let help = try CommandLineTests().outloud(["serve", "--help"], in: server.folder.path)
        #expect(help.stdout.contains("--allow-host <name>"), "\(help.stdout)")
        let wrong = try CommandLineTests().outloud(["serve", "--allow-host", "http://preview.example:8000/"], in: server.folder.path)
        #expect(wrong.status != 0 && wrong.stderr.contains("--allow-host"), "\(wrong.stderr)")
    }

    @Test func aTakenPortIsAClearError() throws {
        let first = try Server()
        try #require(first.ready())
        let second = Process()
        second.executableURL = CommandLineTests.binary
        second.arguments = ["serve", "--port", String(first.probe.port), "--no-git"]
        second.currentDirectoryURL = first.folder.url
        let errors = Pipe()
        second.standardError = errors
        second.standardOutput = Pipe()
        try second.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        #expect(second.terminationStatus == 1)
        #expect(text.contains("127.0.0.1:\(first.probe.port) is already in use"), "\(text)")
    }
}
