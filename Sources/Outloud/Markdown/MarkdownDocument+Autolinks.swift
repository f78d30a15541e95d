import CCmark
import Foundation

/// GFM's extended autolinks as ordinary cmark links, so the link pass sees them like any
/// other (external links are left alone). Text inside code, links and images is not looked at.
extension MarkdownDocument {
    func applyAutolinks() {
        let texts = textNodesOutsideLinks { literal in
            strstr(literal, "www.") != nil || strstr(literal, "://") != nil || strchr(literal, 0x40) != nil
        }
        for text in texts { link(text) }
    }

    /// Splits a text node into text and links around the autolinks in it.
    private func link(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
        let matches = Autolinks.find(in: bytes, before: InlineNeighbour.before(node))
        guard !matches.isEmpty else { return }
        var cursor = 0
        for match in matches {
            if cursor < match.range.lowerBound {
                cmark_node_insert_before(node, Self.textNode(String(decoding: bytes[cursor..<match.range.lowerBound], as: UTF8.self)))
            }
            let link = cmark_node_new(CMARK_NODE_LINK)!
            cmark_node_set_url(link, match.url)
            cmark_node_append_child(link, Self.textNode(String(decoding: bytes[match.range], as: UTF8.self)))
            cmark_node_insert_before(node, link)
            cursor = match.range.upperBound
        }
        if cursor < bytes.count {
            cmark_node_insert_before(node, Self.textNode(String(decoding: bytes[cursor...], as: UTF8.self)))
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
