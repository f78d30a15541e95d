import COutloudSystem
import Foundation

/// Writes a finished site: into a staging folder next to the output folder, then swapped in
/// whole. Outloud only replaces or deletes folders that carry its marker file.
///
/// An output folder that is a symbolic link (a web root linked into the repository) is
/// resolved first: the site is swapped in at the link's target, beside it, and the link stays.
/// One build at a time writes an output folder (`OutputLock`). A mount point cannot be
/// swapped; `inPlace` writes into the folder itself instead, without the swap.
///
/// The site a build replaces is kept next to the output folder as `.<name>.outloud-recycle`
/// and becomes the next build's staging folder: its files are rewritten in place and only
/// what the new site lacks is deleted. Creating a file is the dearest thing a build does on
/// ext4 (a fresh inode, and a search past the ones the last build deleted); rewriting one
/// costs a tenth of it.
struct OutputFolder: Sendable {
    /// The file that marks a folder as made by Outloud.
    static let markerName = ".outloud-output"
    static let markerText = "This folder is written by `outloud build`; it is replaced on every build.\n"
    /// Put in the kept previous site, so a repository holding the output folder ignores it.
    static let ignoreEverything = "# The previous site, kept by `outloud build` to write the next one faster; safe to delete.\n*\n"

    var path: String
    /// Writes into the output folder itself, replacing files one by one, instead of swapping
    /// a new folder in (`--in-place`): for a mount point, at the price of a reader seeing a
    /// half-written site while a build runs.
    var inPlace = false
    /// Waits for another build writing the same output folder; false fails at once (`--no-wait`).
    var waits = true
    /// Told once when the build waits for another.
    var onWait: (@Sendable (String) -> Void)?

    struct Failure: Error, Sendable, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    init(path: String) {
        self.path = path
    }

    /// The name of the lock file inside an output folder written in place.
    static let inPlaceLockName = ".outloud-lock"

    /// The output folder's absolute path, a symbolic link followed to its target (which need
    /// not exist yet): the folder a build swaps, and the one its siblings sit beside.
    var absolute: URL {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        for _ in 0..<32 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else { break }
            url = URL(fileURLWithPath: destination, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
        }
        return url
    }

    /// How the output folder is named in messages: its path, and its target when it is a link.
    var named: String {
        let target = absolute.path
        return target == URL(fileURLWithPath: path).standardizedFileURL.path ? path : "\(path) (a link to \(target))"
    }

