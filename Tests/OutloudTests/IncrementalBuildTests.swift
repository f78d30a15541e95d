import Foundation
import Synchronization
import Testing
@testable import Outloud

/// `Build.update` renders only what depends on an edited note, and the site it leaves is the
/// same bytes, with the same diagnostics, as a whole build of the same files.
@Suite struct IncrementalBuildTests {
    let folder = TemporaryFolder()
    var content: String { folder.path + "/content" }

    init() throws {
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("content"), to: folder.url.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Repository.themes, to: folder.url.appendingPathComponent("themes"))
    }

    func options(_ output: String, memory: BuildMemory?) -> BuildOptions {
        var options = BuildOptions.withoutGit()
        options.contentPath = content
        options.themesPath = folder.path + "/themes"
        options.outputPath = folder.path + "/" + output
        options.memory = memory
        options.today = Day(year: 2026, month: 11, day: 23)
        return options
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let path = content + "/" + relative
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit to \(relative) changes it")
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Applies `update` to the served site and compares it with a fresh build.
    func expectSameAsFreshBuild(_ served: BuildReport, _ name: String, output: String = "served") async {
        let fresh = await Build.run(options("fresh", memory: nil))
        #expect(served.diagnostics.map(\.description) == fresh.diagnostics.map(\.description), "\(name): the same diagnostics")
        guard served.succeeded else { return }
        let a = folder.files(under: output), b = folder.files(under: "fresh")
        #expect(a.keys.sorted() == b.keys.sorted(), "\(name): the same files")
        let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(differing.isEmpty, "\(name): \(differing.prefix(5))")
    }

    @Test func bodyEditsUpdateOnlyWhatDependsOnThemAndEqualAFullBuild() async throws {
        let memory = BuildMemory()
        let served = options("served", memory: memory)
        let first = await Build.run(served)
        #expect(first.succeeded, "\(first.diagnostics)")
        let total = first.pagesWritten

        let edits: [(name: String, paths: [String], change: () throws -> Void)] = [
            ("a paragraph linking to another note", ["books/drive.md"], {
                try edit("books/drive.md") { $0 + "\nOne more paragraph about [[Accelerate]] and its four metrics.\n" }
            }),
            ("the words around that link", ["books/drive.md"], {
                try edit("books/drive.md") { $0.replacingOccurrences(of: "and its four metrics", with: "and what it measures") }
            }),
            ("the link taken out", ["books/drive.md"], {
                try edit("books/drive.md") { $0.replacingOccurrences(of: "about [[Accelerate]] and", with: "about Accelerate and") }
            }),
            ("a log's first paragraph, its card's summary", ["logs/jonas/2026-w47.md"], {
                try edit("logs/jonas/2026-w47.md") { $0.replacingOccurrences(of: "This was my first week", with: "This was, at last, my first week") }
            }),
            ("enough words to change the reading time", ["logs/jonas/2026-w47.md"], {
                try edit("logs/jonas/2026-w47.md") { $0 + "\n" + String(repeating: "More words about the week on call. ", count: 80) + "\n" }
            }),
            ("a heading another note links to", ["books/accelerate.md"], {
                try edit("books/accelerate.md") { $0.replacingOccurrences(of: "## Our numbers, January 2026", with: "## Our numbers in January") }
            }),
            ("the heading back", ["books/accelerate.md"], {
                try edit("books/accelerate.md") { $0.replacingOccurrences(of: "## Our numbers in January", with: "## Our numbers, January 2026") }
            }),
            ("two notes at once", ["books/drive.md", "books/accelerate.md"], {
                try edit("books/drive.md") { $0 + "\nSee also [[Drive, from the keyboard side]].\n" }
                try edit("books/accelerate.md") { $0 + "\nCompare [[books/drive]].\n" }
            }),
            ("a link to no note, a warning", ["books/drive.md"], {
                try edit("books/drive.md") { $0 + "\nAnd [[A note nobody wrote]].\n" }
            }),
            ("the broken link mended", ["books/drive.md"], {
                try edit("books/drive.md") { $0.replacingOccurrences(of: "[[A note nobody wrote]]", with: "[[The Fifth Discipline]]") }
            }),
            ("the same text saved again", ["books/drive.md"], {
                try edit("books/drive.md") { $0 + " " }
            }),
        ]
        for (name, paths, change) in edits {
            try change()
            let announced = Mutex<[BuildReport]>([])
            let report = await Build.update(served, changed: Set(paths.map { content + "/" + $0 })) { report in
                announced.withLock { $0.append(report) }
            }
            guard let report else {
                Issue.record("\(name): update declined a body edit")
                continue
            }
            #expect(announced.withLock { $0.count } == 1, "\(name): announced once")
            #expect(report.changedNotes == paths.count)
            #expect(report.pagesWritten < total / 4, "\(name): \(report.pagesWritten) of \(total) pages written")
            #expect(report.succeeded, "\(name): \(report.diagnostics)")
            if name.contains("a warning") {
                #expect(report.pagesWritten > 0, "\(name): the page is written with the link marked")
                #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.contains("A note nobody wrote") })
            }
            if name.contains("heading another note links to") {
                #expect(report.diagnostics.contains { $0.message.contains("has no heading #Our numbers, January 2026") && $0.location?.path.hasSuffix("debates/ship-show-ask.md") == true })
            }
            await expectSameAsFreshBuild(report, name)
        }
    }

    @Test func editsOtherPagesListNotesByAreLeftToAWholeBuild() async throws {
        let memory = BuildMemory()
        let served = options("served", memory: memory)
        #expect(await Build.run(served).succeeded)
        let declined: [(name: String, path: String, change: () throws -> Void)] = [
            // Punctuation only, so that wikilinks by title still find it.
            ("a title", "books/drive.md", { try edit("books/drive.md") { $0.replacingOccurrences(of: "on a product team\"", with: "on a product team!\"") } }),
            ("the tags", "books/drive.md", { try edit("books/drive.md") { $0.replacingOccurrences(of: "\ntags: [", with: "\ntags: [observability, ") } }),
            ("a new file", "books/new.md", { try "---\ntitle: New\n---\nNew.\n".write(toFile: content + "/books/new.md", atomically: true, encoding: .utf8) }),
            ("skills.yml", "skills.yml", { try edit("skills.yml") { $0 + "\n" } }),
        ]
        for (name, path, change) in declined {
            try change()
            let report = await Build.update(served, changed: [content + "/" + path]) { _ in }
            #expect(report == nil, "\(name): left to a whole build")
            // The whole build that follows takes up the record again.
            let rebuilt = await Build.run(served)
            #expect(rebuilt.succeeded, "\(name): \(rebuilt.diagnostics)")
            await expectSameAsFreshBuild(rebuilt, name)
        }
        // After them, a body edit is an update again.
        try edit("books/drive.md") { $0 + "\nA last paragraph.\n" }
        let report = await Build.update(served, changed: [content + "/books/drive.md"]) { _ in }
        #expect(report?.succeeded == true)
        if let report { await expectSameAsFreshBuild(report, "a body edit after whole builds") }
    }

    /// A pathway shows its steps' titles, summaries and times: an edit to a step's note, title
    /// or body, is a whole build, and the pathway's page shows the change.
    @Test func aStepsTitleOrBodyChangeRebuildsItsPathwayPage() async throws {
        let memory = BuildMemory()
        let served = options("served", memory: memory)
        #expect(await Build.run(served).succeeded)
        let pathwayPage = folder.path + "/served/pathways/accessibility-competent/index.html"
        let step = "harvests/fast-web-conference-2026.md"
        let edits: [(name: String, change: () throws -> Void, shows: String?)] = [
            ("its title", { try edit(step) { $0.replacingOccurrences(of: "what we brought back from Amsterdam", with: "what we brought home") } },
             "Fast Web Conference 2026: what we brought home"),
            // Only the body: what other pages list the note by is unchanged, but its time is not.
            ("its body, long enough to change its reading time", {
                try edit(step) { $0 + "\n" + String(repeating: "More notes from the second day of talks. ", count: 120) + "\n" }
            }, nil),
        ]
        for (name, change, shows) in edits {
            try change()
            let report = await Build.update(served, changed: [content + "/" + step]) { _ in }
            #expect(report == nil, "\(name): left to a whole build")
            let rebuilt = await Build.run(served)
            #expect(rebuilt.succeeded, "\(name): \(rebuilt.diagnostics)")
            let html = try String(contentsOfFile: pathwayPage, encoding: .utf8)
            if let shows { #expect(html.contains(shows), "\(name): the pathway's page shows the change") }
            await expectSameAsFreshBuild(rebuilt, name)
        }
    }
}
