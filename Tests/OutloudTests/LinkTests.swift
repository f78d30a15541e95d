import Testing
@testable import Outloud

/// Links as the Markdown wrapper sees them: placeholders, rewrites and problems.
@Suite struct MarkdownLinkTests {
    let base = LinkBase(sourcePath: "books/drive.md", pageURLPath: "books/drive",
                        files: ["books/drive.md", "books/cover.png", "assets/map.svg", "harvests/conf.md", "my notes/é.md"],
                        folders: ["books", "assets", "harvests", "my notes"])

    func render(_ markdown: String, unsafe: Bool = false) -> RenderedMarkdown {
        MarkdownDocument.render(markdown, options: MarkdownOptions(unsafeHTML: unsafe, linkBase: base))
    }

    /// The HTML with placeholder N written as `<a href="#N">`, so tests can read it.
    func html(_ markdown: String) -> String {
        LinkPlaceholder.substitute(in: render(markdown).html) { "<a href=\"#\($0)\">" }
    }

    @Test func wikilinkBecomesAPlaceholderWithItsTarget() {
        let result = render("See [[Drive]] now.")
        #expect(html("See [[Drive]] now.") == "<p>See <a href=\"#0\">Drive</a> now.</p>\n")
        #expect(result.links.map(\.target) == [.wiki("Drive")])
        #expect(result.links.first?.line == 1)
        #expect(result.links.first?.column == 5)
        #expect(result.links.first?.context == "See Drive now.")
    }

    @Test func contextIsTheSentenceHoldingTheLink() {
        let result = render("First we met. Then *we* read [[Drive]] together, twice. Last sentence here.\n\nNext paragraph.")
        #expect(result.links.first?.context == "Then we read Drive together, twice.")
        let second = render("One [[A]]. Two [[B]]! Three.")
        #expect(second.links.map(\.context) == ["One A.", "Two B!"])
    }

    @Test func longContextIsAWindowAroundTheLink() {
        let words = (1...80).map { "w\($0)" }.joined(separator: " ")
        let context = LinkContext.around(before: words + " ", link: "Drive", after: " " + words, limit: 100)
        #expect(context.count <= 102)
        #expect(context.hasPrefix("…"))
        #expect(context.hasSuffix("…"))
        #expect(context.contains(" Drive w1 w2"), "the link stays in view with words after it: \(context)")
        #expect(LinkContext.around(before: "", link: "Drive", after: " " + words, limit: 30) == "Drive w1 w2 w3 w4 w5 w6 w7 w8…")
        #expect(LinkContext.around(before: "Short. ", link: "Drive", after: " is fine.", limit: 30) == "Drive is fine.")
    }

    @Test func contextInALongParagraphIsTheWindowOfTheWholeParagraph() {
        // Contexts look at a few hundred characters either side of a link, not the whole
        // block: the window must be what the whole paragraph would give.
        let words = (1...300).map { "w\($0)" }.joined(separator: " ")
        let result = render(words + " [[Drive]] " + words + "\n")
        #expect(result.links.first?.context == LinkContext.around(before: words + " ", link: "Drive", after: " " + words))
        #expect(result.links.first?.context.hasPrefix("…") == true)
        #expect(result.links.first?.context.hasSuffix("…") == true)
    }

    @Test func wikilinkFormsLabelAndAnchor() {
        let result = render("[[Drive|the book]], [[books/drive]], [[Drive#Mastery]] and [[Drive#Mastery|m]]")
        #expect(result.links.map(\.target) == [.wiki("Drive"), .wiki("books/drive"), .wiki("Drive"), .wiki("Drive")])
        #expect(result.links.map(\.label) == ["the book", "books/drive", "Drive › Mastery", "m"])
        #expect(result.links.map(\.anchor) == [nil, nil, "Mastery", "Mastery"])
    }

    @Test func wikilinksWithSmartQuotesEscapesAndFormatting() {
        #expect(render("[[It's Here]]").links.map(\.target) == [.wiki("It’s Here")])
        #expect(render(#"[[A\_B]]"#).links.map(\.target) == [.wiki("A_B")])
        #expect(render("[[A &amp; B]]").links.map(\.target) == [.wiki("A & B")])
        #expect(render("x [[A *b* c]] y").links.map(\.target) == [.wiki("A b c")])
        #expect(html("x [[A *b* c]] y") == "<p>x <a href=\"#0\">A b c</a> y</p>\n")
    }

    @Test func wikilinksInCodeAreLeftAlone() {
        #expect(render("`[[Drive]]`\n\n    [[Drive]]\n").links.isEmpty)
        #expect(html("`[[Drive]]`") == "<p><code>[[Drive]]</code></p>\n")
    }

