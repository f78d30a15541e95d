import Foundation
import Testing
@testable import Outloud

/// End to end through the library: fixture sites in, pages and diagnostics out.
@Suite struct ValidSiteTests {
    @Test func buildsEveryPageOfTheValidFixture() async throws {
        let build = await FixtureBuild("valid")
        #expect(build.diagnostics == [])
        #expect(build.report.succeeded)
        let expected = [
            "index.html", "404.html",
            "books/drive/index.html", "books/untitled-heading/index.html",
            "harvests/swift-conf/index.html", "debates/tests-first/index.html",
            "logs/ana/2026-w45/index.html", "resources/swift-book/index.html",
            "about/index.html", "guilds/charter/index.html",
            "books/index.html", "harvests/index.html", "debates/index.html", "logs/index.html",
            "resources/index.html", "guilds/index.html", "sections/index.html", "logs/ana/index.html",
            "skills/index.html", "skills/swift/index.html", "skills/testing/index.html", "skills/facilitation/index.html",
            "people/index.html", "people/ana/index.html", "people/ben/index.html", "matrix/index.html", "activity/index.html",
            "search/index.html", "search/index.json", "search/facets.bin", "search/terms/0.bin", "search/notes/0.json", "theme/search.js",
            "assets/pic.svg", "theme/style.css", OutputFolder.markerName,
        ]
        for path in expected {
            #expect(build.folder.exists("output/" + path), "missing \(path)")
        }
        #expect(!build.folder.exists("output/books/draft/index.html"), "drafts are left out by default")
        #expect(build.report.pagesWritten == 28)  // 8 notes, 5 kind indexes, 2 folder lists, Sections, home, 404, 4 skill and 3 people pages, matrix, activity, search
    }

    @Test func frontMatterReachesTemplatesAsParams() {
        let yaml = YAMLValue(kind: .map([
            .init(key: "mood", keyLine: 1, keyColumn: 1, value: YAMLValue(kind: .scalar("<b>curious</b>", type: .string), line: 1, column: 7)),
            .init(key: "list", keyLine: 2, keyColumn: 1, value: YAMLValue(kind: .list([YAMLValue(kind: .scalar("1", type: .int), line: 2, column: 8)]), line: 2, column: 7)),
        ]), line: 1, column: 1)
        let params = TemplateValue(yaml: yaml)
        #expect(params["mood"] == .string("<b>curious</b>"), "text, escaped when rendered with {{…}}")
        #expect(params["list"] == .list([.string("1")]))
        #expect(params["missing"] == nil)
    }

    @Test func notFoundPageLinksFromTheSiteRootPath() async throws {
        let atRoot = await FixtureBuild("valid")
        let page = try #require(atRoot.page("404.html"))
        #expect(page.contains(#"href="/theme/style.css""#), "a server shows 404.html at any depth")
        #expect(page.contains(#"href="/books/""#))
        let underPath = await FixtureBuild("valid") { $0.baseURL = "https://intranet.example/learning" }
        let nested = try #require(underPath.page("404.html"))
        #expect(nested.contains(#"href="/learning/theme/style.css""#))
        #expect(nested.contains(#"href="/learning/books/""#))
    }

    @Test func titleFromHeadingIsNotRepeatedInTheBody() async throws {
        let build = await FixtureBuild("valid")
        let page = try #require(build.page("books/untitled-heading/index.html"))
        #expect(page.contains("<h1>Title From Heading</h1>"))
        #expect(page.components(separatedBy: "Title From Heading").count == 3)  // <title> and <h1> only
    }

    @Test func listsArePaginatedNewestFirst() async throws {
        let build = await FixtureBuild("valid")  // paginate: 2
        let books = try #require(build.page("books/index.html"))
        #expect(books.range(of: "Drive")!.lowerBound < books.range(of: "Title From Heading")!.lowerBound)
        let skills = try #require(build.page("skills/facilitation/index.html"))
        #expect(skills.contains("Drive") && skills.contains("Title From Heading"))
        #expect(skills.contains("Ben Ode"))
    }

