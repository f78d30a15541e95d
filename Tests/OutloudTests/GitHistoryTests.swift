import Foundation
import Testing
@testable import Outloud

/// A git repository in a temporary folder, made commit by commit with fixed authors and
/// dates, and cut off from the machine's git configuration.
struct TemporaryRepository {
    struct Author {
        var name: String
        var email: String
        static let ana = Author(name: "Ana Lima", email: "ana@example.com")
        static let ben = Author(name: "Ben Okoro", email: "ben.okoro@example.com")
        static let stranger = Author(name: "Someone Else", email: "someone@elsewhere.example")
    }

    struct GitFailed: Error, CustomStringConvertible {
        var description: String
    }

    static let git = Git.find(environment: ProcessInfo.processInfo.environment)?.executable
    static var available: Bool { git != nil }

    let folder = TemporaryFolder()
    var path: String { folder.path + "/repo" }

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git(["init", "-q"])
    }

    func write(_ relative: String, _ contents: String) { folder.write("repo/" + relative, contents) }

    /// Stages everything and commits it as `author` on `date` (ISO 8601, with its offset).
    func commit(_ message: String, by author: Author, on date: String) throws {
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", message], author: author, date: date)
    }

    @discardableResult
    func git(_ arguments: [String], in directory: String? = nil, author: Author = .ana,
             date: String = "2026-01-01T12:00:00+00:00") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.git))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? path)
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder.path, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email, "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": author.name, "GIT_COMMITTER_EMAIL": author.email, "GIT_COMMITTER_DATE": date,
        ]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitFailed(description: "git \(arguments.joined(separator: " ")): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// An environment in which git finds no repository above `folder` (the temporary folder
/// may itself be inside one).
func environment(stoppingAt folder: String) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CEILING_DIRECTORIES"] = folder
    return environment
}

/// Loads a content folder with git history on.
func loadWithGit(_ contentPath: String, environment: [String: String]) async -> Content {
    var loader = ContentLoader(contentPath: contentPath)
    loader.environment = environment
    return await loader.load()
}

/// Dates and authors from git: one `git log`, renames followed, people mapped by e-mail.
@Suite(.enabled(if: TemporaryRepository.available, "git is not installed"))
struct GitHistoryTests {
    static let people = """
        - {id: ana, name: Ana Lima, email: ana@example.com}
        - {id: ben, name: Ben Okoro, email: Ben.Okoro@Example.COM}

        """
    /// Twenty lines, so a one-line edit keeps a rename above git's similarity threshold.
    static let longBody = (1...20).map { "Line \($0) of a note long enough to be followed." }.joined(separator: "\n") + "\n"

