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
        #expect(await events.next() == "event: problems\ndata: [{\"location\":\"content/books/a.md:3:8\",\"severity\":\"error\",\"message\":\"a \\\"quoted\\\" problem\"}]\n\n")
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
}
