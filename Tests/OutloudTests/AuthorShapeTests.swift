import Foundation
import Testing
@testable import Outloud

/// Notes as their authors wrote them: a linked title, their own table of contents, a
/// `description:`, raw HTML that safe mode drops, `.markdown` files, `--content .`.
@Suite struct AuthorShapeTests {
    func render(_ markdown: String, unsafe: Bool = false) -> RenderedMarkdown {
        MarkdownDocument.render(markdown, options: MarkdownOptions(unsafeHTML: unsafe, takeTitleFromHeading: true))
    }

    @Test func aTitleThatIsOneLinkKeepsItsLink() {
        let linked = render("# [99 Bottles of OOP](https://sandimetz.com/99bottles)\n\nNotes.\n")
        #expect(linked.title == "99 Bottles of OOP" && linked.titleURL == "https://sandimetz.com/99bottles")
        #expect(linked.html == "<p>Notes.</p>\n", "the heading is not repeated in the body")
        #expect(render("# Notes on [Drive](https://example.com/drive)\n").titleURL == nil, "a link inside the words is not the title's")
        #expect(render("# [Drive](javascript:alert(1))\n").titleURL == nil, "only web pages")
        #expect(render("# [Drive](../books/drive.md)\n").titleURL == nil)
        #expect(render("# Drive\n").titleURL == nil)
    }

    @Test func aNoteWithItsOwnTableOfContentsGetsNoSecond() {
        let own = render("# Guide\n\n- [Setup](#setup)\n- [Usage](#usage)\n  - [Flags](#flags)\n\n## Setup\n\n## Usage\n\n### Flags\n")
        #expect(own.hasOwnTableOfContents)
        let headed = render("Intro.\n\n## Contents\n\n1. [Setup](#setup)\n2. [Usage](#usage)\n\n## Setup\n\n## Usage\n")
        #expect(headed.hasOwnTableOfContents)
        #expect(!render("- [Drive](https://example.com)\n- [Setup](#setup)\n\n## Setup\n").hasOwnTableOfContents, "a list with other links")
        #expect(!render("- one\n- two\n\n## A\n## B\n## C\n").hasOwnTableOfContents)
        #expect(!render("Intro.\n\nMore.\n\nEven more.\n\nAnd more.\n\n- [A](#a)\n- [B](#b)\n").hasOwnTableOfContents, "not at the top")
    }

    @Test func rawHTMLThatSafeModeDropsIsOneWarningPerNote() {
        let problems = render("Text <kbd>Ctrl</kbd> and <kbd>C</kbd>.\n\n<details>\n<summary>More</summary>\n\nHidden.\n\n</details>\n").problems
        #expect(problems.map(\.message) == ["raw HTML `<kbd>` is left out (and 5 more places in this note); set `unsafe_html: true` in site.yml to keep it"])
        #expect(problems.map(\.severity) == [.warning])
        #expect(problems.first?.line == 1 && problems.first?.column == 6)
        #expect(render("<!-- a comment -->\n\nText.\n").problems.isEmpty, "comments were never shown")
        #expect(render("<kbd>x</kbd>\n", unsafe: true).problems.isEmpty, "kept under unsafe_html")
        #expect(render("1 < 2 and `<b>` in code.\n").problems.isEmpty)
    }

    @Test func rawHTMLKeptByUnsafeHTMLHasItsLinksRewrittenLikeMarkdowns() {
        let base = LinkBase(sourcePath: "books/drive.md", pageURLPath: "books/drive",
                            files: ["books/diagram.png", "books/a.md"], folders: ["books"])
        let result = MarkdownDocument.render(
            "<p align=\"center\"><img src=\"diagram.png\" width=300></p>\n\nSee <a class=\"x\" href='a.md#why'>A</a>, <a href=\"https://example.com/\">out</a> and <img src=\"gone.png\">.\n",
            options: MarkdownOptions(unsafeHTML: true, linkBase: base))
        #expect(result.html.hasPrefix(#"<p align="center"><img src="../../books/diagram.png" width=300></p>"#), "\(result.html)")
        #expect(result.links.map(\.target) == [.note(path: "books/a.md")] && result.links.first?.anchor == "why")
        #expect(result.html.contains("See \(LinkPlaceholder.opening(0))A</a>, <a href=\"https://example.com/\">out</a>"))
        #expect(result.problems.map(\.message) == [#"link "gone.png" points to books/gone.png, which does not exist"#])
    }

