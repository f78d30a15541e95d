import Foundation
import Testing
@testable import Outloud

@Suite struct ServedPathTests {
    func site() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("site/index.html", "<html><body>home</body></html>")
        folder.write("site/books/drive/index.html", "<p>drive</p>")
        folder.write("site/theme/style.css", "body {}")
        folder.write("site/feed.xml", "<feed/>")
        folder.write("site/search/terms/0.bin", "x")
        folder.write("site/.outloud-output", "")
        folder.write("secret.txt", "outside the site")
        return folder
    }

    @Test func foldersFilesAndTypes() {
        let folder = site(), root = folder.path + "/site"
        #expect(ServedPath.resolve("/", in: root) == .file(root + "/index.html", contentType: "text/html; charset=utf-8"))
        #expect(ServedPath.resolve("/books/drive/", in: root) == .file(root + "/books/drive/index.html", contentType: "text/html; charset=utf-8"))
        #expect(ServedPath.resolve("/books/drive", in: root) == .redirect("/books/drive/"), "a folder without its slash, as nginx answers")
        // Redirects name the path as resolved: `//books` must not send the browser to a host called `books`.
        #expect(ServedPath.resolve("//books/drive", in: root) == .redirect("/books/drive/"))
        #expect(ServedPath.resolve("/books//drive", in: root) == .redirect("/books/drive/"))
        #expect(ServedPath.resolve("/books/", in: root) == .notFound, "a folder without index.html")
        #expect(ServedPath.resolve("/theme/style.css", in: root) == .file(root + "/theme/style.css", contentType: "text/css; charset=utf-8"))
        #expect(ServedPath.resolve("/feed.xml", in: root) == .file(root + "/feed.xml", contentType: "application/atom+xml; charset=utf-8"))
        #expect(ServedPath.resolve("/search/terms/0.bin", in: root) == .file(root + "/search/terms/0.bin", contentType: "application/octet-stream"))
        #expect(ServedPath.resolve("/books/dr%69ve/", in: root) == .file(root + "/books/drive/index.html", contentType: "text/html; charset=utf-8"), "percent-encoding is decoded")
        #expect(ServedPath.resolve("/missing/", in: root) == .notFound)
    }

    /// Nothing outside the site's folder, and nothing hidden in it, whatever the spelling.
    @Test func noWayOutOfTheSite() {
        let folder = site(), root = folder.path + "/site"
        let attempts = [
            "/../secret.txt", "/books/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/books/%2e%2e/%2e%2e/secret.txt",
            "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/.outloud-output", "/index.html%00.css", "/%00", "/..\\secret.txt",
            "//etc/passwd", "/" + folder.path + "/secret.txt", "secret.txt", "/./index.html", "/%", "/%zz",
        ]
        for attempt in attempts {
            let resolved = ServedPath.resolve(attempt, in: root)
            if case .file(let path, _) = resolved {
                #expect(path.hasPrefix(root + "/") && !path.contains("/../") && !path.hasSuffix("secret.txt") && !path.contains("/."), "\(attempt) → \(path)")
            }
        }
        #expect(ServedPath.resolve("/../secret.txt", in: root) == .notFound)
        #expect(ServedPath.resolve("/%2e%2e/secret.txt", in: root) == .notFound)
        #expect(ServedPath.resolve("/index.html%00.css", in: root) == .notFound)
        #expect(ServedPath.resolve("//etc/passwd", in: root) == .notFound)
    }

    @Test func symbolicLinksAreNotFollowed() throws {
        let folder = site(), root = folder.path + "/site"
        try FileManager.default.createSymbolicLink(atPath: root + "/link.txt", withDestinationPath: folder.path + "/secret.txt")
        #expect(ServedPath.resolve("/link.txt", in: root) == .notFound)
    }
}

