/// `site.yml`'s `exclude:`: globs naming files and folders of the content folder that are
/// neither notes, nor assets, nor link targets.
///
/// A pattern without `/` matches a file or folder name at any depth (`node_modules`,
/// `*.tmp`), as `.gitignore` does; a pattern with `/` matches a path from the content
/// folder's top (`drafts/**/old-*.md`). A match on a folder excludes everything in it.
/// `*` is any run of characters but `/`, `**` any run including `/`, `?` one character.
struct ExcludeRules: Sendable, Hashable {
    /// The patterns as written.
    private(set) var patterns: [String]
    /// Names without wildcards (the defaults), compared as they are: every file's path is
    /// checked, and this keeps that to a few set look-ups.
    private var literalNames: Set<Substring> = []
    private var names: [[Character]] = []
    private var paths: [[Character]] = []

    /// What a site excludes without being told: the folders of git, GitHub, Obsidian and npm.
    /// (Names starting with `.` are skipped anyway; listing them says so where people look.)
    static let defaults = [".git", ".github", ".obsidian", ".trash", "node_modules"]

    init(_ patterns: [String] = ExcludeRules.defaults) {
        self.patterns = patterns
        for pattern in patterns {
            var trimmed = Substring(pattern)
            while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
            while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
            while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
            guard !trimmed.isEmpty else { continue }
            if trimmed.contains("/") {
                paths.append(Array(trimmed))
            } else if trimmed.contains(where: { $0 == "*" || $0 == "?" }) {
                names.append(Array(trimmed))
            } else {
                literalNames.insert(trimmed)
            }
        }
    }

    var isEmpty: Bool { literalNames.isEmpty && names.isEmpty && paths.isEmpty }

    /// Whether `path` (relative to the content folder, `/`-separated) or a folder it is in is excluded.
    func excludes(_ path: String) -> Bool {
        guard !isEmpty else { return false }
        let components = path.split(separator: "/")
        for component in components {
            if literalNames.contains(component) { return true }
            guard !names.isEmpty else { continue }
            let name = Array(component)
            if names.contains(where: { Self.matches($0, name) }) { return true }
        }
        guard !paths.isEmpty else { return false }
        var prefix = ""
        for component in components {
            prefix = prefix.isEmpty ? String(component) : prefix + "/" + component
            let text = Array(prefix)
            if paths.contains(where: { Self.matches($0, text) }) { return true }
        }
        return false
    }

    /// Glob matching by dynamic programming over pattern and text positions: time is the
    /// product of their lengths whatever the pattern, where backtracking on `*` is exponential.
    static func matches(_ pattern: [Character], _ text: [Character]) -> Bool {
        // reachable[j]: the pattern so far can match text[..<j].
        var reachable = [Bool](repeating: false, count: text.count + 1)
        reachable[0] = true
        var index = 0
        while index < pattern.count {
            let character = pattern[index]
            var next = [Bool](repeating: false, count: text.count + 1)
            if character == "*" {
                let crossesFolders = index + 1 < pattern.count && pattern[index + 1] == "*"
                if crossesFolders { index += 1 }
                // `**/` also matches no folder at all: `a/**/b` matches `a/b`.
                let skipsSlash = crossesFolders && index + 1 < pattern.count && pattern[index + 1] == "/"
                var carried = false
                for position in 0...text.count {
                    if reachable[position] { carried = true }
                    next[position] = carried
                    if position < text.count, text[position] == "/", !crossesFolders { carried = false }
                }
                if skipsSlash {
                    index += 1
                    var after = [Bool](repeating: false, count: text.count + 1)
                    for position in 0...text.count {
                        if reachable[position] { after[position] = true }
                        if position > 0, next[position - 1], text[position - 1] == "/" { after[position] = true }
                    }
                    next = after
                }
            } else {
                for position in 0..<text.count where reachable[position] {
                    let fits = character == "?" ? text[position] != "/" : text[position] == character
                    if fits { next[position + 1] = true }
                }
            }
            reachable = next
            index += 1
        }
        return reachable[text.count]
    }
}
