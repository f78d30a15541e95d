import Foundation
import Testing
@testable import Outloud

/// The team-learning views, from the `team` fixture built on Monday 23 November 2026 (week 48).
@Suite struct TeamLearningTests {
    static let monday = Day(year: 2026, month: 11, day: 23)!

    func build() async -> FixtureBuild {
        await FixtureBuild("team") { $0.today = Self.monday }
    }

    func site() async -> Site {
        var options = BuildOptions.withoutGit()
        options.contentPath = Repository.fixtures.appendingPathComponent("team/content").path
        var loader = ContentLoader(contentPath: options.contentPath, includeDrafts: false)
        loader.useGit = false
        let content = await loader.load()
        return await Site(content: content, today: Self.monday)
    }

    @Test func diagnosticsNameTheLooseBookTitleAndTheUnknownOwner() async {
        let build = await build()
        #expect(build.diagnostics == [
            #"books/drive-ben.md:6:10: warning: book title "drive!" is written "Drive" in books/drive-ana.md; both notes are listed under "Drive""#,
            #"harvests/testing-day.md:9:13: warning: action owner "zed" is not a person in people.yml"#,
        ])
    }

    @Test func bookNotesAreGroupedByBookWhateverTheCaseOrPunctuation() async {
        let site = await site()
        #expect(site.bookGroups.map(\.title) == ["Drive", "Refactoring"], "most recently read first")
        let drive = site.bookGroups[0]
        #expect(drive.notes.map { site.notes[$0].sourcePath } == ["books/drive-ben.md", "books/drive-ana.md"])
        #expect(drive.averageRating == 3.0)
        #expect(drive.authors == ["Daniel H. Pink"])
        #expect(drive.year == "2009")
    }

    @Test func booksPageShowsTheBookClub() async throws {
        let build = await build()
        let books = try #require(build.page("books/index.html"))
        let club = try #require(books.components(separatedBy: #"<section class="book-club""#).last?.components(separatedBy: "</section>").first)
        #expect(club.components(separatedBy: #"<li class="book-group"#).count - 1 == 2)
        #expect(club.contains("book-group book-group--club"), "two readers make a club")
        #expect(club.contains("average 3.0 of 5"))
        #expect(club.contains(#"<a href="../people/ben/">Ben Cho</a>"#))
        #expect(club.contains("<span class=\"book-group__status\">abandoned</span>"))
        let refactoring = try #require(club.components(separatedBy: "<cite>Refactoring</cite>").last)
        #expect(refactoring.contains("1 reader"))
    }

    @Test func openAsksComeFromLogsOfTheLastWeeksNewestFirst() async {
        let site = await site()
        #expect(site.openAsks.map(\.text) == ["Who can review my macro?", "Pair on the parser?", "Anyone run a retro before?"])
        // Three weeks back from week 48 starts on Monday 9 November: week 46 is in, week 44 is not.
        let notes = site.notes
        let logs = site.byKind[.log] ?? []
        #expect(OpenAsks.collect(notes: notes, logs: logs, today: Self.monday, weeks: 1).isEmpty, "week 48 has no log yet")
        #expect(OpenAsks.collect(notes: notes, logs: logs, today: Self.monday, weeks: 2).count == 2)
        #expect(OpenAsks.collect(notes: notes, logs: logs, today: Day(year: 2026, month: 11, day: 8)!, weeks: 3).count == 4,
                "in week 45 the week-44 ask is still open, and later logs count too")
        #expect(OpenAsks.collect(notes: notes, logs: logs, today: Self.monday, weeks: 0).isEmpty)
    }

    @Test func homePageListsOpenAsksWithPersonLogAndSkills() async throws {
        let build = await build()
        let home = try #require(build.page("index.html"))
        let asks = try #require(home.components(separatedBy: #"<section class="open-asks""#).last?.components(separatedBy: "</section>").first)
        #expect(asks.contains("Who can review my macro?"))
        #expect(asks.contains(#"<a href="people/ana/">Ana Lima</a>"#))
        #expect(asks.contains(#"<a href="logs/ana/2026-w47/">"#))
        #expect(asks.contains(#"href="skills/swift/""#))
        #expect(!asks.contains("too old"))
        #expect(asks.contains("last 3 weeks"))
    }

    @Test func whoCanHelpRanksMentorsThenLevelThenWriting() async {
        let site = await site()
        let testing = SkillPeople.helpers(for: "testing", catalog: site.catalog, notes: site.notes, tagged: site.bySkill["testing"] ?? [])
        // ana mentors (competent), cy is proficient and wrote a note, dee only wrote; ben is only learning it.
        #expect(testing.map(\.person) == ["ana", "cy", "dee"])
        #expect(testing[0].mentor && testing[0].level == .competent)
        #expect(testing[1].noteCount == 1)
        let swift = SkillPeople.helpers(for: "swift", catalog: site.catalog, notes: site.notes, tagged: site.bySkill["swift"] ?? [])
        #expect(swift.map(\.person) == ["ana", "ben"], "expert before proficient; ana also wrote the week-47 log")
        let facilitation = SkillPeople.helpers(for: "facilitation", catalog: site.catalog, notes: site.notes, tagged: site.bySkill["facilitation"] ?? [])
        #expect(facilitation.map(\.person) == ["ben"], "a novice who wrote about it; ana only has a goal")
        #expect(SkillPeople.learners(for: "testing", catalog: site.catalog).map(\.person) == ["ben"])
    }

    @Test func skillPageShowsHelpersLearnersAndResourcesByLevel() async throws {
        let build = await build()
        let writing = try #require(build.page("skills/writing/index.html"))
        let levels = writing.components(separatedBy: #"<h3 class="resource-level">"#).dropFirst().map { $0.prefix(80) }
        #expect(levels.count == 3)
        #expect(levels[0].contains("Novice") && levels[1].contains("Expert") && levels[2].contains("Any level"))
        #expect(writing.contains("20 minutes") && writing.contains("free"))
        #expect(writing.contains(#"<a href="https://example.com/style">Open the resource</a>"#))
        let testing = try #require(build.page("skills/testing/index.html"))
        #expect(testing.contains("mentors it"))
        let learners = try #require(testing.components(separatedBy: "learners-heading").last)
        #expect(learners.contains("Ben Cho") && learners.contains("aiming for Proficient by 31 December 2026"))
    }

    @Test func matrixCellsHoldLevelGoalAndMentoring() async {
        let site = await site()
        let matrix = site.matrix
        #expect(matrix.people == ["ana", "ben", "cy", "dee"])
        #expect(matrix.rows.map(\.skill) == ["swift", "testing", "facilitation", "writing"])
        let testing = matrix.rows[1]
        #expect(testing.cells[0] == .init(level: .competent, goal: nil, mentor: true))
        #expect(testing.cells[1].level == nil && testing.cells[1].goal?.level == .proficient)
        #expect(testing.cells[2].level == .proficient)
        #expect(testing.strong == 1 && testing.capable == 2 && testing.mentors == 1 && testing.learners == 1)
        #expect(!testing.isGap)
        #expect(matrix.rows[2].isGap && matrix.rows[3].isGap, "nobody proficient and nobody mentoring")
        #expect(!matrix.rows[0].isGap)
    }

    @Test func matrixPageSaysEachCellInWords() async throws {
        let build = await build()
        let page = try #require(build.page("matrix/index.html"))
        #expect(page.contains(#"<th scope="col" class="matrix__person"><a href="../people/ana/">Ana Lima</a></th>"#))
        #expect(page.contains("Ana Lima: Competent, mentors it"))
        #expect(page.contains("Ben Cho: no level, aiming for Proficient by 31 December 2026"))
        #expect(page.contains(#"<span class="cell-level level--expert">Ex</span>"#))
        #expect(page.contains(#"<tr class="matrix__row--gap">"#))
        let gaps = try #require(page.components(separatedBy: "matrix-key__gaps").last?.components(separatedBy: "</p>").first)
        #expect(gaps.contains("Facilitation") && gaps.contains("Writing") && !gaps.contains("Swift"))
    }

    @Test func activityCountsNotesPerMonthPerKind() async throws {
        let site = await site()
        let months = site.activity.months
        #expect(months.first.map { "\($0.year)-\($0.month)" } == "2026-2")
        #expect(months.last.map { "\($0.year)-\($0.month)" } == "2026-11")
        #expect(months.count == 10, "empty months are kept, so the time axis is even")
        let book = Activity.kinds.firstIndex(of: .book)!, resource = Activity.kinds.firstIndex(of: .resource)!
        #expect(months[0].counts[resource] == 3)
        #expect(months[2].counts[book] == 1 && months[3].counts[book] == 1)  // March, April
        #expect(months.reduce(0) { $0 + $1.total } == site.notes.count)
        let build = await build()
        let page = try #require(build.page("activity/index.html"))
        #expect(page.contains(#"<svg class="chart""#))
        #expect(page.contains("<title>Feb 2026: 3 resources</title>"))
        #expect(page.components(separatedBy: "<rect class=\"chart__bar").count - 1 == 7, "one segment per month and kind with notes: Feb, Mar, Apr, May, Jun, Oct, Nov")
    }

    @Test func chartScaleIsANiceEvenNumber() {
        #expect(ActivityChart.niceCeiling(1) == 2)
        #expect(ActivityChart.niceCeiling(3) == 4)
        #expect(ActivityChart.niceCeiling(7) == 10)
        #expect(ActivityChart.niceCeiling(13) == 20)
        #expect(ActivityChart.niceCeiling(37) == 40)
        #expect(ActivityChart.niceCeiling(41) == 100)
    }

    @Test func badTeamDataGetsDiagnosticsAndThePagesStillBuild() async throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.themes, to: folder.url.appendingPathComponent("themes"))
        folder.write("content/site.yml", "title: T\nbase_url: https://t.example/\n")
        folder.write("content/skills.yml", "- {id: swift, name: Swift, group: L}\n")
        folder.write("content/people.yml", """
            - id: ana
              name: Ana
              skills: {swift: wizard}
              goals:
                - {skill: swfit, level: expert}
              mentor_for: [cooking]
            """)
        folder.write("content/books/a.md", "---\nrating: 7\nbook: {authors: [X]}\n---\nA.\n")
        folder.write("content/logs/ana/w.md", "---\nweek: 2026-W54\n---\nW.\n")
        folder.write("content/resources/r.md", "---\nurl: javascript:alert(1)\nlevel: guru\n---\nR.\n")
        var options = BuildOptions.withoutGit()
        options.contentPath = folder.path + "/content"
        options.themesPath = folder.path + "/themes"
        options.outputPath = folder.path + "/output"
        options.today = Self.monday
        let report = await Build.run(options)
        let messages = report.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/content/", with: "") }
        #expect(messages.contains(#"people.yml:3:19: warning: "wizard" is not a Dreyfus level (novice, advanced-beginner, competent, proficient, expert); it is ignored"#), "\(messages)")
        #expect(messages.contains(#"people.yml:5:15: warning: ana has a goal for "swfit", which is not a skill in skills.yml (did you mean "swift"?)"#))
        #expect(messages.contains(#"people.yml:6:16: warning: ana mentors "cooking", which is not a skill in skills.yml"#))
        #expect(messages.contains("books/a.md:2:9: warning: `rating` must be from 1 to 5, not 7; it is ignored"))
        #expect(messages.contains("books/a.md:3:7: warning: `book` has no `title`; the note is listed under its own title"))
        #expect(messages.contains(#"logs/ana/w.md:2:7: warning: `week` must be an ISO week like 2026-W47, not "2026-W54"; it is ignored"#))
        #expect(messages.contains(#"resources/r.md:2:6: warning: `url` must be an http(s), mailto or relative URL, not "javascript:alert(1)"; it is ignored"#))
        #expect(messages.contains(#"resources/r.md:3:8: warning: "guru" is not a Dreyfus level (novice, advanced-beginner, competent, proficient, expert); it is ignored"#))
        #expect(report.diagnostics.count == 8, "\(messages)")
        // Every problem is a warning: the unsafe URL is left out and every page is written.
        #expect(report.diagnostics.errorCount == 0 && report.succeeded)
        #expect(folder.read("output/resources/r/index.html")?.contains("javascript:") == false)
        folder.write("content/resources/r.md", "---\nurl: https://example.com/r\nlevel: guru\n---\nR.\n")
        let second = await Build.run(options)
        #expect(second.diagnostics.errorCount == 0)
        #expect(second.succeeded)
        #expect(folder.exists("output/books/a/index.html") && folder.exists("output/logs/ana/w/index.html"))
        #expect(folder.exists("output/people/ana/index.html") && folder.exists("output/matrix/index.html"))
    }
}
