import Testing
@testable import Outloud

/// Obsidian and GitHub syntax in one body: callouts, highlights, comments, escapes, block
/// ids, inline tags and embeds, as the Markdown stage writes them.
@Suite struct ObsidianSyntaxTests {
    let base = LinkBase(sourcePath: "notes/pairing.md", pageURLPath: "notes/pairing",
                        files: ["notes/pairing.md", "attachments/board.png", "notes/board.png", "attachments/talk.mp3",
                                "attachments/demo.mp4", "attachments/slides.pdf", "media/logo.svg", "other/logo.svg", "notes/deep/logo.svg"],
                        folders: ["notes", "notes/deep", "attachments", "media", "other"])

    func render(_ markdown: String, skills: Set<String> = ["swift", "team-learning"]) -> RenderedMarkdown {
        var options = MarkdownOptions(linkBase: base)
        options.skillIDs = skills
        return MarkdownDocument.render(markdown, options: options)
    }

    /// The HTML with placeholder N as `<a href="#N">` and embed N as `[embed N]`.
    func html(for markdown: String) -> String {
        LinkPlaceholder.substitute(in: render(markdown).html, { "<a href=\"#\($0)\">" }, embed: { "[embed \($0)]" })
    }

    static let tipIcon = Callout.icon("tip")
    static let noteIcon = Callout.icon("note")
    static let warningIcon = Callout.icon("warning")

    // MARK: Callouts

    @Test func calloutWithItsTypesTitle() {
        #expect(html(for: "> [!tip]\n> Pair on it.") == "<aside class=\"callout callout-tip\" data-callout=\"tip\" role=\"note\" aria-label=\"Tip\">\n<p class=\"callout-title\">\(Self.tipIcon) <span class=\"callout-label\">Tip</span></p>\n<div class=\"callout-body\">\n<p>Pair on it.</p>\n</div>\n</aside>\n")
    }

    @Test func calloutWithACustomTitleAndMarkdownInIt() {
        #expect(html(for: "> [!HINT] Pair *first*\n> See [[Drive]].") == "<aside class=\"callout callout-tip\" data-callout=\"hint\" role=\"note\" aria-label=\"Pair first\">\n<p class=\"callout-title\">\(Self.tipIcon) <span class=\"callout-label\">Pair <em>first</em></span></p>\n<div class=\"callout-body\">\n<p>See <a href=\"#0\">Drive</a>.</p>\n</div>\n</aside>\n")
    }

    @Test func foldableCalloutsAreDetails() {
        #expect(html(for: "> [!faq]- Why?\n> Because.") == "<aside class=\"callout callout-question\" data-callout=\"faq\" role=\"note\" aria-label=\"Why?\">\n<details>\n<summary class=\"callout-title\">\(Callout.icon("question")) <span class=\"callout-label\">Why?</span></summary>\n<div class=\"callout-body\">\n<p>Because.</p>\n</div>\n</details>\n</aside>\n")
        #expect(html(for: "> [!note]+\n> Open.").contains("<details open>\n<summary class=\"callout-title\">\(Self.noteIcon) <span class=\"callout-label\">Note</span></summary>"))
    }

    @Test func typesAliasesAndGitHubAlerts() {
        let families = ["note": "note", "summary": "abstract", "TLDR": "abstract", "info": "info", "todo": "todo", "important": "tip",
                        "done": "success", "help": "question", "CAUTION": "warning", "missing": "failure", "error": "danger",
                        "bug": "bug", "example": "example", "cite": "quote", "NOTE": "note", "TIP": "tip", "WARNING": "warning"]
        for (type, family) in families {
            #expect(html(for: "> [!\(type)]\n> x").hasPrefix("<aside class=\"callout callout-\(family)\" data-callout=\"\(type.lowercased())\""), "\(type)")
        }
    }

    @Test func unknownTypeIsANoteWithItsOwnTitle() {
        #expect(html(for: "> [!recipe]\n> x").hasPrefix("<aside class=\"callout callout-note\" data-callout=\"recipe\" role=\"note\" aria-label=\"Recipe\">\n<p class=\"callout-title\">\(Self.noteIcon) <span class=\"callout-label\">Recipe</span></p>"))
    }

    @Test func nestedCalloutsAndOrdinaryQuotes() {
        let nested = html(for: "> [!warning] Outer\n> Text.\n>\n> > [!tip]\n> > Inner.")
        #expect(nested.contains("<div class=\"callout-body\">\n<p>Text.</p>\n<aside class=\"callout callout-tip\""))
        #expect(nested.hasSuffix("<p>Inner.</p>\n</div>\n</aside>\n</div>\n</aside>\n"))
        #expect(html(for: "> [!not a callout]\n> x") == "<blockquote>\n<p>[!not a callout]\nx</p>\n</blockquote>\n")
        #expect(html(for: "> Just a quote.") == "<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n")
    }

