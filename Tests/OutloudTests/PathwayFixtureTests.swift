import Foundation
import Testing
@testable import Outloud

/// The `pathways` fixture built whole: cycles of pathways are contained errors and the site is
/// still written; `people.yml` says who follows what; a note can be a step of two pathways.
@Suite struct PathwayFixtureTests {
    func site() async -> Site {
        var loader = ContentLoader(contentPath: Repository.fixtures.appendingPathComponent("pathways/content").path)
        loader.useGit = false
        return await Site(content: loader.load(), today: PathwaySite.today)
    }

    @Test func cyclesAreContainedErrorsAndTheSiteIsStillBuilt() async {
        let build = await FixtureBuild("pathways")
        #expect(build.diagnostics == [
            "pathways/beta.md:7:14: error: pathway beta includes itself through other pathways (beta → alpha → beta); the step is shown without its link",
            "pathways/itself.md:7:14: error: pathway itself includes itself; the step is shown without its link",
            #"people.yml:3:30: warning: kofi follows the pathway "keybord-first", which does not exist (did you mean "keyboard-first"?)"#,
            #"people.yml:3:45: warning: kofi follows the pathway "keyboard-first" twice; it is counted once"#,
            "people.yml:6:13: warning: `pathways` must be a list, like `pathways: [keyboard-first]`; it is ignored",
        ])
        #expect(!build.report.succeeded && build.report.writesOutput)
        for page in ["alpha", "beta", "itself", "keyboard-first", "screen-reader-audits"] {
            #expect(build.page("pathways/\(page)/index.html") != nil, "\(page)")
        }
    }

    @Test func theStepThatClosesACycleBecomesText() async {
        let site = await site()
        func steps(_ id: String) -> [String] {
            site.pathways.byID[id].map { site.pathways.routes[$0].steps.map { PathwaySite.target($0, in: site) } } ?? []
        }
        #expect(steps("alpha") == ["pathways/beta.md"])
        #expect(steps("beta") == ["resources/wcag.md", "missing: Alpha"])
        #expect(steps("itself") == ["resources/wcag.md", "missing: Round and round"])
    }

    @Test func peopleYmlFillsLearnersAndEachPersonsPathways() async throws {
        let site = await site()
        let pathways = site.pathways
        let first = try #require(pathways.byID["keyboard-first"])
        let audits = try #require(pathways.byID["screen-reader-audits"])
        #expect(pathways.routes[first].learners == ["kofi"], "named twice by kofi, once counted; amara's is not a list")
        #expect(pathways.routes[audits].learners == ["lena"])
        #expect(pathways.byPerson == ["kofi": [first], "lena": [audits]])
        #expect(pathways.routes[first].curator == "kofi" && pathways.routes[first].from == .novice && pathways.routes[first].to == .advancedBeginner)
    }

    @Test func aNoteThatIsAStepOfTwoPathwaysHasTwoPlaces() async throws {
        let site = await site()
        let pathways = site.pathways
        let book = try #require(site.notes.firstIndex { $0.sourcePath == "books/inclusive-design.md" })
        let first = try #require(pathways.byID["keyboard-first"]), audits = try #require(pathways.byID["screen-reader-audits"])
        #expect(Set(pathways.places[book] ?? []) == [.init(route: first, step: 1), .init(route: audits, step: 1)])
        let nested = try #require(pathways.routes[first].note as Int?)
        #expect(pathways.places[nested] == [.init(route: audits, step: 0)], "a nested pathway is a step too")
        #expect(pathways.routes[audits].steps.map(\.minutes) == [45, 1, 90], "the nested pathway's total leaves its optional step out")
    }

    /// A handbook's `pathways/` of ordinary pages (career ladders, say) builds with a warning
    /// that says how to map the folder, and its pages have no empty list of steps or its script.
    @Test func aPathwayWithoutStepsHasNoStepList() async throws {
        let site = try HostileInputTests.Site(["pathways/engineering.md": "# Engineering career pathway\n\nHow engineers grow here.\n"])
        let diagnostics = await site.build()
        #expect(diagnostics.contains { $0.hasPrefix("pathways/engineering.md:1:1: warning: a pathway needs a `steps` (pathways/ is the pathway kind's folder") })
        let page = try #require(site.page("pathways/engineering/index.html"))
        #expect(page.contains("Engineering career pathway"))
        #expect(!page.contains("pathway-steps") && !page.contains("pathways.js"))
    }
}
