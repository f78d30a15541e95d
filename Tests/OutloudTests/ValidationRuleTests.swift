import Foundation
import Testing
@testable import Outloud

/// One note per validation rule in `Tests/Fixtures/rules`, each with its exact diagnostic and
/// position: what `outloud check` reports and CI annotates.
@Suite struct ValidationRuleTests {
    @Test func everyRuleReportsItsDiagnosticAtItsPosition() async {
        let build = await FixtureBuild("rules") { $0.writeOutput = false }
        let prefix = Repository.fixtures.appendingPathComponent("rules/content").path + "/"
        let diagnostics = build.report.diagnostics.map { $0.description.replacingOccurrences(of: prefix, with: "") }
        let expected: [String] = [
            #"books/author-unknown.md:3:11: warning: author "anna" is not a person in people.yml (did you mean "ana"?)"#,
            #"books/book-not-a-mapping.md:3:7: warning: `book` must be a mapping like `{title: Drive, authors: [Daniel H. Pink], year: 2009}`; it is ignored"#,
            #"books/book-url-unsafe.md:3:23: warning: `url` must be an http(s), mailto or relative URL, not "javascript:alert(1)"; it is ignored"#,
            #"books/date-not-a-date.md:3:7: warning: `date` must be a date like 2026-11-06, not "next tuesday"; it is ignored"#,
            #"books/draft-linked.md:4:5: warning: wikilink [[The draft]] points to a draft, which is not published"#,
            #"books/rating-not-a-number.md:3:9: warning: `rating` must be a whole number from 1 to 5, not a string; it is ignored"#,
            #"books/rating-out-of-range.md:3:9: warning: `rating` must be from 1 to 5, not 9; it is ignored"#,
            #"books/same-url-b.md:3:7: error: books/same-url-b.md and books/same-url-a.md both have the URL /books/same/"#,
            #"books/status-unknown.md:3:9: warning: `status` must be one of reading, finished, abandoned, not "skimmed"; it is ignored"#,
            #"books/tag-unknown.md:3:8: warning: tag "swfit" is not a skill in skills.yml (did you mean "swift"?)"#,
            #"books/tags-not-a-list.md:3:7: warning: `tags` must be a list, like `tags: [swift]`; it is ignored"#,
            #"debates/motion-missing.md:1:1: warning: a debate needs a `motion` (debates/ is the debate kind's folder; if it holds ordinary notes, map it to notes with `kinds: {debates: notes}` in site.yml)"#,
            #"debates/participant-unknown.md:4:16: warning: participant "zed" is not a person in people.yml"#,
            #"harvests/actions-not-mappings.md:3:11: warning: an action must be a mapping like `{owner: amara, action: …, due: 2026-12-01}`; it is ignored"#,
            #"harvests/due-not-a-date.md:4:39: warning: `due` must be a date like 2026-11-06, not "soon"; it is ignored"#,
            #"harvests/owner-unknown.md:4:13: warning: action owner "bob" is not a person in people.yml"#,
            #"harvests/recommend-not-a-bool.md:3:12: warning: `recommend` must be true or false, not a string; it is ignored"#,
            #"logs/ana/asks-not-a-list.md:3:7: warning: `asks` must be a list, like `asks: [help me]`; it is ignored"#,
            #"logs/ana/week-out-of-range.md:3:7: warning: `week` must be an ISO week like 2026-W47, not "2026-W54"; it is ignored"#,
            #"notes/link-missing-file.md:4:5: warning: link to books/gone.md, which does not exist"#,
            #"notes/link-unknown-anchor.md:4:5: warning: books/tag-unknown.md has no heading #Nowhere (it has no headings)"#,
            #"notes/wikilink-unknown.md:4:5: warning: wikilink [[No such note]] matches no note by title, slug or file name"#,
            #"resources/level-unknown.md:4:8: warning: "guru" is not a Dreyfus level (novice, advanced-beginner, competent, proficient, expert); it is ignored"#,
            #"resources/type-unknown.md:4:7: warning: `type` must be one of article, video, course, book, podcast, tool, community, not "meme"; it is ignored"#,
            #"resources/url-missing.md:1:1: warning: a resource needs a `url` (resources/ is the resource kind's folder; if it holds ordinary notes, map it to notes with `kinds: {resources: notes}` in site.yml)"#
        ]
        #expect(diagnostics.count == expected.count)
        for (found, wanted) in zip(diagnostics, expected) {
            #expect(found == wanted)
        }
        #expect(build.report.diagnostics.errorCount == 1 && build.report.diagnostics.warningCount == 24)
    }
}
