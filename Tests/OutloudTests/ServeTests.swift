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
