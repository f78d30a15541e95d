import CCmark
import Foundation

/// Obsidian's `==highlight==`, as `<mark>`.
extension MarkdownDocument {
    /// Wraps each `==…==` in a `<mark>`. The two `==` must be in text nodes of one parent (so a
    /// highlight never crosses a paragraph, and may hold emphasis, links and line breaks); the
    /// first is followed and the second preceded by something other than a space, as with
    /// emphasis (`a == b` is not opened). Code is never a text node, so it is left alone.
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

    private static func markHighlights(in parent: OpaquePointer) {
        var child = cmark_node_first_child(parent)
        var from = 0  // bytes of `child` already looked at
        while let node = child {
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let text = LinkEditor.literal(node),
                  let open = delimiter(in: text, from: from, opening: true) else {
                child = cmark_node_next(node)
                from = 0
                continue
            }
            // The closing `==`: in the rest of this node, or in a later text sibling.
            var closeNode = node, closeAt: Int?
            closeAt = delimiter(in: text, from: open + 2, opening: false)
            var sibling = cmark_node_next(node)
            while closeAt == nil, let current = sibling {
                if cmark_node_get_type(current) == CMARK_NODE_TEXT, let later = LinkEditor.literal(current) {
                    closeAt = delimiter(in: later, from: 0, opening: false)
                    closeNode = current
                }
                sibling = cmark_node_next(current)
            }
            guard let close = closeAt else {
                from = open + 2
                continue
            }
            // Split off the text after the closing `==`, then the text before the opening one.
            let closeText = LinkEditor.literal(closeNode)!
            let after = String(decoding: closeText.utf8.dropFirst(close + 2), as: UTF8.self)
            cmark_node_set_literal(closeNode, String(decoding: closeText.utf8.prefix(close), as: UTF8.self))
            var afterNode: OpaquePointer?
            if !after.isEmpty {
                afterNode = textNode(after)
                cmark_node_insert_after(closeNode, afterNode!)
            }
            let openText = LinkEditor.literal(node)!
            let inside = textNode(String(decoding: openText.utf8.dropFirst(open + 2), as: UTF8.self))
            cmark_node_set_literal(node, String(decoding: openText.utf8.prefix(open), as: UTF8.self))
            cmark_node_insert_after(node, inside)
            let mark = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
            cmark_node_set_on_enter(mark, "<mark>")
            cmark_node_set_on_exit(mark, "</mark>")
            cmark_node_insert_before(inside, mark)
            let last = closeNode == node ? inside : closeNode
            var moving: OpaquePointer? = inside
            while let current = moving {
                moving = current == last ? nil : cmark_node_next(current)
                cmark_node_append_child(mark, current)
            }
            if LinkEditor.literal(node)?.isEmpty == true {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
            child = afterNode ?? cmark_node_next(mark)
            from = 0
        }
    }

    private static func textNode(_ literal: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, literal)
        return node
    }

    /// The byte offset of the next `==` at or after `from` that can open (followed by a
    /// non-space) or close (preceded by a non-space), not part of a longer run of `=`.
    private static func delimiter(in text: String, from: Int, opening: Bool) -> Int? {
        let bytes = Array(text.utf8)
        var index = from
        while index + 1 < bytes.count {
            guard bytes[index] == 0x3D, bytes[index + 1] == 0x3D else { index += 1; continue }
            var runEnd = index
            while runEnd < bytes.count && bytes[runEnd] == 0x3D { runEnd += 1 }
            if runEnd - index == 2 {
                let before: UInt8? = index > 0 ? bytes[index - 1] : nil
                let after: UInt8? = runEnd < bytes.count ? bytes[runEnd] : nil
                if opening {
                    if let after, !isSpace(after) { return index }
                } else if let before {
                    if !isSpace(before) { return index }
                } else {
                    return index  // at the start of a later text node: right after an inline node
                }
            }
            index = runEnd
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 }
}
