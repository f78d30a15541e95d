import Foundation

/// A file found under the content folder.
struct ContentFile: Sendable, Hashable {
    /// Relative to the content folder, `/`-separated.
    var relativePath: String
    var modified: Date
}

/// The one way a build reads files: the content folder, the theme and the files it copies.
/// `disk` is the file system; `memory(_:)` a folder held in memory, which builds the same
/// site (a test checks it), and tests pass others that fail on purpose.
public struct FileIO: Sendable {
    /// The readable failure of a file operation.
    public struct Failure: Error, Sendable {
        public var message: String
    }

    var exists: @Sendable (_ path: String) -> Bool
    var isDirectory: @Sendable (_ path: String) -> Bool
    /// A whole file, refused past `maximumSize` bytes (nil: any size) before it is read.
    var readData: @Sendable (_ path: String, _ maximumSize: Int?) -> Result<Data, Failure>
    /// A file's last modification time; nil when there is no such file.
    var modified: @Sendable (_ path: String) -> Date?
    /// Every regular file under a folder, with the problems met on the way (unreadable
    /// folders, symlinks that leave the folder).
    var listFiles: @Sendable (_ root: String) -> (files: [ContentFile], problems: [Diagnostic])

    /// The largest file read as a note; beyond this a note is reported, not read.
    public static let maximumFileSize = 16 * 1024 * 1024

    public static func join(_ folder: String, _ name: String) -> String {
        if name.isEmpty { return folder.isEmpty ? "." : folder }
        return folder.isEmpty || folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }

    static func tooLarge(_ size: Int) -> Failure {
        Failure(message: "file is \(size / 1_048_576) MB; notes larger than \(maximumFileSize / 1_048_576) MB are not read")
    }

    /// Reads a file as UTF-8 text; invalid UTF-8 and NUL bytes are failures, not crashes.
    func readText(_ path: String) -> Result<String, Failure> {
        switch readData(path, Self.maximumFileSize) {
        case .failure(let failure): return .failure(failure)
        case .success(let data):
            if data.count > Self.maximumFileSize { return .failure(Self.tooLarge(data.count)) }
            // Scan the bytes directly: iterating `Data` byte by byte costs more than the parse.
            return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<String, Failure> in
                let bytes = raw.bindMemory(to: UInt8.self)
                if let base = raw.baseAddress, memchr(base, 0, raw.count) != nil {
                    return .failure(Failure(message: "file contains a NUL byte; is it a binary file?"))
                }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    return .failure(Failure(message: "file is not valid UTF-8 text"))
                }
                return .success(text)
            }
        }
    }
}


extension FileIO {
    /// The real file system.
    public static let disk = FileIO(
        exists: { FileManager.default.fileExists(atPath: $0) },
        isDirectory: { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        },
        readData: { path, maximumSize in readFile(path, maximumSize: maximumSize) },
        modified: { path in
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            return Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
        },
        listFiles: { root in DiskWalker(root: root).walk() }
    )
}

extension FileIO {
    /// A whole file, read with plain system calls, refused past `maximumSize` (nil: any size).
    public static func read(_ path: String, maximumSize: Int? = maximumFileSize) -> Result<Data, Failure> {
        readFile(path, maximumSize: maximumSize)
    }
}

/// A whole file with plain system calls: `Data(contentsOf:)` made a URL (a `stat` of its
/// own) and mapped each small note into memory, a fifth of the cost of reading a note, and
/// leaked a page for each empty file (LeakSanitizer, 100,000 files).
private func readFile(_ path: String, maximumSize: Int? = FileIO.maximumFileSize) -> Result<Data, FileIO.Failure> {
    func failure() -> FileIO.Failure { FileIO.Failure(message: "cannot read file: \(String(cString: strerror(errno)))") }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(failure()) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(failure()) }
    guard status.st_mode & S_IFMT != S_IFDIR else { errno = EISDIR; return .failure(failure()) }
    let size = Int(status.st_size)
    if let maximumSize, size > maximumSize { return .failure(FileIO.tooLarge(size)) }
    var data = Data(count: size)
    guard let filled = data.withUnsafeMutableBytes({ readFully(descriptor, into: $0) }) else { return .failure(failure()) }
    if filled < size { data.count = filled }  // the file shrank since fstat
    return .success(data)
}

/// Reads an open file from its start into `buffer`, until the buffer is full or the file
/// ends; the number of bytes read, or nil on an error (with `errno` set).
func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
    guard let base = buffer.baseAddress else { return 0 }
    var filled = 0
    while filled < buffer.count {
        let count = pread(descriptor, base + filled, buffer.count - filled, off_t(filled))
        if count < 0 {
            if errno == EINTR { continue }
            return nil
        }
        if count == 0 { break }
        filled += count
    }
    return filled
}