    /// A skill's notes are paginated like a folder's; who can help and the resources stay on
    /// the first page.
    @Test func skillPagesArePaginatedToo() async throws {
        let content = TemporaryFolder()
        content.write("site.yml", "title: Paged\npaginate: 2\n")
        content.write("skills.yml", "- {id: swift, name: Swift}\n")
        content.write("people.yml", "- {id: ana, name: Ana, skills: {swift: expert}}\n")
        content.write("resources/book.md", "---\ntitle: The Book\ntags: [swift]\nlevel: novice\nurl: https://example.com/\n---\nR.\n")
        for day in 1...5 {
            content.write("books/b\(day).md", "---\ntitle: Book \(day)\ndate: 2026-01-0\(day)\ntags: [swift]\n---\nB.\n")
        }
        let build = await FixtureBuild("valid") { $0.contentPath = content.path }
        #expect(build.report.succeeded, "\(build.diagnostics)")
        let pages = (1...3).map { build.page($0 == 1 ? "skills/swift/index.html" : "skills/swift/page/\($0)/index.html") ?? "" }
        #expect(pages[0].contains("Who can help") && pages[0].contains("Resources by level"))
        #expect(!pages[1].contains("Who can help") && !pages[1].contains("Resources by level"))
        #expect(pages[0].contains(#"<a class="pagination__link" rel="next" href="../../skills/swift/page/2/">"#))
        #expect(pages[1].contains(#"<a class="pagination__link" rel="prev" href="../../../../skills/swift/">"#))
        #expect(pages[2].contains("<title>Swift (page 3 of 3) · Paged</title>"))
        #expect(pages[2].contains(#"href="../../../../theme/style.css""#), "links from the deeper page still reach the root")
        let titles = pages.map { page in (1...5).filter { page.contains(">Book \($0)</a>") } }
        #expect(titles == [[4, 5], [2, 3], [1]], "two a page, newest pages first")
        #expect(pages[0].range(of: ">Book 5</a>")!.lowerBound < pages[0].range(of: ">Book 4</a>")!.lowerBound)
        #expect(!build.folder.exists("output/skills/swift/page/4/index.html"))
    }

    @Test func draftsAreBuiltOnRequest() async throws {
        let build = await FixtureBuild("valid") { $0.includeDrafts = true }
        #expect(build.folder.exists("output/books/draft/index.html"))
    }

    @Test func homeListsLatestNotesAndSkillsWithCounts() async throws {
        let build = await FixtureBuild("valid")
        let home = try #require(build.page("index.html"))
        #expect(home.contains(#"<a href="books/drive/">Drive</a>"#))
        #expect(home.contains(#"<a href="harvests/swift-conf/">Swift Conference</a>"#))
        #expect(!home.contains("about/"), "free pages are not listed as notes")
    }
}

/// Invalid sites: every problem is a diagnostic at its line; an error that makes the site
/// wrong writes nothing, one confined to a note leaves that note out.
@Suite struct InvalidSiteTests {
    @Test func malformedYAMLIsAnErrorForThatNoteOnly() async {
        let build = await FixtureBuild("invalid-yaml")
        #expect(!build.report.succeeded, "an error still fails the build")
        #expect(build.diagnostics.count == 1)
        #expect(build.diagnostics.first?.hasPrefix("books/broken.md:4:") == true, "\(build.diagnostics)")
        #expect(build.diagnostics.first?.contains("error: invalid YAML") == true)
        #expect(build.folder.exists("output/index.html"), "the rest of the site is written")
        #expect(!build.folder.exists("output/books/broken"))
    }

    @Test func frontMatterThatNeverCloses() async {
        let build = await FixtureBuild("unclosed-front-matter")
        #expect(build.diagnostics == ["books/open.md:1:1: error: front matter starts with `---` but never closes (add a `---` line after it)"])
    }

    @Test func tagsThatAreAStringInsteadOfAList() async {
        let build = await FixtureBuild("tags-not-a-list")
        #expect(build.diagnostics == ["books/tags.md:3:7: warning: `tags` must be a list, like `tags: [swift]`; it is ignored"])
        #expect(build.folder.exists("output/books/tags/index.html"), "the page is built without the field")
    }

