import Foundation
import Glibc
import Synchronization

/// What changed under the watched folders since the last batch.
///
/// Paths are absolute: a root as given to `FileWatcher` (made absolute, without a trailing
/// slash) followed by the path inside it. A folder that appears is named along with everything
/// in it; one that disappears is named itself (its files may be named too). A root named by
/// itself means anything under it may have changed — it was deleted, replaced, or the kernel
/// dropped events — so whatever was built from it should be rebuilt.
public struct FileChanges: Sendable, Equatable {
    public var paths: Set<String>
}

/// Why a `FileWatcher` could not start.
public struct FileWatcherError: Error, CustomStringConvertible {
    let call: String
    let code: Int32

    public var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
}

/// Watches folders for changes, for `outloud serve`: when a note, data file, asset or template
/// changes, the site is rebuilt. Linux inotify where the kernel allows it, else scanning the
/// folders every 250 ms. One thread per watcher sleeps in `poll()` until the kernel has events,
/// a timer is due, or `stop()` wakes it.
public final class FileWatcher: Sendable {
    /// The batches of changes, one per quiet period; it finishes after `stop()`. For one
    /// consumer: an `AsyncStream` gives each batch to one iterator only.
    public let changes: AsyncStream<FileChanges>
    private let loop: WatchLoop

    /// Watches `roots` (folders) recursively. A root that does not exist yet, or is deleted
    /// later, is looked for every 250 ms and watched again when it appears, so deleting and
    /// restoring `content/` keeps working. `quiet`: changes are coalesced until nothing more has
    /// changed for this long, so that a save that writes several times, or a `git checkout`
    /// touching many files, gives one batch. `polling` scans instead of using inotify; the
    /// watcher scans anyway when inotify is unavailable or its watch limit is reached.
    public init(roots: [String], quiet: Duration = .milliseconds(20), polling: Bool = false) throws {
        var seen = Set<String>()
        let roots = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }.filter { seen.insert($0).inserted }
        let (stream, continuation) = AsyncStream.makeStream(of: FileChanges.self)
        loop = try WatchLoop(roots: roots, quiet: quiet, polling: polling, continuation: continuation)
        changes = stream
        continuation.onTermination = { [weak loop] _ in loop?.requestStop() }
        loop.start()
    }

    /// "inotify" or "polling": which mechanism is in use (inotify can give way to polling later,
    /// when the system's watch limit is reached).
    public var mechanism: String { loop.usesPolling ? "polling" : "inotify" }

    /// Ends the watching thread and the stream; when it returns, the thread's files are closed.
    public func stop() { loop.stop() }

    deinit { loop.stop() }
}

/// The watcher's thread, and what it shares with the rest of the program.
private final class WatchLoop: Sendable {
    let roots: [String]
    let quiet: Duration
    let continuation: AsyncStream<FileChanges>.Continuation
    /// The thread's own state, held by it for its whole life: a Mutex only to hand it over.
    private let source: Mutex<any ChangeSource>
    private let polling: Atomic<Bool>
    /// The read end of the pipe that wakes the thread when the write end is closed.
    private let wakeReader: Int32
    /// The write end, until `requestStop()` closes it (then -1): taken with one atomic
    /// exchange, so that two threads stopping at once close it once.
    private let wakeWriter: Atomic<Int32>
    private let finished = DispatchGroup()

    init(roots: [String], quiet: Duration, polling: Bool, continuation: AsyncStream<FileChanges>.Continuation) throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw FileWatcherError(call: "pipe", code: errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wakeReader = ends[0]
        wakeWriter = Atomic(ends[1])
        let watches = polling ? nil : InotifyWatches.start(roots: roots)
        self.polling = Atomic(watches == nil)
        let source: any ChangeSource = watches ?? PollingScanner(roots: roots, quiet: quiet)
        self.source = Mutex(source)
        self.roots = roots
        self.quiet = quiet
        self.continuation = continuation
    }

    var usesPolling: Bool { polling.load(ordering: .relaxed) }

