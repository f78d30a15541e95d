import Foundation
import Testing
@testable import Outloud

/// Outloud's GitHub-flavoured Markdown against cmark-gfm: the recorded oracle output for the
/// corpus and the generated cases (re-record with `scripts/record-gfm-oracle.sh`), and a
/// live run when `cmark-gfm` is on PATH.
@Suite struct GFMDifferentialTests {
    /// Cases where Outloud differs from cmark-gfm on purpose, with the reason; each is
    /// explained in docs/content.md ("GitHub-flavoured Markdown").
    static let knownDifferences: [String: String] = [
        // cmark-gfm finds www./http links in the raw line before emphasis is paired; Outloud
        // finds them in cmark's text, so a link ends where emphasis, code or a link begins.
        "autolink-query-star": "`q=a*b*c*`: cmark pairs `*b*` as emphasis first, so the link ends at `a`",
        "generated-5": "a URL run straight into `~~b` is cut by the strikethrough cmark-gfm's link swallows",
        "generated-117": "a URL run straight into `~one~*em*[link](…)` ends at the strikethrough",
        // cmark-gfm escapes an entity inside a raw-line link twice (`&amp;amp;`); Outloud links
        // the decoded text.
        "autolink-entity-tail": "`www.example.com/b&amp;c` links to `…/b&c`, not cmark-gfm's `…/b&amp;amp;c`",
        // Tildes pair inside one container; cmark has paired the emphasis before they are looked at.
        "strike-across-emphasis": "`~~a *b~~ c*`: cmark made `*b~~ c*` emphasis, so the tildes stay text",
        // Footnote definitions are found in the source lines outside block quotes only.
        "footnote-in-quote": "`> [^q]: …` is a quote, and `[^q]` stays text",
    ]

    @Test func everyCaseMatchesTheRecordedOracle() throws {
        let cases = try GFMOracle.cases()
        if ProcessInfo.processInfo.environment["OUTLOUD_RECORD_GFM"] != nil, GFMOracle.executable != nil {
            try GFMOracle.record(cases)
        }
        let expected = try GFMOracle.recorded()
        var differing: [String] = []
        for item in cases {
            let oracle = try #require(expected[item.name], "no recorded output for \(item.name)")
            let ours = GFMOracle.normalised(GFMOracle.outloud(item.text))
            if ours != GFMOracle.normalised(oracle) {
                differing.append(item.name)
                if Self.knownDifferences[item.name] == nil {
                    Issue.record("\(item.name) differs:\n--- Markdown\n\(item.text)--- cmark-gfm\n\(GFMOracle.normalised(oracle))\n--- Outloud\n\(ours)")
                }
            }
        }
        #expect(Set(differing) == Set(Self.knownDifferences.keys), "known differences that now match should leave the list")
        #expect(cases.count > 200)
    }

    @Test(.enabled(if: GFMOracle.executable != nil)) func generatedCasesMatchTheLiveOracle() throws {
        for item in GFMCaseGenerator.cases(count: 120) where Self.knownDifferences[item.name] == nil {
            let oracle = GFMOracle.normalised(try GFMOracle.oracle(item.text))
            #expect(GFMOracle.normalised(GFMOracle.outloud(item.text)) == oracle, "\(item.name)")
        }
    }
}
