import CCmark
import Foundation

extension MarkdownDocument {
    /// Replaces each code block whose info string names a language the highlighter knows by
    /// a custom block holding the highlighted HTML; the others stay as cmark writes them.
    ///
    /// Runs after the text and word count were taken from the blocks. Custom block text is
    /// written out raw, so the HTML must be escaped already: `Highlighter` escapes `& < > "`
    /// as cmark does.
    func highlightCode(_ blocks: [OpaquePointer]) {
        for node in blocks {
            guard let info = cmark_node_get_fence_info(node), let literal = cmark_node_get_literal(node) else { continue }
            let code = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            guard let html = Highlighter.codeBlock(info: String(cString: info), code: code),
                  let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, html)
            cmark_node_set_on_exit(block, "")
            if cmark_node_replace(node, block) == 1 {
                cmark_node_free(node)  // unlinked by the replacement: ours to free
            } else {
                cmark_node_free(block)
            }
        }
    }
}
