import Foundation
import Synchronization

/// An advisory lock (`flock`) on a file, held by one build of an output folder at a time: a
/// second build into the same folder would take the first one's staging folder for a
/// leftover of a killed build.
///
/// The file holds the holder's process id, for the message of the build that waits, and is
/// deleted when the lock is let go. A build that opened the file before it was deleted holds
/// a lock on a file no one else can find, so after taking the lock it checks that the name
/// still leads to the file it locked, and starts again if not.
final class OutputLock: Sendable {
    /// The open lock file; -1 once let go.
    private let descriptor: Mutex<Int32>
    let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = Mutex(descriptor)
        self.path = path
    }

    /// Takes the lock on `path` (made if missing). When another process holds it, `waits`
    /// false fails at once; true tells `onWait` once and waits.
    static func take(_ path: String, waits: Bool, onWait: (@Sendable (String) -> Void)?) throws(OutputFolder.Failure) -> OutputLock {
        var told = false
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw FileWriter.failure("cannot make the lock file", path) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let holder = Self.holder(descriptor).map { " (process \($0))" } ?? ""
                guard waits else {
                    close(descriptor)
                    throw OutputFolder.Failure(message: "another build\(holder) is writing this output folder (its lock is \(path)); "
                        + "run again when it has finished, or leave out --no-wait to wait for it")
                }
                if !told {
                    onWait?("waiting for another build\(holder) to finish writing this output folder (its lock is \(path))")
                    told = true
                }
                while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
            }
            guard Self.stillNamed(path, descriptor) else {
                close(descriptor)  // deleted by the build we waited for; lock the file that has the name now
                continue
            }
            let pid = Array("\(getpid())\n".utf8)
            ftruncate(descriptor, 0)
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            return OutputLock(descriptor: descriptor, path: path)
        }
    }

    /// Lets the lock go; later calls do nothing.
    func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            unlink(path)  // before letting go, so that a waiting build sees it is gone
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }

    /// The process id written in the lock file by the build holding it.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: bytes[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Whether `path` still names the file open as `descriptor`.
    private static func stillNamed(_ path: String, _ descriptor: Int32) -> Bool {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, lstat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }
}
