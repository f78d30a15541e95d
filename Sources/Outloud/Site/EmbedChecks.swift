/// Warnings for note embeds that a page shows as links instead: an embed that would include
/// a note already being embedded (a cycle), and embeds nested deeper than
/// `EmbedScope.depthLimit`. Each is reported once, at the embed written in its note.
enum EmbedChecks {
    static func diagnostics(notes: [Note], graph: LinkGraph) -> [Diagnostic] {
        var reported = Set<[Int]>()
        var diagnostics: [Diagnostic] = []
        /// The note embeds of a note that lead to a note (and its heading, if one was named).
        func embeds(of index: Int) -> [(number: Int, target: Int)] {
            zip(notes[index].body.links, graph.outgoing[index]).enumerated().compactMap { number, pair in
                let (reference, link) = pair
                guard reference.isEmbed, case .note(let target) = link.destination,
                      reference.anchor == nil || link.anchor != nil else { return nil }
                return (number, target)
            }
        }
        func report(_ index: Int, _ number: Int, _ message: String) {
            guard reported.insert([index, number]).inserted else { return }
            let link = notes[index].body.links[number]
            diagnostics.append(.warning(message, at: SourceLocation(path: notes[index].displayPath, line: link.line + notes[index].bodyLineOffset, column: link.column)))
        }
        func walk(_ index: Int, stack: [Int]) {
            for (number, target) in embeds(of: index) {
                let chain = (stack + [target]).map { notes[$0].sourcePath }.joined(separator: " → ")
                let written = "![[\(notes[index].body.links[number].label)]]"
                if let position = stack.firstIndex(of: target) {
                    // The cycle from the note the embed is written in, whichever page found it.
                    let cycle = ([index] + stack[position..<(stack.count - 1)] + [index]).map { notes[$0].sourcePath }.joined(separator: " → ")
                    report(index, number, "embed \(written) would include a note it is already inside (\(cycle)); it is shown as a link")
                } else if !EmbedScope.inlines(target: notes[target].sourcePath, stack: stack.map { notes[$0].sourcePath }) {
                    report(index, number, "embeds nest more than \(EmbedScope.depthLimit) deep (\(chain)); \(written) is shown as a link there")
                } else {
                    walk(target, stack: stack + [target])
                }
            }
        }
        for index in notes.indices where notes[index].body.links.contains(where: \.isEmbed) {
            walk(index, stack: [index])
        }
        return diagnostics
    }
}