    @Test func emptyAndUnclosedWikilinksAreShownAsTextWithAWarning() {
        let empty = render("a [[]] b [[|x]]")
        #expect(empty.links.isEmpty)
        #expect(empty.html == "<p>a [[]] b [[|x]]</p>\n")
        #expect(empty.problems.map(\.message) == ["wikilink `[[]]` has no target; it is shown as text",
                                                   "wikilink `[[|x]]` has no target; it is shown as text"])
        let open = render("an [[open one")
        #expect(open.html == "<p>an [[open one</p>\n")
        #expect(open.problems.map(\.column) == [4])
    }

    @Test func relativeMarkdownLinksBecomePlaceholders() {
        let result = render("[conf](../harvests/conf.md#day-one) and [me](drive.md) and [x](/harvests/conf.md)")
        #expect(result.links.map(\.target) == [.note(path: "harvests/conf.md"), .note(path: "books/drive.md"), .note(path: "harvests/conf.md")])
        #expect(result.links.map(\.anchor) == ["day-one", nil, nil])
        #expect(result.links.map(\.column) == [1, 41, 60])
    }

    @Test func percentEncodedAndUnicodeFileNames() {
        #expect(render("[x](../my%20notes/%C3%A9.md)").links.map(\.target) == [.note(path: "my notes/é.md")])
        #expect(render("[x](../my%20notes/e\u{301}.md)").links.map(\.target) == [.note(path: "my notes/é.md")], "NFD names match NFC files")
    }

    @Test func linksToFilesAreRewrittenForThePageURL() {
        #expect(html("![map](../assets/map.svg) [cover](cover.png)") ==
            "<p><img src=\"../../assets/map.svg\" alt=\"map\" /> <a href=\"../../books/cover.png\">cover</a></p>\n")
    }

    @Test func linksThatLeaveTheContentFolderAreBrokenWarnings() {
        let result = render("[x](../../../etc/passwd.md)")
        #expect(result.links.map(\.target) == [.broken(reason: "link \"../../../etc/passwd.md\" leaves the content folder")])
        #expect(result.problems.map(\.severity) == [.warning])
    }

    @Test func missingFilesAndImagesAreErrors() {
        let result = render("[x](slides.pdf) ![y](gone.png)")
        #expect(result.problems.map(\.message) == [
            "link \"slides.pdf\" points to books/slides.pdf, which does not exist",
            "link \"gone.png\" points to books/gone.png, which does not exist",
        ])
    }

    @Test func folderLinksPointAtTheFolderPage() {
        #expect(render("[all](../harvests/) [top](../)").links.map(\.target) == [.folder(path: "harvests"), .folder(path: "")])
    }

    @Test func unsafeSchemesAreRemovedAndReported() {
        let result = render("[x](javascript:alert(1)) [y](data:text/html,hi) [ok](https://example.com) [m](mailto:a@b.c)")
        #expect(result.html == "<p>x y <a href=\"https://example.com\">ok</a> <a href=\"mailto:a@b.c\">m</a></p>\n", "the label stays, without a link")
        #expect(result.problems.map(\.message) == [
            "link to a javascript: URL is removed (set `unsafe_html: true` in site.yml to allow it)",
            "link to a data: URL is removed (set `unsafe_html: true` in site.yml to allow it)",
        ])
        #expect(render("[x](javascript:go())", unsafe: true).problems.isEmpty)
    }

    @Test func aPlaceholderMarkInTheSourceCannotForgeALink() {
        let result = render("a \u{E000}0\u{E000} b")
        #expect(!result.html.contains("\u{E000}"))
    }

    @Test func externalAndSamePageLinksAreLeftAlone() {
        #expect(render("[a](https://x.org/a.md) [b](#top) [c](//cdn.example/x.md)").links.isEmpty)
    }
}

/// Links resolved against a whole site: backlinks, related notes and diagnostics.
@Suite struct SiteLinkTests {
    func site(_ files: [String: String], drafts: Bool = false) async -> (Site, [String]) {
        let folder = TemporaryFolder()
        for (path, text) in files { folder.write("content/" + path, text) }
        var loader = ContentLoader(contentPath: folder.path + "/content", includeDrafts: drafts)
        loader.useGit = false
        let content = await loader.load()
        let site = await Site(content: content, today: Day(year: 2026, month: 11, day: 23)!)
        let prefix = folder.path + "/content/"
        let diagnostics = (content.diagnostics + site.diagnostics).sortedForReport().map {
            $0.description.hasPrefix(prefix) ? String($0.description.dropFirst(prefix.count)) : $0.description
        }
        return (site, diagnostics)
    }

