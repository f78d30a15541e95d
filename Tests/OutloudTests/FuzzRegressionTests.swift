import Foundation
import Testing
@testable import Outloud

/// Inputs the fuzzer (scripts/fuzz.sh) found, run through the same path as the fuzz target.
///
/// Each file in `Tests/Fixtures/fuzz/` is a fuzzer input as it was saved: a selector byte,
/// then the note's bytes. The memory errors they found show as crashes only under
/// AddressSanitizer (scripts/sanitizers.sh); the named tests also pin the HTML.
@Suite struct FuzzRegressionTests {
    static let folder = Repository.fixtures.appendingPathComponent("fuzz")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func outcome(_ markdown: String, path: Int = 5) -> FuzzEntry.Outcome {
        FuzzEntry.renderNote(bytes: Data(markdown.utf8), pathIndex: UInt8(path))
    }

    @Test func theFixtureFolderHoldsInputs() {
        #expect(Self.inputs.count >= 5)
    }

    @Test(arguments: inputs) func savedInputRendersAndKeepsItsPromises(_ name: String) throws {
        let input = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let outcome = FuzzEntry.run(input)
        #expect(outcome.brokenPromises == [])
        #expect(outcome.html != nil || outcome.diagnostics.contains { $0.severity == .error })
    }

    /// A wikilink's text split by emphasis that holds another `[[`: merging the run freed
    /// the emphasis's text node, which was still queued for wikilink splitting (heap use
    /// after free, found by the fuzzer as crash-eb7efe2b…).
    @Test func wikilinkRunAroundEmphasisHoldingAWikilink() {
        let result = outcome("[[a *b [[c* d]]\n")
        #expect(result.html == #"<p>[[a b <a class="broken-link" title="Broken link: wikilink [[c d]] matches no note by title, slug or file name">c d</a></p>"# + "\n")
        #expect(result.diagnostics.map(\.message) == ["wikilink [[c d]] matches no note by title, slug or file name"])
    }

    /// The same run with a link inside the emphasis: merging freed the link, which was then
    /// rewritten (heap use after free). A run holding a link is not one wikilink.
    @Test func wikilinkRunAroundEmphasisHoldingALink() {
        let result = outcome("[[a *[x](../books/drive.md) b* c]]\n")
        #expect(result.html == #"<p>[[a <em><a href="../../books/drive/">x</a> b</em> c]]</p>"# + "\n")
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    /// `Int("-026")` read a sign, so `-026-W44` passed as a week of year -26, whose Monday
    /// is no `Day`: a force unwrap trapped (crash-e36211fa…). Now it is a bad week.
    @Test func logWeekWithANegativeYearIsAWarning() {
        let result = outcome("---\nweek: -026-W44\n---\nOlder week.\n", path: 3)
        #expect(result.html == "<p>Older week.</p>\n")
        #expect(result.diagnostics.map(\.description) == [
            #"content/logs/ana/fuzz.md:2:7: warning: `week` must be an ISO week like 2026-W47, not "-026-W44"; it is ignored"#,
        ])
    }

    // MARK: Slow inputs
    //
    // Found by feeding the fuzz target long runs of one construct by hand (libFuzzer's inputs
    // stayed too short to reach them): each took time quadratic in the count. The bounds are
    // far above what the fixed code takes (about 1 s and 0.3 s in a debug build) and far
    // below what it took before (about 36 s and 16 s), so they hold under the sanitizers too.

    /// 6,000 wikilinks in one paragraph: each link's context walked the whole paragraph.
    @Test func aParagraphOfThousandsOfLinksIsReadOnce() {
        let clock = ContinuousClock()
        let start = clock.now
        let result = MarkdownDocument.render(String(repeating: "[[a]] ", count: 6000))
        #expect(clock.now - start < TimeBound.seconds(20))
        #expect(result.links.count == 6000)
        #expect(result.links.allSatisfy { $0.context.hasPrefix("…") || $0.context.hasPrefix("a a") })
    }

    /// 15,000 headings `# a`: each id was found by counting up from `a-1`.
    @Test func thousandsOfEqualHeadingsGetTheirIDsAtOnce() {
        let clock = ContinuousClock()
        let start = clock.now
        let result = MarkdownDocument.render(String(repeating: "## a\n", count: 15000))
        #expect(clock.now - start < TimeBound.seconds(10))
        #expect(result.headings.map(\.id).suffix(2) == ["a-14998", "a-14999"])
    }

    @Test func theEntryReadsLinksTagsAndAuthorsAgainstItsFolder() {
        let result = outcome("---\ntitle: T\ntags: [swfit]\nauthors: [ana]\n---\nSee [[Drive#Autonomy]].\n", path: 0)
        #expect(result.html == #"<p>See <a href="../../books/drive/#autonomy">Drive › Autonomy</a>.</p>"# + "\n")
        #expect(result.diagnostics.map(\.message) == [#"tag "swfit" is not a skill in skills.yml (did you mean "swift"?)"#])
    }

    @Test func bytesThatAreNotANoteGiveAnErrorAndNoHTML() {
        let result = FuzzEntry.run(Data([0, 0xFF, 0xFE]))
        #expect(result.html == nil)
        #expect(result.diagnostics.map(\.message) == ["file is not valid UTF-8 text"])
    }
}
