/// A link of a note, resolved against the whole site.
struct ResolvedLink: Sendable, Hashable {
    enum Destination: Sendable, Hashable {
        case note(Int)
        /// A folder's list page, by its URL path (`guides/onboarding`; empty for the home page).
        case section(String)
        /// Why it goes nowhere; rendered visibly marked, with the reason as its title.
        case broken(String)
    }

    var destination: Destination
    var anchor: String?
}

/// A note that links to another, with the words around the link.
struct Backlink: Sendable, Hashable {
    var source: Int
    var context: String
}

/// The site's link graph, forward and backward, kept as data for every later stage.
struct LinkGraph: Sendable {
    /// Per note, its links in body order (matching its `LinkPlaceholder` numbers).
    var outgoing: [[ResolvedLink]]
    /// Per note, the notes linking to it: one entry per linking note, newest first.
    var incoming: [[Backlink]]
    /// Per note, the problems found resolving its links.
    var problems: [[Diagnostic]]
    var diagnostics: [Diagnostic] { problems.flatMap { $0 } }
    /// What links were resolved against, for resolving one note's links again (`outloud serve`).
    var lookup: NoteLookup
    /// Folders with pages, by path, to their URL paths.
    var folders: [String: String]

    /// Resolves every note's links, in parallel, then gathers the backlinks.
    static func resolve(notes: [Note], drafts: [Note], folders: [String: String]) async -> LinkGraph {
        let index = NoteLookup(notes: notes, drafts: drafts)
        let batches = await Parallel.batches(count: notes.count, batchSize: 128) { batch in
            batch.map { links(of: notes[$0], index: index, folders: folders) }
        }
        return LinkGraph(notes: notes, resolved: Array(batches.joined()), lookup: index, folders: folders)
    }

    /// The same on one thread.
    init(notes: [Note], drafts: [Note], folders: [String: String]) {
        let index = NoteLookup(notes: notes, drafts: drafts)
        self.init(notes: notes, resolved: notes.map { Self.links(of: $0, index: index, folders: folders) }, lookup: index, folders: folders)
    }

    private init(notes: [Note], resolved: [(links: [ResolvedLink], diagnostics: [Diagnostic])], lookup: NoteLookup, folders: [String: String]) {
        self.lookup = lookup
        self.folders = folders
        outgoing = []
        outgoing.reserveCapacity(notes.count)
        incoming = [[Backlink]](repeating: [], count: notes.count)
        problems = []
        problems.reserveCapacity(notes.count)
        for (source, (links, found)) in resolved.enumerated() {
            // Notes are newest first, so appending in note order already sorts each list.
            for (target, backlink) in Self.backlinks(from: source, note: notes[source], links: links) {
                incoming[target].append(backlink)
            }
            outgoing.append(links)
            problems.append(found)
        }
    }

    /// The backlink `links` give each note they lead to: one per target, with the words
    /// around the first link to it.
    private static func backlinks(from source: Int, note: Note, links: [ResolvedLink]) -> [(target: Int, backlink: Backlink)] {
        var linked = Set<Int>()
        return zip(note.body.links, links).compactMap { link, result in
            guard case .note(let target) = result.destination, target != source, linked.insert(target).inserted else { return nil }
            return (target, Backlink(source: source, context: link.context))
        }
    }

    /// `note`'s links resolved against the site as it stands, and the problems found.
    func links(of note: Note) -> (links: [ResolvedLink], diagnostics: [Diagnostic]) {
        Self.links(of: note, index: lookup, folders: folders)
    }

    /// Takes in notes whose bodies changed, each at its index (its title, paths and every
    /// other field notes are found by unchanged; its body and headings may differ): resolves
    /// their links again, moves the backlinks those links give, and resolves again the links
    /// of notes that point to a note whose headings changed (their anchors are checked against
    /// them). Returns the changed notes and every other note whose links resolved differently.
    mutating func update(_ changes: [(index: Int, note: Note)]) -> Set<Int> {
        var headingsChanged: [Int] = []
        for (index, note) in changes {
            if lookup.headingIDs(of: index) != note.body.anchorIDs { headingsChanged.append(index) }
            lookup.replace(index, with: note)
        }
        // A changed note's backlink contexts may differ even where its links resolve the same.
        for (index, note) in changes { relink(index, note: note, resolved: links(of: note)) }
        var relinked = Set(changes.map(\.index))
        for target in headingsChanged {
            for source in Set(incoming[target].map(\.source)) where !relinked.contains(source) {
                let note = lookup.note(source), resolved = links(of: note)
                guard resolved.links != outgoing[source] || resolved.diagnostics != problems[source] else { continue }
                relink(source, note: note, resolved: resolved)
                relinked.insert(source)
            }
        }
        return relinked
    }

    /// Puts `resolved` in place of the links and problems of the note at `source`, and moves
    /// the backlinks they give, keeping each list in note order as a whole resolve does.
    private mutating func relink(_ source: Int, note: Note, resolved: (links: [ResolvedLink], diagnostics: [Diagnostic])) {
        for target in Self.targets(outgoing[source], of: source) {
            incoming[target].removeAll { $0.source == source }
        }
        outgoing[source] = resolved.links
        problems[source] = resolved.diagnostics
        for (target, backlink) in Self.backlinks(from: source, note: note, links: resolved.links) {
            let position = incoming[target].firstIndex { $0.source > source } ?? incoming[target].endIndex
            incoming[target].insert(backlink, at: position)
        }
    }

    /// The other notes `links`, the links of the note at `source`, lead to.
    static func targets(_ links: [ResolvedLink], of source: Int) -> Set<Int> {
        Set(links.compactMap { link in
            if case .note(let target) = link.destination, target != source { return target }
            return nil
        })
    }

    /// A note's links resolved, and the problems found, at their lines in the file.
    private static func links(of note: Note, index: NoteLookup, folders: [String: String]) -> ([ResolvedLink], [Diagnostic]) {
        var resolved: [ResolvedLink] = []
        var diagnostics: [Diagnostic] = []
        resolved.reserveCapacity(note.body.links.count)
        for link in note.body.links {
            let result = index.resolve(link, folders: folders)
            if let problem = result.problem {
                diagnostics.append(problem.at(SourceLocation(path: note.displayPath, line: link.line + note.bodyLineOffset, column: link.column)))
            }
            resolved.append(result.link)
        }
        return (resolved, diagnostics)
    }
}

/// A problem found while resolving, placed once its note's position is known.
struct LinkProblem {
    var severity: Diagnostic.Severity
    var message: String

    func at(_ location: SourceLocation) -> Diagnostic { Diagnostic(severity, message, at: location) }
}
