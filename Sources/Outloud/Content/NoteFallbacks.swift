import Foundation

/// Fills in the dates and authors a note's front matter leaves out, once every note is read:
/// from git history when there is one, else dates from the file's modification time.
///
/// | field | order of fallbacks |
/// | --- | --- |
/// | `date` | front matter, a log's week (its Friday), the first commit, the modification time |
/// | `updated` | front matter, the last commit when it is on a later day than the first and than `date` |
/// | `authors` | front matter, `logs/<person>/`, commit authors whose e-mail is in people.yml |
struct NoteFallbacks {
    /// Where a note's date came from, to say once for the whole build when dates may be approximate.
    enum DateSource: Equatable {
        case given, git, gitCutShort, fileTime
    }

    /// nil when git is not used (`--no-git`).
    var history: Result<GitHistory, GitHistory.Unavailable>?
    /// Lower-cased e-mail → person id.
    var people: [String: String] = [:]
    /// The history's files, empty without one.
    private var files: [String: GitHistory.File] = [:]

    init(history: Result<GitHistory, GitHistory.Unavailable>?, people: [Person]) {
        self.history = history
        if case .success(let history)? = history { files = history.files }
        for person in people {
            guard let email = person.email?.lowercased(), !email.isEmpty, self.people[email] == nil else { continue }
            self.people[email] = person.id
        }
    }

    func apply(to note: inout Note, modified: Date) -> DateSource {
        let file = files[note.sourcePath]
        var source = DateSource.given
        if note.date == nil {
            if let file {
                note.date = file.created
                source = file.complete ? .git : .gitCutShort
            } else {
                note.date = Day(modified)
                source = .fileTime
            }
        }
        guard let file else { return source }
        // A note committed once, or only on the day it was first committed, has no "Updated".
        if note.updated == nil, file.updated > file.created, let date = note.date, file.updated > date {
            note.updated = file.updated
        }
        let authorsGiven = note.fields.entries?.contains { $0.key == "authors" } ?? false
        if note.authors.isEmpty, !authorsGiven {
            var seen = Set<String>()
            note.authors = file.authorEmails.compactMap { people[$0] }.filter { seen.insert($0).inserted }
        }
        return source
    }

    /// At most one note for the whole build, and only when some note's date may be approximate.
    func diagnostics(for sources: [DateSource], contentPath: String) -> [Diagnostic] {
        guard let history else { return [] }
        let location = SourceLocation(path: contentPath)
        func notes(_ count: Int) -> String { count == 1 ? "1 note" : "\(count) notes" }
        let fromFileTimes = sources.count { $0 == .fileTime }
        switch history {
        case .failure(let unavailable):
            guard fromFileTimes > 0 else { return [] }
            return [.note("\(unavailable.reason); the dates of \(notes(fromFileTimes)) come from file modification times and may be approximate", at: location)]
        case .success(let history):
            var diagnostics: [Diagnostic] = []
            if let warning = history.warning {
                diagnostics.append(.note("git log warned: \(warning)", at: location))
            }
            let approximate = fromFileTimes + sources.count { $0 == .gitCutShort }
            if history.isShallow, approximate > 0 {
                diagnostics.append(.note("the repository is a shallow clone, so its history is cut short; the dates of \(notes(approximate)) may be approximate (fetch the whole history with `git fetch --unshallow`, or `fetch-depth: 0` in CI)", at: location))
            } else if history.files.isEmpty, fromFileTimes > 0 {
                diagnostics.append(.note("nothing in the content folder is committed to git yet; the dates of \(notes(fromFileTimes)) come from file modification times and may be approximate", at: location))
            }
            return diagnostics
        }
    }
}
