import Foundation
import Testing
@testable import Outloud

/// Navigation that follows the folders: a bounded header, a Sections page, list pages with
/// breadcrumbs for nested folders, landing pages, and one slugged URL per folder.
@Suite struct FolderNavigationTests {
    /// The header's links on a built page.
    static func headerLinks(_ html: String) -> [String] {
        guard let start = html.range(of: #"<nav id="site-nav""#), let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else { return [] }
        let nav = html[start.upperBound..<end.lowerBound]
        let pattern = try! NSRegularExpression(pattern: #"<li><a href="[^"]*"[^>]*>([^<]*)</a></li>"#)
        let text = String(nav)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
    }

    @Test func tilRepositoryBuildsAPagePerNoteWithEveryLinkResolved() async throws {
        let build = await FixtureBuild("til")
        #expect(build.report.succeeded)
        #expect(build.diagnostics == [])
        let content = Repository.fixtures.appendingPathComponent("til/content").path
        let notes = filesUnder(content).keys.filter { $0.hasSuffix(".md") && $0 != "README.md" }
        #expect(notes.count >= 90)
        for note in notes {
            let url = note.dropLast(3).split(separator: "/").map { Slug.make(String($0)) }.joined(separator: "/")
            #expect(build.page(url + "/index.html") != nil, "a page for \(note) at /\(url)/")
        }
        #expect(SiteLinkCheck.broken(in: build.output) == [])
        // One URL scheme: no link is written to a folder's own spelling.
        let unslugged = SiteLinkCheck.links(in: build.output).filter { SiteLinkCheck.isInternal($0.href) && ($0.href.contains("%20") || $0.href.contains(" ") || $0.href.contains("Contributing")) }
        #expect(unslugged == [])
        // The contributors' README at the top is not published.
        #expect(build.page("readme/index.html") == nil)
        #expect(!(build.page("index.html") ?? "").contains("did not know yesterday"))
    }

    @Test func aFolderWithSpacesAndCapitalsIsListedAtItsSluggedURL() async throws {
        let build = await FixtureBuild("til")
        let list = try #require(build.page("contributing-to-obsidian/index.html"))
        #expect(list.contains("<h1>Contributing to Obsidian</h1>"))
        #expect(list.contains(#"<a href="../contributing-to-obsidian/how-to-pin-in-contributing-to-obsidian/">How to pin in Contributing to Obsidian</a>"#))
        let git = try #require(build.page("git/how-to-trace-in-git/index.html"))
        #expect(git.contains(#"<a href="../../contributing-to-obsidian/how-to-pin-in-contributing-to-obsidian/">the Obsidian tips</a>"#))
        #expect(git.contains(#"<a href="../../bash/">everything on Bash</a>"#))
    }

    @Test func theHeaderHoldsKindsSectionsAndTeamPagesHoweverManyFolders() async throws {
        let folder = TemporaryFolder()
        folder.write("content/site.yml", "title: Many\n")
        for number in 1...70 { folder.write("content/Topic \(number)/note.md", "# Note \(number)\n\nText.\n") }
        folder.write("content/books/drive.md", "---\ntitle: Drive\n---\n\nText.\n")
        var options = BuildOptions.withoutGit()
        options.contentPath = folder.path + "/content"
        options.themesPath = Repository.themes.path
        options.outputPath = folder.path + "/output"
        let report = await Build.run(options)
        #expect(report.succeeded, "\(report.diagnostics)")
        let links = Self.headerLinks(folder.read("output/index.html") ?? "")
        #expect(links == ["Books", "Sections"], "no skills.yml or people.yml: no team pages")
        #expect(links.count <= Kind.listed.count + 4)
        // The Sections page lists the 70 folders, 50 to a page; the home page all of them, compactly.
        let sections = try #require(folder.read("output/sections/index.html"))
        #expect(sections.components(separatedBy: #"class="sections__item""#).count - 1 == 50)
        #expect(folder.read("output/sections/page/2/index.html")?.components(separatedBy: #"class="sections__item""#).count == 21)
        #expect(folder.read("output/index.html")?.contains(#"<li><a href="topic-70/">Topic 70</a> <span class="count">1<span class="visually-hidden"> notes</span></span></li>"#) == true)
    }

    @Test func theSampleSiteHeaderHasOneSectionsLink() async throws {
        let build = await FixtureBuild("valid")
        let links = Self.headerLinks(build.page("index.html") ?? "")
        #expect(links == ["Books", "Harvests", "Debates", "Logs", "Resources", "Sections", "Skills", "Matrix", "People"])
        #expect(build.page("guilds/index.html")?.contains(#"<li><a href="../sections/" aria-current="page">Sections</a></li>"#) == true)
        // A person's folder of logs is named after the person, under the Logs link.
        let logs = try #require(build.page("logs/ana/index.html"))
        #expect(logs.contains("<h1>Ana Lima</h1>"))
        #expect(logs.contains(#"<li><a href="../../logs/" aria-current="page">Logs</a></li>"#))
    }

    @Test func nestedFoldersHaveListPagesWithBreadcrumbs() async throws {
        let build = await FixtureBuild("handbook")
        let tools = try #require(build.page("engineering/onboarding/tools/index.html"))
        #expect(tools.contains(#"<nav class="breadcrumbs" aria-label="Breadcrumb">"#))
        #expect(tools.contains(#"<ol class="breadcrumbs__list"><li class="breadcrumbs__item"><a href="../../../">Home</a></li><li class="breadcrumbs__item"><span class="breadcrumbs__separator" aria-hidden="true">›</span> <a href="../../../engineering/">Engineering</a></li><li class="breadcrumbs__item"><span class="breadcrumbs__separator" aria-hidden="true">›</span> <a href="../../../engineering/onboarding/">Onboarding</a></li><li class="breadcrumbs__item"><span class="breadcrumbs__separator" aria-hidden="true">›</span> <span aria-current="page">Tools</span></li></ol>"#))
        #expect(tools.contains(#"<a href="../../../engineering/onboarding/tools/editor-setup/">Editor setup</a>"#))
        let note = try #require(build.page("engineering/onboarding/tools/editor-setup/index.html"))
        #expect(note.contains(#"<a href="../../../../engineering/onboarding/tools/">Tools</a></li><li class="breadcrumbs__item"><span class="breadcrumbs__separator" aria-hidden="true">›</span> <span aria-current="page">Editor setup</span></li>"#))
        // A folder lists its folders, with their landing pages' summaries.
        let onboarding = try #require(build.page("engineering/onboarding/index.html"))
        #expect(onboarding.contains(#"<a class="folder-list__link" href="../../engineering/onboarding/tools/">Tools</a> <span class="count">2<span class="visually-hidden"> notes</span></span><p class="folder-list__summary">The editor, git and the command line, set up the team&#39;s way.</p>"#))
        // Notes in a top folder have no breadcrumb: the header names where they are.
        #expect(build.page("company/values/index.html")?.contains("breadcrumbs") == false)
    }

    @Test func landingPagesAreTheirFoldersTextNotNotes() async throws {
        let build = await FixtureBuild("handbook")
        #expect(build.report.succeeded)
        #expect(SiteLinkCheck.broken(in: build.output) == [])
        let engineering = try #require(build.page("engineering/index.html"))
        #expect(engineering.contains("<h1>Engineering</h1>"))
        #expect(engineering.contains("<p>How engineering works here.</p>"))
        #expect(engineering.contains(#"<a href="../engineering/onboarding/">Onboarding</a>"#))
        for page in ["engineering/readme", "company/readme", "people-ops/benefits/index", "index", "readme"] {
            #expect(build.page(page + "/index.html") == nil, "\(page) is a landing page or unpublished")
        }
        #expect(build.page("people-ops/index.html")?.contains("<h1>People operations</h1>") == true)
        #expect(build.page("people-ops/benefits/index.html")?.contains("<p>What the company offers.</p>") == true)
        let home = try #require(build.page("index.html"))
        #expect(home.contains(#"<div class="landing landing--home prose">"#))
        #expect(home.contains(#"go straight to <a href="engineering/onboarding/">Onboarding</a>"#))
        #expect(!home.contains("Contributing to the handbook"))
        // The Sections page: every top folder with its summary, count and folders under it.
        let sections = try #require(build.page("sections/index.html"))
        #expect(sections.contains(#"<li class="sections__child sections__child--depth-2"><a href="../engineering/onboarding/tools/">Tools</a>"#))
        #expect(sections.contains(#"<a class="sections__link" href="../engineering/">Engineering</a> <span class="count">4<span class="visually-hidden"> notes</span></span>"#))
    }
}