    @Test func calloutTitleIsEscapedAndItsMarkerNotSearched() {
        #expect(html(for: "> [!note] a < b & \\<c>\n> x").contains("aria-label=\"a &lt; b &amp; &lt;c&gt;\""))
        #expect(render("> [!tip] Title\n> Body").text == "Title Body")
    }

    // MARK: Highlights and comments

    @Test func highlights() {
        #expect(html(for: "a ==b== c") == "<p>a <mark>b</mark> c</p>\n")
        #expect(html(for: "==a *b* c== d") == "<p><mark>a <em>b</em> c</mark> d</p>\n")
        #expect(html(for: "x == y and y == z") == "<p>x == y and y == z</p>\n")
        #expect(html(for: "`==a==` ==b") == "<p><code>==a==</code> ==b</p>\n")
        #expect(html(for: "==a\n\nb==") == "<p>==a</p>\n<p>b==</p>\n")
    }

    @Test func commentsAreDropped() {
        #expect(html(for: "a %%hidden%% b") == "<p>a  b</p>\n")
        #expect(html(for: "a\n\n%%\nsecret\n\nmore\n%%\n\nb") == "<p>a</p>\n<p>b</p>\n")
        #expect(html(for: "`%%kept%%`\n\n```\n%%kept%%\n```") == "<p><code>%%kept%%</code></p>\n<pre><code>%%kept%%\n</code></pre>\n")
        let result = render("Start %%secret words%% end.\n\n%%\nsecret\n%%")
        #expect(!result.text.contains("secret") && !result.firstParagraph.contains("secret"))
        #expect(render("a %%open").problems.map(\.message) == ["`%%` opens a comment that is never closed; the rest of the note is hidden"])
        #expect(html(for: "50\\%% off") == "<p>50%% off</p>\n")
    }

    // MARK: Escapes

    @Test func escapedWikilinksAreText() {
        #expect(render(#"\[\[x\]\] and \[[y]]"#).links.isEmpty)
        #expect(html(for: #"\[\[x\]\] and \[[y]]"#) == "<p>[[x]] and [[y]]</p>\n")
        #expect(html(for: #"`\[[z]]`"#) == "<p><code>\\[[z]]</code></p>\n")
        #expect(html(for: #"\[a] [[b]]"#) == "<p>[a] <a href=\"#0\">b</a></p>\n")
        #expect(!render("a \u{E001}[[b]]").html.contains("\u{E001}"), "the marker cannot come from a note")
    }

    // MARK: Links within the note and block ids

    @Test func headingLinksWithinTheNote() {
        let result = render("## Setup\n\nSee [[#Setup]] and [[#Setup|the setup]].")
        #expect(result.links.map(\.target) == [.note(path: "notes/pairing.md"), .note(path: "notes/pairing.md")])
        #expect(result.links.map(\.anchor) == ["Setup", "Setup"])
        #expect(result.links.map(\.label) == ["Setup", "the setup"])
    }

    @Test func blockIDsBecomeAnchorsWithoutTheirMarker() {
        let result = render("A fact worth linking. ^fact-1\n\n- an item ^item\n- other\n\nNo id^here.")
        #expect(result.blockIDs == ["fact-1", "item"])
        #expect(html(for: "A fact worth linking. ^fact-1") == "<p><span class=\"block-id\" id=\"^fact-1\">A fact worth linking.</span></p>\n")
        #expect(html(for: "- an item ^item") == "<ul>\n<li><span class=\"block-id\" id=\"^item\">an item</span></li>\n</ul>\n")
        #expect(html(for: "Two lines\n^last") == "<p><span class=\"block-id\" id=\"^last\">Two lines</span></p>\n")
        #expect(html(for: "No id^here.") == "<p>No id^here.</p>\n")
        #expect(render("a ^x\n\nb ^x").problems.map(\.message) == ["block id ^x is already used in this note; links lead to the first one"])
        #expect(render("[[Other#^fact-1]]").links.map(\.anchor) == ["^fact-1"])
    }

    // MARK: Inline tags

