/// Warnings for note embeds that a page shows as links instead: an embed that would include
/// a note already being embedded (a cycle), embeds nested deeper than
/// `EmbedScope.depthLimit`, and embeds past a page's `EmbedScope.pageLimit`. Each is
/// reported once, at the embed as written in its note.
///
/// The pages of notes with embeds are written here as the render stage will write them
/// (the same `EmbedScope`), so what is reported is exactly what the pages show.
enum EmbedChecks {
    static func diagnostics(notes: [Note], graph: LinkGraph) -> [Diagnostic] {
        let byPath = Dictionary(notes.indices.map { (notes[$0].sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        var reported = Set<[Int]>()
        var diagnostics: [Diagnostic] = []
        for index in notes.indices where notes[index].body.links.contains(where: \.isEmbed) {
            let note = notes[index]
            let scope = EmbedScope(root: relativeRoot(forURLPath: note.urlPath), notes: notes, outgoing: graph.outgoing, stack: [note.sourcePath])
            _ = scope.linked(note.body.html, of: note, links: graph.outgoing[index])
            for (path, number, reason) in scope.tally.declined {
                // The page's limit is reported once per page, at the first embed past it.
                let key = reason == .pageLimit ? [index, -1] : [byPath[path] ?? -1, number]
                guard let source = byPath[path], reported.insert(key).inserted else { continue }
                let link = notes[source].body.links[number]
                let written = "![[\(link.label)]]"
                let message = switch reason {
                case .cycle(let cycle): "embed \(written) would include a note it is already inside (\(cycle.joined(separator: " → "))); it is shown as a link"
                case .depth(let chain): "embeds nest more than \(EmbedScope.depthLimit) deep (\(chain.joined(separator: " → "))); \(written) is shown as a link there"
                case .pageLimit: "\(note.sourcePath) would show more than \(EmbedScope.pageLimit) embedded notes; \(written) and the rest are shown as links there"
                }
                diagnostics.append(.warning(message, at: SourceLocation(path: notes[source].displayPath, line: link.line + notes[source].bodyLineOffset, column: link.column)))
            }
        }
        return diagnostics
    }
}
