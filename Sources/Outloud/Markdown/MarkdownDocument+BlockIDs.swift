import CCmark
import Foundation

/// Obsidian block references: a paragraph or list item ending in ` ^block-id` can be linked
/// to (`[[Note#^block-id]]`) and embedded.
extension MarkdownDocument {
    /// Takes the ` ^id` marker off the end of every paragraph that has one and wraps the
    /// paragraph's content in `<span class="block-id" id="^id">`, so `#%5Eid` leads to it.
    /// Returns the ids in body order and a warning for an id given twice (the first keeps it).
    func assignBlockIDs() -> (ids: [String], problems: [MarkdownProblem]) {
        var candidates: [(paragraph: OpaquePointer, text: OpaquePointer)] = []
        forEachNode { node, entering in
            guard !entering, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
                  let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(last), strchr(literal, 0x5E) != nil else { return }
            candidates.append((node, last))
        }
        var ids: [String] = []
        var seen = Set<String>()
        var problems: [MarkdownProblem] = []
        for (paragraph, text) in candidates {
            guard let literal = LinkEditor.literal(text), let (id, kept) = Self.blockMarker(literal) else { continue }
            // The marker alone on the paragraph's last line leaves a line break before it.
            cmark_node_set_literal(text, kept)
            if kept.isEmpty {
                let previous = cmark_node_previous(text)
                cmark_node_unlink(text)
                cmark_node_free(text)
                if let previous, [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(previous)) {
                    cmark_node_unlink(previous)
                    cmark_node_free(previous)
                }
            }
            guard seen.insert(id).inserted else {
                problems.append(MarkdownProblem(severity: .warning, message: "block id ^\(id) is already used in this note; links lead to the first one",
                                                line: Int(cmark_node_get_start_line(paragraph)), column: Int(cmark_node_get_start_column(paragraph))))
                continue
            }
            ids.append(id)
            let span = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
            // The id holds only ASCII letters, digits and dashes: nothing to escape.
            cmark_node_set_on_enter(span, "<span class=\"block-id\" id=\"^\(id)\">")
            cmark_node_set_on_exit(span, "</span>")
            while let child = cmark_node_first_child(paragraph) { cmark_node_append_child(span, child) }
            cmark_node_append_child(paragraph, span)
        }
        return (ids, problems)
    }

    /// `some text ^abc-1` → ("abc-1", "some text"); nil without a marker. The id is ASCII
    /// letters, digits and dashes, after a space (or alone), at the very end.
    static func blockMarker(_ text: String) -> (id: String, kept: String)? {
        var trimmed = Substring(text)
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        guard let caret = trimmed.lastIndex(of: "^") else { return nil }
        let id = trimmed[trimmed.index(after: caret)...]
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        let before = trimmed[..<caret]
        guard before.isEmpty || before.last == " " || before.last == "\t" else { return nil }
        var kept = before
        while let last = kept.last, last == " " || last == "\t" { kept.removeLast() }
        return (String(id), String(kept))
    }
}
