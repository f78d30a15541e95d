import CCmark
import Foundation

/// GFM footnotes: `[^label]` references become numbered superscript links, and the
/// referenced definitions a `<section class="footnotes">` at the end, with back-links, as
/// cmark-gfm writes them. Ids are `fn-label`, `fnref-label` and `fnref-label-2`…: unique
/// in the page (heading ids steer clear of them) and the same on every build.
extension MarkdownDocument {
    /// Parses every definition's body into a list item of a footnotes section at the end of
    /// the document, so the other passes (links, tables, strikethrough) reach them too.
    /// `numberFootnotes` later keeps only the referenced ones.
    func appendFootnoteBodies(_ definitions: FootnoteDefinitions) -> [String: OpaquePointer] {
        let section = Self.customNode(CMARK_NODE_CUSTOM_BLOCK, enter: "<section class=\"footnotes\" data-footnotes>\n<ol>",
                                      exit: "</ol>\n</section>")
        var items: [String: OpaquePointer] = [:]
        for (key, definition) in definitions.byKey.sorted(by: { $0.value.origin.line < $1.value.origin.line }) {
            let id = Self.escapedForHTML(definition.label)
            let item = Self.customNode(CMARK_NODE_CUSTOM_BLOCK, enter: "<li id=\"fn-\(id)\">", exit: "</li>")
            definition.origin.attach(to: item)
            if let fragment = Self.parseFragment(definition.body) {
                Self.moveChildren(of: fragment, to: item)
                cmark_node_free(fragment)
            }
            cmark_node_append_child(section, item)
            items[key] = item
        }
        cmark_node_append_child(root, section)
        return items
    }

    /// Turns `[^label]` in text into references to the defined footnotes, numbered by first
    /// reference; orders the section by those numbers, drops unreferenced definitions (and
    /// the section if none is left) and adds the back-links. Returns the ids it gave out.
    func numberFootnotes(_ definitions: FootnoteDefinitions, items: [String: OpaquePointer]) -> Set<String> {
        let texts = textNodesOutsideLinks { strstr($0, "[^") != nil }
        var order: [String] = []
        var counts: [String: Int] = [:]
        var numbers: [String: Int] = [:]
        var ids: Set<String> = []
        for text in texts {
            replaceReferences(in: text, definitions: definitions) { key in
                if counts[key] == nil {
                    order.append(key)
                    numbers[key] = order.count
                }
                counts[key, default: 0] += 1
                let label = Self.escapedForHTML(definitions.byKey[key]!.label)
                let count = counts[key]!
                let id = count == 1 ? "fnref-\(label)" : "fnref-\(label)-\(count)"
                ids.insert(id)
                ids.insert("fn-\(label)")
                return "<sup class=\"footnote-ref\"><a href=\"#fn-\(label)\" id=\"\(id)\" data-footnote-ref>\(numbers[key]!)</a></sup>"
            }
        }
        guard let section = items.values.first.flatMap(cmark_node_parent) else { return ids }
        for key in order {
            let item = items[key]!
            cmark_node_append_child(section, item)  // moves it to the end: the section ends up in reference order
            addBackLinks(to: item, label: Self.escapedForHTML(definitions.byKey[key]!.label), count: counts[key]!)
        }
        for (key, item) in items where counts[key] == nil {
            cmark_node_unlink(item)
            cmark_node_free(item)
        }
        if order.isEmpty {
            cmark_node_unlink(section)
            cmark_node_free(section)
        }
        return ids
    }

    /// Splits a text node around each `[^label]` whose label is defined.
    private func replaceReferences(in node: OpaquePointer, definitions: FootnoteDefinitions, reference: (String) -> String) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        var segment = 0  // where the text not yet placed starts
        var index = 0
        while let open = bytes.offset(of: 0x5B, from: index) {
            index = open + 1
            guard open + 2 < bytes.count, bytes[open + 1] == 0x5E else { continue }
            var close = open + 2
            while close < bytes.count, bytes[close] != 0x5D, bytes[close] != 0x5B, bytes[close] > 32 { close += 1 }
            guard close < bytes.count, bytes[close] == 0x5D, close > open + 2 else { continue }
            let key = FootnoteDefinitions.key(String(decoding: bytes[(open + 2)..<close], as: UTF8.self))
            guard definitions.byKey[key] != nil else { continue }
            if segment < open { cmark_node_insert_before(node, Self.textNode(String(decoding: bytes[segment..<open], as: UTF8.self))) }
            cmark_node_insert_before(node, Self.customNode(CMARK_NODE_CUSTOM_INLINE, enter: reference(key), exit: ""))
            index = close + 1
            segment = index
        }
        guard segment > 0 else { return }
        if segment < bytes.count { cmark_node_insert_before(node, Self.textNode(String(decoding: bytes[segment...], as: UTF8.self))) }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// One `↩` back to each reference: at the end of the last paragraph, or after the last block.
    private func addBackLinks(to item: OpaquePointer, label: String, count: Int) {
        let links = (1...count).map { number in
            number == 1
                ? "<a href=\"#fnref-\(label)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a>"
                : "<a href=\"#fnref-\(label)-\(number)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩<sup class=\"footnote-ref\">\(number)</sup></a>"
        }.joined(separator: " ")
        if let last = cmark_node_last_child(item), cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH {
            cmark_node_append_child(last, Self.customNode(CMARK_NODE_CUSTOM_INLINE, enter: " " + links, exit: ""))
        } else {
            cmark_node_append_child(item, Self.customNode(CMARK_NODE_CUSTOM_BLOCK, enter: links, exit: ""))
        }
    }
}
