import Foundation
import Testing
@testable import Outloud

/// `outloud init`, `outloud new` and the formats of `outloud check`.
@Suite struct AuthoringTests {
    static let monday = Day(year: 2026, month: 11, day: 23)!

    /// A folder with a fresh `init` content folder and the repository's themes.
    func initialisedSite() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.themes, to: folder.url.appendingPathComponent("themes"))
        _ = try SiteScaffold.create(in: folder.path + "/content", title: "Team: \"Learning\"", today: Self.monday)
        return folder
    }

    func check(_ folder: TemporaryFolder) async -> BuildReport {
        var options = BuildOptions()
        options.contentPath = folder.path + "/content"
        options.themesPath = folder.path + "/themes"
        options.writeOutput = false
        options.strict = true
        options.useGit = false
        options.today = Self.monday
        return await Build.run(options)
    }

    func newNote(_ kind: Kind, _ title: String, in folder: TemporaryFolder, email: String? = "sam@example.com") throws -> NewNote.Created {
        var note = NewNote(kind: kind, title: title, today: Self.monday, gitEmail: email)
        note.contentPath = folder.path + "/content"
        note.themesPath = folder.path + "/themes"
        return try note.create()
    }

    @Test func initMakesASiteThatChecksCleanWithEveryKind() async throws {
        let folder = try initialisedSite()
        let report = await check(folder)
        #expect(report.diagnostics == [], "\(report.diagnostics)")
        #expect(report.notesByKind == [.book: 1, .harvest: 1, .debate: 1, .log: 1, .resource: 1, .page: 1])
        #expect(folder.read("content/site.yml")?.contains(#"title: "Team: \"Learning\"""#) == true, "the title is quoted for YAML")
        #expect(folder.exists("content/logs/sam/2026-w48.md"))
        #expect(folder.exists("content/README.md"))
    }

    @Test func initRefusesAFolderThatHoldsFilesButNotOneWithOnlyDotGit() throws {
        let folder = TemporaryFolder()
        folder.write("busy/notes.txt", "mine")
        #expect(throws: SiteScaffold.Failure.self) { try SiteScaffold.create(in: folder.path + "/busy", title: "T", today: Self.monday) }
        #expect(folder.read("busy/notes.txt") == "mine")
        #expect(!folder.exists("busy/site.yml"), "nothing was written")
        folder.write("repo/.git/HEAD", "ref: refs/heads/main\n")
        #expect(try SiteScaffold.create(in: folder.path + "/repo", title: "T", today: Self.monday).count == 10)
    }

    @Test func everyKindOfNewNoteChecksCleanAsItIs() async throws {
        let folder = try initialisedSite()
        for kind in [Kind.book, .harvest, .debate, .page, .note] {
            _ = try newNote(kind, "A fresh \(kind.rawValue): with a colon", in: folder)
        }
        let report = await check(folder)
        #expect(report.diagnostics == [], "\(report.diagnostics)")
        #expect(report.notesByKind[.book] == 2 && report.notesByKind[.note] == 1)
    }

    @Test func aNewResourceNeedsItsURLFilledIn() async throws {
        let folder = try initialisedSite()
        let created = try newNote(.resource, "Team Topologies podcast", in: folder)
        let report = await check(folder)
        #expect(report.diagnostics.map(\.description) == ["\(created.path):1:1: warning: a resource needs a `url` (resources/ is the resource kind's folder; if it holds ordinary notes, map it to notes with `kinds: {resources: notes}` in site.yml)"])
    }

    @Test func newNoteHasTitleDateAuthorAndTheKindsFields() throws {
        let folder = try initialisedSite()
        let created = try newNote(.book, "The Fifth Discipline", in: folder)
        #expect(created.path == folder.path + "/content/books/the-fifth-discipline.md")
        let text = try #require(folder.read("content/books/the-fifth-discipline.md"))
        #expect(text.hasPrefix("---\ntitle: \"The Fifth Discipline\"\ndate: 2026-11-23\nauthors: [sam]\n"))
        #expect(text.contains("book:\n  title: \"The Fifth Discipline\""))
        #expect(text.contains("status: reading"))
        #expect(created.hint == nil)
    }

    @Test func newNeverOverwritesAndExplainsItself() throws {
        let folder = try initialisedSite()
        let first = try newNote(.debate, "Pairing", in: folder)
        folder.write(String(first.path.dropFirst(folder.path.count + 1)), "mine")
        #expect(throws: NewNote.Failure.self) { try newNote(.debate, "pairing!", in: folder) }
        #expect(folder.read(String(first.path.dropFirst(folder.path.count + 1))) == "mine")
        #expect(throws: NewNote.Failure.self) { try newNote(.book, "  ", in: folder) }
        #expect(throws: NewNote.Failure.self) { try newNote(.book, "!!!", in: folder) }
        do {
            _ = try newNote(.book, "???", in: folder)
            Issue.record("a title without letters or digits was accepted")
        } catch {
            #expect((error as? NewNote.Failure)?.description == #"title "???" has no letters or digits to make a file name from"#)
        }
    }

    @Test func aLogGoesInTheAuthorsFolderNamedByWeek() throws {
        let folder = try initialisedSite()
        let created = try newNote(.log, "", in: folder, email: "ALEX@example.com")
        #expect(created.path.hasSuffix("content/logs/alex/2026-w48.md"), "the git email matches without case")
        let text = try #require(folder.read("content/logs/alex/2026-w48.md"))
        #expect(text.contains("title: \"Week 48\"\nweek: 2026-W48\nauthors: [alex]"))
        let stranger = try newNote(.log, "Week of someone new", in: folder, email: "new@example.com")
        #expect(stranger.path.hasSuffix("content/logs/2026-w48.md"))
        #expect(stranger.hint?.contains("new@example.com is not in people.yml") == true)
    }

    @Test func kindNamesAcceptPluralsAndLabels() {
        #expect(NewNote.kind(named: "book") == .book)
        #expect(NewNote.kind(named: "Books") == .book)
        #expect(NewNote.kind(named: "harvests") == .harvest)
        #expect(NewNote.kind(named: "podcast") == nil)
    }

    @Test func siteArchetypesOverrideTheBuiltInOnes() throws {
        let folder = try initialisedSite()
        folder.write("archetypes/book.md", "---\ntitle: {{title}}\nmood: curious\ndate: {{date}}\n---\nOur own {{kind}} template for {{slug}}.\n")
        let created = try newNote(.book, "A & B <c>", in: folder)
        let text = try #require(folder.read(String(created.path.dropFirst(folder.path.count + 1))))
        #expect(text == "---\ntitle: \"A & B <c>\"\nmood: curious\ndate: 2026-11-23\n---\nOur own book template for a-b-c.\n", "text, not HTML-escaped")
    }

    @Test func isoWeekOfADay() {
        #expect(ISOWeek(containing: Self.monday).description == "2026-W48")
        #expect(ISOWeek(containing: Day(year: 2027, month: 1, day: 1)!).description == "2026-W53")
        #expect(ISOWeek(containing: Day(year: 2024, month: 12, day: 30)!).description == "2025-W01")
    }

    @Test func yamlQuotingSurvivesTheParser() throws {
        let title = #"Debate: "quotes", colons: and \ backslashes # not a comment"#
        let parsed = YAMLReader.parse("title: \(Archetypes.yamlQuoted(title))\n")
        #expect(try parsed.get()["title"]?.string == title)
    }

    @Test func githubAnnotationsEscapeTheirFields() {
        let diagnostics = [
            Diagnostic.error("50% done,\nnext line", at: SourceLocation(path: "content/books/a,b:c.md", line: 3, column: 8)),
            Diagnostic.warning("no position", at: SourceLocation(path: "content/site.yml")),
            Diagnostic.warning("nowhere"),
        ]
        #expect(DiagnosticFormat.github.render(diagnostics) == """
            ::error file=content/books/a%2Cb%3Ac.md,line=3,col=8::50%25 done,%0Anext line
            ::warning file=content/site.yml::no position
            ::warning::nowhere

            """)
    }

    @Test func jsonReportCountsAndLocatesEveryDiagnostic() throws {
        let diagnostics = [Diagnostic.error("bad", at: SourceLocation(path: "a.md", line: 2, column: 5)), .warning("meh")]
        let data = Data(DiagnosticFormat.json.render(diagnostics).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 1)
        let entries = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(entries[0]["file"] as? String == "a.md" && entries[0]["line"] as? Int == 2 && entries[0]["column"] as? Int == 5)
        #expect(entries[1]["file"] == nil && entries[1]["severity"] as? String == "warning")
    }
}
