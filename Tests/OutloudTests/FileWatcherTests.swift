import Foundation
import Synchronization
import Testing
@testable import Outloud

/// Each test runs with inotify (`polling: false`) and with the polling fallback (`true`).
@Suite struct FileWatcherTests {
    @Test(arguments: [false, true]) func aNewFileInASubfolderGivesOneBatchNamingIt(polling: Bool) async throws {
        let watched = try WatchedFolder(polling: polling, before: { $0.write("notes/old.md", "old") })
        defer { watched.close() }
        #expect(watched.watcher.mechanism == (polling ? "polling" : "inotify"))

        watched.write("notes/new.md", "new")

        #expect(await watched.waitUntil { $0.count == 1 })
        #expect(await watched.staysAt(batchCount: 1))
        #expect(watched.batches.first?.paths == [watched.path("notes/new.md")])
    }

    @Test(arguments: [false, true]) func writesCloserThanTheQuietPeriodGiveOneBatch(polling: Bool) async throws {
        // A quiet period well above the 20 ms of writing, so that a busy machine cannot split the batch.
        let watched = try WatchedFolder(polling: polling, quiet: .seconds(1), before: { $0.write("note.md", "0") })
        defer { watched.close() }

        // The writes on this thread, without suspending: with the whole suite running, a task
        // sleeping 5 ms could wait longer than the quiet period to be resumed.
        for text in ["one", "two!", "three!!"] {
            watched.write("note.md", text)
            usleep(5_000)
        }

        #expect(await watched.waitUntil { $0.count == 1 })
        #expect(await watched.staysAt(batchCount: 1))
        #expect(watched.batches.first?.paths == [watched.path("note.md")])
    }

    @Test(arguments: [false, true]) func aSubfolderMadeWhileWatchingIsWatched(polling: Bool) async throws {
        let watched = try WatchedFolder(polling: polling)
        defer { watched.close() }

        // The first file may be written before the new folder's watch is added.
        watched.write("later/first.md", "first")
        #expect(await watched.waitUntil { Self.named($0, watched.path("later/first.md")) })

        watched.write("later/deeper/second.md", "second")
        #expect(await watched.waitUntil { Self.named($0, watched.path("later/deeper/second.md")) })
        #expect(Self.named(watched.batches, watched.path("later")))
    }

    @Test(arguments: [false, true]) func aRootDeletedAndMadeAgainIsWatchedAgain(polling: Bool) async throws {
        let watched = try WatchedFolder(polling: polling, before: { $0.write("notes/old.md", "old") })
        defer { watched.close() }

        try FileManager.default.removeItem(atPath: watched.root)
        watched.write("restored.md", "restored")
        #expect(await watched.waitUntil { Self.named($0, watched.path("restored.md")) })

        watched.write("notes/after.md", "after")
        #expect(await watched.waitUntil { Self.named($0, watched.path("notes/after.md")) })
    }

    @Test(arguments: [false, true]) func editorNoiseIsIgnoredButItsFinalRenameIsNot(polling: Bool) async throws {
        let watched = try WatchedFolder(polling: polling, before: { $0.write("note.md", "before") })
        defer { watched.close() }

        for noise in [".note.md.swp", "note.md~", "4913"] { watched.write(noise, "noise") }
        try await Task.sleep(for: .milliseconds(500))
        #expect(watched.batches.isEmpty)

        watched.write("note.md.tmp", "after saving")
        #expect(rename(watched.path("note.md.tmp"), watched.path("note.md")) == 0)
        #expect(await watched.waitUntil { !$0.isEmpty })
        #expect(await watched.staysAt(batchCount: 1))
        #expect(watched.batches.first?.paths == [watched.path("note.md")])
    }

    @Test(arguments: [false, true]) func stoppingFinishesTheStream(polling: Bool) async throws {
        let watched = try WatchedFolder(polling: polling)
        defer { watched.close() }

        watched.watcher.stop()

        #expect(await watched.waitUntil { _ in watched.streamFinished })
        watched.write("unseen.md", "after stop")
        #expect(await watched.staysAt(batchCount: 0))
    }

    private static func named(_ batches: [FileChanges], _ path: String) -> Bool {
        batches.contains { $0.paths.contains(path) }
    }
}

/// A watcher over a fresh temporary folder, with every batch it gives recorded as it comes, so
/// that tests wait for batches with a deadline instead of hanging on the stream.
private final class WatchedFolder: Sendable {
    let root: String
    let watcher: FileWatcher
    let quiet: Duration
    private let record = Record()
    private let reader: Task<Void, Never>

    /// `before` fills the folder before the watcher starts.
    init(polling: Bool, quiet: Duration = .milliseconds(60), before: (WatchedFolder.Files) -> Void = { _ in }) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("outloud-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        before(Files(root: root))
        self.quiet = quiet
        watcher = try FileWatcher(roots: [root], quiet: quiet, polling: polling)
        let changes = watcher.changes
        reader = Task { [record] in
            for await batch in changes { record.batches.withLock { $0.append(batch) } }
            record.finished.store(true, ordering: .relaxed)
        }
    }

    /// Writes files under a root, making their folders.
    struct Files {
        let root: String

        func write(_ relative: String, _ contents: String) {
            let file = URL(fileURLWithPath: root + "/" + relative)
            try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(contents.utf8).write(to: file)
        }
    }

    func write(_ relative: String, _ contents: String) { Files(root: root).write(relative, contents) }

    func path(_ relative: String) -> String { root + "/" + relative }

    var batches: [FileChanges] { record.batches.withLock { $0 } }
    var streamFinished: Bool { record.finished.load(ordering: .relaxed) }

    /// Whether `condition` holds of the batches within `limit`, checked every 10 ms.
    // Generous: the suite runs beside CPU-bound suites (hostile inputs), and the wait ends as
    // soon as the condition holds.
    /// The limit is counted in checks 10 ms apart, not on the wall clock: when CPU-bound tests
    /// hold every thread of the pool, this loop and the task reading the batches stop
    /// together, and a wall-clock deadline passed while neither ran failed the wait.
    func waitUntil(_ limit: Duration = .seconds(15), _ condition: ([FileChanges]) -> Bool) async -> Bool {
        for _ in 0..<Int(limit / .milliseconds(10)) {
            if condition(batches) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition(batches)
    }

    /// Whether no further batch comes for longer than a quiet period plus a polling interval.
    func staysAt(batchCount: Int) async -> Bool {
        try? await Task.sleep(for: quiet + .milliseconds(400))
        return batches.count == batchCount
    }

    func close() {
        watcher.stop()
        reader.cancel()
        try? FileManager.default.removeItem(atPath: root)
    }

    private final class Record: Sendable {
        let batches = Mutex<[FileChanges]>([])
        let finished = Atomic<Bool>(false)
    }
}
