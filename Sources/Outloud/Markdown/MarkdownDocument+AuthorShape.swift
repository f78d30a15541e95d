import CCmark
import Foundation

/// What the author already put in the note that the page would otherwise repeat or lose:
/// a title heading that is a link, a table of contents of their own, raw HTML.
extension MarkdownDocument {
    /// The first top-level `# ` heading, removed from the body.
    struct TitleHeading {
        var text: String
        /// The heading's link when the whole heading is one (`# [99 Bottles](https://…)`).
        var url: String?
    }

    /// Removes the first top-level `# ` heading and returns its text, and its link when the
    /// heading is nothing but one link to a web page (kept and shown beside the title).
    func removeTitleHeading() -> TitleHeading? {
        var node = cmark_node_first_child(root)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_HEADING, cmark_node_get_heading_level(current) == 1 {
                let text = Self.plainText(of: current)
                let url = Self.soleLinkURL(of: current)
                cmark_node_unlink(current)
                cmark_node_free(current)
                return text.isEmpty ? nil : TitleHeading(text: text, url: url)
            }
            node = cmark_node_next(current)
        }
        return nil
    }

    /// The URL of a heading whose only content is one link to an http(s) page.
    private static func soleLinkURL(of heading: OpaquePointer) -> String? {
        var link: OpaquePointer?
        var child = cmark_node_first_child(heading)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_LINK where link == nil: link = current
            case CMARK_NODE_TEXT:
                // Space around the link is allowed; other words make it a heading with a link in it.
                guard let literal = cmark_node_get_literal(current),
                      String(cString: literal).allSatisfy(\.isWhitespace) else { return nil }
            default: return nil
            }
            child = cmark_node_next(current)
        }
        guard let link, let raw = cmark_node_get_url(link) else { return nil }
        let url = String(cString: raw)
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
              !url.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        return url
    }

    /// Whether the body opens with its own table of contents: among its first blocks, a list
    /// whose links all point to headings of this page (`- [Setup](#setup)`), at least two.
    /// A page that has one does not get a second from the theme.
    func hasOwnTableOfContents() -> Bool {
        var node = cmark_node_first_child(root)
        var blocks = 0
        while let current = node, blocks < 4 {
            blocks += 1
            if cmark_node_get_type(current) == CMARK_NODE_LIST {
                var anchors = 0
                var others = 0
                for child in Self.subtree(of: current) where cmark_node_get_type(child) == CMARK_NODE_LINK {
                    let url = cmark_node_get_url(child).map { String(cString: $0) } ?? ""
                    if url.hasPrefix("#") { anchors += 1 } else { others += 1 }
                }
                return anchors >= 2 && others == 0
            }
            node = cmark_node_next(current)
        }
        return false
    }

    /// One warning for raw HTML that safe mode leaves out, at its first place, naming the
    /// first tag and how many places there are. Comments are left out silently: they were
    /// never shown.
    func rawHTMLProblem() -> MarkdownProblem? {
        var first: (tag: String, line: Int, column: Int)?
        var count = 0
        forEachNode { node, entering in
            let type = cmark_node_get_type(node)
            guard entering, type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE,
                  let literal = cmark_node_get_literal(node) else { return }
            let html = String(cString: literal).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !html.hasPrefix("<!--") else { return }
            count += 1
            if first == nil {
                first = (Self.tagName(html), Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
            }
        }
        guard let first else { return nil }
        let places = count == 1 ? "" : " (and \(count - 1) more place\(count == 2 ? "" : "s") in this note)"
        return MarkdownProblem(severity: .warning,
                               message: "raw HTML \(first.tag) is left out\(places); set `unsafe_html: true` in site.yml to keep it",
                               line: first.line, column: first.column)
    }

    /// `<details>` for `<details open>…`, `</kbd>` for a closing tag; the start of anything else.
    private static func tagName(_ html: String) -> String {
        var name = "<"
        for character in html.dropFirst() {
            guard character.isLetter || character.isNumber || character == "/" || character == "-" || character == "!" else { break }
            name.append(character)
            if name.count > 24 { break }
        }
        return "`" + (name == "<" ? String(html.prefix(12)) : name + ">") + "`"
    }
}
