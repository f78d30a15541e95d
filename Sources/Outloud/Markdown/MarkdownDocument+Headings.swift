import CCmark

extension MarkdownDocument {
    /// Ids the page layout uses itself; a heading never takes one of them.
    static let reservedIDs: Set<String> = [
        "main", "site-header", "site-nav", "toc", "toc-heading", "backlinks", "backlinks-heading",
        "related", "related-heading", "footer",
    ]

    /// Gives every heading a stable, unique id and a self-link, and returns the headings.
    ///
    /// cmark has no attribute API, so each heading is rendered on its own by cmark (keeping
    /// the safe-mode filtering of its inline content) and replaced by a custom block holding
    /// that HTML with the id added. Footnotes' ids (`fn-1`, `fnref-1`) are never taken. Custom block text is written out raw, so the id is
    /// escaped here: a slug holds only letters, digits and dashes.
    func assignHeadingIDs(unsafeHTML: Bool, reserving footnoteIDs: Set<String> = []) -> [Heading] {
        var nodes: [OpaquePointer] = []
        forEachNode { node, entering in
            if !entering, cmark_node_get_type(node) == CMARK_NODE_HEADING { nodes.append(node) }
        }
        var ids = UniqueIDs(reserved: footnoteIDs.isEmpty ? Self.reservedIDs : Self.reservedIDs.union(footnoteIDs))
        var headings: [Heading] = []
        headings.reserveCapacity(nodes.count)
        for node in nodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = Self.plainText(of: node)
            let id = ids.claim(Slug.make(text))
            let html = Self.renderHTML(node, unsafeHTML: unsafeHTML)
            let open = "<h\(level)>"
            let close = "</h\(level)>"
            var inner = Substring(html)
            if inner.hasSuffix("\n") { inner = inner.dropLast() }
            if inner.hasPrefix(open) { inner = inner.dropFirst(open.count) }
            if inner.hasSuffix(close) { inner = inner.dropLast(close.count) }
            let replacement = "<h\(level) id=\"\(id)\">\(inner) <a class=\"heading-link\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(level)>"
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, replacement)
            cmark_node_set_on_exit(block, "")
            headings.append(Heading(level: level, text: text, id: id, line: Int(cmark_node_get_start_line(node))))
            if cmark_node_replace(node, block) == 1 {
                cmark_node_free(node)  // unlinked by the replacement: ours to free
            } else {
                cmark_node_free(block)
            }
        }
        return headings
    }
}
