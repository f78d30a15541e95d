import Foundation
import Testing
@testable import Outloud

/// A pathway's fields and steps: every diagnostic of reading them (exact text and place), how
/// a step finds its note, and the ids a reader's progress is kept by.
@Suite struct PathwayTests {
    typealias S = PathwaySite

    /// One pathway per diagnostic of its fields; each is otherwise fine (one timed resource).
    @Test func everyFieldProblemIsReportedWhereItIsWritten() async {
        let step = "steps:\n  - resource: resources/wcag.md\n"
        let files = [
            "pathways/no-skill.md": S.pathway(step),
            "pathways/unknown-skill.md": S.pathway("skill: acessibility\n" + step),
            "pathways/bad-from.md": S.pathway("skill: accessibility\nfrom: beginner\n" + step),
            "pathways/bad-to.md": S.pathway("skill: accessibility\nto: [competent]\n" + step),
            "pathways/to-below-from.md": S.pathway("skill: accessibility\nfrom: competent\nto: novice\n" + step),
            "pathways/to-same-as-from.md": S.pathway("skill: accessibility\nfrom: competent\nto: Competent\n" + step),
            "pathways/unknown-curator.md": S.pathway("skill: accessibility\ncurator: kofy\n" + step),
            "pathways/no-steps.md": S.pathway("skill: accessibility\n"),
            "pathways/steps-not-a-list.md": S.pathway("skill: accessibility\nsteps: resources/wcag.md\n"),
            "pathways/step-not-a-mapping.md": S.pathway("skill: accessibility\n" + step + "  - resources/wcag.md\n"),
            "pathways/step-without-target.md": S.pathway("skill: accessibility\n" + step + "  - {why: Because, minutes: 5}\n"),
            "pathways/step-two-targets.md": S.pathway("skill: accessibility\n" + step + "  - resource: resources/wcag.md\n    task: Read it twice\n"),
            "pathways/step-empty-target.md": S.pathway("skill: accessibility\n" + step + "  - note: \"  \"\n  - pathway: \"[[ ]]\"\n"),
            "pathways/step-bad-id.md": S.pathway("skill: accessibility\nsteps:\n  - resource: resources/wcag.md\n    id: Read WCAG\n"),
            "pathways/step-bad-minutes.md": S.pathway("skill: accessibility\nsteps:\n  - resource: resources/wcag.md\n    minutes: an hour\n  - {note: books/inclusive-design.md, minutes: -5}\n"),
            "pathways/step-optional-not-a-bool.md": S.pathway("skill: accessibility\nsteps:\n  - {resource: resources/wcag.md, optional: maybe}\n"),
        ]
        let site = await S(files)
        let advice = "pathways/ is the pathway kind's folder; if it holds ordinary notes, map it to notes with `kinds: {pathways: notes}` in site.yml"
        let shape = "a step must be a mapping with one of `resource`, `note`, `pathway` or `task`, like `{resource: resources/wcag.md, minutes: 30}`; it is ignored"
        let expected = [
            #"pathways/bad-from.md:4:7: warning: "beginner" is not a Dreyfus level (novice, advanced-beginner, competent, proficient, expert); it is ignored"#,
            "pathways/bad-to.md:4:5: warning: `to` must be a Dreyfus level (novice, advanced-beginner, competent, proficient, expert), not a list; it is ignored",
            "pathways/no-skill.md:1:1: warning: a pathway needs a `skill` (\(advice))",
            "pathways/no-steps.md:1:1: warning: a pathway needs a `steps` (\(advice))",
            "pathways/step-bad-id.md:6:9: warning: a step's `id` must be lower-case letters, digits and dashes (try \"read-wcag\"); it is ignored",
            "pathways/step-bad-minutes.md:6:14: warning: `minutes` must be a whole number from 0 to 100000, not a string; it is ignored",
            "pathways/step-bad-minutes.md:7:48: warning: `minutes` must be from 0 to 100000, not -5; it is ignored",
            "pathways/step-empty-target.md:6:11: warning: `note` of a step is empty; it is ignored",
            "pathways/step-empty-target.md:7:14: warning: `pathway` of a step is empty; it is ignored",
            "pathways/step-not-a-mapping.md:6:5: warning: \(shape)",
            "pathways/step-optional-not-a-bool.md:5:45: warning: `optional` must be true or false, not a string; it is ignored",
            "pathways/step-two-targets.md:6:5: warning: a step has one of `resource`, `note`, `pathway` or `task`, not `resource` and `task`; it is ignored",
            "pathways/step-without-target.md:6:5: warning: \(shape)",
            "pathways/steps-not-a-list.md:4:8: warning: `steps` must be a list, like `steps: [{resource: resources/wcag.md}, {task: Pair on an audit}]`; it is ignored",
            "pathways/to-below-from.md:5:5: warning: `to` (novice) must be a level above `from` (competent)",
            "pathways/to-same-as-from.md:5:5: warning: `to` (competent) must be a level above `from` (competent)",
            #"pathways/unknown-curator.md:4:10: warning: curator "kofy" is not a person in people.yml (did you mean "kofi"?)"#,
            #"pathways/unknown-skill.md:3:8: warning: skill "acessibility" is not a skill in skills.yml (did you mean "accessibility"?)"#,
            "pathways/unknown-skill.md:5:15: note: resources/wcag.md is not filed under acessibility (its skills: accessibility); it stays a step",
        ]
        #expect(site.diagnostics.count == expected.count, "\(site.diagnostics)")
        for (found, wanted) in zip(site.diagnostics, expected) {
            #expect(found == wanted)
        }
        // What is ignored is left out; what is fine is kept.
        let bad = site.route("pathways/step-bad-minutes.md")
        #expect(bad?.steps.map(\.minutes) == [45, 3], "the resource's time and the note's reading time stand in for the ignored `minutes`")
        #expect(site.route("pathways/step-not-a-mapping.md")?.steps.count == 1)
        #expect(site.route("pathways/step-two-targets.md")?.steps.count == 1)
        #expect(site.route("pathways/step-bad-id.md")?.steps.map(\.id) == ["wcag"])
        #expect(site.route("pathways/to-below-from.md").map { [$0.from, $0.to] } == [.competent, .novice])
        #expect(site.route("pathways/unknown-skill.md")?.skill == "acessibility")
    }