    /// Refuses output folders that would destroy something: `/`, the home folder, the content
    /// folder or a folder holding it, the working folder, or a non-empty folder without the marker.
    func check(contentPath: String) -> Failure? {
        let target = absolute.resolvingSymlinksInPath().path
        let content = URL(fileURLWithPath: contentPath).standardizedFileURL.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().path
        if target == "/" || target == home || target == working {
            return Failure(message: "refusing to use \(target) as the output folder; name a folder of its own, like `output`")
        }
        // Inside the content folder is allowed (`--content .` in a repository of notes): a
        // folder holding the marker is never read as content (`DiskWalker`).
        if target == content || content.hasPrefix(target + "/") {
            return Failure(message: "the output folder \(path) overlaps the content folder \(contentPath)")
        }
        if FileIO.disk.isDirectory(target) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
            if !entries.isEmpty && !entries.contains(Self.markerName) {
                return Failure(message: "\(named) exists and was not made by Outloud (no \(Self.markerName) file); refusing to replace it. Remove it or choose another --output")
            }
            if !inPlace && Self.isMountPoint(target) { return mountPointFailure }
        } else if FileIO.disk.exists(target) {
            return Failure(message: "\(named) exists and is not a folder")
        }
        return nil
    }

    /// Why a mount point cannot be the output folder of a build that swaps, and what works.
    var mountPointFailure: Failure {
        Failure(message: "\(named) is a mount point: a build cannot swap a new folder in for it. Either build into a folder "
            + "beside it and copy the site over (`outloud build --output site && rsync -a --delete site/ \(absolute.path)/`), "
            + "or write into it in place with --in-place (not atomic: while a build runs, a reader may see a half-written site)")
    }

    /// Whether `path` is the root of a mounted file system: another device than its parent's,
    /// or the same folder as its parent (`/`). A bind mount within one file system passes
    /// this, and is caught when the swap fails with EBUSY.
    static func isMountPoint(_ path: String) -> Bool {
        var folder = stat(), parent = stat()
        guard stat(path, &folder) == 0, stat(path + "/..", &parent) == 0 else { return false }
        return folder.st_dev != parent.st_dev || folder.st_ino == parent.st_ino
    }

    /// The folders next to the output folder that Outloud uses, by name.
    struct Siblings {
        let parent: String
        let name: String
        var staging: String { FileIO.join(parent, ".\(name).outloud-staging-\(getpid())") }
        var recycle: String { FileIO.join(parent, ".\(name).outloud-recycle") }
        var previous: String { FileIO.join(parent, ".\(name).outloud-previous-\(getpid())") }
        var lock: String { FileIO.join(parent, ".\(name).outloud-lock") }
        /// Left by builds that were killed (any process id).
        var leftoverPrefixes: [String] { [".\(name).outloud-staging-", ".\(name).outloud-previous-"] }
    }

    var siblings: Siblings {
        Siblings(parent: absolute.deletingLastPathComponent().path, name: absolute.lastPathComponent)
    }

    /// Claims the staging folder next to the output folder, before the site is known: the kept
    /// previous site (or a new folder), and what it holds. A build claims it first thing, so
    /// that walking the kept site (11,000 folders take a fifth of a second) happens while the
    /// notes are read.
    func claim() throws(Failure) -> Claim {
        if inPlace { return try claimInPlace() }
        let siblings = self.siblings
        let recycled: Bool
        let lock: OutputLock
        do {
            try FileManager.default.createDirectory(atPath: siblings.parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "cannot make \(siblings.parent): \((error as NSError).localizedDescription)")
        }
        lock = try OutputLock.take(siblings.lock, waits: waits, onWait: onWait)
        do {
            Self.gatherLeftovers(siblings)
            recycled = try Self.claimStaging(siblings)
        } catch {
            lock.release()
            throw Failure(message: "cannot write \(siblings.staging): \((error as NSError).localizedDescription)")
        }
        return Claim(output: self, root: siblings.staging, recycled: recycled, existing: FolderInventory(root: siblings.staging), lock: lock)
    }

    /// The output folder itself as the staging folder (`inPlace`), made and marked if new.
    private func claimInPlace() throws(Failure) -> Claim {
        let target = absolute.path
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "cannot make \(named): \((error as NSError).localizedDescription)")
        }
        let lock = try OutputLock.take(FileIO.join(target, Self.inPlaceLockName), waits: waits, onWait: onWait)
        let marker = FileIO.join(target, Self.markerName)
        if !FileIO.disk.exists(marker) {
            do {
                try Data(Self.markerText.utf8).write(to: URL(fileURLWithPath: marker))
            } catch {
                lock.release()
                throw Failure(message: "cannot write \(marker): \((error as NSError).localizedDescription)")
            }
        }
        var existing = FolderInventory(root: target)
        existing.files.remove(Self.inPlaceLockName)
        return Claim(output: self, root: target, recycled: true, existing: existing, lock: lock)
    }

    /// A claimed staging folder, not yet laid out for a site.
    struct Claim: Sendable {
        let output: OutputFolder
        let root: String
        /// The staging folder was a kept site, not a new folder.
        let recycled: Bool
        let existing: FolderInventory
        /// Held until the site is swapped in or the claim given back.
        let lock: OutputLock

        /// Makes room for `paths` (relative file paths); pages are written into the result as
        /// they are rendered; `finish` swaps it in, `abandon` gives it back.
        func lay(paths: Set<String>) throws(Failure) -> Staging {
            do {
                return Staging(claim: self, site: try StagingSite(root: root, existing: existing, paths: paths))
            } catch {
                release()
                throw error
            }
        }

        /// Leaves the output folder as it was. A kept site stays kept, with whatever was
        /// written into it; a folder made for this build is removed, so a failed first build
        /// leaves nothing.
        func release() {
            defer { lock.release() }
            if output.inPlace { return }  // what was written stays: there is no old site to go back to
            if recycled {
                OutputFolder.keep(root, output.siblings)
            } else {
                OutputFolder.removeOwnFolder(root)
            }
        }
    }

    /// `claim()`, then `lay(paths:)`.
    func begin(paths: Set<String>) throws(Failure) -> Staging {
        try claim().lay(paths: paths)
    }

    /// A build's output while it is being written.
    struct Staging: Sendable {
        let claim: Claim
        let site: StagingSite

        /// Writes one page; any thread may call it.
        func write(_ page: Page) throws(Failure) { try site.write(page) }

        /// Writes one file; any thread may call it.
        func write(_ bytes: [UInt8], to path: String) throws(Failure) { try site.write(bytes, to: path) }

        /// Copies `files` (output path → source file, read through `reading`) in parallel.
        func copy(_ files: [String: String], from reading: FileIO = .disk) async throws(Failure) {
            let copies = files.sorted { $0.key < $1.key }
            let site = self.site
            let failures = await Parallel.batches(count: copies.count, batchSize: 64) { batch -> Failure? in
                do throws(Failure) {
                    for (relative, source) in copies[batch] { try site.copy(source, to: relative, from: reading) }
                    return nil
                } catch {
                    return error
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
        }

        /// Deletes what the new site lacks and swaps it in for the output folder.
        func finish() throws(Failure) {
            defer { claim.lock.release() }
            site.removeStale()
            if claim.output.inPlace { return }
            try claim.output.swapIn(claim.output.siblings)
        }

        /// Leaves the output folder as it was (see `Claim.release`).
        func abandon() { claim.release() }
    }

    /// Writes `pages` and copies `files` (output path → source path) into the staging folder,
    /// then swaps it in for the output folder. Returns the number of files written.
    func write(pages: [Page], files: [String: String]) async throws(Failure) -> Int {
        let staging = try begin(paths: Set(pages.map(\.path)).union(files.keys))
        let failures = await Parallel.batches(count: pages.count, batchSize: 64) { batch -> Failure? in
            do throws(Failure) {
                for page in pages[batch] { try staging.write(page) }
                return nil
            } catch {
                return error
            }
        }
        do throws(Failure) {
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            try await staging.copy(files, from: .disk)
        } catch {
            staging.abandon()
            throw error
        }
        try staging.finish()
        return pages.count + files.count
    }

    /// The staging folder: the kept previous site when there is one, else a new marked folder.
    /// True when it is a kept site.
    private static func claimStaging(_ siblings: Siblings) throws -> Bool {
        if isLink(siblings.recycle) {
            unlink(siblings.recycle)  // not ours to write through, whatever it points to
        } else if FileIO.disk.exists(FileIO.join(siblings.recycle, markerName)), rename(siblings.recycle, siblings.staging) == 0 {
            return true
        }
        try FileManager.default.createDirectory(atPath: siblings.staging, withIntermediateDirectories: false)
        try Data(markerText.utf8).write(to: URL(fileURLWithPath: FileIO.join(siblings.staging, markerName)))
        return false
    }

    /// Replaces the output folder with the staging folder: one atomic exchange where the
    /// system offers it, so a reader (or a killed build) never sees a half-written site.
    fileprivate func swapIn(_ siblings: Siblings) throws(Failure) {
        let target = absolute.path, staging = siblings.staging
        guard FileIO.disk.exists(target) else {
            guard rename(staging, target) == 0 else {
                throw Failure(message: "cannot move the new site into \(named): \(String(cString: strerror(errno)))")
            }
            return
        }
        if outloud_exchange_paths(staging, target) == 0 {
            Self.keep(staging, siblings)  // now the previous site
            return
        }
        let previous = siblings.previous
        guard rename(target, previous) == 0 else {
            let reason = errno  // before the clean-up below sets it again
            Self.keep(staging, siblings)
            throw reason == EBUSY || reason == EXDEV ? mountPointFailure
                : Failure(message: "cannot replace \(named): \(String(cString: strerror(reason)))")
        }
        guard rename(staging, target) == 0 else {
            let reason = errno
            _ = rename(previous, target)
            Self.keep(staging, siblings)
            throw Failure(message: "cannot move the new site into \(named): \(String(cString: strerror(reason)))")
        }
        Self.keep(previous, siblings)
    }

    /// Whether `path` is a symbolic link (followed or not, it is not a folder of ours).
    static func isLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// Keeps a replaced site (ours: it was the output folder) as the next build's staging folder.
    fileprivate static func keep(_ folder: String, _ siblings: Siblings) {
        guard FileIO.disk.exists(FileIO.join(folder, markerName)) else {
            rmdir(folder)  // the output folder was empty; anything else in it was not ours
            return
        }
        try? Data(ignoreEverything.utf8).write(to: URL(fileURLWithPath: FileIO.join(folder, ".gitignore")))
        if rename(folder, siblings.recycle) != 0 {
            removeOwnFolder(folder)  // a recycle folder is there already, from a build running alongside
        }
    }

    /// Staging and previous folders left by builds that were killed, ours by name and marker:
    /// one becomes the recycle folder if there is none, the rest are deleted. A folder whose
    /// process is still running is not a leftover, whatever it is doing there.
    private static func gatherLeftovers(_ siblings: Siblings) {
        for entry in ((try? FileManager.default.contentsOfDirectory(atPath: siblings.parent)) ?? []).sorted() {
            guard let prefix = siblings.leftoverPrefixes.first(where: entry.hasPrefix) else { continue }
            if let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            let folder = FileIO.join(siblings.parent, entry)
            if isLink(folder) {
                unlink(folder)
                continue
            }
            guard FileIO.disk.exists(FileIO.join(folder, markerName)) else {
                rmdir(folder)  // killed between making the folder and marking it: still empty
                continue
            }
            if FileIO.disk.exists(siblings.recycle) || rename(folder, siblings.recycle) != 0 {
                removeOwnFolder(folder)
            }
        }
    }

    /// Deletes a folder Outloud made, its marker last: a build killed half-way through the
    /// deletion leaves a folder that still says whose it is, so the next build finishes the job.
    static func removeOwnFolder(_ folder: String) {
        if isLink(folder) {
            unlink(folder)  // the link only: where it leads is not ours
            return
        }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for child in children where child != markerName {
            try? FileManager.default.removeItem(atPath: FileIO.join(folder, child))
        }
        unlink(FileIO.join(folder, markerName))
        rmdir(folder)
    }
}
