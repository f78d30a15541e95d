import Foundation

/// A file found under the content folder.
public struct ContentFile: Sendable, Hashable {
    /// Relative to the content folder, `/`-separated.
    public var relativePath: String
    public var modified: Date
}

/// The file-system seam of the loading stage: a disk implementation, and tests may pass others.
public struct FileIO: Sendable {
    /// The readable failure of a file operation.
    public struct Failure: Error, Sendable {
        public var message: String
    }

    public var exists: @Sendable (_ path: String) -> Bool
    public var isDirectory: @Sendable (_ path: String) -> Bool
    public var readData: @Sendable (_ path: String) -> Result<Data, Failure>
    /// Every regular file under a folder, with the problems met on the way (unreadable
    /// folders, symlinks that leave the folder).
    public var listFiles: @Sendable (_ root: String) -> (files: [ContentFile], problems: [Diagnostic])

    /// The largest file read as a note; beyond this a note is reported, not read.
    public static let maximumFileSize = 16 * 1024 * 1024

    public static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty || folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }

    /// Reads a file as UTF-8 text; invalid UTF-8 and NUL bytes are failures, not crashes.
    public func readText(_ path: String) -> Result<String, Failure> {
        switch readData(path) {
        case .failure(let failure): return .failure(failure)
        case .success(let data):
            if data.count > Self.maximumFileSize {
                return .failure(Failure(message: "file is \(data.count / 1_048_576) MB; notes larger than \(Self.maximumFileSize / 1_048_576) MB are not read"))
            }
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
        readData: { path in
            do {
                return .success(try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
            } catch {
                return .failure(Failure(message: "cannot read file: \((error as NSError).localizedDescription)"))
            }
        },
        listFiles: { root in DiskWalker(root: root).walk() }
    )
}

/// Walks a folder depth-first in a fixed order, skipping hidden entries and refusing to
/// follow a symlink out of the folder (or into a loop).
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
            problems.append(.error("cannot read folder", at: SourceLocation(path: folder)))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childPath = FileIO.join(root, childRelative)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: childPath) else {
                problems.append(.error("cannot read file attributes", at: SourceLocation(path: childPath)))
                continue
            }
            var type = attributes[.type] as? FileAttributeType
            var modified = attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
            if type == .typeSymbolicLink {
                let target = URL(fileURLWithPath: childPath).resolvingSymlinksInPath().path
                guard target == rootReal || target.hasPrefix(rootReal + "/") else {
                    problems.append(.warning("symlink points outside the content folder; not followed", at: SourceLocation(path: childPath)))
                    continue
                }
                guard let targetAttributes = try? FileManager.default.attributesOfItem(atPath: target) else {
                    problems.append(.warning("symlink is broken or loops; not followed", at: SourceLocation(path: childPath)))
                    continue
                }
                type = targetAttributes[.type] as? FileAttributeType
                modified = targetAttributes[.modificationDate] as? Date ?? modified
                // A link that still resolves to a link is dangling or part of a loop.
                if type == .typeSymbolicLink {
                    problems.append(.warning("symlink is broken or loops; not followed", at: SourceLocation(path: childPath)))
                    continue
                }
                if type == .typeDirectory {
                    guard visited.insert(target).inserted else {
                        problems.append(.warning("symlink loops back to a folder already read; not followed", at: SourceLocation(path: childPath)))
                        continue
                    }
                }
            }
            if type == .typeDirectory {
                visit(childRelative, files: &files, problems: &problems, visited: &visited)
            } else if type == .typeRegular {
                files.append(ContentFile(relativePath: childRelative, modified: modified))
            }
        }
    }
}
