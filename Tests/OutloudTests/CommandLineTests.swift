import Foundation
import Testing
@testable import Outloud

/// Runs the real `outloud` binary, as a user or CI would.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable SwiftPM built next to the test bundle.
    static var binary: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("outloud").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("outloud")
    }

    /// Runs `outloud` with `arguments`, or `command` (a program and its arguments) instead.
    func outloud(_ arguments: [String], in directory: String, environment: [String: String]? = nil,
                 command: [String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = command.map { URL(fileURLWithPath: $0[0]) } ?? Self.binary
        process.arguments = command.map { Array($0.dropFirst()) } ?? arguments
        if let environment { process.environment = environment }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A work folder holding a copy of the repository's themes, as a team's repository would.
    func workFolder() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.themes, to: folder.url.appendingPathComponent("themes"))
        return folder
    }

    @Test func buildWritesTheSiteAndOneSummaryLine() throws {
        let folder = try workFolder()
        folder.write("content/site.yml", "base_url: https://learning.example/\n")
        folder.write("content/books/a.md", "---\ntitle: A\ndate: 2026-01-02\n---\nBody.\n")
        let run = try outloud(["build"], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built 6 pages from 1 notes (1 book) in ") == true, "\(run.stdout)")
        #expect(lines.first?.hasSuffix(" s: 0 warnings, 0 errors.") == true)
        #expect(folder.exists("output/books/a/index.html"))
    }

    @Test func timingsListEveryStageAfterTheSummary() throws {
        let folder = try workFolder()
        folder.write("content/books/a.md", "---\ntitle: A\ndate: 2026-01-02\n---\nBody.\n")
        let run = try outloud(["build", "--timings"], in: folder.path)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let stages = lines.dropFirst().first?.split(separator: " · ").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(stages == ["load", "resolve", "index", "render", "write"], "\(run.stdout)")
        let prefix = "render, per template (CPU time): "
        let templates = lines.last.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : "" } ?? ""
        let names = templates.split(separator: " · ").map { String($0.prefix { $0 != " " }) }
        // No skills.yml or people.yml: no skills, people or matrix pages.
        #expect(Set(names) == ["note", "home", "list", "activity", "search", "404", "partials/note-card"], "\(run.stdout)")
        #expect(templates.contains("note 1 × "), "one note page")
    }

    @Test func errorsGoToStandardErrorAsPathLineColumnAndExitOne() throws {
        let folder = try workFolder()
        folder.write("content/site.yml", "base_url: https://learning.example/\n")
        folder.write("content/books/a.md", "---\ntitle: A\nrating: [1\n---\nBody.\n")
        folder.write("content/books/b.md", "---\ntitle: B\ntags: swift\n---\nBody.\n")
        let run = try outloud(["build", "--no-git"], in: folder.path)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "all diagnostics are reported in one run")
        #expect(lines[0].hasPrefix("content/books/a.md:4:1: error: invalid YAML"), "\(lines)")
        #expect(lines[1] == "content/books/b.md:3:7: warning: `tags` must be a list, like `tags: [swift]`; it is ignored")
        // The note that cannot be read is left out; the rest of the site is still written.
        #expect(run.stdout.hasPrefix("Built "), "\(run.stdout)")
        #expect(run.stdout.contains(": 1 warning, 1 error."), "\(run.stdout)")
        #expect(folder.exists("output/books/b/index.html") && !folder.exists("output/books/a"))
        let strict = try outloud(["build", "--no-git", "--strict", "--output", "strict-out"], in: folder.path)
        #expect(strict.status == 1 && strict.stdout.hasPrefix("Failed: ") && !folder.exists("strict-out"))
    }

    @Test func theContentFolderMayBeTheWorkingFolder() throws {
        let folder = try workFolder()
        folder.write("notes/books/a.md", "---\ntitle: A\ndate: 2026-01-02\n---\nBody with a [broken](gone.md) link.\n")
        let run = try outloud(["build", "--content", ".", "--output", "../site", "--no-git"], in: folder.path + "/notes")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("books/a.md:5:13: warning: link to books/gone.md"), "messages name the path from the working folder: \(run.stderr)")
        #expect(folder.exists("site/books/a/index.html"))
        // Into `output/` inside the folder it reads: the second build does not read the first's site.
        for _ in 1...2 {
            let inside = try outloud(["build", "--content", ".", "--no-git"], in: folder.path + "/notes")
            #expect(inside.status == 0 && inside.stdout.hasPrefix("Built 6 pages from 1 notes"), "\(inside.stdout)\(inside.stderr)")
        }
        #expect(folder.files(under: "notes/output") == folder.files(under: "site"))
    }

    @Test func strictTurnsWarningsIntoAFailure() throws {
        let folder = try workFolder()
        folder.write("content/site.yml", "base_url: https://learning.example/\n")
        folder.write("content/skills.yml", "- {id: swift, name: Swift}\n")
        folder.write("content/books/a.md", "---\ntitle: A\ntags: [swfit]\n---\nBody.\n")
        #expect(try outloud(["build"], in: folder.path).status == 0)
        let strict = try outloud(["build", "--strict", "--no-git", "--output", "strict-out"], in: folder.path)
        #expect(strict.status == 1)
        #expect(strict.stderr == "content/books/a.md:3:8: warning: tag \"swfit\" is not a skill in skills.yml (did you mean \"swift\"?)\n")
    }

    @Test func checkWritesNothingAndAnnotatesForGitHub() throws {
        let folder = try workFolder()
        folder.write("content/site.yml", "base_url: https://learning.example/\n")
        folder.write("content/skills.yml", "- {id: swift, name: Swift}\n")
        folder.write("content/books/a.md", "---\ntitle: A\ntags: [swfit]\nrating: [5]\n---\nSee [[Nowhere]].\n")
        let run = try outloud(["check", "--format", "github", "--no-git", "--strict"], in: folder.path)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let expected: [String] = [
            #"::warning file=content/books/a.md,line=3,col=8::tag "swfit" is not a skill in skills.yml (did you mean "swift"?)"#,
            "::warning file=content/books/a.md,line=4,col=9::`rating` must be a whole number from 1 to 5, not a list; it is ignored",
            "::warning file=content/books/a.md,line=6,col=5::wikilink [[Nowhere]] matches no note by title, slug or file name",
        ]
        #expect(Array(lines.dropLast()) == expected)
        #expect(lines.last?.hasPrefix("Failed: 1 notes (1 book) in ") == true)
        #expect(!folder.exists("output"), "check writes nothing")
        #expect(try outloud(["check", "--no-git"], in: folder.path).status == 0, "without --strict, warnings do not fail")
        let json = try outloud(["check", "--format", "json"], in: folder.path)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(report?["errors"] as? Int == 0 && report?["warnings"] as? Int == 3)
        folder.write("content/books/a.md", "---\ntitle: A\ntags: [swift]\n---\nFine.\n")
        let clean = try outloud(["check", "--strict", "--no-git"], in: folder.path)
        #expect(clean.status == 0 && clean.stderr == "")
        #expect(clean.stdout.hasPrefix("Checked 1 notes (1 book) in "))
    }

    @Test func initThenNewThenBuildPublishesAFirstNote() throws {
        let folder = try workFolder()
        let initRun = try outloud(["init", "content", "--title", "Our Team"], in: folder.path)
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let new = try outloud(["new", "book", "The Fifth Discipline"], in: folder.path)
        #expect(new.status == 0)
        #expect(new.stdout == "content/books/the-fifth-discipline.md\n")
        let build = try outloud(["build", "--strict"], in: folder.path)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(folder.read("output/books/the-fifth-discipline/index.html")?.contains("<h1>The Fifth Discipline</h1>") == true)
        let again = try outloud(["new", "book", "The Fifth Discipline"], in: folder.path)
        #expect(again.status == 1)
        #expect(again.stderr == "error: content/books/the-fifth-discipline.md already exists; nothing was written\n")
        let unknown = try outloud(["new", "podcast", "X"], in: folder.path)
        #expect(unknown.status != 0 && unknown.stderr.contains(#"unknown kind "podcast"; choose one of book, harvest, debate, log, resource, pathway, page, note"#))
        let reinit = try outloud(["init", "content"], in: folder.path)
        #expect(reinit.status == 1 && reinit.stderr.hasPrefix("error: content is not empty"))
    }

    /// A new pathway builds as it is written: one warning, for the steps only its mentor can choose.
    @Test func newPathwayThenBuildGivesNoError() throws {
        let folder = try workFolder()
        #expect(try outloud(["init", "content"], in: folder.path).status == 0)
        let new = try outloud(["new", "pathway", "Facilitation: from novice to competent"], in: folder.path)
        #expect(new.status == 0 && new.stdout == "content/pathways/facilitation-from-novice-to-competent.md\n", "\(new.stderr)")
        let build = try outloud(["build"], in: folder.path)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("content/pathways/facilitation-from-novice-to-competent.md:1:1: warning: a pathway needs a `steps`"))
        #expect(!build.stderr.contains("error"))
        #expect(folder.read("output/pathways/facilitation-from-novice-to-competent/index.html")?.contains("Facilitation: from novice to competent") == true)
    }

    @Test func datesWithoutGitAreNotedOnceUnlessNoGitIsGiven() throws {
        let folder = try workFolder()
        folder.write("content/site.yml", "base_url: https://learning.example/\n")
        folder.write("content/books/a.md", "Body.\n")
        folder.write("content/books/b.md", "Body.\n")
        let noted = try outloud(["build", "--strict"], in: folder.path, environment: environment(stoppingAt: folder.path))
        #expect(noted.status == 0, "a note does not fail --strict")
        #expect(noted.stderr == "content: note: not in a git repository; the dates of 2 notes come from file modification times and may be approximate\n")
        #expect(noted.stdout.contains(": 0 warnings, 0 errors."))
        let quiet = try outloud(["build", "--strict", "--no-git"], in: folder.path, environment: environment(stoppingAt: folder.path))
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "")
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let folder = try workFolder()
        folder.write("content/books/a.md", "Body.\n")
        folder.write("site/keep.txt", "precious")
        let run = try outloud(["build", "--output", "site"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("site exists and was not made by Outloud"))
        #expect(folder.read("site/keep.txt") == "precious")
    }

    @Test func optionsNameOtherFolders() throws {
        let folder = try workFolder()
        folder.write("notes/books/a.md", "---\ntitle: A\n---\nBody.\n")
        folder.write("notes/books/d.md", "---\ntitle: D\ndraft: true\n---\nBody.\n")
        let run = try outloud(["build", "--content", "notes", "--output", "public", "--drafts",
                               "--base-url", "https://x.example/learn"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(folder.exists("public/books/d/index.html"))
        #expect(folder.read("public/books/a/index.html")?.contains(#"<link rel="canonical" href="https://x.example/learn/books/a/">"#) == true)
    }

    @Test func unknownThemeAndMissingContentAreErrors() throws {
        let folder = try workFolder()
        let missing = try outloud(["build"], in: folder.path)
        #expect(missing.status == 1)
        #expect(missing.stderr == "content: error: content folder not found (use --content to name another)\n")
        folder.write("content/books/a.md", "Body.\n")
        let theme = try outloud(["build", "--theme", "fancy"], in: folder.path)
        #expect(theme.status == 1)
        #expect(theme.stderr.contains("themes/fancy: error: theme \"fancy\" not found"))
    }

    @Test func versionNamesLibcmark() throws {
        let run = try outloud(["--version"], in: FileManager.default.temporaryDirectory.path)
        #expect(run.stdout == "outloud \(BuildInfo.version) (libcmark \(BuildInfo.cmarkVersion))\n")
    }
}