@Suite struct LiveReloadTests {
    @Test func theScriptGoesBeforeTheLastBodyEnd() {
        let html = Array("<html><body><p>a</p></body></html>".utf8)
        #expect(String(decoding: LiveReload.inject(into: html), as: UTF8.self)
            == "<html><body><p>a</p><script src=\"/__outloud/live.js\" defer></script>\n</body></html>")
        #expect(String(decoding: LiveReload.inject(into: Array("<p>no body".utf8)), as: UTF8.self).hasSuffix("<script src=\"/__outloud/live.js\" defer></script>\n"))
    }

    @Test func listenersHearReloadsAndProblems() async {
        let live = LiveReload()
        var events = live.events().makeAsyncIterator()
        #expect(await events.next() == ": connected\n\n")
        var failed = BuildReport()
        failed.diagnostics = [.error("a \"quoted\" problem", at: SourceLocation(path: "content/books/a.md", line: 3, column: 8))]
        live.built(failed)
        #expect(await events.next() == "event: problems\ndata: {\"errors\":1,\"warnings\":0,\"summary\":\"1 error, 0 warnings\",\"problems\":[{\"location\":\"content/books/a.md:3:8\",\"severity\":\"error\",\"message\":\"a \\\"quoted\\\" problem\"}]}\n\n")
        // A page that connects while the build is broken hears of it at once.
        var late = live.events().makeAsyncIterator()
        _ = await late.next()
        #expect(await late.next()?.hasPrefix("event: problems") == true)
        live.built(BuildReport())
        #expect(await events.next() == "event: reload\ndata: {}\n\n")
        #expect(await late.next() == "event: reload\ndata: {}\n\n")
        live.finish()
        #expect(await events.next() == nil)
    }

    /// A page's stream is forgotten when its reader stops (the page went away), and once the
    /// server is stopping, a new stream ends at once instead of holding the stop up.
    @Test func streamsEndWithTheirReaderAndAfterFinish() async {
        let live = LiveReload()
        let reader = Task { for await _ in live.events() {} }
        while live.listeners == 0 { await Task.yield() }
        reader.cancel()
        await reader.value  // the reading loop ended
        #expect(live.listeners == 0, "a reader that stopped is forgotten")
        live.finish()
        var late = live.events().makeAsyncIterator()
        #expect(live.listeners == 0)
        #expect(await late.next() == nil, "a stream asked for while stopping ends at once")
    }

    /// The overlay lists 50 problems: an error after thousands of warnings must still be one
    /// of them, and the counts of both are told even though the list is cut.
    @Test func errorsComeFirstWithTheCountsOfBoth() throws {
        let warnings = (1...2_500).map { Diagnostic(.warning, "warning \($0)", at: SourceLocation(path: "content/notes/big.md", line: $0 + 3, column: 1)) }
        let error = Diagnostic.error("the one error", at: SourceLocation(path: "content/notes/big.md", line: 2_504, column: 1))
        let note = Diagnostic(.note, "dates may be approximate")
        let json = try JSONSerialization.jsonObject(with: Data(LiveReload.problemsJSON(warnings + [error, note]).utf8))
        let problems = try #require(json as? [String: Any], "an object with the counts: \(String(describing: json).prefix(200))")
        #expect(problems["errors"] as? Int == 1 && problems["warnings"] as? Int == 2_500, "\(problems.filter { $0.key != "problems" })")
        #expect(problems["summary"] as? String == "1 error, 2,500 warnings; the first 50 are listed")
        let listed = try #require(problems["problems"] as? [[String: String]])
        #expect(listed.count == 50)
        #expect(listed.first == ["location": "content/notes/big.md:2504:1", "severity": "error", "message": "the one error"])
        #expect(listed.dropFirst().allSatisfy { $0["severity"] == "warning" } && listed[1]["message"] == "warning 1", "warnings follow in their order")
    }
}