    @Test func inlineTagsNamingASkillAreLinks() {
        let result = render("Learning #swift and #team/learning, not #cooking, #123 or a#swift.")
        #expect(result.tags == ["swift", "team-learning"])
        #expect(html(for: "Learning #swift and #team/learning, not #cooking, #123 or a#swift.") ==
            "<p>Learning <a class=\"tag\" href=\"../../skills/swift/\">#swift</a> and <a class=\"tag\" href=\"../../skills/team-learning/\">#team/learning</a>, not #cooking, #123 or a#swift.</p>\n")
        #expect(render("`#swift` [#swift](https://x.org) https://x.org/#swift\n\n# swift").tags == [])
        #expect(render("#Swift").tags == ["swift"])
        #expect(render("#swift", skills: []).html == "<p>#swift</p>\n")
    }

    // MARK: File embeds

    @Test func imageEmbedsAreFoundLikeObsidianFindsThem() {
        #expect(html(for: "![[attachments/board.png]]") == "<p><img src=\"../../attachments/board.png\" alt=\"board\" /></p>\n")
        #expect(html(for: "![[board.png]]") == "<p><img src=\"../../notes/board.png\" alt=\"board\" /></p>\n", "next to the note first")
        #expect(html(for: "![[board.png|300]]") == "<p><img src=\"../../notes/board.png\" alt=\"board\" width=\"300\" /></p>\n")
        #expect(html(for: "![[board.png|300x200]]") == "<p><img src=\"../../notes/board.png\" alt=\"board\" width=\"300\" height=\"200\" /></p>\n")
        #expect(html(for: "![[board.png|The \"team\" board]]") == "<p><img src=\"../../notes/board.png\" alt=\"The “team” board\" /></p>\n")
        #expect(html(for: "![[board.png#icon]]") == "<p><img src=\"../../notes/board.png\" alt=\"board\" /></p>\n")
    }

    @Test func ambiguousFileNamesPreferTheNearest() {
        let result = render("![[logo.svg]]")
        #expect(result.html == "<p><img src=\"../../notes/deep/logo.svg\" alt=\"logo\" /></p>\n")
        #expect(result.problems.map(\.message) == ["embed ![[logo.svg]] matches 3 files (notes/deep/logo.svg, media/logo.svg, other/logo.svg); using notes/deep/logo.svg, the nearest to this note"])
        #expect(render("![[media/logo.svg]]").problems.isEmpty)
    }

    @Test func mediaAndDocuments() {
        #expect(html(for: "![[talk.mp3]]") == "<p><audio controls src=\"../../attachments/talk.mp3\"><a href=\"../../attachments/talk.mp3\">talk.mp3</a></audio></p>\n")
        #expect(html(for: "![[demo.mp4|640]]") == "<p><video controls src=\"../../attachments/demo.mp4\" width=\"640\"><a href=\"../../attachments/demo.mp4\">demo.mp4</a></video></p>\n")
        #expect(html(for: "![[slides.pdf#page=3]]") == "<p><a class=\"embed-file\" href=\"../../attachments/slides.pdf\">slides.pdf</a></p>\n")
    }

    @Test func missingFilesAreWarningsAndMarked() {
        let result = render("See ![[gone.png]].")
        #expect(result.problems.map(\.message) == ["embed ![[gone.png]] matches no file next to this note, from the content folder's top or by its name"])
        #expect(result.problems.map(\.severity) == [.warning])
        #expect(result.problems.map(\.column) == [5])
        #expect(html(for: "See ![[gone.png]].") == "<p>See <a class=\"broken-link\" title=\"Broken embed: gone.png was not found\">![[gone.png]]</a>.</p>\n")
    }

    // MARK: Note embeds

    @Test func noteEmbedsAloneInAParagraphAreBlocks() {
        let result = render("Before.\n\n![[Other]]\n![[Other#Part|the part]]\n\nAfter.")
        #expect(result.links.map(\.isEmbed) == [true, true])
        #expect(result.links.map(\.target) == [.wiki("Other"), .wiki("Other")])
        #expect(result.links.map(\.anchor) == [nil, "Part"])
        #expect(html(for: "Before.\n\n![[Other]]\n![[Other#Part|the part]]\n\nAfter.") == "<p>Before.</p>\n[embed 0]\n[embed 1]\n<p>After.</p>\n")
    }

    @Test func noteEmbedsAmongWordsAreLinks() {
        let result = render("See ![[Other]] here.")
        #expect(result.links.map(\.isEmbed) == [false])
        #expect(html(for: "See ![[Other]] here.") == "<p>See <a href=\"#0\">Other</a> here.</p>\n")
        #expect(html(for: "- ![[Other]]") == "<ul>\n<li>\n[embed 0]\n</li>\n</ul>\n")
    }
}
