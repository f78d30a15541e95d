/// A link of a note, resolved against the whole site.
public struct ResolvedLink: Sendable, Hashable {
    public enum Destination: Sendable, Hashable {
        case note(Int)
        case section(String)
        /// Why it goes nowhere; rendered visibly marked, with the reason as its title.
        case broken(String)
    }

    public var destination: Destination
    public var anchor: String?
}

/// A note that links to another, with the words around the link.
public struct Backlink: Sendable, Hashable {
    public var source: Int
    public var context: String
}

/// The site's link graph, forward and backward, kept as data for every later stage.
public struct LinkGraph: Sendable {
    /// Per note, its links in body order (matching its `LinkPlaceholder` numbers).
    public var outgoing: [[ResolvedLink]]
    /// Per note, the notes linking to it: one entry per linking note, newest first.
    public var incoming: [[Backlink]]
    public var diagnostics: [Diagnostic]

    /// Resolves every note's links, in parallel, then gathers the backlinks.
    static func resolve(notes: [Note], drafts: [Note], sections: Set<String>) async -> LinkGraph {
        let index = NoteLookup(notes: notes, drafts: drafts)
        let batches = await Parallel.batches(count: notes.count, batchSize: 128) { batch in
            batch.map { links(of: notes[$0], index: index, sections: sections) }
        }
        return LinkGraph(notes: notes, resolved: Array(batches.joined()))
    }

    /// The same on one thread.
    init(notes: [Note], drafts: [Note], sections: Set<String>) {
        let index = NoteLookup(notes: notes, drafts: drafts)
        self.init(notes: notes, resolved: notes.map { Self.links(of: $0, index: index, sections: sections) })
    }

    private init(notes: [Note], resolved: [(links: [ResolvedLink], diagnostics: [Diagnostic])]) {
        outgoing = []
        outgoing.reserveCapacity(notes.count)
        incoming = [[Backlink]](repeating: [], count: notes.count)
        diagnostics = []
        for (source, (links, problems)) in resolved.enumerated() {
            var linked = Set<Int>()
            for (link, result) in zip(notes[source].body.links, links) {
                // Notes are newest first, so appending in note order already sorts each list.
                if case .note(let target) = result.destination, target != source, linked.insert(target).inserted {
                    incoming[target].append(Backlink(source: source, context: link.context))
                }
            }
            outgoing.append(links)
            diagnostics += problems
        }
    }

    /// A note's links resolved, and the problems found, at their lines in the file.
    private static func links(of note: Note, index: NoteLookup, sections: Set<String>) -> ([ResolvedLink], [Diagnostic]) {
        var resolved: [ResolvedLink] = []
        var diagnostics: [Diagnostic] = []
        resolved.reserveCapacity(note.body.links.count)
        for link in note.body.links {
            let result = index.resolve(link, sections: sections)
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