    func start() {
        finished.enter()
        let thread = Thread { [self] in
            run()
            finished.leave()
        }
        thread.name = "outloud file watcher"
        thread.start()
    }

    /// Wakes the thread to end it, without waiting: safe from the stream's termination handler,
    /// which may run on the thread itself.
    func requestStop() {
        let end = wakeWriter.exchange(-1, ordering: .acquiringAndReleasing)
        if end >= 0 { close(end) }
    }

    func stop() {
        requestStop()
        finished.wait()
    }

    /// Collects changes as the source finds them, and yields them once `quiet` has passed with
    /// nothing new, until the wake pipe is closed.
    private func run() {
        source.withLock { source in
            var pending = Set<String>()
            var deadline: ContinuousClock.Instant?
            while true {
                let wakeAt = deadline.map { min($0, source.nextCheck) } ?? source.nextCheck
                let woken = waitForEvents(on: source.descriptor, until: wakeAt)
                if woken.stop { break }
                let now = ContinuousClock.now
                var found = source.collect(readable: woken.readable, now: now)
                // Some folders went unwatched: polling sees them all, and anything may have been missed.
                if source.watchLimitReached {
                    source.close()
                    source = PollingScanner(roots: roots, quiet: quiet)
                    polling.store(true, ordering: .relaxed)
                    found.formUnion(roots)
                }
                if !found.isEmpty {
                    pending.formUnion(found)
                    deadline = now + quiet
                }
                if let due = deadline, now >= due {
                    continuation.yield(FileChanges(paths: pending))
                    pending = []
                    deadline = nil
                }
            }
            source.close()
        }
        close(wakeReader)
        continuation.finish()
    }

    /// Sleeps until the wake pipe or `descriptor` has something to read, or `until` passes.
    private func waitForEvents(on descriptor: Int32?, until: ContinuousClock.Instant) -> (stop: Bool, readable: Bool) {
        var watched = [pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0)]
        if let descriptor { watched.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        let (seconds, attoseconds) = max(.zero, until - .now).components
        let milliseconds = min(Int64(Int32.max), seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
        guard poll(&watched, nfds_t(watched.count), Int32(milliseconds)) > 0 else { return (false, false) }
        return (watched[0].revents != 0, watched.count > 1 && watched[1].revents & Int16(POLLIN) != 0)
    }
}

/// A way of finding changes: the loop sleeps until `descriptor` is readable or `nextCheck`
/// passes, then asks `collect` what changed.
private protocol ChangeSource: AnyObject {
    /// A file to wait on for events, or nil for a source that only works on a timer.
    var descriptor: Int32? { get }
    var nextCheck: ContinuousClock.Instant { get }
    /// Set when the system will not give more watches, so that the loop falls back to polling.
    var watchLimitReached: Bool { get }
    /// The paths changed since the last call; `readable`: `descriptor` has events waiting.
    func collect(readable: Bool, now: ContinuousClock.Instant) -> Set<String>
    func close()
}

/// Names never reported: hidden files and folders (`.git`, `.DS_Store`; the build skips them
/// too) and what editors write while saving — Emacs lock files (`.#note.md`), backups
/// (`note.md~`), vim's swap files and its write probe `4913`, temporary files. A temporary
/// file renamed onto the real name is reported under the real name.
private enum Ignored {
    static func folder(_ name: String) -> Bool { name.hasPrefix(".") }

    static func file(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913"
    }
}

/// A folder's entries worth watching, as `lstat` sees them: links are not followed, so a link
/// to a folder is watched as a file (its target, inside a root, is watched anyway).
private func watchedEntries(of folder: String) -> [(path: String, status: stat, isFolder: Bool)] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
    return names.compactMap { name in
        let path = folder + "/" + name
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        let isFolder = status.st_mode & S_IFMT == S_IFDIR
        guard !(isFolder ? Ignored.folder(name) : Ignored.file(name)) else { return nil }
        return (path, status, isFolder)
    }
}

