import Foundation

extension FileIO {
    /// A file held in memory: its bytes and its modification time.
    struct MemoryFile: Sendable {
        var contents: Data
        var modified: Date

        init(contents: Data, modified: Date) {
            self.contents = contents
            self.modified = modified
        }
    }

    /// Folders held in memory: `files` by path (as a build names them: the content folder or
    /// the themes folder joined with a relative path). Folders are the paths above the files.
    /// Listing skips what the disk walk skips (hidden entries, folders holding the output
    /// marker), in the same order, so a build from a copy in memory writes the same bytes.
    static func memory(_ files: [String: MemoryFile]) -> FileIO {
        var folders = Set<String>()
        for path in files.keys {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        let folderSet = folders
        let markedFolders = Set(files.keys.filter { $0.hasSuffix("/" + OutputFolder.markerName) }.map { String($0.dropLast(OutputFolder.markerName.count + 1)) })
        let sortedPaths = files.keys.sorted()
        return FileIO(
            exists: { files[$0] != nil || folderSet.contains($0) },
            isDirectory: { folderSet.contains($0) },
            readData: { path, maximumSize in
                guard let file = files[path] else { return .failure(Failure(message: "cannot read file: No such file or directory")) }
                if let maximumSize, file.contents.count > maximumSize { return .failure(tooLarge(file.contents.count)) }
                return .success(file.contents)
            },
            modified: { files[$0]?.modified },
            listFiles: { root in
                let prefix = root.hasSuffix("/") ? root : root + "/"
                var listed: [ContentFile] = []
                for path in sortedPaths where path.hasPrefix(prefix) {
                    let relative = String(path.dropFirst(prefix.count))
                    let parts = relative.split(separator: "/")
                    if parts.contains(where: { $0.hasPrefix(".") }) { continue }
                    var folder = Substring(path)
                    var marked = false
                    while let slash = folder.lastIndex(of: "/"), folder.count > prefix.count {
                        folder = folder[..<slash]
                        if markedFolders.contains(String(folder)) { marked = true; break }
                    }
                    if !marked, let file = files[path] { listed.append(ContentFile(relativePath: relative, modified: file.modified)) }
                }
                return (listed, [])
            })
    }
}
