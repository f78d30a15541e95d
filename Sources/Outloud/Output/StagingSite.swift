import Foundation

/// A staging folder being filled with a site whose file paths are known up front. It holds
/// whatever an earlier build left there: files the new site has are rewritten in place, by any
/// number of threads at once; files and folders it lacks are deleted at the end. The result
/// is the new site and nothing else.
final class StagingSite: Sendable {
    let root: String
    /// Files already there, which are rewritten rather than created.
    private let present: Set<String>
    /// What the earlier site had and the new one has not.
    private let staleFiles: [String]
    private let staleFolders: [String]

    /// Makes room in `root`, which holds `existing`, for `paths` (relative file paths): their
    /// folders exist afterwards.
    init(root: String, existing: FolderInventory, paths: Set<String>) throws(OutputFolder.Failure) {
        self.root = root
        var existing = existing
        var folders = Set<String>()
        for relative in paths {
            var folder = Self.parent(of: relative)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = Self.parent(of: folder)
            }
        }
        // Clear the way: a file where the new site has a folder, a folder where it has a file.
        for folder in folders where existing.files.contains(folder) {
            unlink(FileIO.join(root, folder))
            existing.files.remove(folder)
        }
        for relative in paths where existing.folders.contains(relative) {
            do {
                try FileManager.default.removeItem(atPath: FileIO.join(root, relative))
            } catch {
                throw OutputFolder.Failure(message: "cannot remove \(FileIO.join(root, relative)): \((error as NSError).localizedDescription)")
            }
            existing.forget(under: relative)
        }
        for folder in folders.sorted() where !existing.folders.contains(folder) {
            let path = FileIO.join(root, folder)
            guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw FileWriter.failure("cannot make the folder", path) }
        }
        present = existing.files
        staleFiles = existing.files.subtracting(paths).filter { $0 != OutputFolder.markerName }.sorted()
        staleFolders = existing.folders.subtracting(folders)
            .sorted { $0.utf8.count(where: { $0 == 47 }) > $1.utf8.count(where: { $0 == 47 }) }  // deepest first
    }

    func write(_ page: Page) throws(OutputFolder.Failure) {
        let path = FileIO.join(root, page.path), replacing = present.contains(page.path)
        try page.contents.withUTF8Bytes { (bytes) throws(OutputFolder.Failure) in
            try FileWriter.write(UnsafeRawBufferPointer(bytes), to: path, replacing: replacing)
        }
    }

    func write(_ bytes: some ContiguousBytes, to relative: String) throws(OutputFolder.Failure) {
        let path = FileIO.join(root, relative), replacing = present.contains(relative)
        let result: Result<Void, OutputFolder.Failure> = bytes.withUnsafeBytes { raw in
            do throws(OutputFolder.Failure) { return .success(try FileWriter.write(raw, to: path, replacing: replacing)) } catch { return .failure(error) }
        }
        try result.get()
    }

    /// Copies the file at `source` to `relative`, whatever its size.
    func copy(_ source: String, to relative: String, from reading: FileIO) throws(OutputFolder.Failure) {
        guard case .success(let data) = reading.readData(source, nil) else { throw FileWriter.failure("cannot read", source) }
        try write(data, to: relative)
    }

    /// Deletes what the earlier site had and this one has not.
    func removeStale() {
        for file in staleFiles { unlink(FileIO.join(root, file)) }
        for folder in staleFolders { rmdir(FileIO.join(root, folder)) }
    }

    /// `a/b/c.html` → `a/b`; `c.html` → ``.
    static func parent(of relative: String) -> String {
        guard let slash = relative.lastIndex(of: "/") else { return "" }
        return String(relative[..<slash])
    }
}
