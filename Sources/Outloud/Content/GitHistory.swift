import Foundation

/// What git knows about the content folder's files: when each was first and last
/// committed, and by whom. Read with one `git log` for the whole folder.
struct GitHistory: Sendable {
    /// One file's history, renames followed.
    struct File: Sendable, Hashable {
        /// The author's day of the file's first commit, and of its last.
        var created: Day
        var updated: Day
        /// Lower-cased e-mails of the commit authors, in the order of their first commit.
        var authorEmails: [String]
        /// False when the history is cut short (a shallow clone) before the file was added.
        var complete: Bool
    }

    /// Why there is no history: git is missing, the folder is not in a repository, or git failed.
    struct Unavailable: Error, Sendable, Hashable {
        var reason: String
    }

    /// By path relative to the content folder. Files never committed are not here.
    var files: [String: File]
    /// A shallow clone: the history stops at the clone's oldest commits.
    var isShallow = false
    /// What git warned about while listing (a rename limit it hit), in its own words.
    var warning: String?
    /// How long running git and reading its output took.
    var seconds: Double = 0

    /// Runs git twice: `rev-parse` to find the repository, then one `git log` over the
    /// whole content folder, whatever the number of files.
    static func load(contentPath: String, environment: [String: String]) async -> Result<GitHistory, Unavailable> {
        guard let git = Git.find(environment: environment) else {
            return .failure(Unavailable(reason: "git is not installed (no `git` on PATH)"))
        }
        let repository: Git.Output
        do {
            repository = try await git.run(["rev-parse", "--show-prefix", "--is-shallow-repository", "--git-path", "shallow"], in: contentPath)
        } catch {
            return .failure(Unavailable(reason: "git could not be started (\(error.localizedDescription))"))
        }
        guard repository.status == 0 else {
            if repository.stderr.contains("not a git repository") {
                return .failure(Unavailable(reason: "not in a git repository"))
            }
            return .failure(Unavailable(reason: "git cannot read the repository (\(repository.message))"))
        }
        let lines = String(decoding: repository.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // `--show-prefix` prints an empty line at the top of the repository.
        let prefix = lines.first.map(String.init) ?? ""
        let isShallow = lines.count > 1 && lines[1] == "true"
        var boundary = Set<String>()
        if isShallow, lines.count > 2 {
            let shallowFile = lines[2].hasPrefix("/") ? String(lines[2]) : FileIO.join(contentPath, String(lines[2]))
            // Without the list the clone's oldest commits count as adding every file: dates
            // that are approximate anyway, and the shallow clone is reported either way.
            let hashes = (try? String(contentsOfFile: shallowFile, encoding: .utf8)) ?? ""
            boundary = Set(hashes.split(separator: "\n").map(String.init))
        }

        let log: Git.Output
        do {
            log = try await git.run(GitLog.arguments, in: contentPath)
        } catch {
            return .failure(Unavailable(reason: "git could not be started (\(error.localizedDescription))"))
        }
        guard log.status == 0 else {
            return .failure(Unavailable(reason: "git log failed (\(log.message))"))
        }
        let clock = ContinuousClock()
        let parseStart = clock.now
        let files = GitLog.files(in: log.stdout, prefix: prefix, boundary: boundary)
        let seconds = repository.seconds + log.seconds + (clock.now - parseStart).seconds
        let warning = log.stderr.isEmpty ? nil : log.message
        return .success(GitHistory(files: files, isShallow: isShallow, warning: warning, seconds: seconds))
    }
}
