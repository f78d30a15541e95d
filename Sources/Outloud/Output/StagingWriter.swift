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

/// The plain files and folders under a folder, by path relative to it. Anything else found
/// there (a symbolic link, a socket) is removed on the way: the folder is Outloud's own, and a
/// link in it must not lead a write outside.
struct FolderInventory: Sendable {
    var files = Set<String>()
    var folders = Set<String>()

    init(root: String) {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        walk(descriptor, relative: "")
    }

    /// Reads the folder open as `descriptor` (and closes it), opening each subfolder relative
    /// to it: resolving whole paths again for each of 11,000 folders doubled the time.
    private mutating func walk(_ descriptor: Int32, relative: String) {
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var status = stat()
                guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                type = switch status.st_mode & S_IFMT {
                case S_IFDIR: Int32(DT_DIR)
                case S_IFREG: Int32(DT_REG)
                default: Int32(DT_UNKNOWN)
                }
            }
            switch type {
            case Int32(DT_DIR):
                let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { continue }
                folders.insert(childRelative)
                walk(child, relative: childRelative)
            case Int32(DT_REG):
                files.insert(childRelative)
            default:
                unlinkat(descriptor, name, 0)
            }
        }
    }

    /// Drops everything under `relative`, once that folder is deleted.
    mutating func forget(under relative: String) {
        let prefix = relative + "/"
        folders = folders.filter { $0 != relative && !$0.hasPrefix(prefix) }
        files = files.filter { !$0.hasPrefix(prefix) }
    }
}

/// Writing one file with plain system calls.
enum FileWriter {
    /// Writes `bytes` to `path`. With `replacing`, over the file already there when it is a
    /// plain file with no other name (a hard link from elsewhere, say a backup made with
    /// `cp -al`, must keep its contents); else into a new file. A file that already holds
    /// exactly `bytes` is only touched (its time set to now, as a write would): most pages of
    /// a rebuild are unchanged, and rewriting them only made work for the disk.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, replacing: Bool) throws(OutputFolder.Failure) {
        var descriptor: Int32 = -1
        var oldSize = 0
        if replacing {
            descriptor = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
            var status = stat()
            if descriptor >= 0, fstat(descriptor, &status) != 0 || status.st_mode & S_IFMT != S_IFREG || status.st_nlink != 1 {
                close(descriptor)
                descriptor = -1
            }
            if descriptor < 0 { unlink(path) }
            oldSize = Int(status.st_size)
            if descriptor >= 0, oldSize == bytes.count, holds(descriptor, bytes) {
                defer { close(descriptor) }
                guard futimens(descriptor, nil) == 0 else { throw failure("cannot write", path) }
                return
            }
        }
        if descriptor < 0 {
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw failure("cannot write", path) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write", path)
            }
            offset += written
        }
        // A rewritten file may have been longer.
        guard oldSize <= bytes.count || ftruncate(descriptor, off_t(bytes.count)) == 0 else { throw failure("cannot write", path) }
    }

    /// Puts `bytes` at `path` at once: written beside it and renamed over it, so that a reader
    /// sees the old file or the new one, never half of one (`outloud serve` updates the site it
    /// is serving). A file that already holds exactly `bytes` is left as it is.
    static func replace(_ bytes: UnsafeRawBufferPointer, at path: String) throws(OutputFolder.Failure) {
        let existing = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if existing >= 0 {
            defer { close(existing) }
            var status = stat()
            if fstat(existing, &status) == 0, Int(status.st_size) == bytes.count, holds(existing, bytes) { return }
        }
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = String(path[..<slash]) + ".outloud-new-" + String(path[slash...])
        unlink(temporary)
        try write(bytes, to: temporary, replacing: false)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure("cannot write", path)
        }
    }

    /// Whether the open file holds exactly `bytes` (its size is already known to match),
    /// compared 64 KiB at a time: a large asset must not cost its size again in memory.
    private static func holds(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let expected = bytes.baseAddress, !bytes.isEmpty else { return bytes.isEmpty }
        let chunk = min(bytes.count, 1 << 16)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let count = pread(descriptor, buffer, min(chunk, bytes.count - offset), off_t(offset))
            if count < 0, errno == EINTR { continue }
            guard count > 0, memcmp(buffer, expected + offset, count) == 0 else { return false }
            offset += count
        }
        return true
    }

    static func failure(_ what: String, _ path: String) -> OutputFolder.Failure {
        OutputFolder.Failure(message: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