/// A rebuild that reuses what the last build read and rendered gives the same bytes as a
/// build from nothing, after every kind of edit.
@Suite struct BuildMemoryTests {
    @Test func rebuildsWithMemoryEqualFullBuildsAfterEachEdit() async throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("content"), to: folder.url.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Repository.themes, to: folder.url.appendingPathComponent("themes"))
        let memory = BuildMemory()
        func build(_ output: String, memory: BuildMemory?) async -> BuildReport {
            var options = BuildOptions.withoutGit()
            options.contentPath = folder.path + "/content"
            options.themesPath = folder.path + "/themes"
            options.outputPath = folder.path + "/" + output
            options.memory = memory
            options.today = Day(year: 2026, month: 11, day: 23)
            return await Build.run(options)
        }
        let content = folder.path + "/content"
        let drive = try String(contentsOfFile: content + "/books/drive.md", encoding: .utf8)
        let edits: [(String, () throws -> Void)] = [
            ("nothing", {}),
            ("a note's body", { try (drive + "\nOne more paragraph about [[Accelerate]].\n").write(toFile: content + "/books/drive.md", atomically: true, encoding: .utf8) }),
            ("a note's title, which another note links to", {
                let path = content + "/resources/typescript-handbook.md"
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Renamed ").write(toFile: path, atomically: true, encoding: .utf8)
            }),
            ("a new note", { try "---\ntitle: A new note\ndate: 2026-11-20\ntags: [facilitation]\n---\nNew, about [[Accelerate]].\n".write(toFile: content + "/books/new-note.md", atomically: true, encoding: .utf8) }),
            ("a deleted note", { try FileManager.default.removeItem(atPath: content + "/books/new-note.md") }),
            ("skills.yml", {
                let skills = try String(contentsOfFile: content + "/skills.yml", encoding: .utf8)
                try skills.replacingOccurrences(of: "name: Facilitation", with: "name: Facilitating groups").write(toFile: content + "/skills.yml", atomically: true, encoding: .utf8)
            }),
            ("a template", {
                let path = folder.path + "/themes/default/templates/partials/footer.mustache"
                try (try String(contentsOfFile: path, encoding: .utf8) + "<!-- changed -->").write(toFile: path, atomically: true, encoding: .utf8)
            }),
            ("the note back as it was", { try drive.write(toFile: content + "/books/drive.md", atomically: true, encoding: .utf8) }),
        ]
        for (number, (name, edit)) in edits.enumerated() {
            try edit()
            let remembered = await build("with-memory", memory: memory)
            let fresh = await build("fresh-\(number)", memory: nil)
            #expect(remembered.succeeded && fresh.succeeded, "\(name): \(remembered.diagnostics) \(fresh.diagnostics)")
            let a = folder.files(under: "with-memory"), b = folder.files(under: "fresh-\(number)")
            #expect(a.keys.sorted() == b.keys.sorted(), "\(name): the same files")
            let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
            #expect(differing.isEmpty, "\(name): \(differing.prefix(5))")
            if name == "a note's body" {
                #expect(memory.summary.hasPrefix("read 1 notes,"), "\(memory.summary)")
            }
        }
    }
}

/// The rule behind `serve`'s answer to DNS rebinding: which `Host` headers are answered.
@Suite struct HostCheckTests {
    @Test func loopbackNamesAndAddressesInAnySpelling() {
        let check = HostCheck(boundTo: "127.0.0.1", allowing: [])
        for host in ["localhost", "localhost:8000", "LOCALHOST", "localhost.", "Localhost.:8000", "127.0.0.1", "127.0.0.1:8000",
                     "127.1.2.3:80", "127.0.0.1.", "[::1]", "[::1]:8000", "[0:0:0:0:0:0:0:1]:8000", "[::ffff:127.0.0.1]", "[::FFFF:7f00:1]:8000"] {
            #expect(check.allows(host), "\(host)")
        }
    }

