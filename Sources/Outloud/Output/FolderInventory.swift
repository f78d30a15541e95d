import Foundation

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