    @Test func aBareFileNameIsFoundAnywhereAsObsidianFindsIt() {
        let base = LinkBase(sourcePath: "Guides/setup.md", pageURLPath: "guides/setup",
                            files: ["attachments/diagram.png", "Guides/setup.md"], folders: ["attachments", "Guides"])
        let result = MarkdownDocument.render("![a diagram](diagram.png#interface) and ![gone](gone.png)\n",
                                             options: MarkdownOptions(linkBase: base))
        #expect(result.html.hasPrefix(#"<p><img src="../../attachments/diagram.png#interface" alt="a diagram" />"#), "\(result.html)")
        #expect(result.problems.map(\.message) == [#"link "gone.png" points to Guides/gone.png, which does not exist"#])
    }

    @Test func descriptionIsTheSummaryAndMarkdownFilesOfEitherEndingAreNotes() async throws {
        let folder = TemporaryFolder()
        folder.write("content/books/a.md", "---\ntitle: A\ndate: 2026-01-02\ndescription: What A is about.\n---\nFirst paragraph.\n")
        folder.write("content/books/b.markdown", "# B\n\nSee [A](a.md) and [[c]].\n")
        folder.write("content/books/c.MARKDOWN", "# C\n\nBack to [B](b.markdown).\n")
        let options = BuildOptions.building(folder)
        let report = await Build.run(options)
        #expect(report.diagnostics.filter { $0.severity != .note }.map(\.message) == ["feeds and sitemap are skipped: set `base_url` in site.yml (or pass --base-url)"])
        #expect(report.notesByKind[.book] == 3)
        let books = try #require(folder.read("output/books/index.html"))
        #expect(books.contains("What A is about."))
        let b = try #require(folder.read("output/books/b/index.html"))
        #expect(b.contains(#"<a href="../../books/a/">A</a>"#) && b.contains(#"<a href="../../books/c/">C</a>"#))
    }

    @Test func aTeamWithoutSkillsOrPeopleGetsNoEmptyTeamPages() async throws {
        let folder = TemporaryFolder()
        folder.write("content/books/drive.md", "---\ntitle: Drive notes\ndate: 2026-01-02\nbook: {title: Drive}\n---\nBody.\n")
        folder.write("content/books/drive-again.md", "---\ntitle: Drive again\ndate: 2026-01-03\nbook: {title: Drive}\n---\nBody.\n")
        let options = BuildOptions.building(folder)
        #expect(await Build.run(options).succeeded)
        for page in ["skills", "people", "matrix"] { #expect(!folder.exists("output/\(page)"), "no empty \(page) page") }
        let home = try #require(folder.read("output/index.html"))
        #expect(FolderNavigationTests.headerLinks(home) == ["Books"])
        #expect(!home.contains("0</strong> skills") && !home.contains("0</strong> people") && !home.contains("skills/"))
        let books = try #require(folder.read("output/books/index.html"))
        #expect(!books.contains("Someone"), "a book note without authors is not credited to anyone")
        let missing = try #require(folder.read("output/404.html"))
        #expect(!missing.contains("skills/") && !missing.contains("people/"))
        // With a catalog and a team, the pages come back.
        folder.write("content/skills.yml", "- {id: swift, name: Swift}\n")
        folder.write("content/people.yml", "- {id: ana, name: Ana}\n")
        #expect(await Build.run(options).succeeded)
        #expect(FolderNavigationTests.headerLinks(folder.read("output/index.html") ?? "") == ["Books", "Skills", "Matrix", "People"])
    }
}