    @Test func twoNotesWithOneURLNameBothFiles() async {
        let build = await FixtureBuild("duplicate-url")
        #expect(build.diagnostics.count == 1)
        let message = build.diagnostics.first ?? ""
        #expect(message.contains("error:"))
        #expect(message.contains("books/one.md") && message.contains("books/same.md"))
        #expect(message.contains("/books/same/"))
    }

    @Test func templateSyntaxErrorIsReportedAtItsLine() async {
        let build = await FixtureBuild("broken-theme", theme: "broken")
        #expect(build.diagnostics.count == 1)
        let message = build.diagnostics.first ?? ""
        #expect(message.contains("themes/broken/templates/note.mustache:5:"), "\(message)")
        #expect(message.contains("error: template syntax error"))
    }

    @Test func missingPartialIsAnErrorNotAnEmptyString() async {
        let build = await FixtureBuild("missing-partial", theme: "nopartial")
        #expect(build.diagnostics.count == 1)
        let message = build.diagnostics.first ?? ""
        #expect(message.contains("themes/nopartial/templates/note.mustache:3:1: error:"), "\(message)")
        #expect(message.contains("\"partials/nowhere\""))
    }

    @Test func unknownThemeListsTheThemesThereAre() async {
        let build = await FixtureBuild("valid", theme: "nope")
        #expect(build.diagnostics.count == 1)
        #expect(build.diagnostics.first?.contains("error: theme \"nope\" not found (themes found: default)") == true)
    }

    @Test func missingContentFolder() async {
        let folder = TemporaryFolder()
        var options = BuildOptions.withoutGit()
        options.contentPath = folder.path + "/nowhere"
        options.outputPath = folder.path + "/output"
        options.themesPath = Repository.themes.path
        let report = await Build.run(options)
        #expect(report.diagnostics.map(\.message) == ["content folder not found (use --content to name another)"])
        #expect(!report.succeeded)
    }

    @Test func failedBuildLeavesThePreviousOutputAlone() async throws {
        let folder = TemporaryFolder()
        folder.write("content/books/a.md", "---\ntitle: A\n---\nFirst.\n")
        var options = BuildOptions.withoutGit()
        options.contentPath = folder.path + "/content"
        options.outputPath = folder.path + "/output"
        options.themesPath = Repository.themes.path
        #expect(await Build.run(options).succeeded)
        let before = try #require(folder.read("output/books/a/index.html"))
        // Two notes at one URL: the site would be wrong, so nothing is written.
        folder.write("content/books/a.md", "---\ntitle: A\n---\nSecond.\n")
        folder.write("content/books/b.md", "---\ntitle: B\nslug: a\n---\nThird.\n")
        #expect(await !Build.run(options).succeeded)
        #expect(folder.read("output/books/a/index.html") == before)
        // Under --strict, a note that cannot be read leaves the previous site as it was too.
        folder.write("content/books/b.md", "---\ntitle: [B\n---\nThird.\n")
        options.strict = true
        #expect(await !Build.run(options).succeeded)
        #expect(folder.read("output/books/a/index.html") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["content", "output"],
                "no staging folder is left behind")
    }

    @Test func warningsFailOnlyUnderStrict() async {
        let folder = TemporaryFolder()
        folder.write("content/skills.yml", "- id: swift\n  name: Swift\n")
        folder.write("content/site.yml", "base_url: https://learning.example/\n")
        folder.write("content/books/a.md", "---\ntitle: A\ntags: [swfit]\n---\nBody.\n")
        var options = BuildOptions.withoutGit()
        options.contentPath = folder.path + "/content"
        options.outputPath = folder.path + "/output"
        options.themesPath = Repository.themes.path
        let relaxed = await Build.run(options)
        #expect(relaxed.succeeded)
        #expect(relaxed.diagnostics.map(\.description) == [
            "\(folder.path)/content/books/a.md:3:8: warning: tag \"swfit\" is not a skill in skills.yml (did you mean \"swift\"?)",
        ])
        options.strict = true
        #expect(await !Build.run(options).succeeded)
    }
}
