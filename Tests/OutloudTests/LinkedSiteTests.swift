import Testing
@testable import Outloud

/// The links fixture end to end: every link form becomes a working relative link, and
/// backlinks, related notes and tables of contents appear on the pages.
@Suite struct LinkedSiteTests {
    @Test func everyLinkFormResolvesToARelativeLink() async throws {
        let build = await FixtureBuild("links")
        #expect(build.diagnostics == [])
        let fifth = try #require(build.page("books/fifth/index.html"))
        #expect(fifth.contains(#"builds on <a href="../../books/drive/">Drive</a>, especially <a href="../../books/drive/#mastery">mastery</a>"#))
        #expect(fifth.contains(#"<img src="../../books/cover.svg" alt="cover" />"#))
        #expect(fifth.contains(#"<a href="../../assets/map.svg">here</a>"#))
        let conference = try #require(build.page("harvests/its-a-conference/index.html") ?? build.page("harvests/conf/index.html"))
        #expect(conference.contains(#"<a href="../../books/fifth/">The Fifth Discipline</a>"#))
        #expect(conference.contains(#"<a href="../../books/drive/">Pink’s book</a>"#))
        #expect(conference.contains(#"<a href="../../books/drive/">books/drive</a>"#))
        #expect(conference.contains(#"<a href="../../books/drive/#purpose">Drive › Purpose</a>"#))
        #expect(conference.contains(#"<a href="../../harvests/">harvests</a>"#))
        #expect(conference.contains(#"<a href="../../books/">books</a>"#))
        #expect(conference.contains(#"<a href="../../my-notes/cafe/">the café note</a>"#))
        #expect(conference.contains("<code>[[Not a link]]</code>"))
        let cafe = try #require(build.page("my-notes/cafe/index.html"))
        #expect(cafe.contains(#"<a href="../../harvests/conf/">its a conference</a>"#))
        #expect(cafe.contains(#"<a href="../../harvests/conf/">the conference</a>"#))
    }

    @Test func backlinksListEachLinkingNoteOnceWithContext() async throws {
        let build = await FixtureBuild("links")
        let drive = try #require(build.page("books/drive/index.html"))
        let backlinks = try #require(drive.components(separatedBy: #"<section id="backlinks""#).last)
        #expect(backlinks.contains(#"<a href="../../harvests/conf/">It&#39;s a Conference</a>"#), "titles are escaped")
        #expect(backlinks.contains(#"<a href="../../books/fifth/">The Fifth Discipline</a>"#))
        #expect(backlinks.components(separatedBy: "<li>").count - 1 == 2, "two notes link to Drive, one of them four times")
        #expect(backlinks.contains("Systems thinking builds on Drive, especially mastery."))
        let fifth = try #require(build.page("books/fifth/index.html"))
        #expect(fifth.contains(#"<a href="../../logs/ana/2026-w10/">"#), "a log's link is a backlink too")
    }

    @Test func longNotesHaveATableOfContents() async throws {
        let build = await FixtureBuild("links")
        let drive = try #require(build.page("books/drive/index.html"))
        #expect(drive.contains(##"<li><a href="#autonomy">Autonomy</a></li><li><a href="#mastery">Mastery</a></li><li><a href="#purpose">Purpose</a></li>"##))
        let fifth = try #require(build.page("books/fifth/index.html"))
        #expect(!fifth.contains(#"id="toc""#), "no table of contents under three headings")
    }

    @Test func brokenLinksAreReportedAndMarked() async throws {
        let build = await FixtureBuild("broken-links")
        #expect(build.diagnostics == [
            "books/bad.md:4:3: warning: link to books/nowhere.md, which does not exist",
            "books/bad.md:4:34: warning: wikilink [[No Such Note]] matches no note by title, slug or file name",
            "books/bad.md:6:10: warning: link \"../../../secrets.md\" leaves the content folder",
            "books/bad.md:6:47: warning: link to a javascript: URL is removed (set `unsafe_html: true` in site.yml to allow it)",
            "books/bad.md:7:4: warning: wikilink `[[]]` has no target; it is shown as text",
            "books/bad.md:7:16: warning: `[[` has no closing `]]`; it is shown as text",
            "books/bad.md:9:3: warning: books/bad.md has no heading #no-such-heading (it has no headings)",
            "books/bad.md:9:39: warning: wikilink [[wip]] points to a draft, which is not published",
        ])
        // Broken links are warnings: the page is built with each one marked.
        #expect(build.report.succeeded)
        let bad = try #require(build.page("books/bad/index.html"))
        #expect(bad.contains(#"<a class="broken-link" title="Broken link: link to books/nowhere.md, which does not exist">"#))
        let strict = await FixtureBuild("broken-links") { $0.strict = true }
        #expect(!strict.report.succeeded)
        #expect(!strict.folder.exists("output"), "under --strict a build with broken links publishes nothing")
    }
}
