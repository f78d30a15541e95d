import CCmark
import Foundation

/// GFM task list items: `- [ ] to do` and `- [x] done` get a disabled checkbox, as cmark-gfm
/// writes it, in place of the brackets — with an accessible name added, since a form field
/// without one is an error for screen readers (and axe) and cmark-gfm gives it none.
extension MarkdownDocument {
    static let uncheckedBox = "<input type=\"checkbox\" disabled=\"\" aria-label=\"Incomplete task\" />"
    static let checkedBox = "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Completed task\" />"

    /// Turns the `[ ]`, `[x]` or `[X]` that opens a list item's first paragraph into a checkbox.
    func markTaskListItems() {
        var items: [OpaquePointer] = []
        forEachNode { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_ITEM { items.append(node) }
        }
        for item in items {
            guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(text) else { continue }
            // `[`, the mark, `]`, then a space or tab and something after it.
            let mark = UInt8(bitPattern: literal[1])
            guard literal[0] == 0x5B, mark == 0x20 || mark == 0x78 || mark == 0x58, literal[2] == 0x5D,
                  literal[3] == 0x20 || literal[3] == 0x09 else { continue }
            var rest = literal + 4
            while rest.pointee == 0x20 || rest.pointee == 0x09 { rest += 1 }
            guard rest.pointee != 0 || cmark_node_next(text) != nil else { continue }
            let box = mark == 0x20 ? Self.uncheckedBox : Self.checkedBox
            if let list = cmark_node_parent(item), cmark_node_get_list_tight(list) == 0 {
                // In a loose list the paragraph gets `<p>`: cmark-gfm puts the box before it.
                cmark_node_insert_before(paragraph, Self.customNode(CMARK_NODE_CUSTOM_BLOCK, enter: box, exit: ""))
            } else {
                cmark_node_insert_before(text, Self.customNode(CMARK_NODE_CUSTOM_INLINE, enter: box + " ", exit: ""))
            }
            if rest.pointee == 0 {
                cmark_node_unlink(text)
                cmark_node_free(text)
            } else {
                cmark_node_set_literal(text, String(cString: rest))
            }
        }
    }
}
