import CSystem
import Foundation

/// Writes a finished site: into a staging folder next to the output folder, then swapped in
/// whole. Outloud only replaces or deletes folders that carry its marker file.
public struct OutputFolder: Sendable {
    /// The file that marks a folder as made by Outloud.
    public static let markerName = ".outloud-output"
    static let markerText = "This folder is written by `outloud build`; it is replaced on every build.\n"

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
        if target == content || content.hasPrefix(target + "/") || target.hasPrefix(content + "/") {
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

    /// Writes `pages` and copies `files` (output path → source path) into a fresh staging
    /// folder, then swaps it in for the output folder. Returns the number of files written.
    public func write(pages: [Page], files: [String: String]) async throws(Failure) -> Int {
        let parent = absolute.deletingLastPathComponent().path
        let name = absolute.lastPathComponent
        let staging = FileIO.join(parent, ".\(name).outloud-staging-\(getpid())")
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            removeLeftovers(in: parent, name: name)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
            try Data(Self.markerText.utf8).write(to: URL(fileURLWithPath: FileIO.join(staging, Self.markerName)))
            try await StagingWriter(root: staging).write(pages: pages, files: files)
        } catch let failure as Failure {
            Self.removeOwnFolder(staging)
            throw failure
        } catch {
            Self.removeOwnFolder(staging)
            throw Failure(message: "cannot write \(staging): \((error as NSError).localizedDescription)")
        }
        try swapIn(staging: staging, parent: parent, name: name)
        return pages.count + files.count
    }

    /// Replaces the output folder with the staging folder: one atomic exchange where the
    /// system offers it, so a reader (or a killed build) never sees a half-written site.
    private func swapIn(staging: String, parent: String, name: String) throws(Failure) {
        let target = absolute.path
        guard FileIO.disk.exists(target) else {
            guard rename(staging, target) == 0 else {
                throw Failure(message: "cannot move the new site into \(path): \(String(cString: strerror(errno)))")
            }
            return
        }
        if outloud_exchange_paths(staging, target) == 0 {
            Self.removeOwnFolder(staging)  // now the previous site
            return
        }
        let previous = FileIO.join(parent, ".\(name).outloud-previous-\(getpid())")
        guard rename(target, previous) == 0 else {
            Self.removeOwnFolder(staging)
            throw Failure(message: "cannot replace \(path): \(String(cString: strerror(errno)))")
        }
        guard rename(staging, target) == 0 else {
            _ = rename(previous, target)
            Self.removeOwnFolder(staging)
            throw Failure(message: "cannot move the new site into \(path): \(String(cString: strerror(errno)))")
        }
        Self.removeOwnFolder(previous)
    }

    /// Staging and previous folders left by a build that was killed: ours by name and marker.
    private func removeLeftovers(in parent: String, name: String) {
        let prefixes = [".\(name).outloud-staging-", ".\(name).outloud-previous-"]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        where prefixes.contains(where: entry.hasPrefix) {
            let folder = FileIO.join(parent, entry)
            if FileIO.disk.exists(FileIO.join(folder, Self.markerName)) {
                Self.removeOwnFolder(folder)
            } else {
                rmdir(folder)  // killed between making the folder and marking it: still empty
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

/// Writes files into the staging folder, folders first, then contents in parallel.
struct StagingWriter: Sendable {
    let root: String
    var batchSize = 64

    func write(pages: [Page], files: [String: String]) async throws {
        var folders = Set<String>()
        for relative in pages.map(\.path) + files.keys {
            var folder = Self.parent(of: relative)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = Self.parent(of: folder)
            }
        }
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(atPath: FileIO.join(root, folder), withIntermediateDirectories: true)
        }
        let root = self.root
        try await withThrowingTaskGroup(of: Void.self) { group in
            for start in stride(from: 0, to: pages.count, by: batchSize) {
                let batch = pages[start..<min(start + batchSize, pages.count)]
                group.addTask {
                    for page in batch {
                        try Data(page.contents.utf8).write(to: URL(fileURLWithPath: FileIO.join(root, page.path)))
                    }
                }
            }
            try await group.waitForAll()
        }
        for (relative, source) in files.sorted(by: { $0.key < $1.key }) {
            try FileManager.default.copyItem(atPath: source, toPath: FileIO.join(root, relative))
        }
    }

    /// `a/b/c.html` → `a/b`; `c.html` → ``.
    static func parent(of relative: String) -> String {
        guard let slash = relative.lastIndex(of: "/") else { return "" }
        return String(relative[..<slash])
    }
}
