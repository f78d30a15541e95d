/// Finds notes the ways people refer to them: by file path, by `folder/slug`, and by title,
/// slug or file name, ignoring case and punctuation (smart quotes included).
struct NoteLookup {
    private var notes: [Note]
    private var byPath: [String: Int] = [:]
    private var byURL: [String: Int] = [:]
    private var byTitle: [String: [Int]] = [:]
    private var byName: [String: [Int]] = [:]
    private var draftPaths: Set<String> = []
    private var draftKeys: Set<String> = []

    init(notes: [Note], drafts: [Note]) {
        self.notes = notes
        // Candidates in path order, so an ambiguous name always picks the same note.
        let order = notes.indices.sorted { notes[$0].sourcePath < notes[$1].sourcePath }
        for index in order {
            let note = notes[index]
            byPath[Self.pathKey(note.sourcePath)] = index
            byURL[note.urlPath.lowercased()] = index
            byURL[Self.pathKey(String(ContentPath.markdownStem(note.sourcePath) ?? Substring(note.sourcePath)))] = index
            byTitle[Slug.make(note.title), default: []].append(index)
            let names = Set([Slug.make(Self.stem(note.sourcePath)), String(note.urlPath.split(separator: "/").last ?? "")])
            for name in names where !name.isEmpty { byName[name, default: []].append(index) }
        }
        for draft in drafts {
            draftPaths.insert(Self.pathKey(draft.sourcePath))
            draftKeys.formUnion([Slug.make(draft.title), Slug.make(Self.stem(draft.sourcePath)), draft.urlPath.lowercased()])
        }
    }

    /// `note` at `index` instead of the note there, whose title and paths it shares: only its
    /// headings, which anchors are checked against, may differ.
    mutating func replace(_ index: Int, with note: Note) {
        notes[index] = note
    }

    func note(_ index: Int) -> Note { notes[index] }
    func headingIDs(of index: Int) -> [String] { notes[index].body.anchorIDs }

    static func pathKey(_ path: String) -> String { path.precomposed.lowercased() }

    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(ContentPath.markdownStem(name) ?? Substring(name))
    }

    /// `folders`: the folders with a page, by path, to their URL paths.
    func resolve(_ link: LinkReference, folders: [String: String]) -> (link: ResolvedLink, problem: LinkProblem?) {
        func broken(_ message: String, _ severity: Diagnostic.Severity = .warning) -> (ResolvedLink, LinkProblem?) {
            (ResolvedLink(destination: .broken(message), anchor: nil), LinkProblem(severity: severity, message: message))
        }
        let target: Int
        var problem: LinkProblem?
        switch link.target {
        case .broken(let reason):
            return (ResolvedLink(destination: .broken(reason), anchor: nil), nil)  // reported when read
        case .folder(let path):
            guard let url = path.isEmpty ? "" : folders[path] else {
                return broken("link to the folder \(path)/, which has no page of its own")
            }
            return (ResolvedLink(destination: .section(url), anchor: nil), nil)
        case .note(let path):
            guard let found = byPath[Self.pathKey(path)] else {
                if draftPaths.contains(Self.pathKey(path)) {
                    return broken("link to \(path), which is a draft and not published", .warning)
                }
                return broken("link to \(path), which does not exist")
            }
            target = found
        case .wiki(let text):
            switch find(text) {
            case .found(let found, let others):
                target = found
                if !others.isEmpty {
                    let names = ([found] + others).map { notes[$0].sourcePath }.joined(separator: ", ")
                    problem = LinkProblem(severity: .warning, message: "wikilink [[\(text)]] matches \(others.count + 1) notes (\(names)); using \(notes[found].sourcePath)")
                }
            case .draft:
                return broken("wikilink [[\(text)]] points to a draft, which is not published", .warning)
            case .none:
                return broken("wikilink [[\(text)]] matches no note by title, slug or file name")
            }
        }
        if var anchor = link.anchor {
            // Obsidian's `[[Note#Part#Subpart]]` names a heading by its path: the last one counts.
            if let last = anchor.split(separator: "#").last, anchor.contains("#") { anchor = String(last) }
            let body = notes[target].body
            let ids = anchor.hasPrefix("^") ? body.blockIDs.map { "^" + $0 } : body.headings.map(\.id)
            let wanted = ids.contains(anchor) || anchor.hasPrefix("^") ? anchor : Slug.make(anchor)
            guard ids.contains(wanted) else {
                let known = anchor.hasPrefix("^")
                    ? (ids.isEmpty ? "it has no block ids" : "its block ids are " + ids.prefix(8).joined(separator: ", "))
                    : (ids.isEmpty ? "it has no headings" : "its headings are #" + ids.prefix(8).joined(separator: ", #"))
                return (ResolvedLink(destination: .note(target), anchor: nil),
                        LinkProblem(severity: .warning, message: "\(notes[target].sourcePath) has no \(anchor.hasPrefix("^") ? "block" : "heading") #\(anchor) (\(known))"))
            }
            return (ResolvedLink(destination: .note(target), anchor: wanted), problem)
        }
        return (ResolvedLink(destination: .note(target), anchor: nil), problem)
    }

    enum WikiMatch {
        case found(Int, others: [Int])
        case draft
        case none
    }

    /// A pathway step's target: a file path (`resources/wcag.md`), then as a wikilink's.
    func step(_ text: String) -> WikiMatch {
        if let found = byPath[Self.pathKey(text)] { return .found(found, others: []) }
        // A draft's path would otherwise read as a typo: say it is a draft, as a link does.
        if draftPaths.contains(Self.pathKey(text)) { return .draft }
        return find(text)
    }

    /// The path of the note of one of `kinds` whose title, slug or file name is the likeliest
    /// typo of `text`, for a "did you mean".
    func likeliest(_ text: String, kinds: Set<Kind>) -> String? {
        let key = Slug.make(text.split(separator: "/").last.map { NoteLookup.stem(String($0)) } ?? text)
        let limit = max(1, key.count / 3)
        var best: (distance: Int, path: String)?
        for note in notes where kinds.contains(note.kind) {
            for name in [Slug.make(note.title), Slug.make(Self.stem(note.sourcePath))] {
                // Lengths further apart than the limit cannot be within it.
                guard abs(name.count - key.count) <= limit else { continue }
                let distance = SiteChecks.editDistance(key, name)
                if distance <= limit, best.map({ (distance, note.sourcePath) < ($0.distance, $0.path) }) ?? true {
                    best = (distance, note.sourcePath)
                }
            }
        }
        return best?.path
    }

    /// Path first (`books/drive`), then title, then slug or file name.
    func find(_ text: String) -> WikiMatch {
        if text.contains("/") {
            let path = text.split(separator: "/").map { Slug.make(String($0)) }.joined(separator: "/")
            if let found = byURL[path] ?? byURL[Self.pathKey(text)] { return .found(found, others: []) }
        }
        let key = Slug.make(text)
        for table in [byTitle, byName] {
            if let matches = table[key], let first = matches.first {
                return .found(first, others: Array(matches.dropFirst()))
            }
        }
        return draftKeys.contains(key) || draftKeys.contains(text.lowercased()) ? .draft : .none
    }
}
