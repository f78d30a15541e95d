import Foundation
import Testing
@testable import Outloud

/// GitHub-flavoured Markdown inside the rest of the Markdown stage: what the differential
/// test cannot see (positions, word count, plain text, summary, ids, safety).
@Suite struct GFMTests {
    func html(_ markdown: String) -> String { MarkdownDocument.render(markdown).html }

    @Test func eachExtensionInOneLine() {
        #expect(html("~~old~~ new\n") == "<p><del>old</del> new</p>\n")
        #expect(html("- [x] done\n") == "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Completed task\" /> done</li>\n</ul>\n")
        #expect(html("see www.example.com.\n") == "<p>see <a href=\"http://www.example.com\">www.example.com</a>.</p>\n")
        #expect(html("| a |\n| :-: |\n| `b` |\n")
            == "<table>\n<thead>\n<tr>\n<th class=\"align-center\">a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class=\"align-center\"><code>b</code></td>\n</tr>\n</tbody>\n</table>\n")
    }

    /// A host with letters outside ASCII is decoded where it is, not at its offset in the note.
    @Test func autolinkHostsWithLettersOutsideASCII() {
        #expect(html("Wir lesen www.bücher.example jede Woche.\n")
            == "<p>Wir lesen <a href=\"http://www.b%C3%BCcher.example\">www.bücher.example</a> jede Woche.</p>\n")
        #expect(html("Voir https://café.example/menu aussi.\n")
            == "<p>Voir <a href=\"https://caf%C3%A9.example/menu\">https://café.example/menu</a> aussi.</p>\n")
    }

    @Test func tablesGiveWordsAndTextWithoutPipes() {
        let result = MarkdownDocument.render("| Tool | Use |\n| --- | --- |\n| git | keeps history |\n")
        #expect(result.wordCount == 5)
        #expect(result.text == "Tool Use\ngit keeps history")
    }

    @Test func footnotesAreNeitherSummaryNorWordsOfTheSummary() {
        let result = MarkdownDocument.render("[^1]: The source, defined first.\n\nThe claim[^1] stands.\n")
        #expect(result.firstParagraph == "The claim stands.")
        #expect(result.text.contains("The source, defined first."))
    }

    @Test func headingIDsStayClearOfFootnoteIDs() {
        let result = MarkdownDocument.render("## fn 1\n\nA claim[^1].\n\n## fnref 1\n\n[^1]: Source.\n")
        #expect(result.headings.map(\.id) == ["fn-1-1", "fnref-1-1"])
        #expect(result.html.components(separatedBy: "id=\"fn-1\"").count == 2)
        // The same ids on every build.
        #expect(MarkdownDocument.render("## fn 1\n\nA claim[^1].\n\n## fnref 1\n\n[^1]: Source.\n") == result)
    }

    @Test func linksInCellsAndFootnotesAreProcessedAtTheirPositionInTheNote() {
        let base = LinkBase(sourcePath: "notes/a.md", pageURLPath: "notes/a", files: ["notes/b.md"], folders: ["notes"])
        let markdown = "Intro[^n].\n\n| x | y |\n| - | - |\n| 1 | [b](b.md) |\n\n[^n]: See [gone](gone.md).\n"
        let result = MarkdownDocument.render(markdown, options: MarkdownOptions(linkBase: base))
        #expect(result.links.map(\.label) == ["b", "gone"])
        #expect(result.links.map { [$0.line, $0.column] } == [[5, 7], [7, 11]])
        #expect(!result.html.contains("b.md"))
    }

    @Test func positionsFarRightInAWideRowStayExact() {
        let base = LinkBase(sourcePath: "a.md", pageURLPath: "a", files: ["b.md"])
        let wide = String(repeating: "w", count: 5_000)
        let result = MarkdownDocument.render("| x | y |\n| - | - |\n| \(wide) | [b](b.md) |\n", options: MarkdownOptions(linkBase: base))
        #expect(result.links.map { [$0.line, $0.column] } == [[3, 5_006]])
    }

    @Test func footnoteLabelsAreEscapedInCustomHTML() {
        let result = html("Ref[^x&y].\n\n[^x&y]: Note.\n")
        #expect(result.contains("<a href=\"#fn-x&amp;y\" id=\"fnref-x&amp;y\" data-footnote-ref>1</a>"))
        #expect(result.contains("<li id=\"fn-x&amp;y\">"))
    }

    @Test func cellsAndFootnotesCannotForgeALinkPlaceholder() {
        let mark = String(LinkPlaceholder.mark)
        let result = html("A[^1].\n\n| a |\n| - |\n| \(mark)0\(mark) |\n\n[^1]: \(mark)0\(mark)\n")
        #expect(!result.contains(mark))
        #expect(result.components(separatedBy: "\u{FFFD}0\u{FFFD}").count == 3)
    }

    @Test func rawHTMLInCellsStaysOmitted() {
        let result = html("| a |\n| - |\n| <script>x</script> |\n")
        #expect(!result.contains("<script>"))
        #expect(result.contains("<!-- raw HTML omitted -->"))
    }

    @Test func notesWithoutTheSyntaxAreUntouched() {
        let extensions = GitHubExtensions(scanning: "Plain *text* with [a link](b.md) and `code`.\n")
        #expect(!extensions.any)
    }
}
