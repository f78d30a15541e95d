import Foundation

/// Walks a folder depth-first in a fixed order, skipping hidden entries and the output
/// folders Outloud made, and refusing to follow a symlink out of the folder (or into a loop).
struct DiskWalker {
    let root: String
    private let rootReal: String

    init(root: String) {
        self.root = root
        rootReal = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    }

    func walk() -> (files: [ContentFile], problems: [Diagnostic]) {
        var files: [ContentFile] = []
        var problems: [Diagnostic] = []
        var visited: Set<String> = [rootReal]
        visit("", files: &files, problems: &problems, visited: &visited)
        return (files.sorted { $0.relativePath < $1.relativePath }, problems)
    }

    private func visit(_ relative: String, files: inout [ContentFile], problems: inout [Diagnostic], visited: inout Set<String>) {
        let folder = FileIO.join(root, relative)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            // A sub-folder that cannot be read is left out; the content folder itself is everything.
            problems.append(relative.isEmpty ? .error("cannot read folder", at: SourceLocation(path: folder))
                                             : .containedError("cannot read folder; it is left out", at: SourceLocation(path: folder)))
            return
        }
        // A site Outloud built inside the content folder (`--content .`) is not content.
        if !relative.isEmpty && names.contains(OutputFolder.markerName) { return }
        for name in names where !name.hasPrefix(".") {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childPath = FileIO.join(root, childRelative)
            // `lstat` itself: FileManager's attributes look up the owner's and group's names too.
            guard var status = Self.linkStatus(childPath) else {
                problems.append(.containedError("cannot read file attributes; it is left out", at: SourceLocation(path: childPath)))
                continue
            }
            if status.st_mode & S_IFMT == S_IFLNK {
                let target = URL(fileURLWithPath: childPath).resolvingSymlinksInPath().path
                guard target == rootReal || target.hasPrefix(rootReal + "/") else {
                    problems.append(.warning("symlink points outside the content folder; not followed", at: SourceLocation(path: childPath)))
                    continue
                }
                // A link that still resolves to a link is dangling or part of a loop.
                guard let targetStatus = Self.linkStatus(target), targetStatus.st_mode & S_IFMT != S_IFLNK else {
                    problems.append(.warning("symlink is broken or loops; not followed", at: SourceLocation(path: childPath)))
                    continue
                }
                status = targetStatus
                if status.st_mode & S_IFMT == S_IFDIR {
                    guard visited.insert(target).inserted else {
                        problems.append(.warning("symlink loops back to a folder already read; not followed", at: SourceLocation(path: childPath)))
                        continue
                    }
                }
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                visit(childRelative, files: &files, problems: &problems, visited: &visited)
            case S_IFREG:
                let modified = Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
                files.append(ContentFile(relativePath: childRelative, modified: modified))
            default:
                continue
            }
        }
    }

    /// The entry itself, not what a link points to.
    private static func linkStatus(_ path: String) -> stat? {
        var status = stat()
        return lstat(path, &status) == 0 ? status : nil
    }
}
