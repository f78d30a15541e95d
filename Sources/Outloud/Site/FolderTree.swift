/// One folder of the content that has a list page: a kind's index (`books/`) or a folder of
/// notes (`guides/`, `guides/onboarding/`).
struct Folder: Sendable, Hashable {
    /// Relative to the content folder, as on disk: `Contributing to Obsidian/Tips`.
    var path: String
    /// Slugged, as every link writes it: `contributing-to-obsidian/tips`.
    var urlPath: String
    /// The landing page's title, else the kind's name for a kind's own folder, else the folder's name.
    var title: String
    /// The note index of its landing page (`README.md`, `index.md`, `_index.md`).
    var landing: Int?
    /// The notes directly in it, newest first.
    var notes: [Int] = []
    /// Its folders with pages, by title.
    var children: [String] = []
    /// The notes in it and in its folders.
    var total = 0
    /// The kind its notes have when it is a kind's top folder (its page is the kind's index); nil otherwise.
    var kindIndex: Kind?

    /// How deep it is: 1 for a top folder.
    var depth: Int { path.split(separator: "/").count }
}

/// The folders that have list pages, and the top ones grouped for the header and the Sections page.
struct FolderTree: Sendable {
    var folders: [String: Folder] = [:]
    /// Top folders that are a kind's index, in the kinds' order (then by name).
    var kindSections: [String] = []
    /// Top folders of ordinary notes, by title: what the Sections page and the home page list.
    var topFolders: [String] = []
    /// The landing page of the whole site (`_index.md` at the top): the home page's introduction.
    var homeLanding: Int?
    /// Folders whose URL another folder already has; they get no page.
    var clashing: Set<String> = []
    var diagnostics: [Diagnostic] = []
    private var people: [String: String] = [:]
    /// The content folder as diagnostics name it (`content/`), taken from a note's display path.
    private var displayRoot = ""

    init() {}

    /// The tree of `notes` (published, in the site's order) under the rules of `kinds:`;
    /// `people` (id → name) names the folders of a person's logs (`logs/amara/`).
    init(notes: [Note], kinds: KindRules, people: [String: String] = [:]) {
        self.people = people
        if let note = notes.first { displayRoot = String(note.displayPath.dropLast(note.sourcePath.count)) }
        for (index, note) in notes.enumerated() {
            if let landing = note.landing {
                if landing.isEmpty { homeLanding = index } else if add(landing, notes: notes, kinds: kinds) { folders[landing]?.landing = index }
                continue
            }
            guard let slash = note.sourcePath.lastIndex(of: "/") else { continue }
            let folder = String(note.sourcePath[..<slash])
            guard add(folder, notes: notes, kinds: kinds) else { continue }
            folders[folder]?.notes.append(index)
            var path = Substring(folder)
            while true {
                folders[String(path)]?.total += 1
                guard let up = path.lastIndex(of: "/") else { break }
                path = path[..<up]
            }
        }
        for (path, folder) in folders {
            if let landing = folder.landing, let title = Self.title(of: notes[landing]) { folders[path]?.title = title }
        }
        for path in Array(folders.keys) {
            let sorted = sortedByTitle(folders[path]?.children ?? [])
            folders[path]?.children = sorted
        }
        let tops = folders.values.filter { $0.depth == 1 }
        kindSections = tops.filter { $0.kindIndex != nil }
            .sorted { ($0.kindIndex!.position, $0.path) < ($1.kindIndex!.position, $1.path) }.map(\.path)
        topFolders = sortedByTitle(tops.filter { $0.kindIndex == nil }.map(\.path))
        findClashes()
    }

    /// Adds `path` and the folders above it; false when it is a folder of free pages, which
    /// has no list page.
    private mutating func add(_ path: String, notes: [Note], kinds: KindRules) -> Bool {
        if folders[path] != nil { return true }
        let names = path.split(separator: "/").map(String.init)
        guard kinds.kind(of: names.prefix(1)).kind != .page else { return false }
        var folder = Folder(path: path, urlPath: NoteReader.folderURLPath(names), title: NoteReader.title(fromFileName: names.last ?? path))
        if names.count == 1 {
            let kind = kinds.kind(of: names).kind
            if Kind.listed.contains(kind) {
                folder.kindIndex = kind
                if Kind.byFolder[path] == kind { folder.title = kind.pluralLabel }
            }
        }
        if names.count == 2, kinds.kind(of: names).kind == .log, let name = people[names[1]] { folder.title = name }
        folders[path] = folder
        if names.count > 1 {
            let parent = names.dropLast().joined(separator: "/")
            _ = add(parent, notes: notes, kinds: kinds)
            folders[parent]?.children.append(path)
        }
        return true
    }

    /// A landing page's own title; nil when it only has its file's name (`README`).
    private static func title(of landing: Note) -> String? {
        let stem = String((landing.sourcePath.split(separator: "/").last ?? "").dropLast(3))
        return landing.title == NoteReader.title(fromFileName: stem) ? nil : landing.title
    }

    func sortedByTitle(_ paths: [String]) -> [String] {
        paths.sorted { (folders[$0]?.title.lowercased() ?? "", $0) < (folders[$1]?.title.lowercased() ?? "", $1) }
    }

    /// Two folders whose names slug alike would write one page: an error naming both.
    private mutating func findClashes() {
        var owners: [String: String] = [:]
        for path in folders.keys.sorted() {
            let key = folders[path]!.urlPath.lowercased()
            if let owner = owners[key] {
                clashing.insert(path)
                diagnostics.append(.error("folders \(owner)/ and \(path)/ both have the URL /\(key)/; rename one of them",
                                          at: SourceLocation(path: displayRoot + path)))
            } else {
                owners[key] = path
            }
        }
    }

    /// Every folder with a page by its path, and the top (`""`), to the URL path its links go
    /// to: what a relative link to a folder resolves to.
    var linkTargets: [String: String] {
        var targets = [String: String](uniqueKeysWithValues: folders.values.filter { !clashing.contains($0.path) }.map { ($0.path, $0.urlPath) })
        targets[""] = ""
        return targets
    }

    /// The folders with a page of their own (`.folder`): all but the kinds' indexes and clashes, by path.
    var listPages: [String] {
        folders.values.filter { $0.kindIndex == nil && !clashing.contains($0.path) }.map(\.path).sorted()
    }

    /// The folders from the top down to `path`, each with its title and URL.
    func trail(to path: String) -> [Folder] {
        var trail: [Folder] = []
        var current = Substring(path)
        while !current.isEmpty {
            if let folder = folders[String(current)] { trail.append(folder) }
            guard let up = current.lastIndex(of: "/") else { break }
            current = current[..<up]
        }
        return trail.reversed()
    }
}
