import Foundation

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