    /// Two authors, a stranger, renames, a move into the content folder, unusual names and
    /// a file never committed, with the content folder in a sub-folder of the repository.
    func teamRepository() throws -> TemporaryRepository {
        let repo = try TemporaryRepository()
        repo.write("README.md", "Not content.\n")
        repo.write("site/content/people.yml", Self.people)
        repo.write("site/content/books/drive.md", "# Drive\n\nFirst.\n")
        repo.write("site/content/books/old-name.md", "# Moved\n\n" + Self.longBody)
        repo.write("site/content/books/café notes.md", "# Café notes\n\nOnce.\n")
        repo.write("site/content/books/dated.md", "---\ndate: 2025-12-20\n---\n# Dated\n\nFirst.\n")
        repo.write("site/content/books/given.md", "---\ndate: 2025-12-01\nupdated: 2025-12-02\nauthors: [ben]\n---\n# Given\n")
        repo.write("site/content/logs/ben/2026-w02.md", "---\nweek: 2026-W02\n---\nA log.\n")
        repo.write("ideas/later.md", "# Later\n\nAn idea for another day.\n")
        try repo.commit("Start", by: .ana, on: "2026-01-05T10:00:00+00:00")

        repo.write("site/content/books/drive.md", "# Drive\n\nFirst.\n\nSecond.\n")
        // Late in the evening in New York: already the 11th in UTC, the 10th for Ben.
        repo.write("site/content/books/dated.md", "---\ndate: 2025-12-20\n---\n# Dated\n\nSecond.\n")
        repo.write("site/content/books/given.md", "---\ndate: 2025-12-01\nupdated: 2025-12-02\nauthors: [ben]\n---\n# Given\n\nMore.\n")
        repo.write("site/content/logs/ben/2026-w02.md", "---\nweek: 2026-W02\n---\nA log, edited.\n")
        try repo.commit("Edit", by: .ben, on: "2026-02-10T23:30:00-05:00")

        repo.write("site/content/books/drive.md", "# Drive\n\nFirst.\n\nSecond.\n\nThird.\n")
        try repo.commit("Edit by someone not in people.yml", by: .stranger, on: "2026-03-15T09:00:00+00:00")

        try repo.git(["mv", "site/content/books/old-name.md", "site/content/books/middle-name.md"])
        try repo.commit("Rename only", by: .stranger, on: "2026-04-01T09:00:00+00:00")

        try repo.git(["mv", "site/content/books/middle-name.md", "site/content/books/new-name.md"])
        repo.write("site/content/books/new-name.md", "# Moved\n\n" + Self.longBody + "One more line.\n")
        try repo.git(["mv", "ideas/later.md", "site/content/books/later.md"])
        try repo.commit("Rename with an edit; move into the content folder", by: .ben, on: "2026-05-01T09:00:00+00:00")

        repo.write("site/content/books/uncommitted.md", "# Uncommitted\n")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_751_630_400)],  // 2025-07-04
                                              ofItemAtPath: repo.path + "/site/content/books/uncommitted.md")
        return repo
    }

    struct Facts: Equatable, CustomStringConvertible {
        var date: String?
        var updated: String?
        var authors: [String]
        var description: String { "\(date ?? "-") \(updated ?? "-") \(authors)" }
    }

    func facts(_ content: Content) -> [String: Facts] {
        Dictionary(uniqueKeysWithValues: content.notes.map {
            ($0.sourcePath, Facts(date: $0.date?.description, updated: $0.updated?.description, authors: $0.authors))
        })
    }

    @Test func datesAndAuthorsComeFromCommitsWhenFrontMatterLeavesThemOut() async throws {
        let repo = try teamRepository()
        let content = await loadWithGit(repo.path + "/site/content", environment: environment(stoppingAt: repo.folder.path))
        #expect(content.diagnostics == [], "an uncommitted file takes its file's date without a word")
        let notes = facts(content)
        #expect(notes["books/drive.md"] == Facts(date: "2026-01-05", updated: "2026-03-15", authors: ["ana", "ben"]),
                "created by the first commit, updated by the last; the stranger's e-mail is not in people.yml")
        #expect(notes["books/café notes.md"] == Facts(date: "2026-01-05", updated: nil, authors: ["ana"]),
                "a note committed once has no updated day; a name with a space and an accent")
        #expect(notes["books/new-name.md"] == Facts(date: "2026-01-05", updated: "2026-05-01", authors: ["ana", "ben"]),
                "two renames followed back; the pure rename by the stranger is not a change")
        #expect(notes["books/later.md"] == Facts(date: "2026-05-01", updated: nil, authors: ["ben"]),
                "history starts when the file entered the content folder")
        #expect(notes["books/dated.md"] == Facts(date: "2025-12-20", updated: "2026-02-10", authors: ["ana", "ben"]),
                "front matter's date wins; updated is the author's own day of the last commit")
        #expect(notes["books/given.md"] == Facts(date: "2025-12-01", updated: "2025-12-02", authors: ["ben"]),
                "front matter wins for every field")
        #expect(notes["logs/ben/2026-w02.md"] == Facts(date: "2026-01-09", updated: "2026-02-10", authors: ["ben"]),
                "a log's week and folder win over git")
        #expect(notes["books/uncommitted.md"] == Facts(date: "2025-07-04", updated: nil, authors: []))
        #expect(content.gitSeconds != nil)
    }

    @Test func contentAtTheRepositoryRootAndNoGitOption() async throws {
        let repo = try TemporaryRepository()
        repo.write("people.yml", Self.people)
        repo.write("books/a.md", "# A\n")
        try repo.commit("A", by: .ben, on: "2026-03-03T08:00:00+00:00")
        let content = await loadWithGit(repo.path, environment: environment(stoppingAt: repo.folder.path))
        #expect(facts(content)["books/a.md"] == Facts(date: "2026-03-03", updated: nil, authors: ["ben"]))

        var loader = ContentLoader(contentPath: repo.path)
        loader.useGit = false
        let withoutGit = await loader.load()
        #expect(withoutGit.diagnostics == [] && withoutGit.gitSeconds == nil)
        #expect(withoutGit.notes.first?.authors == [])
    }

    @Test func outsideARepositoryOneNoteSaysDatesMayBeApproximate() async throws {
        let folder = TemporaryFolder()
        folder.write("content/books/a.md", "# A\n")
        folder.write("content/books/b.md", "# B\n")
        folder.write("content/books/c.md", "---\ndate: 2026-01-01\n---\n# C\n")
        let content = await loadWithGit(folder.path + "/content", environment: environment(stoppingAt: folder.path))
        #expect(content.diagnostics.map(\.description) == [
            "\(folder.path)/content: note: not in a git repository; the dates of 2 notes come from file modification times and may be approximate",
        ])
        #expect(content.diagnostics.warningCount == 0 && content.diagnostics.errorCount == 0, "a note is not counted")

        folder.write("content/books/a.md", "---\ndate: 2026-01-01\n---\n# A\n")
        folder.write("content/books/b.md", "---\ndate: 2026-01-01\n---\n# B\n")
        let dated = await loadWithGit(folder.path + "/content", environment: environment(stoppingAt: folder.path))
        #expect(dated.diagnostics == [], "nothing to say when every date is given")
    }

    @Test func shallowCloneSaysOnceWhichDatesAreApproximate() async throws {
        let repo = try TemporaryRepository()
        repo.write("books/old.md", "# Old\n")
        repo.write("books/edited.md", "# Edited\n")
        try repo.commit("One", by: .ana, on: "2026-01-05T10:00:00+00:00")
        repo.write("books/middle.md", "# Middle\n")
        try repo.commit("Two", by: .ana, on: "2026-02-05T10:00:00+00:00")
        repo.write("books/edited.md", "# Edited\n\nAgain.\n")
        repo.write("books/new.md", "# New\n")
        try repo.commit("Three", by: .ben, on: "2026-03-05T10:00:00+00:00")
        let clone = repo.folder.path + "/clone"
        try repo.git(["clone", "-q", "--depth", "2", "file://" + repo.path, clone], in: repo.folder.path)

        let content = await loadWithGit(clone, environment: environment(stoppingAt: repo.folder.path))
        #expect(content.diagnostics.map(\.description) == [
            "\(clone): note: the repository is a shallow clone, so its history is cut short; the dates of 3 notes may be approximate (fetch the whole history with `git fetch --unshallow`, or `fetch-depth: 0` in CI)",
        ])
        let notes = facts(content)
        #expect(notes["books/new.md"]?.date == "2026-03-05", "added after the cut: exact")
        #expect(notes["books/edited.md"]?.date == "2026-03-05", "older than the cut: its oldest commit in the clone")
        let today = Day(Date()).description
        #expect(notes["books/middle.md"]?.date == today, "only in the clone's oldest commit: the checkout's file time")
        #expect(notes["books/old.md"]?.date == today)
    }

    @Test func withoutGitOnThePathTheBuildSaysSoOnceAndSucceeds() async throws {
        let folder = TemporaryFolder()
        folder.write("content/site.yml", "base_url: https://learning.example/\n")
        folder.write("content/books/a.md", "# A\n")
        try FileManager.default.createDirectory(atPath: folder.path + "/empty-bin", withIntermediateDirectories: true)
        var options = BuildOptions()
        options.contentPath = folder.path + "/content"
        options.outputPath = folder.path + "/output"
        options.themesPath = Repository.themes.path
        options.strict = true
        options.environment = ["PATH": folder.path + "/empty-bin"]
        let report = await Build.run(options)
        #expect(report.diagnostics.map(\.description) == [
            "\(folder.path)/content: note: git is not installed (no `git` on PATH); the dates of 1 note come from file modification times and may be approximate",
        ])
        #expect(report.succeeded, "a note does not fail a build, even under --strict")
        #expect(report.summary.hasSuffix(": 0 warnings, 0 errors."))
    }
}
