import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Outloud

/// Atom feeds and the sitemap: well-formed, absolute, limited, deterministic, and left out
/// (with one warning) when the site has no `base_url`.
@Suite struct FeedTests {
    @Test func siteFeedIsWellFormedAtomNewestFirstWithoutFreePages() async throws {
        let build = await FixtureBuild("valid")
        #expect(build.diagnostics == [])
        let feed = try #require(ParsedXML.parse(build.page("feed.xml")))
        #expect(feed.name == "feed" && feed.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
        #expect(feed.text("title") == "Fixture Learning")
        #expect(feed.text("id") == "https://learning.example/feed.xml")
        #expect(feed.all("link").map { $0.attributes["rel"] ?? "" } == ["self", "alternate"])
        #expect(feed.all("link").map { $0.attributes["href"] ?? "" } == ["https://learning.example/feed.xml", "https://learning.example/"])
        #expect(feed.text("updated") == "2026-11-06T00:00:00Z", "the newest entry's date, never the clock")
        #expect(feed.all("entry").map { $0.text("title") } == [
            "2026 w45", "Swift Conference", "Tests first?", "Drive", "Title From Heading", "Guild charter",
            "The Swift Programming Language",
        ], "newest first; the free page About is not an entry")
    }

    @Test func anEntryHoldsLinkDatesAuthorsSkillsSummaryAndContent() async throws {
        let build = await FixtureBuild("valid")
        let feed = try #require(ParsedXML.parse(build.page("feed.xml")))
        let drive = try #require(feed.all("entry").first { $0.text("title") == "Drive" })
        #expect(drive.text("id") == "https://learning.example/books/drive/")
        #expect(drive.first("link")?.attributes["href"] == "https://learning.example/books/drive/")
        #expect(drive.text("published") == "2026-03-01T00:00:00Z")
        #expect(drive.text("updated") == "2026-03-01T00:00:00Z")
        #expect(drive.all("author").map { $0.text("name") } == ["Ana Lima"])
        #expect(drive.all("category").map { "\($0.attributes["term"] ?? "")=\($0.attributes["label"] ?? "")" } == ["testing=Testing", "facilitation=Facilitation"])
        #expect(drive.text("summary") == "Motivation is intrinsic.")
        #expect(drive.first("content")?.attributes["type"] == "html")
        #expect(drive.text("content")?.contains("<p>Motivation is <em>intrinsic</em>.</p>") == true)
    }

    @Test func titlesAreEscapedAndForbiddenCharactersDropped() async throws {
        let folder = TemporaryFolder()
        folder.write("content/site.yml", "title: Team's <Notes>\nbase_url: https://learning.example/\n")
        folder.write("content/books/a.md", "---\ntitle: '<script>&\"'\ndate: 2026-01-02\nsummary: \"bell \\a here\"\n---\nBody.\n")
        let report = await Build.run(options(folder))
        #expect(report.diagnostics == [])
        let text = try #require(folder.read("output/feed.xml"))
        #expect(text.contains("<title>&lt;script&gt;&amp;&quot;</title>"))
        #expect(text.contains("<title>Team&apos;s &lt;Notes&gt;</title>"))
        #expect(!text.contains("\u{7}"), "XML 1.0 has no place for a bell character")
        let feed = try #require(ParsedXML.parse(text))
        #expect(feed.all("entry").first?.text("title") == "<script>&\"")
        #expect(feed.all("entry").first?.text("summary") == "bell  here")
    }

    @Test func linksInContentAreAbsolute() async throws {
        let build = await FixtureBuild("links")
        #expect(build.diagnostics == [])
        let feed = try #require(ParsedXML.parse(build.page("books/feed.xml")))
        let fifth = try #require(feed.all("entry").first { $0.text("title") == "The Fifth Discipline" }?.text("content"))
        #expect(fifth.contains(#"<a href="https://fixture.example/books/drive/">Drive</a>"#))
        #expect(fifth.contains(#"<a href="https://fixture.example/books/drive/#mastery">mastery</a>"#))
        #expect(fifth.contains(#"<img src="https://fixture.example/books/cover.svg" alt="cover" />"#))
        #expect(fifth.contains(#"<a href="https://fixture.example/assets/map.svg">here</a>"#))
        let everything = try #require(build.page("feed.xml"))
        #expect(!everything.contains("href=&quot;../") && !everything.contains("src=&quot;../"))
    }

    @Test func relativeURLsResolveAgainstTheNotePage() {
        let base = "https://x.example/learn/"
        #expect(AbsoluteLinks.resolve("../../books/drive/#m", pageURL: "books/fifth/", baseURL: base) == "https://x.example/learn/books/drive/#m")
        #expect(AbsoluteLinks.resolve("../../../people/ana/", pageURL: "logs/ana/w1/", baseURL: base) == "https://x.example/learn/people/ana/")
        #expect(AbsoluteLinks.resolve("cover.svg", pageURL: "books/fifth/", baseURL: base) == "https://x.example/learn/books/fifth/cover.svg")
        #expect(AbsoluteLinks.resolve("#top", pageURL: "books/fifth/", baseURL: base) == "https://x.example/learn/books/fifth/#top")
        #expect(AbsoluteLinks.resolve("https://a.example/x", pageURL: "books/fifth/", baseURL: base) == "https://a.example/x")
        #expect(AbsoluteLinks.resolve("mailto:a@b.example", pageURL: "books/fifth/", baseURL: base) == "mailto:a@b.example")
        #expect(AbsoluteLinks.resolve("/root.svg", pageURL: "books/fifth/", baseURL: base) == "/root.svg")
    }

    @Test func skillAndFolderFeedsHoldTheirNotes() async throws {
        let build = await FixtureBuild("valid")
        func titles(_ path: String) throws -> [String?] {
            try #require(ParsedXML.parse(build.page(path)), "\(path)").all("entry").map { $0.text("title") }
        }
        #expect(try titles("books/feed.xml") == ["Drive", "Title From Heading"], "drafts are left out")
        #expect(try titles("guilds/feed.xml") == ["Guild charter"])
        #expect(try titles("skills/facilitation/feed.xml") == ["Drive", "Title From Heading"])
        #expect(try titles("skills/swift/feed.xml") == ["2026 w45", "Swift Conference", "The Swift Programming Language"])
        #expect(try titles("skills/testing/feed.xml") == ["Drive"])
        let skill = try #require(ParsedXML.parse(build.page("skills/swift/feed.xml")))
        #expect(skill.text("title") == "Fixture Learning — Swift")
        #expect(skill.text("id") == "https://learning.example/skills/swift/feed.xml")
        #expect(skill.all("link").last?.attributes["href"] == "https://learning.example/skills/swift/")
        #expect(!build.folder.exists("output/pages/feed.xml") && !build.folder.exists("output/about/feed.xml"))
    }

    @Test func pagesLinkTheirFeeds() async throws {
        let build = await FixtureBuild("valid")
        let link = #"<link rel="alternate" type="application/atom+xml" title="#
        #expect(try #require(build.page("index.html")).contains(link + #""Fixture Learning" href="feed.xml">"#))
        let books = try #require(build.page("books/index.html"))
        #expect(books.contains(link + #""Fixture Learning — Books" href="../books/feed.xml">"# + link + #""Fixture Learning" href="../feed.xml">"#))
        #expect(books.contains(#"<a class="feed-link" type="application/atom+xml" href="../books/feed.xml">Atom feed</a>"#))
        let skill = try #require(build.page("skills/swift/index.html"))
        #expect(skill.contains(link + #""Fixture Learning — Swift" href="../../skills/swift/feed.xml">"#))
        #expect(skill.contains(#"href="../../skills/swift/feed.xml">Atom feed</a>"#))
        #expect(try #require(build.page("books/drive/index.html")).contains(link + #""Fixture Learning" href="../../feed.xml">"#))
    }

    @Test func feedsKeepTheNewestEntriesUpToTheLimit() async throws {
        let folder = TemporaryFolder()
        folder.write("content/site.yml", "base_url: https://learning.example/\n")
        let count = SiteRenderer.feedEntryLimit + 3
        for day in 1...count {
            let date = Day(ordinal: Day(year: 2026, month: 1, day: 1)!.ordinal + day)
            folder.write("content/books/n\(day).md", "---\ntitle: N\(day)\ndate: \(date)\n---\nBody.\n")
        }
        #expect(await Build.run(options(folder)).diagnostics == [])
        let feed = try #require(ParsedXML.parse(folder.read("output/books/feed.xml")))
        let titles = feed.all("entry").map { $0.text("title") ?? "" }
        #expect(titles.count == SiteRenderer.feedEntryLimit)
        #expect(titles.first == "N\(count)" && titles.last == "N4", "the three oldest are left out")
        #expect(folder.read("output/sitemap.xml")?.contains("https://learning.example/books/n1/") == true, "the sitemap keeps them")
    }

    @Test func withoutBaseURLThereAreNoFeedsNoSitemapAndOneWarning() async throws {
        let folder = TemporaryFolder()
        folder.write("content/skills.yml", "- {id: swift, name: Swift}\n")
        folder.write("content/books/a.md", "---\ntitle: A\ndate: 2026-01-02\ntags: [swift]\n---\nBody.\n")
        folder.write("content/books/b.md", "---\ntitle: B\ndate: 2026-01-03\n---\nBody.\n")
        let report = await Build.run(options(folder))
        #expect(report.diagnostics.map(\.description) == [
            "\(folder.path)/content/site.yml: warning: feeds and sitemap are skipped: set `base_url` in site.yml (or pass --base-url)",
        ])
        #expect(report.succeeded)
        #expect(folder.exists("output/index.html"))
        for path in ["feed.xml", "books/feed.xml", "skills/swift/feed.xml", "sitemap.xml"] {
            #expect(!folder.exists("output/" + path), "\(path)")
        }
        #expect(folder.read("output/index.html")?.contains("application/atom+xml") == false, "no links to feeds that are not there")
        #expect(folder.read("output/books/index.html")?.contains("Atom feed") == false)
    }

    @Test func sitemapListsEveryHTMLPageButNotFound() async throws {
        let build = await FixtureBuild("valid")
        let sitemap = try #require(ParsedXML.parse(build.page("sitemap.xml")))
        #expect(sitemap.name == "urlset" && sitemap.attributes["xmlns"] == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let locs = sitemap.all("url").compactMap { $0.text("loc") }
        let output = URL(fileURLWithPath: build.output)
        let files = try #require(FileManager.default.subpaths(atPath: output.path)).filter { $0.hasSuffix(".html") && $0 != "404.html" }
        let expected = files.map { "https://learning.example/" + ($0 == "index.html" ? "" : String($0.dropLast("index.html".count))) }
        #expect(locs == expected.sorted(), "sorted, and one per page")
        #expect(locs.count == build.report.pagesWritten - 1)
        let drive = sitemap.all("url").first { $0.text("loc") == "https://learning.example/books/drive/" }
        #expect(drive?.text("lastmod") == "2026-03-01")
        #expect(sitemap.all("url").first { $0.text("loc") == "https://learning.example/books/" }?.text("lastmod") == nil)
    }

    @Test func feedsAndSitemapAreByteIdenticalAcrossBuilds() async throws {
        let first = await FixtureBuild("valid"), second = await FixtureBuild("valid")
        let paths = try #require(FileManager.default.subpaths(atPath: first.output)).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(paths.count == 11, "the site, 6 folders, 3 skills and the sitemap")
        for path in paths {
            let contents = try #require(first.page(path))
            #expect(contents == second.page(path), "\(path)")
        }
    }

    private func options(_ folder: TemporaryFolder) -> BuildOptions {
        var options = BuildOptions.withoutGit()
        options.contentPath = folder.path + "/content"
        options.outputPath = folder.path + "/output"
        options.themesPath = Repository.themes.path
        return options
    }
}

/// A parsed XML element with its attributes, text and children: enough to read a feed back.
final class ParsedXML: NSObject, XMLParserDelegate {
    let name: String
    let attributes: [String: String]
    private(set) var children: [ParsedXML] = []
    private(set) var ownText = ""
    private var open: [ParsedXML] = []

    init(name: String, attributes: [String: String] = [:]) {
        self.name = name
        self.attributes = attributes
    }

    /// The document's root element, or nil when the text is not well-formed XML.
    static func parse(_ text: String?) -> ParsedXML? {
        guard let text else { return nil }
        let document = ParsedXML(name: "")
        document.open = [document]
        // The document holds itself while parsing; let go after, or the whole tree leaks.
        defer { document.open = [] }
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = document
        guard parser.parse(), document.children.count == 1 else { return nil }
        return document.children.first
    }

    func all(_ name: String) -> [ParsedXML] { children.filter { $0.name == name } }
    func first(_ name: String) -> ParsedXML? { children.first { $0.name == name } }
    func text(_ name: String) -> String? { first(name)?.ownText }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let element = ParsedXML(name: name, attributes: attributes)
        open.last?.children.append(element)
        open.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        open.last?.ownText += string
    }
}