    func index(_ site: Site, _ path: String) -> Int { site.notes.firstIndex { $0.sourcePath == path }! }

    @Test func resolvesEveryFormAndRecordsBacklinks() async {
        let (site, diagnostics) = await site([
            "people.yml": "- {id: ana, name: Ana}\n",
            "books/drive.md": "---\ntitle: Drive\ndate: 2026-01-01\n---\n## Mastery\n\nText.\n",
            "books/fifth.md": "---\ntitle: The Fifth Discipline\ndate: 2026-01-02\n---\nSee [[drive]], [[DRIVE|it]], [[books/drive]], [[Drive#Mastery]] and [d](drive.md#mastery).\n",
            "logs/ana/w1.md": "---\ntitle: Week\ndate: 2026-01-03\n---\nRead [[The Fifth Discipline]] and [[the fifth discipline!]].\n",
        ])
        #expect(diagnostics == [])
        let drive = index(site, "books/drive.md"), fifth = index(site, "books/fifth.md"), week = index(site, "logs/ana/w1.md")
        #expect(site.links.outgoing[fifth].map(\.destination) == Array(repeating: .note(drive), count: 5))
        #expect(site.links.outgoing[fifth].map(\.anchor) == [nil, nil, nil, "mastery", "mastery"])
        #expect(site.links.incoming[drive].map(\.source) == [fifth], "one backlink per linking note")
        #expect(site.links.incoming[fifth].map(\.source) == [week])
        #expect(site.links.incoming[fifth].first?.context == "Read The Fifth Discipline and the fifth discipline!.")
    }

