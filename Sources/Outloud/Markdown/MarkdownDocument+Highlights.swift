import CCmark
import Foundation

/// Obsidian's `==highlight==`, as `<mark>`.
extension MarkdownDocument {
    /// Wraps each `==…==` in a `<mark>`. The two `==` must be in text nodes of one parent (so a
    /// highlight never crosses a paragraph, and may hold emphasis, links and line breaks); the
    /// first is followed and the second preceded by something other than a space, as with
    /// emphasis (`a == b` is not opened), and a run of three or more `=` is text. Code is
    /// never a text node, so it is left alone.
    func markHighlights() {
        var parents: [OpaquePointer] = []
        var seen = Set<OpaquePointer>()
        forEachNode { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node),
                  strstr(literal, "==") != nil, let parent = cmark_node_parent(node), seen.insert(parent).inserted else { return }
            parents.append(parent)
        }
        for parent in parents { Self.markHighlights(in: parent) }
    }

    /// A `==` in a text child: where, and whether it can open or close a highlight.
    private struct Delimiter {
        var child: Int
        var offset: Int
        var canOpen: Bool
        var canClose: Bool
    }

    /// Pairs the `==` among `parent`'s children left to right (an opener takes the next
    /// `==` that can close) and rebuilds the children once: linear in their length, however
    /// many `==` there are.
    private static func markHighlights(in parent: OpaquePointer) {
        var children: [OpaquePointer] = []
        var child = cmark_node_first_child(parent)
        while let current = child {
            children.append(current)
            child = cmark_node_next(current)
        }
        var delimiters: [Delimiter] = []
        for (number, node) in children.enumerated() where cmark_node_get_type(node) == CMARK_NODE_TEXT {
            guard let literal = cmark_node_get_literal(node), strstr(literal, "==") != nil else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            var index = 0
            while index + 1 < bytes.count {
                guard bytes[index] == 0x3D else { index += 1; continue }
                var runEnd = index
                while runEnd < bytes.count && bytes[runEnd] == 0x3D { runEnd += 1 }
                if runEnd - index == 2 {
                    let before: UInt8? = index > 0 ? bytes[index - 1] : nil
                    let after: UInt8? = runEnd < bytes.count ? bytes[runEnd] : nil
                    // At a text node's start, an inline node (not the paragraph's start) is before it.
                    let canClose = before.map { !isSpace($0) } ?? (number > 0 && ![CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(children[number - 1])))
                    delimiters.append(Delimiter(child: number, offset: index, canOpen: after.map { !isSpace($0) } ?? false, canClose: canClose))
                }
                index = runEnd
            }
        }
        var cuts: [Int: [(offset: Int, opens: Bool)]] = [:]
        var open: Delimiter?
        for delimiter in delimiters {
            if let opener = open {
                guard delimiter.canClose else { continue }
                cuts[opener.child, default: []].append((opener.offset, true))
                cuts[delimiter.child, default: []].append((delimiter.offset, false))
                open = nil
            } else if delimiter.canOpen {
                open = delimiter
            }
        }
        guard !cuts.isEmpty else { return }
        var mark: OpaquePointer?
        for (number, node) in children.enumerated() {
            guard let nodeCuts = cuts[number] else {
                if let mark { cmark_node_append_child(mark, node) }
                continue
            }
            let bytes = Array((LinkEditor.literal(node) ?? "").utf8)
            func place(_ piece: ArraySlice<UInt8>) {
                guard !piece.isEmpty else { return }
                let text = textNode(String(decoding: piece, as: UTF8.self))
                if let mark { cmark_node_append_child(mark, text) } else { cmark_node_insert_before(node, text) }
            }
            var start = 0
            for cut in nodeCuts {
                place(bytes[start..<cut.offset])
                if cut.opens {
                    let opened = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                    cmark_node_set_on_enter(opened, "<mark>")
                    cmark_node_set_on_exit(opened, "</mark>")
                    cmark_node_insert_before(node, opened)
                    mark = opened
                } else {
                    mark = nil
                }
                start = cut.offset + 2
            }
            place(bytes[start...])
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 }
}