    /// A pathway of every way of naming a step's note, and every way it can go wrong.
    @Test func stepsResolveByPathSlugTitleWikilinkAndFolderSlug() async {
        let site = await S([
            "pathways/routes.md": S.pathway("""
                skill: accessibility
                steps:
                  - resource: resources/wcag.md
                  - {resource: screen-readers, minutes: 60}
                  - {resource: inclusive components, minutes: 30}
                  - note: "[[Inclusive design patterns]]"
                  - resource: Resources/TS-Handbook
                  - resource: WCAG at a glanse
                  - note: Unfinished thoughts
                  - note: books/unfinished.md
                  - {resource: Keyboard traps, minutes: 10}
                  - note: "[[Inclusive design patterns | the patterns book]]"

                """),
            "resources/keyboard-traps.md": S.resource("Keyboard traps", level: "novice", time: "10 min", skill: "accessibility"),
            "resources/traps.md": S.resource("Keyboard traps", level: "novice", time: "10 min", skill: "accessibility"),
        ])
        let route = site.route("pathways/routes.md")
        #expect(route.map { $0.steps.map(site.target) } == [
            "resources/wcag.md", "resources/screen-readers.md", "resources/inclusive-components.md", "books/inclusive-design.md",
            "resources/ts-handbook.md", "missing: WCAG at a glanse", "missing: Unfinished thoughts", "missing: books/unfinished.md",
            "resources/keyboard-traps.md", "books/inclusive-design.md",
        ])
        #expect(site.diagnostics == [
            "pathways/routes.md:9:15: note: resources/ts-handbook.md is not filed under accessibility (its skills: typescript); it stays a step",
            #"pathways/routes.md:10:15: warning: step `resource: WCAG at a glanse` matches no note by path, slug or title (did you mean "resources/wcag.md"?); it is shown as text"#,
            "pathways/routes.md:11:11: warning: step `note: Unfinished thoughts` is a draft, which is not published; it is shown as text",
            "pathways/routes.md:12:11: warning: step `note: books/unfinished.md` is a draft, which is not published; it is shown as text",
            "pathways/routes.md:13:16: warning: step `resource: Keyboard traps` matches 2 notes (resources/keyboard-traps.md, resources/traps.md); using resources/keyboard-traps.md",
            "pathways/routes.md:14:11: warning: books/inclusive-design.md is already step 4 of this pathway; it is listed twice",
        ])
    }

    /// `resource:` must name a resource, `pathway:` a pathway and `note:` anything else; the
    /// step still leads to the note it names.
    @Test func aStepOfTheWrongKindSaysWhichFieldToUse() async {
        let site = await S([
            "pathways/kinds.md": S.pathway("""
                skill: accessibility
                steps:
                  - resource: "[[Inclusive design patterns]]"
                  - note: pathways/other.md
                  - pathway: resources/wcag.md
                  - pathway: About the team

                """),
            "pathways/other.md": S.pathway("skill: accessibility\nsteps:\n  - resource: resources/wcag.md\n", title: "Other"),
            "pages/about.md": "---\ntitle: About the team\n---\nWho we are.\n",
        ])
        #expect(site.diagnostics == [
            "pathways/kinds.md:5:15: warning: step `resource: Inclusive design patterns` is a book note (books/inclusive-design.md), not a resource; name it with `note:`",
            "pathways/kinds.md:6:11: warning: step `note: pathways/other.md` is a pathway (pathways/other.md), not a note; name it with `pathway:`",
            "pathways/kinds.md:7:14: warning: step `pathway: resources/wcag.md` is a resource (resources/wcag.md), not a pathway; name it with `resource:`",
            "pathways/kinds.md:8:14: warning: step `pathway: About the team` is a page (pages/about.md), not a pathway; name it with `note:`",
        ])
        #expect(site.route("pathways/kinds.md").map { $0.steps.map(site.target) } == [
            "books/inclusive-design.md", "pathways/other.md", "resources/wcag.md", "pages/about.md",
        ])
    }

    static let idSteps = [
        "  - resource: resources/wcag.md\n",
        "  - task: Pair with Kofi on one keyboard-only audit of a screen\n",
        "  - resource: screen-readers\n    id: deep-dive\n",
        "  - resource: resources/wcag.md\n",
        "  - task: Write it up\n    id: deep-dive\n",
        "  - resource: No such thing\n",
    ]

    @Test func idsComeFromTheTargetAndStayUnique() async {
        let site = await S(["pathways/ids.md": S.pathway("steps:\n" + Self.idSteps.joined())])
        #expect(site.route("pathways/ids.md")?.steps.map(\.id) == [
            "wcag", "pair-with-kofi-on-one-keyboard-only", "deep-dive", "wcag-2", "deep-dive-2", "no-such-thing",
        ])
        #expect(site.diagnostics.filter { !$0.contains("time estimate") } == [
            "pathways/ids.md:1:1: warning: a pathway needs a `skill` (pathways/ is the pathway kind's folder; if it holds ordinary notes, map it to notes with `kinds: {pathways: notes}` in site.yml)",
            "pathways/ids.md:8:15: warning: resources/wcag.md is already step 1 of this pathway; it is listed twice",
            #"pathways/ids.md:10:9: warning: step id "deep-dive" is also step 3's; ids must be unique within a pathway"#,
            "pathways/ids.md:11:15: warning: step `resource: No such thing` matches no note by path, slug or title; it is shown as text",
        ])
    }

    /// Progress is kept by id: moving steps around keeps every step's id.
    @Test func idsAreStableWhenStepsAreReordered() async {
        let reordered = [Self.idSteps[5], Self.idSteps[2], Self.idSteps[0], Self.idSteps[1]]
        let first = await S(["pathways/ids.md": S.pathway("steps:\n" + Self.idSteps.prefix(3).joined() + Self.idSteps[5])])
        let second = await S(["pathways/ids.md": S.pathway("steps:\n" + reordered.joined())])
        func ids(_ site: S) -> [String: String] {
            Dictionary(uniqueKeysWithValues: (site.route("pathways/ids.md")?.steps ?? []).map { (site.target($0), $0.id) })
        }
        #expect(ids(first).count == 4)
        #expect(ids(first) == ids(second))
    }
}
