import Foundation
import Testing
@testable import Outloud

/// Script injection: payloads in every field a writer controls must come out as text, and no
/// link may carry a `javascript:` or `data:` URL, in pages, feeds and the sitemap.
@Suite struct ScriptInjectionTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "javascript:alert(3)",
        "</script><script>alert(4)</script>",
        "{{site.title}}{{{note.html}}}",
    ]
    /// All of them in one string, YAML-quoted.
    static var all: String { Archetypes.yamlQuoted(payloads.joined(separator: " ")) }

    func hostileSite(unsafeHTML: Bool = false) throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.themes, to: folder.url.appendingPathComponent("themes"))
        let p = Self.all
        folder.write("content/site.yml", """
            title: \(p)
            description: \(p)
            base_url: https://hostile.example/
            repo_url: "javascript:alert(5)"
            unsafe_html: \(unsafeHTML)
            """)
        folder.write("content/skills.yml", "- {id: xss, name: \(p), group: \(p), description: \(p)}\n")
        folder.write("content/people.yml", """
            - id: eve
              name: \(p)
              role: \(p)
              email: \(p)
              skills: {xss: expert}
              goals: [{skill: xss, level: expert, by: 2027-01-01}]
              mentor_for: [xss]
            """)
        let common = "date: 2026-11-20\nauthors: [eve]\ntags: [xss]\nsummary: \(p)\nmood: \(p)\n"
        folder.write("content/books/book.md", """
            ---
            title: \(p)
            \(common)book: {title: \(p), authors: [\(p)], year: \(p), isbn: \(p), url: "javascript:alert(6)"}
            rating: 4
            status: reading
            takeaways: [\(p)]
            ---
            Body [click](javascript:alert(7)) and [data](data:text/html,<script>alert(8)</script>)
            and ![img](javascript:alert(9)) and <javascript:alert(10)> and [ok](https://example.com/?q=<script>).

            <script>alert(11)</script>
            <img src=x onerror=alert(12)>
            Inline <b onmouseover="alert(13)">bold</b> and [[\(Self.payloads[0])]] and `\(Self.payloads[4])`.

            ## \(Self.payloads[1])
            """)
        folder.write("content/harvests/h.md", """
            ---
            title: \(p)
            \(common)event: \(p)
            event_url: "javascript:alert(14)"
            presenters: [\(p)]
            takeaways: [\(p)]
            actions: [{owner: eve, action: \(p), due: 2026-12-01}]
            recommend: true
            ---
            Text.
            """)
        folder.write("content/debates/d.md", """
            ---
            title: \(p)
            \(common)motion: \(p)
            source: {title: \(p), url: "data:text/html,alert(15)"}
            participants: [eve]
            positions: {for: [\(p)], against: [\(p)]}
            outcome: \(p)
            decisions: [\(p)]
            ---
            Text.
            """)
        folder.write("content/logs/eve/2026-w47.md", """
            ---
            title: \(p)
            week: 2026-W47
            tags: [xss]
            asks: [\(p)]
            progress: [\(p)]
            blockers: [\(p)]
            ---
            Text.
            """)
        folder.write("content/resources/r.md", """
            ---
            title: \(p)
            \(common)url: "javascript:alert(16)"
            type: article
            level: novice
            time: \(p)
            cost: \(p)
            curated_by: eve
            ---
            Text.
            """)
        folder.write("content/notes/x\"><img src=x onerror=alert(17)>.md", "A note whose file name is the payload.\n")
        return folder
    }

    /// Front matter URLs with unsafe schemes are errors that stop the build; swap them for
    /// safe ones so the rest of the payloads reach the pages.
    static func replaceFrontMatterURLs(in folder: TemporaryFolder) {
        for file in ["books/book.md", "harvests/h.md", "debates/d.md", "resources/r.md"] {
            var text = folder.read("content/" + file)!
            for scheme in ["javascript:alert(6)", "javascript:alert(14)", "data:text/html,alert(15)", "javascript:alert(16)"] {
                text = text.replacingOccurrences(of: "\"\(scheme)\"", with: "https://example.com/")
            }
            folder.write("content/" + file, text)
        }
        folder.write("content/site.yml", (folder.read("content/site.yml") ?? "").replacingOccurrences(of: "\"javascript:alert(5)\"", with: "https://git.example/team"))
    }

    func build(_ folder: TemporaryFolder) async -> BuildReport {
        var options = BuildOptions.withoutGit()
        options.contentPath = folder.path + "/content"
        options.themesPath = folder.path + "/themes"
        options.outputPath = folder.path + "/output"
        options.today = Day(year: 2026, month: 11, day: 23)
        return await Build.run(options)
    }

    /// Every written text file: pages, feeds, the sitemap.
    func outputFiles(_ folder: TemporaryFolder) -> [(path: String, text: String)] {
        let root = folder.path + "/output"
        let paths = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return paths.sorted().compactMap { path in
            guard path.hasSuffix(".html") || path.hasSuffix(".xml") else { return nil }
            return (path, folder.read("output/" + path) ?? "")
        }
    }

    /// Attribute names starting with `on` in real tags: quoted values are skipped as a
    /// browser skips them (text has its `<` escaped, so it never starts a tag).
    static func eventHandlers(in html: String) -> [String] {
        let tag = try! NSRegularExpression(pattern: #"<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>"#)
        let attribute = try! NSRegularExpression(pattern: #"\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?"#)
        var found: [String] = []
        for match in tag.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let range = Range(match.range(at: 1), in: html) else { continue }
            let attributes = String(html[range])
            for name in attribute.matches(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) {
                let text = String(attributes[Range(name.range(at: 1), in: attributes)!]).lowercased()
                if text.hasPrefix("on") { found.append(text) }
            }
        }
        return found
    }

    /// The HTML a feed reader would render: each `<content type="html">`, unescaped once.
    static func htmlContents(ofFeed xml: String) -> [String] {
        xml.components(separatedBy: "<content type=\"html\">").dropFirst().map { part in
            let escaped = part.components(separatedBy: "</content>")[0]
            return escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// Search records are JSON the client shows as text: each parses, the payloads intact.
    static func expectSearchRecordsHoldPayloadsAsText(_ folder: TemporaryFolder) throws {
        let records = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/output/search/notes")
        #expect(records.count >= 5, "one record per note")
        var titles: [String] = []
        for record in records {
            let data = try #require(folder.read("output/search/notes/" + record)?.data(using: .utf8))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(record) is a JSON object")
            titles.append(try #require(object["title"] as? String))
        }
        #expect(titles.contains { $0.contains("<script>") || $0.contains("<img") }, "payloads in titles reach the index as text: \(titles)")
    }

    /// The page without the theme's `<script src="…theme/search.js" defer></script>`.
    static func withoutSearchScript(_ html: String) -> String {
        html.replacingOccurrences(of: #"<script src="[./]*theme/search\.js" defer></script>"#, with: "", options: .regularExpression)
    }

    /// `href`/`src` values, with entities decoded and spaces removed, as a browser reads them.
    static func urls(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\b(?:href|src)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)"#, options: [.caseInsensitive])
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { match in
            var value = String(html[Range(match.range(at: 1), in: html)!])
            if value.first == "\"" || value.first == "'" { value = String(value.dropFirst().dropLast()) }
            for (entity, character) in [("&amp;", "&"), ("&#58;", ":"), ("&colon;", ":"), ("&#x3a;", ":"), ("&#x3A;", ":")] {
                value = value.replacingOccurrences(of: entity, with: character)
            }
            // Browsers drop whitespace and control characters inside a scheme.
            return String(value.unicodeScalars.filter { !$0.properties.isWhitespace && $0.properties.generalCategory != .control }).lowercased()
        }
    }

    @Test func noPayloadRunsAnywhereInTheOutput() async throws {
        let folder = try hostileSite()
        let report = await build(folder)
        #expect(report.succeeded == false || report.diagnostics.errorCount == 0)
        // Unsafe URLs in front matter are errors; fix those and build again, the rest must be safe.
        #expect(report.diagnostics.filter { $0.severity == .error }.allSatisfy { $0.message.contains("URL") }, "\(report.diagnostics)")
        Self.replaceFrontMatterURLs(in: folder)
        let second = await build(folder)
        #expect(second.diagnostics.errorCount == 0, "\(second.diagnostics)")
        let files = outputFiles(folder)
        #expect(files.count > 20, "pages, feeds and the sitemap were written")
        #expect(files.contains { $0.path.hasPrefix("notes/x-img-src-x-onerror-alert-17/") })
        for (path, text) in files {
            // In a feed, entry content is HTML escaped once more: a reader decodes it and runs
            // it as HTML, so that is what is checked.
            // The theme's search script is the one script a page may hold.
            let htmls = path.hasSuffix(".xml") ? Self.htmlContents(ofFeed: text) : [Self.withoutSearchScript(text)]
            for html in htmls {
                let lowered = html.lowercased()
                #expect(!lowered.contains("<script"), "\(path) holds a script tag")
                #expect(Self.eventHandlers(in: html).isEmpty, "\(path) holds an event handler: \(Self.eventHandlers(in: html))")
                for url in Self.urls(in: html) {
                    #expect(!url.hasPrefix("javascript:") && !url.hasPrefix("data:") && !url.hasPrefix("vbscript:"), "\(path): \(url)")
                }
            }
            if path.hasSuffix(".html") { #expect(!text.contains("Hostile"), "no Mustache tag from content was evaluated") }
        }
        try Self.expectSearchRecordsHoldPayloadsAsText(folder)
        let book = try #require(folder.read("output/books/book/index.html"))
        #expect(book.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the payload is shown as text")
        #expect(book.contains("{{site.title}}{{{note.html}}}"), "Mustache tags from content stay text")
        #expect(book.contains("<!-- raw HTML omitted -->"))
        let feed = try #require(folder.read("output/feed.xml"))
        #expect(feed.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || feed.contains("&amp;lt;script&amp;gt;alert(1)"))
        _ = try WellFormedXML.parse(feed)
    }

    @Test func unsafeHTMLKeepsRawHTMLButNeverFrontMatterMarkup() async throws {
        let folder = try hostileSite(unsafeHTML: true)
        Self.replaceFrontMatterURLs(in: folder)
        _ = await build(folder)
        try Self.expectSearchRecordsHoldPayloadsAsText(folder)
        let book = try #require(folder.read("output/books/book/index.html"))
        #expect(book.contains("<script>alert(11)</script>"), "the site owner chose to keep raw HTML")
        #expect(book.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;"), "front matter is escaped all the same")
        // The same checks that pass on the safe build find what unsafe_html lets through.
        #expect(Set(Self.eventHandlers(in: book)) == ["onerror", "onmouseover"])
        #expect(book.lowercased().contains("<script>alert(11)"))
    }

    @Test func theChecksReadHTMLAsABrowserDoes() {
        #expect(Self.eventHandlers(in: #"<img src=x onerror=alert(1)>"#) == ["onerror"])
        #expect(Self.eventHandlers(in: #"<meta content="&lt;img src=x onerror=alert(1)&gt;">"#) == [])
        #expect(Self.eventHandlers(in: #"<p>&lt;b onclick=x&gt;</p><a href='#' ONFOCUS = "x">"#) == ["onfocus"])
        #expect(Self.urls(in: #"<a href="java&#58;script:x"><a href=" JaVa script:y">"#) == ["java:script:x", "javascript:y"])
    }
}

/// A well-formedness check for feeds, with Foundation's XML parser.
enum WellFormedXML {
    struct Malformed: Error { var description: String }

    static func parse(_ text: String) throws {
        #if canImport(FoundationXML)
        let parser = FoundationXML.XMLParser(data: Data(text.utf8))
        #else
        let parser = XMLParser(data: Data(text.utf8))
        #endif
        guard parser.parse() else { throw Malformed(description: parser.parserError.map { "\($0)" } ?? "unknown") }
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `base_url` is in every feed, the sitemap, canonical links and the root of 404.html's
/// links: an encoded quote must stay encoded, and only http(s) addresses are used.
@Suite struct BaseURLTests {
    @Test func baseURLCanNeitherCloseAnAttributeNorBeAScript() async throws {
        let folder = TemporaryFolder()
        folder.write("content/books/a.md", "---\ntitle: A\ndate: 2026-01-02\n---\nBody.\n")
        var options = BuildOptions.building(folder)
        options.baseURL = "https://intranet.example/learn%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E/"
        #expect(await Build.run(options).succeeded)
        let notFound = try #require(folder.read("output/404.html"))
        #expect(!notFound.contains("<script>alert(1)"), "the encoded path stays encoded in 404.html")
        #expect(notFound.contains(#"href="/learn%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E/books/""#))

        options.baseURL = "https://intranet.example/learn\"><script>alert(1)</script>/"
        let raw = await Build.run(options)
        #expect(!raw.succeeded && raw.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("--base-url has a character") })

        options.baseURL = nil
        for address in ["javascript:alert(document.domain)//x/", "https://user:secret@intranet.example/", "ftp://intranet.example/"] {
            folder.write("content/site.yml", "base_url: \"\(address)\"\n")
            let report = await Build.run(options)
            #expect(report.succeeded, "a bad base_url in site.yml is a warning: \(address)")
            #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("`base_url` ") }, "\(address)")
            let home = try #require(folder.read("output/index.html"))
            #expect(!home.contains("javascript:") && !home.contains("secret@") && !home.contains("ftp:"), "\(address)")
            #expect(!folder.exists("output/feed.xml"), "without a usable base_url there are no feeds")
        }
    }
}
