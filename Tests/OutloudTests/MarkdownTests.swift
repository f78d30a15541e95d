import Testing
@testable import Outloud

/// The Markdown wrapper: cmark's output plus our edits (titles, heading ids, summaries).
@Suite struct MarkdownTests {
    func html(_ markdown: String, unsafe: Bool = false) -> String {
        MarkdownDocument.render(markdown, options: MarkdownOptions(unsafeHTML: unsafe)).html
    }

    @Test func rendersCommonMarkWithSmartPunctuation() {
        #expect(html("\"Hello\" -- it's *here*...") == "<p>“Hello” – it’s <em>here</em>…</p>\n")
    }

    @Test func omitsRawHTMLAndUnsafeURLsByDefault() {
        #expect(html("<script>alert(1)</script>") == "<!-- raw HTML omitted -->\n")
        #expect(html("a <b onclick=x>b</b>") == "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n")
        // The label stays, without a link (an empty `href` would link to the page itself).
        #expect(html("[x](javascript:alert(1)) and ![y](data:text/html,hi)") == "<p>x and y</p>\n")
    }

    @Test func keepsRawHTMLWhenTheSiteAllowsIt() {
        #expect(html("<div class=\"x\">hi</div>", unsafe: true) == "<div class=\"x\">hi</div>\n")
    }

    @Test func headingsGetUniqueEscapedIDsAndSelfLinks() {
        let result = MarkdownDocument.render("## Why *this*?\n\n## Why this\n\n### 1 < 2 & \"quotes\"\n")
        #expect(result.headings.map(\.id) == ["why-this", "why-this-1", "1-2-quotes"])
        #expect(result.headings.map(\.text) == ["Why this?", "Why this", "1 < 2 & “quotes”"])
        #expect(result.html.hasPrefix(
            "<h2 id=\"why-this\">Why <em>this</em>? <a class=\"heading-link\" href=\"#why-this\" aria-label=\"Link to this section\">#</a></h2>\n"))
        #expect(result.html.contains("<h3 id=\"1-2-quotes\">1 &lt; 2 &amp; “quotes” <a"))
    }

    @Test func rawHTMLInAHeadingIsOmittedFromTextAndHTML() {
        let result = MarkdownDocument.render("## <script>x</script> Hi\n")
        #expect(result.headings.map(\.id) == ["x-hi"])
        #expect(!result.html.contains("<script"))
    }

    @Test func headingIDsAvoidThePageLayoutsOwnIDs() {
        let result = MarkdownDocument.render("## Main\n\n## Footer\n")
        #expect(result.headings.map(\.id) == ["main-1", "footer-1"])
    }

    @Test func emptyHeadingGetsAFallbackID() {
        #expect(MarkdownDocument.render("## !!!\n").headings.map(\.id) == ["section"])
    }

    @Test func takesTheTitleFromTheFirstLevelOneHeadingAndDropsIt() {
        let result = MarkdownDocument.render("Intro.\n\n# The *Title*\n\nBody.\n", options: MarkdownOptions(takeTitleFromHeading: true))
        #expect(result.title == "The Title")
        #expect(result.html == "<p>Intro.</p>\n<p>Body.</p>\n")
    }

    @Test func keepsTheHeadingWhenTheTitleIsGiven() {
        let result = MarkdownDocument.render("# Heading\n\nBody.\n")
        #expect(result.title == nil)
        #expect(result.headings.map(\.level) == [1])
    }

    @Test func summaryIsTheFirstParagraphAsPlainText() {
        let result = MarkdownDocument.render("## Head\n\nThe *first*\nparagraph with `code`.\n\nSecond.\n")
        #expect(result.firstParagraph == "The first paragraph with code.")
    }

    @Test func countsWordsInTextAndCode() {
        #expect(MarkdownDocument.render("One two *three*.\n\n```\nfour five\n```\n").wordCount == 5)
    }

    @Test func headingLinesAreThoseOfTheBody() {
        #expect(MarkdownDocument.render("text\n\n## A\n\ntext\n\n## B\n").headings.map(\.line) == [3, 7])
    }

    @Test func slugsFoldDiacriticsAndDropPunctuation() {
        #expect(Slug.make("Café au Lait!") == "cafe-au-lait")
        #expect(Slug.make("Don't Panic") == "dont-panic")
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(Slug.make("  --  ") == "")
        #expect(Slug.make("Übung macht den Meister") == "ubung-macht-den-meister")
        #expect(Slug.make("日本語 ノート") == "日本語-ノート")
    }
}
