import Foundation
import Testing
@testable import Outloud

/// What a pathway's resolved steps add up to: levels against where the pathway leads, cycles
/// of pathways, times, who follows it (`people.yml`) and where each note is a step.
@Suite struct PathwayRouteTests {
    typealias S = PathwaySite

    @Test func stepsAboveWhereThePathwayLeadsWarn() async {
        let site = await S([
            "pathways/levels.md": S.pathway("""
                skill: accessibility
                from: novice
                to: competent
                steps:
                  - {resource: screen-readers, minutes: 60}
                  - pathway: deeper
                  - {resource: inclusive-components, minutes: 30}
                  - resource: resources/ts-handbook.md

                """),
            "pathways/deeper.md": S.pathway("skill: accessibility\nfrom: competent\nto: proficient\nsteps:\n  - resource: resources/wcag.md\n", title: "Deeper"),
        ])
        #expect(site.diagnostics == [
            "pathways/levels.md:7:16: warning: resources/screen-readers.md is at the proficient level, above this pathway's `to` (competent)",
            "pathways/levels.md:8:14: warning: pathways/deeper.md is at the proficient level, above this pathway's `to` (competent)",
            "pathways/levels.md:10:15: note: resources/ts-handbook.md is not filed under accessibility (its skills: typescript); it stays a step",
        ])
        #expect(site.route("pathways/levels.md")?.steps.map(\.level) == [.proficient, .proficient, .competent, .novice],
                "a resource's level, or the level a nested pathway leads to; the step at `to` itself is fine")
    }

    /// A resource of another skill is worth knowing, not a problem: `--strict` passes.
    @Test func aResourceOfAnotherSkillIsANoteThatStrictDoesNotCount() async {
        let site = await S(["pathways/mixed.md": S.pathway("skill: accessibility\nsteps:\n  - resource: resources/ts-handbook.md\n")])
        #expect(site.report.map(\.severity) == [.note])
        var report = BuildReport()
        report.strict = true
        report.diagnostics = site.report
        #expect(report.succeeded)
    }

    /// Two folders may each hold a pathway of one name: both are resolved, and the later by
    /// path gets an id of its own, so progress and `people.yml` never mix them up.
    @Test func pathwaysOfOneNameInTwoFoldersGetIDsOfTheirOwn() async {
        let site = await S([
            "pathways/team-a/basics.md": S.pathway("skill: accessibility\nsteps:\n  - resource: resources/wcag.md\n", title: "A basics"),
            "pathways/team-b/basics.md": S.pathway("skill: accessibility\nsteps:\n  - resource: nothing-there\n", title: "B basics"),
            "pathways/team-b-basics.md": S.pathway("skill: accessibility\nsteps:\n  - resource: resources/wcag.md\n", title: "Taken"),
            "people.yml": "- {id: kofi, name: Kofi Asante, pathways: [basics, team-b-basics-2]}\n",
        ])
        #expect(site.diagnostics == [
            #"pathways/team-b/basics.md:1:1: warning: pathway id "basics" is already pathways/team-a/basics.md's; this one's is "team-b-basics-2", which people.yml names it by (rename one file to choose)"#,
            "pathways/team-b/basics.md:5:15: warning: step `resource: nothing-there` matches no note by path, slug or title; it is shown as text",
        ])
        #expect(site.route("pathways/team-a/basics.md")?.id == "basics")
        #expect(site.route("pathways/team-b/basics.md")?.id == "team-b-basics-2")
        #expect(site.route("pathways/team-b-basics.md")?.id == "team-b-basics")
        #expect(site.route("pathways/team-b/basics.md")?.learners == ["kofi"])
    }

    @Test func stepTimeReadsTheWaysResourcesGiveTheirTime() {
        let times: [String: Int?] = [
            "45 min": 45, "2 h": 120, "1.5 hours": 90, "2h 30m": 150, "about 3 hours": 180, "2 h and 30 min": 150,
            "90 minutes": 90, "~1 hr": 60, "3 weeks": nil, "ongoing": nil, "15 min per structure": nil, "": nil, "h": nil,
        ]
        for (text, minutes) in times {
            #expect(StepTime.minutes(in: text) == minutes, "\(text)")
        }
        #expect([45, 60, 150].map(StepTime.text) == ["45 min", "1 h", "2 h 30 min"])
    }

    /// A step without `minutes` takes the resource's `time`, a note's reading time or the nested
    /// pathway's total; the total leaves optional steps out.
    @Test func aStepsTimeDefaultsToItsTargetsAndTheTotalLeavesOptionalStepsOut() async {
        let site = await S([
            "pathways/timed.md": S.pathway("""
                skill: accessibility
                steps:
                  - resource: resources/wcag.md
                  - {note: books/inclusive-design.md, optional: true}
                  - pathway: nested
                  - {resource: inclusive-components, minutes: 25}
                  - {resource: screen-readers, minutes: 15, optional: true}

                """),
            "pathways/nested.md": S.pathway("skill: typescript\nsteps:\n  - resource: resources/ts-handbook.md\n  - {task: Fix one strict error, minutes: 30}\n", title: "Nested"),
        ])
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics)")
        let route = site.route("pathways/timed.md")
        #expect(route?.steps.map(\.minutes) == [45, 3, 150, 25, 15])
        #expect(route?.minutes == 45 + 150 + 25)
        #expect(route?.optionalCount == 2)
        #expect(site.route("pathways/nested.md")?.minutes == 150)
    }

    @Test func missingEstimatesWarnOnlyWhenThePathwayHasAnEstimate() async {
        let untimed = "  - resource: screen-readers\n  - resource: inclusive-components\n  - task: Audit one screen\n"
        let site = await S([
            "pathways/estimated.md": S.pathway("skill: accessibility\nsteps:\n" + untimed + "  - resource: resources/wcag.md\n"),
            "pathways/unestimated.md": S.pathway("skill: accessibility\nsteps:\n" + untimed, title: "No estimate"),
        ])
        let advice = "give the step `minutes:`, or the pathway's total leaves it out"
        #expect(site.diagnostics == [
            #"pathways/estimated.md:5:15: warning: step resources/screen-readers.md has no time estimate (its `time` ("3 weeks") is not a duration like 45 min or 2 h); "# + advice,
            "pathways/estimated.md:6:15: warning: step resources/inclusive-components.md has no time estimate (it has no `time`); " + advice,
            "pathways/estimated.md:7:11: warning: the task has no time estimate; " + advice,
        ])
        #expect(site.route("pathways/estimated.md")?.hasEstimate == true)
        #expect(site.route("pathways/unestimated.md")?.hasEstimate == false)
    }
}
