import COutloudSystem
import Foundation

/// Writes a finished site: into a staging folder next to the output folder, then swapped in
/// whole. Outloud only replaces or deletes folders that carry its marker file.
///
/// The site a build replaces is kept next to the output folder as `.<name>.outloud-recycle`
/// and becomes the next build's staging folder: its files are rewritten in place and only
/// what the new site lacks is deleted. Creating a file is the dearest thing a build does on
/// ext4 (a fresh inode, and a search past the ones the last build deleted); rewriting one
/// costs a tenth of it.
public struct OutputFolder: Sendable {
    /// The file that marks a folder as made by Outloud.
    public static let markerName = ".outloud-output"
    static let markerText = "This folder is written by `outloud build`; it is replaced on every build.\n"
    /// Put in the kept previous site, so a repository holding the output folder ignores it.
    static let ignoreEverything = "# The previous site, kept by `outloud build` to write the next one faster; safe to delete.\n*\n"

    public var path: String

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public init(path: String) {
        self.path = path
    }

    var absolute: URL { URL(fileURLWithPath: path).standardizedFileURL }

    /// Refuses output folders that would destroy something: `/`, the home folder, the content
    /// folder or a folder holding it, the working folder, or a non-empty folder without the marker.
    public func check(contentPath: String) -> Failure? {
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
        if FileIO.disk.isDirectory(path) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.markerName) {
                return Failure(message: "\(path) exists and was not made by Outloud (no \(Self.markerName) file); refusing to replace it. Remove it or choose another --output")
            }
        } else if FileIO.disk.exists(path) {
            return Failure(message: "\(path) exists and is not a folder")
        }
        return nil
    }

    /// The folders next to the output folder that Outloud uses, by name.
    struct Siblings {
        let parent: String
        let name: String
        var staging: String { FileIO.join(parent, ".\(name).outloud-staging-\(getpid())") }
        var recycle: String { FileIO.join(parent, ".\(name).outloud-recycle") }
        var previous: String { FileIO.join(parent, ".\(name).outloud-previous-\(getpid())") }
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
    public func claim() throws(Failure) -> Claim {
        let siblings = self.siblings
        let recycled: Bool
        do {
            try FileManager.default.createDirectory(atPath: siblings.parent, withIntermediateDirectories: true)
            Self.gatherLeftovers(siblings)
            recycled = try Self.claimStaging(siblings)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "cannot write \(siblings.staging): \((error as NSError).localizedDescription)")
        }
        return Claim(output: self, root: siblings.staging, recycled: recycled, existing: FolderInventory(root: siblings.staging))
    }

    /// A claimed staging folder, not yet laid out for a site.
    public struct Claim: Sendable {
        let output: OutputFolder
        let root: String
        /// The staging folder was a kept site, not a new folder.
        let recycled: Bool
        let existing: FolderInventory

        /// Makes room for `paths` (relative file paths); pages are written into the result as
        /// they are rendered; `finish` swaps it in, `abandon` gives it back.
        public func lay(paths: Set<String>) throws(Failure) -> Staging {
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
        public func release() {
            if recycled {
                OutputFolder.keep(root, output.siblings)
            } else {
                OutputFolder.removeOwnFolder(root)
            }
        }
    }

    /// `claim()`, then `lay(paths:)`.
    public func begin(paths: Set<String>) throws(Failure) -> Staging {
        try claim().lay(paths: paths)
    }

    /// A build's output while it is being written.
    public struct Staging: Sendable {
        let claim: Claim
        let site: StagingSite

        /// Writes one page; any thread may call it.
        public func write(_ page: Page) throws(Failure) { try site.write(page) }

        /// Writes one file; any thread may call it.
        public func write(_ bytes: [UInt8], to path: String) throws(Failure) { try site.write(bytes, to: path) }

        /// Copies `files` (output path → source file) in parallel.
        public func copy(_ files: [String: String]) async throws(Failure) {
            let copies = files.sorted { $0.key < $1.key }
            let site = self.site
            let failures = await Parallel.batches(count: copies.count, batchSize: 64) { batch -> Failure? in
                do throws(Failure) {
                    for (relative, source) in copies[batch] { try site.copy(source, to: relative) }
                    return nil
                } catch {
                    return error
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
        }

        /// Deletes what the new site lacks and swaps it in for the output folder.
        public func finish() throws(Failure) {
            site.removeStale()
            try claim.output.swapIn(claim.output.siblings)
        }

        /// Leaves the output folder as it was (see `Claim.release`).
        public func abandon() { claim.release() }
    }

    /// Writes `pages` and copies `files` (output path → source path) into the staging folder,
    /// then swaps it in for the output folder. Returns the number of files written.
    public func write(pages: [Page], files: [String: String]) async throws(Failure) -> Int {
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
            try await staging.copy(files)
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
        if FileIO.disk.exists(FileIO.join(siblings.recycle, markerName)), rename(siblings.recycle, siblings.staging) == 0 {
            return true  // another build running at the same moment finds no recycle folder and starts afresh
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
                throw Failure(message: "cannot move the new site into \(path): \(String(cString: strerror(errno)))")
            }
            return
        }
        if outloud_exchange_paths(staging, target) == 0 {
            Self.keep(staging, siblings)  // now the previous site
            return
        }
        let previous = siblings.previous
        guard rename(target, previous) == 0 else {
            Self.removeOwnFolder(staging)
            throw Failure(message: "cannot replace \(path): \(String(cString: strerror(errno)))")
        }
        guard rename(staging, target) == 0 else {
            _ = rename(previous, target)
            Self.removeOwnFolder(staging)
            throw Failure(message: "cannot move the new site into \(path): \(String(cString: strerror(errno)))")
        }
        Self.keep(previous, siblings)
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
    /// one becomes the recycle folder if there is none, the rest are deleted.
    private static func gatherLeftovers(_ siblings: Siblings) {
        for entry in ((try? FileManager.default.contentsOfDirectory(atPath: siblings.parent)) ?? []).sorted()
        where siblings.leftoverPrefixes.contains(where: entry.hasPrefix) {
            let folder = FileIO.join(siblings.parent, entry)
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
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for child in children where child != markerName {
            try? FileManager.default.removeItem(atPath: FileIO.join(folder, child))
        }
        unlink(FileIO.join(folder, markerName))
        rmdir(folder)
    }
}
