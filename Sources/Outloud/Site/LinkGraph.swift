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

    init(notes: [Note], drafts: [Note], sections: Set<String>) {
        let index = NoteLookup(notes: notes, drafts: drafts)
        var outgoing: [[ResolvedLink]] = []
        var incoming = [[Backlink]](repeating: [], count: notes.count)
        var diagnostics: [Diagnostic] = []
        outgoing.reserveCapacity(notes.count)
        for (source, note) in notes.enumerated() {
            var resolved: [ResolvedLink] = []
            resolved.reserveCapacity(note.body.links.count)
            var linked = Set<Int>()
            for link in note.body.links {
                let location = SourceLocation(path: note.displayPath, line: link.line + note.bodyLineOffset, column: link.column)
                let result = index.resolve(link, sections: sections)
                if let problem = result.problem { diagnostics.append(problem.at(location)) }
                resolved.append(result.link)
                if case .note(let target) = result.link.destination, target != source, linked.insert(target).inserted {
                    incoming[target].append(Backlink(source: source, context: link.context))
                }
            }
            outgoing.append(resolved)
        }
        // Notes are newest first, so appending in note order already sorts each list.
        self.outgoing = outgoing
        self.incoming = incoming
        self.diagnostics = diagnostics
    }
}

/// A problem found while resolving, placed once its note's position is known.
struct LinkProblem {
    var severity: Diagnostic.Severity
    var message: String

    func at(_ location: SourceLocation) -> Diagnostic { Diagnostic(severity, message, at: location) }
}
