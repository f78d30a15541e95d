import Foundation

/// Reads the output of one `git log -z --name-status` over the content folder into the
/// history of each file, following renames back to the file's first name.
///
/// The walk goes from the newest commit to the oldest, keeping for every name a file had
/// in the past the path the file has now: `R100 old → new` sends older commits of `old` to
/// `new`. A name that is added, deleted or renamed to belongs, before that commit, to
/// another file, so older commits under it are left out.
struct GitLog {
    /// A record per commit: a marker byte, the hash, the author's day and e-mail; `-z`
    /// separates fields and file names with NUL bytes, so names are never quoted.
    static let arguments = [
        // Settings that would change the listing's shape or paths are switched off.
        "-c", "diff.relative=false", "-c", "log.showSignature=false",
        "log", "--format=%x01%H%x00%as%x00%aE", "--name-status", "-M", "-z",
        "--no-merges", "--root", "--date-order", "--no-color", "--", ".",
    ]

    /// One file's changes: a status letter, a similarity for renames, one or two paths.
    private struct Change {
        var status: UInt8
        var similarity: Int
        var path: String
        var from: String?
    }

    /// A file's history while the log is walked.
    private struct Builder {
        var created: Day
        var updated: Day
        /// Lower-cased author e-mails, newest commit first.
        var emails: [String]
        var sawCreation: Bool
    }

    private var builders: [String: Builder] = [:]
    /// A path in the past → the path of that file now; "" when older commits under that
    /// path belong to no file of today.
    private var presentName: [String: String] = [:]
    /// Commits at the edge of a shallow clone: git shows every file as added there.
    private let boundary: Set<String>

    /// The history of every file under `prefix` (the content folder, relative to the
    /// repository), by path relative to the content folder.
    static func files(in output: Data, prefix: String, boundary: Set<String> = []) -> [String: GitHistory.File] {
        var log = GitLog(boundary: boundary)
        output.withUnsafeBytes { raw in log.read(raw.bindMemory(to: UInt8.self)) }
        var files: [String: GitHistory.File] = [:]
        files.reserveCapacity(log.builders.count)
        for (path, builder) in log.builders where path.hasPrefix(prefix) {
            var seen = Set<String>()
            let authors = builder.emails.reversed().filter { seen.insert($0).inserted }
            files[String(path.dropFirst(prefix.count))] = GitHistory.File(
                created: builder.created, updated: builder.updated, authorEmails: authors, complete: builder.sawCreation)
        }
        return files
    }

    private init(boundary: Set<String>) { self.boundary = boundary }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        var fields = NULFields(bytes: bytes)
        var commit: (hash: String, day: Day?, email: String)?
        var changes: [Change] = []
        while var field = fields.next() {
            if field.first == UInt8(ascii: "\n") { field = field.dropFirst() }
            guard let first = field.first else { continue }
            if first == 0x01 {
                if let commit { apply(changes, hash: commit.hash, day: commit.day, email: commit.email) }
                changes.removeAll(keepingCapacity: true)
                let hash = String(decoding: field.dropFirst(), as: UTF8.self)
                let day = fields.next().flatMap(Self.day)
                let email = fields.next().map { String(decoding: $0, as: UTF8.self).lowercased() } ?? ""
                commit = (hash, day, email)
                continue
            }
            let similarity = Int(String(decoding: field.dropFirst(), as: UTF8.self)) ?? 0
            guard let path = fields.next().map(Self.string) else { break }
            if first == UInt8(ascii: "R") || first == UInt8(ascii: "C") {
                guard let to = fields.next().map(Self.string) else { break }
                changes.append(Change(status: first, similarity: similarity, path: to, from: path))
            } else {
                changes.append(Change(status: first, similarity: similarity, path: path))
            }
        }
        if let commit { apply(changes, hash: commit.hash, day: commit.day, email: commit.email) }
    }

    /// Records one commit's changes, then updates the names for older commits. Every key is
    /// looked up before any name changes, so a commit that swaps two names reads right.
    private mutating func apply(_ changes: [Change], hash: String, day: Day?, email: String) {
        guard let day, !boundary.contains(hash) else { return }
        let keys = changes.map { presentName[$0.path] ?? $0.path }
        for (change, key) in zip(changes, keys) where !key.isEmpty && change.status != UInt8(ascii: "D") {
            // A pure move (`git mv` without edits) keeps the file's history but is not a
            // change of its own: it moves neither `updated` nor adds an author.
            if change.status == UInt8(ascii: "R") && change.similarity == 100 { continue }
            let creates = change.status == UInt8(ascii: "A") || change.status == UInt8(ascii: "C")
            if var builder = builders[key] {
                builder.created = min(builder.created, day)
                builder.updated = max(builder.updated, day)
                if builder.emails.last != email { builder.emails.append(email) }
                builder.sawCreation = builder.sawCreation || creates
                builders[key] = builder
            } else {
                builders[key] = Builder(created: day, updated: day, emails: [email], sawCreation: creates)
            }
        }
        for change in changes where change.status != UInt8(ascii: "M") && change.status != UInt8(ascii: "T") {
            presentName[change.path] = ""
        }
        for (change, key) in zip(changes, keys) where change.status == UInt8(ascii: "R") {
            if let from = change.from { presentName[from] = key }
        }
    }

    private static func string(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: field, as: UTF8.self)
    }

    /// `2026-11-06` (git's `%as`: the author's own calendar day).
    private static func day(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Day? {
        guard field.count == 10 else { return nil }
        func number(_ offset: Int, _ length: Int) -> Int? {
            var value = 0
            for byte in field.dropFirst(offset).prefix(length) {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}

/// The NUL-separated fields of a byte buffer, in order.
private struct NULFields {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard let base = bytes.baseAddress, position < bytes.count else { return nil }
        let start = position
        if let found = memchr(base + start, 0, bytes.count - start) {
            position = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            return bytes[start..<(position - 1)]
        }
        position = bytes.count
        return bytes[start..<bytes.count]
    }
}
