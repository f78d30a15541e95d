import CCmark
import Foundation

/// Raw HTML kept under `unsafe_html: true`: its relative `href` and `src` are rewritten the
/// way Markdown links are, so `<img src="diagram.png">` and `<a href="../books/drive.md">`
/// work from the page's URL as they did on GitHub.
extension MarkdownDocument {
    /// Rewrites the links in every raw HTML node. A link to a note or folder replaces the
    /// whole opening `<a …>` tag with a placeholder (the site stage writes the real tag, as
    /// for Markdown links); links are numbered after `links`, which this appends to.
    func rewriteRawHTMLLinks(base: LinkBase, links: inout [LinkReference], problems: inout [MarkdownProblem]) {
        var nodes: [OpaquePointer] = []
        forEachNode { node, entering in
            let type = cmark_node_get_type(node)
            if entering, type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { nodes.append(node) }
        }
        var editor = LinkEditor(base: base, unsafeHTML: true)
        editor.links = links
        for node in nodes {
            guard let literal = cmark_node_get_literal(node) else { continue }
            let html = String(cString: literal)
            let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
            let rewritten = editor.rewriteTags(in: html, line: line, column: column)
            if rewritten != html { cmark_node_set_literal(node, rewritten) }
        }
        links = editor.links
        problems += editor.problems
    }
}

extension LinkEditor {
    /// An opening tag and the one attribute of it that holds a URL.
    nonisolated(unsafe) private static let tagPattern = /<(?<name>[A-Za-z][A-Za-z0-9]*)\b[^>]*>/
    nonisolated(unsafe) private static let attributePattern =
        /(?<name>\b(?:href|src|poster))\s*=\s*(?:"(?<double>[^"]*)"|'(?<single>[^']*)'|(?<bare>[^\s"'>]+))/.ignoresCase()

    /// The HTML with each tag's relative `href`/`src`/`poster` rewritten for the page's URL.
    mutating func rewriteTags(in html: String, line: Int, column: Int) -> String {
        var result = ""
        var rest = html[...]
        while let tag = rest.firstMatch(of: Self.tagPattern) {
            result += rest[..<tag.range.lowerBound]
            result += rewriteTag(String(rest[tag.range]), name: String(tag.output.name).lowercased(), line: line, column: column)
            rest = rest[tag.range.upperBound...]
        }
        return result + rest
    }

    private mutating func rewriteTag(_ tag: String, name: String, line: Int, column: Int) -> String {
        guard let attribute = tag.firstMatch(of: Self.attributePattern) else { return tag }
        let url = String(attribute.output.double ?? attribute.output.single ?? attribute.output.bare ?? "")
        switch classify(HTMLEntities.decoded(url)) {
        case .leave, .unsafe:
            return tag
        case .rewrite(let href):
            let quoted = "\(attribute.output.name)=\"\(HTML.escape(href))\""
            return tag.replacingCharacters(in: attribute.range, with: quoted)
        case .excluded(let reason):
            problems.append(MarkdownProblem(severity: .warning, message: reason, line: line, column: column))
            return tag
        case .placeholder(let target, let anchor):
            if case .broken(let reason) = target {
                problems.append(MarkdownProblem(severity: .warning, message: reason, line: line, column: column))
            }
            // Only a link can become a placeholder; an image of a note is left as written.
            guard name == "a" else { return tag }
            links.append(LinkReference(target: target, anchor: anchor, label: url, line: line, column: column, context: ""))
            return LinkPlaceholder.opening(links.count - 1)
        }
    }
}

/// The character references an attribute value written by hand is likely to hold.
enum HTMLEntities {
    static func decoded(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
