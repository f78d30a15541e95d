import Foundation
import Testing
@testable import Outloud

/// `outloud new pathway "Title"`: the skeleton a mentor fills in, on a site made by `init`.
@Suite struct NewPathwayTests {
    let authoring = AuthoringTests()
    static let stepsAdvice = "a pathway needs a `steps` (pathways/ is the pathway kind's folder; if it holds ordinary notes, map it to notes with `kinds: {pathways: notes}` in site.yml)"

    /// Like a new resource without its `url`, a new pathway checks with one warning: the steps
    /// only the mentor can choose. The title gave the skill and levels, git the curator.
    @Test func aNewPathwayChecksWithOnlyItsStepsToFillIn() async throws {
        let folder = try authoring.initialisedSite()
        let created = try authoring.newNote(.pathway, "Facilitation: from novice to competent", in: folder)
        #expect(created.path == folder.path + "/content/pathways/facilitation-from-novice-to-competent.md")
        #expect(created.hint == nil)
        let text = try #require(folder.read("content/pathways/facilitation-from-novice-to-competent.md"))
        #expect(text.hasPrefix("---\ntitle: \"Facilitation: from novice to competent\"\n"))
        #expect(text.contains("\nskill: facilitation\nfrom: novice\nto: competent\ncurator: sam\ndate: 2026-11-23\nsteps:\n"))
        #expect(text.hasSuffix("---\n\nWho this pathway is for, what they will be able to do at the end, and how to work\nthrough it.\n"))
        let report = await authoring.check(folder)
        #expect(report.diagnostics.map(\.description) == ["\(created.path):1:1: warning: \(Self.stepsAdvice)"])
        #expect(report.diagnostics.errorCount == 0 && report.notesByKind[.pathway] == 1)
    }

    /// The commented example is a list of steps as written: uncommented, every step is read,
    /// and only its made-up targets are reported.
    @Test func theExampleStepsAreValidOnceUncommented() async throws {
        let folder = try authoring.initialisedSite()
        let created = try authoring.newNote(.pathway, "Giving feedback for advanced beginners", in: folder)
        let relative = String(created.path.dropFirst(folder.path.count + 1))
        let text = try #require(folder.read(relative))
        folder.write(relative, text.replacingOccurrences(of: "\n#  ", with: "\n  "))
        #expect(folder.read(relative)?.contains("\nskill: feedback\nfrom: novice\nto: advanced-beginner\n") == true)
        let report = await authoring.check(folder)
        #expect(report.diagnostics.map(\.description) == [
            "\(created.path):15:15: warning: step `resource: resources/a-resource.md` matches no note by path, slug or title; it is shown as text",
            "\(created.path):18:11: warning: step `note: A note of ours` matches no note by path, slug or title; it is shown as text",
            "\(created.path):20:14: warning: step `pathway: a-shorter-pathway` matches no note by path, slug or title; it is shown as text",
        ])
    }

    /// A title that names no skill leaves `skill` for the mentor, as the resource's `url` is
    /// left; without a known git email the curator is left too, and the hint says so.
    @Test func aTitleWithoutASkillLeavesTheSkillToFillIn() async throws {
        let folder = try authoring.initialisedSite()
        let created = try authoring.newNote(.pathway, "Running a good retro", in: folder, email: nil)
        #expect(created.hint == "git has no user.email, so the note has no curator; fill in `curator`")
        let text = try #require(folder.read(String(created.path.dropFirst(folder.path.count + 1))))
        #expect(text.contains("\nskill: \nfrom: novice\nto: competent\ncurator: \n"))
        let report = await authoring.check(folder)
        #expect(report.diagnostics.map(\.description) == [
            "\(created.path):1:1: warning: a pathway needs a `skill` (pathways/ is the pathway kind's folder; if it holds ordinary notes, map it to notes with `kinds: {pathways: notes}` in site.yml)",
            "\(created.path):1:1: warning: \(Self.stepsAdvice)",
        ])
    }

    @Test func theTitleNamesTheSkillAndLevels() {
        let skills = [
            Skill(id: "testing", name: "Testing", group: "", description: "", line: 1),
            Skill(id: "automated-testing", name: "Automated testing", group: "", description: "", line: 2),
            Skill(id: "api", name: "API design", group: "", description: "", line: 3),
        ]
        func named(_ title: String) -> String {
            let found = PathwayTitle(title, skills: skills)
            return "\(found.skill ?? "-") \(found.from.rawValue) \(found.to.rawValue)"
        }
        #expect(named("Automated testing for proficient people") == "automated-testing competent proficient", "the longest name wins")
        #expect(named("Testing: from Advanced Beginner to expert") == "testing advanced-beginner expert")
        #expect(named("API design for novices") == "api novice advanced-beginner", "by name; a novice pathway leads one level on")
        #expect(named("api, for a competent developer") == "api advanced-beginner competent", "by id; one level is where it leads")
        #expect(named("Pentesting from competent to novice") == "- novice competent", "whole words only; levels in order")
        #expect(named("Testing for noviceship") == "testing novice competent")
        #expect(named("Onboarding") == "- novice competent")
    }

    @Test func pathwayIsAKindOfNew() {
        #expect(NewNote.kind(named: "pathway") == .pathway)
        #expect(NewNote.kind(named: "Pathways") == .pathway)
        #expect(Archetypes.builtIn[.pathway] != nil && Archetypes.kinds.contains(.pathway))
    }
}