/// Which folder a path names now (following a root that is a link): a root deleted and made
/// again, or replaced by another folder, has another identity.
private struct FolderIdentity: Equatable {
    let device: UInt
    let inode: UInt

    init?(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
        device = UInt(status.st_dev)
        inode = UInt(status.st_ino)
    }
}

/// Linux inotify: a watch on every folder under each root, added as folders appear.
private final class InotifyWatches: ChangeSource {
    static let events = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)
    /// How often the roots are checked for being deleted, replaced, or made.
    static let rootCheckInterval = Duration.milliseconds(250)

    private let handle: Int32
    private let roots: [String]
    private var folders: [Int32: String] = [:]
    private var watchOfFolder: [String: Int32] = [:]
    /// Each watched root's identity when it was watched; a root missing here is waited for.
    private var rootIdentity: [String: FolderIdentity] = [:]
    private(set) var watchLimitReached = false
    private(set) var nextCheck = ContinuousClock.now + rootCheckInterval

    /// Watches every folder under `roots`, or nil when inotify is unavailable or its limits are
    /// too low for these folders.
    static func start(roots: [String]) -> InotifyWatches? {
        let handle = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard handle >= 0 else { return nil }
        let watches = InotifyWatches(handle: handle, roots: roots)
        var existing = Set<String>()
        for root in roots { watches.watchRoot(root, reporting: &existing) }
        guard !watches.watchLimitReached else {
            watches.close()
            return nil
        }
        return watches
    }

    private init(handle: Int32, roots: [String]) {
        self.handle = handle
        self.roots = roots
    }

    var descriptor: Int32? { handle }

    func collect(readable: Bool, now: ContinuousClock.Instant) -> Set<String> {
        var changes = Set<String>()
        if readable { readEvents(into: &changes) }
        checkRoots(into: &changes)
        nextCheck = now + Self.rootCheckInterval
        return changes
    }

    func close() { _ = Glibc.close(handle) }

    private func readEvents(into changes: inout Set<String>) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(handle, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + 16 <= count {
                    let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let name = String(decoding: bytes[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
                    handle(watch: watch, mask: mask, name: name, into: &changes)
                    offset += 16 + length
                }
            }
        }
    }

    private func handle(watch: Int32, mask: UInt32, name: String, into changes: inout Set<String>) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            rewatchEverything(into: &changes)
            return
        }
        guard let folder = folders[watch] else { return }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[watch] = nil
            if watchOfFolder[folder] == watch { watchOfFolder[folder] = nil }
            return
        }
        guard !name.isEmpty else {
            // A folder's own deletion or move: the parent reports it by name, except for a root.
            if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0, rootIdentity[folder] != nil {
                forgetTree(folder)
                rootIdentity[folder] = nil
                changes.insert(folder)
            }
            return
        }
        let path = folder + "/" + name
        guard mask & UInt32(IN_ISDIR) != 0 else {
            if !Ignored.file(name) { changes.insert(path) }
            return
        }
        guard !Ignored.folder(name) else { return }
        changes.insert(path)
        if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { forgetTree(path) }
        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path, isRoot: false, reporting: &changes) }
    }

    /// Watches roots that appeared or were replaced since the last check, and drops those gone.
    private func checkRoots(into changes: inout Set<String>) {
        for root in roots {
            let identity = FolderIdentity(root)
            guard identity != rootIdentity[root] else { continue }
            if rootIdentity[root] != nil {
                forgetTree(root)
                rootIdentity[root] = nil
            }
            changes.insert(root)
            watchRoot(root, reporting: &changes)
        }
    }

    private func watchRoot(_ root: String, reporting changes: inout Set<String>) {
        guard let identity = FolderIdentity(root) else { return }
        rootIdentity[root] = identity
        watchTree(root, isRoot: true, reporting: &changes)
    }

    /// Watches `folder` and the folders under it, and reports what they hold: files may have been
    /// made in a new folder before its watch was added.
    private func watchTree(_ folder: String, isRoot: Bool, reporting changes: inout Set<String>) {
        let flags = Self.events | UInt32(IN_ONLYDIR) | (isRoot ? 0 : UInt32(IN_DONT_FOLLOW))
        let watch = inotify_add_watch(handle, folder, flags)
        guard watch >= 0 else {
            if errno == ENOSPC || errno == ENOMEM { watchLimitReached = true }
            return
        }
        folders[watch] = folder
        watchOfFolder[folder] = watch
        for entry in watchedEntries(of: folder) {
            changes.insert(entry.path)
            if entry.isFolder { watchTree(entry.path, isRoot: false, reporting: &changes) }
        }
    }

    /// Drops the watches on `folder` and under it: it is gone, or moved to where its paths
    /// would be wrong (a move within the roots watches it again under its new name).
    private func forgetTree(_ folder: String) {
        for (path, watch) in watchOfFolder where path == folder || path.hasPrefix(folder + "/") {
            inotify_rm_watch(handle, watch)
            folders[watch] = nil
            watchOfFolder[path] = nil
        }
    }

    /// After the kernel dropped events, nothing is known: watch everything again and report the
    /// roots themselves.
    private func rewatchEverything(into changes: inout Set<String>) {
        for watch in folders.keys { inotify_rm_watch(handle, watch) }
        folders = [:]
        watchOfFolder = [:]
        rootIdentity = [:]
        var contents = Set<String>()
        for root in roots { watchRoot(root, reporting: &contents) }
        changes.formUnion(roots)
    }
}