    @Test func brokenLinksAreDiagnosedAtTheirLineAndColumn() async {
        let (site, diagnostics) = await site([
            "books/a.md": "---\ntitle: A\n---\nIntro.\n\nSee [[Nothing]] and [x](missing.md) and [[A#nope]].\n",
        ])
        #expect(diagnostics == [
            "books/a.md:6:5: warning: wikilink [[Nothing]] matches no note by title, slug or file name",
            "books/a.md:6:21: warning: link to books/missing.md, which does not exist",
            "books/a.md:6:41: warning: books/a.md has no heading #nope (it has no headings)",
        ])
        let a = index(site, "books/a.md")
        let html = ViewModels(site: site).linkedHTML(a)
        #expect(html.contains(#"<a class="broken-link" title="Broken link: wikilink [[Nothing]] matches no note by title, slug or file name">Nothing</a>"#))
        #expect(html.contains(#"<a href="../../books/a/">A › nope</a>"#), "an unknown anchor still links to the page")
    }

    @Test func ambiguousWikilinksWarnAndPickTheFirstPath() async {
        let (site, diagnostics) = await site([
            "books/drive.md": "---\ntitle: Drive\n---\nA.\n",
            "harvests/drive.md": "---\ntitle: Drive\n---\nB.\n",
            "logs/x.md": "---\ntitle: X\n---\n[[Drive]]\n",
        ])
        #expect(diagnostics == ["logs/x.md:4:1: warning: wikilink [[Drive]] matches 2 notes (books/drive.md, harvests/drive.md); using books/drive.md"])
        #expect(site.links.outgoing[index(site, "logs/x.md")].map(\.destination) == [.note(index(site, "books/drive.md"))])
    }

    @Test func linksToDraftsAreWarningsAndRenderBroken() async {
        let files = [
            "books/wip.md": "---\ntitle: Work in progress\ndraft: true\n---\nA.\n",
            "books/a.md": "---\ntitle: A\n---\n[[Work in progress]] [b](wip.md)\n",
        ]
        let (_, diagnostics) = await site(files)
        #expect(diagnostics == [
            "books/a.md:4:1: warning: wikilink [[Work in progress]] points to a draft, which is not published",
            "books/a.md:4:22: warning: link to books/wip.md, which is a draft and not published",
        ])
        let (_, withDrafts) = await site(files, drafts: true)
        #expect(withDrafts == [])
    }

    @Test func relatedNotesShareRareSkillsFirst() async {
        let (site, _) = await site([
            "skills.yml": "- {id: common, name: Common}\n- {id: rare, name: Rare}\n- {id: other, name: Other}\n",
            "books/a.md": "---\ntitle: A\ndate: 2026-01-01\ntags: [common, rare]\n---\nA.\n",
            "books/b.md": "---\ntitle: B\ndate: 2026-01-02\ntags: [common]\n---\nB.\n",
            "books/c.md": "---\ntitle: C\ndate: 2026-01-03\ntags: [rare]\n---\nC.\n",
            "books/d.md": "---\ntitle: D\ndate: 2026-01-04\ntags: [common]\n---\nD.\n",
            "books/e.md": "---\ntitle: E\ndate: 2026-01-05\ntags: [other]\n---\nE.\n",
        ])
        let names = site.related[index(site, "books/a.md")].map { site.notes[$0].title }
        #expect(names == ["C", "D", "B"], "rare skill first, then newest among equals; unrelated E left out")
    }

    /// Related notes come from a few candidates per note (an index of skill pairs, shared
    /// authors, the head of each skill's list); they must be exactly what scoring every note
    /// that shares a skill or an author gives.
    @Test func relatedNotesAreTheBestOfAllCandidates() async {
        var generator = SplitMix(seed: 42)
        let skills = (0..<7).map { "s\($0)" }, people = (0..<4).map { "p\($0)" }
        var files = [
            "skills.yml": skills.map { "- {id: \($0), name: \($0.uppercased())}\n" }.joined(),
            "people.yml": people.map { "- {id: \($0), name: \($0.uppercased())}\n" }.joined(),
        ]
        for number in 0..<240 {
            let tags = skills.filter { _ in generator.next() % 3 == 0 }
            let authors = people.filter { _ in generator.next() % 4 == 0 }
            let day = 1 + Int(generator.next() % 9)  // many notes on one day: ties broken by the site's order
            let folder = number % 10 == 0 ? "pages" : "books"
            files["\(folder)/n\(number).md"] = "---\ntitle: N\(generator.next() % 50)\ndate: 2026-01-0\(day)\ntags: [\(tags.joined(separator: ", "))]\nauthors: [\(authors.joined(separator: ", "))]\n---\nText.\n"
        }
        let (site, _) = await site(files)
        let notes = site.notes
        let weights = site.bySkill.mapValues { Related.weight(notes: notes.count, tagged: $0.count) }
        for (index, note) in notes.enumerated() {
            let expected: [Int]
            if note.kind == .page {
                expected = []
            } else {
                let scored = notes.indices.filter { $0 != index && notes[$0].kind != .page }.map { other in
                    (other,
                     Set(note.tags).intersection(notes[other].tags).reduce(0) { $0 + (weights[$1] ?? 0) },
                     Set(note.authors).intersection(notes[other].authors).filter { site.byPerson[$0] != nil }.count)
                }
                expected = scored.filter { $0.1 > 0 || $0.2 > 0 }
                    .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
                    .prefix(Related.limit).map(\.0)
            }
            #expect(site.related[index] == expected, "\(note.sourcePath)")
        }
        #expect(site.related.filter { $0.count == Related.limit }.count > 150, "most notes have a full list")
    }

    /// X shares p, q, r with A and Y shares s, t. With 8 notes the skills weigh log 5, log 7/3,
    /// log 15/7 and log 5, log 5: equal sums, but in floating point (q + r) + p comes out one
    /// unit short of s + t while (p + q) + r does not, so the order A lists its skills in
    /// decided between "tie, newer X first" and "Y first".
    @Test func relatedNotesDoNotDependOnTheOrderOfSkills() async {
        func relatedToA(tags: String) async -> [String] {
            var files = [
                "skills.yml": ["p", "q", "r", "s", "t"].map { "- {id: \($0), name: \($0.uppercased())}\n" }.joined(),
                "books/a.md": "---\ntitle: A\ndate: 2026-01-01\ntags: [\(tags)]\n---\nA.\n",
                "books/x.md": "---\ntitle: X\ndate: 2026-01-03\ntags: [p, q, r]\n---\nX.\n",
                "books/y.md": "---\ntitle: Y\ndate: 2026-01-02\ntags: [s, t]\n---\nY.\n",
                "books/f5.md": "---\ntitle: F5\ndate: 2025-01-01\ntags: [r]\n---\nF.\n",
            ]
            for filler in 1...4 {
                files["books/f\(filler).md"] = "---\ntitle: F\(filler)\ndate: 2025-01-01\ntags: [q, r]\n---\nF.\n"
            }
            let (site, _) = await site(files)
            return site.related[index(site, "books/a.md")].map { site.notes[$0].title }
        }
        let inOrder = await relatedToA(tags: "p, q, r, s, t")
        #expect(inOrder.prefix(2) == ["X", "Y"], "a tie, broken by date")
        #expect(await relatedToA(tags: "q, r, p, s, t") == inOrder)
        #expect(await relatedToA(tags: "t, s, r, q, p") == inOrder)
    }
}

/// A small deterministic random number generator for generated test sites.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