    @Test func otherHostsAreRefused() {
        let check = HostCheck(boundTo: "127.0.0.1", allowing: [])
        for host in ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.evil.example", "evil-localhost",
                     "192.168.1.5", "10.0.0.1:8000", "0.0.0.0", "[::]", "[fe80::1]", "[::ffff:10.0.0.1]", "127.1", "0x7f.0.0.1", "2130706433",
                     "", ":8000", "localhost:80x", "localhost:8000:1", "[::1", "[::1]x", "local host", "*", "*.localhost", "localhost/x", "user@localhost"] {
            #expect(!check.allows(host), "\(host)")
        }
        #expect(!check.allows(nil), "no Host header")
    }

    @Test func theBoundHostAndAllowedNames() {
        let lan = HostCheck(boundTo: "192.168.1.5", allowing: ["devbox.example.com", "[fd00::5]", "10.0.0.7", "Preview.Example."])
        for host in ["192.168.1.5:8000", "localhost", "devbox.example.com:8000", "DevBox.Example.Com.", "[fd00:0::5]:8000", "10.0.0.7", "preview.example"] {
            #expect(lan.allows(host), "\(host)")
        }
        for host in ["192.168.1.6", "example.com", "box.example.com", "sub.devbox.example.com", "[fd00::6]"] {
            #expect(!lan.allows(host), "\(host)")
        }
        let named = HostCheck(boundTo: "devbox.local", allowing: [])
        #expect(named.allows("devbox.local:8000") && named.allows("DEVBOX.LOCAL.") && !named.allows("other.local"))
        let v6 = HostCheck(boundTo: "::1", allowing: [])
        #expect(v6.allows("[::1]:8000") && v6.allows("localhost") && !v6.allows("evil.example"))
    }

    /// Listening on every address (serving to the LAN): any IP address, names only when allowed.
    @Test func everyAddressTakesAnyAddressButNoName() {
        for bound in ["0.0.0.0", "::", "[::]"] {
            let check = HostCheck(boundTo: bound, allowing: ["devbox.example.com"])
            #expect(check.allows("192.168.1.5:8000") && check.allows("10.1.2.3") && check.allows("[fe80::1]:8000") && check.allows("[2001:db8::7]"), "\(bound)")
            #expect(check.allows("localhost:8000") && check.allows("devbox.example.com"), "\(bound)")
            #expect(!check.allows("evil.example") && !check.allows("192.168.1.5.nip.io") && !check.allows(nil), "\(bound)")
        }
    }

    @Test func commandLineNames() {
        #expect(HostCheck.host(named: "devbox.example.com") == .name("devbox.example.com"))
        #expect(HostCheck.host(named: "DevBox.Example.com.") == .name("devbox.example.com"))
        #expect(HostCheck.host(named: "::1") == HostCheck.host(named: "[::1]"))
        #expect(HostCheck.host(named: "10.0.0.7") == .ipv4([10, 0, 0, 7]))
        for wrong in ["", "devbox:8000", "http://devbox/", "devbox/", "[::1]:8000", "[::1", "dev box", "*.example.com", ".example.com"] {
            #expect(HostCheck.host(named: wrong) == nil, "\(wrong)")
        }
    }

    /// A megabyte of `Host` in shapes a parser could trip on: refused quickly, and the message
    /// quotes at most 200 characters of it.
    @Test func hugeHostHeadersAreRefusedQuickly() {
        let check = HostCheck(boundTo: "0.0.0.0", allowing: [])
        let clock = ContinuousClock()
        for header in [String(repeating: "a.", count: 500_000), String(repeating: ":", count: 1_000_000), "[" + String(repeating: "::", count: 500_000) + "]",
                       String(repeating: "[", count: 1_000_000), "localhost:" + String(repeating: "9", count: 1_000_000) + "x"] {
            let start = clock.now
            let refusal = check.refusal(hostHeaders: [header])
            #expect(clock.now - start < .seconds(1), "\(header.prefix(10))…")
            #expect(refusal != nil && refusal!.message.count < 600, "\(header.prefix(10))…")
        }
    }

    @Test func theRefusalSaysWhichHostAndHow() throws {
        let check = HostCheck(boundTo: "127.0.0.1", allowing: [])
        #expect(check.refusal(hostHeaders: ["localhost:8000"]) == nil)
        let refused = try #require(check.refusal(hostHeaders: ["Evil.Example.:8000"]))
        #expect(refused.status == 403 && refused.message.hasPrefix("The host \"evil.example\" is refused: outloud serve answers only for localhost,"))
        #expect(refused.message.hasSuffix("(DNS rebinding).\nTo reach the preview by this name, start it again with --allow-host evil.example\n"))
        #expect(check.refusal(hostHeaders: ["[fe80::1]:8000"])?.message.hasSuffix("--allow-host fe80::1\n") == true)
        let none = try #require(check.refusal(hostHeaders: []))
        #expect(none.status == 403 && none.message.hasPrefix("This request has no Host header, so it is refused: ") && !none.message.contains("start it again"))
        #expect(check.refusal(hostHeaders: ["localhost", "evil.example"]) == .init(status: 400, message: "This request has more than one Host header.\n"))
        #expect(check.refusal(hostHeaders: ["a\u{1B}[2Jb c"]) == .init(status: 400, message: "The Host header \"a\\u{1B}[2Jb c\" does not name a host.\n"))
    }
}