/// Scanning the roots every 250 ms and comparing each entry's size, modification time and
/// inode with the last scan: for systems without inotify, or beyond its limits.
private final class PollingScanner: ChangeSource {
    static let interval = Duration.milliseconds(250)

    /// An entry as last seen; a folder counts as changed only when it appears, goes, or is
    /// replaced (a new file in it is reported by itself).
    private struct Entry: Equatable {
        var isFolder: Bool
        var size = 0
        var modified = 0
        var inode: UInt
    }

    private let roots: [String]
    /// While changes keep coming, scans follow each other this closely, so that a batch is not
    /// cut in two by the 250 ms interval; a floor keeps a zero `quiet` from scanning nonstop.
    private let rescanDelay: Duration
    private var snapshot: [String: Entry]
    private(set) var nextCheck = ContinuousClock.now + interval

    init(roots: [String], quiet: Duration) {
        self.roots = roots
        rescanDelay = min(max(quiet, .milliseconds(20)), Self.interval)
        snapshot = Self.scan(roots)
    }

    var descriptor: Int32? { nil }
    var watchLimitReached: Bool { false }

    func collect(readable: Bool, now: ContinuousClock.Instant) -> Set<String> {
        guard now >= nextCheck else { return [] }
        let current = Self.scan(roots)
        var changes = Set<String>()
        for (path, entry) in current where snapshot[path] != entry { changes.insert(path) }
        for path in snapshot.keys where current[path] == nil { changes.insert(path) }
        snapshot = current
        nextCheck = now + (changes.isEmpty ? Self.interval : rescanDelay)
        return changes
    }

    func close() {}

    private static func scan(_ roots: [String]) -> [String: Entry] {
        var entries: [String: Entry] = [:]
        for root in roots {
            guard let identity = FolderIdentity(root) else { continue }
            entries[root] = Entry(isFolder: true, inode: identity.inode)
            add(root, to: &entries)
        }
        return entries
    }

    private static func add(_ folder: String, to entries: inout [String: Entry]) {
        for entry in watchedEntries(of: folder) {
            let status = entry.status
            if entry.isFolder {
                entries[entry.path] = Entry(isFolder: true, inode: UInt(status.st_ino))
                add(entry.path, to: &entries)
            } else {
                let modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
                entries[entry.path] = Entry(isFolder: false, size: Int(status.st_size), modified: modified, inode: UInt(status.st_ino))
            }
        }
    }
}
