import CCmark
import Foundation

/// Obsidian callouts and GitHub alerts: a block quote whose first line is `[!type]`, with an
/// optional `+`/`-` (foldable, open or closed) and title.
extension MarkdownDocument {
    /// A callout found in the tree, its `[!type]` marker already taken out of the text.
    /// The node pointers live only as long as the document, inside `render`.
    struct CalloutQuote {
        let quote: OpaquePointer
        let type: String
        /// `+` or `-` for a foldable callout.
        let fold: Character?
    }

    /// Finds the callouts and removes their markers, so the marker reaches neither the text
    /// for search nor the HTML; the title stays in the tree, so its links are processed.
    func findCallouts() -> [CalloutQuote] {
        var quotes: [OpaquePointer] = []
        forEachNode { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes.append(node) }
        }
        guard !quotes.isEmpty else { return [] }
        cmark_consolidate_text_nodes(root)
        var callouts: [CalloutQuote] = []
        for quote in quotes {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT,
                  let literal = LinkEditor.literal(text), let marker = Self.calloutMarker(literal) else { continue }
            cmark_node_set_literal(text, String(literal[marker.rest...].drop { $0 == " " || $0 == "\t" }))
            callouts.append(CalloutQuote(quote: quote, type: marker.type, fold: marker.fold))
        }
        return callouts
    }

    /// `[!type]`, `[!type]+`, `[!type]- Title`: the type, the fold sign and where the title starts.
    static func calloutMarker(_ line: String) -> (type: String, fold: Character?, rest: String.Index)? {
        guard line.hasPrefix("[!"), let close = line.firstIndex(of: "]") else { return nil }
        let type = line[line.index(line.startIndex, offsetBy: 2)..<close]
        guard !type.isEmpty, type.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        var rest = line.index(after: close)
        var fold: Character?
        if rest < line.endIndex, line[rest] == "+" || line[rest] == "-" {
            fold = line[rest]
            rest = line.index(after: rest)
        }
        guard rest == line.endIndex || line[rest] == " " || line[rest] == "\t" else { return nil }
        return (String(type), fold, rest)
    }

    /// Replaces each callout's block quote with an `<aside>`: its title line (an icon, then the
    /// written title or the type's name), then its body. A foldable one holds a `<details>`
    /// whose `<summary>` is the title. Call after `assignHeadingIDs`: the title's inline HTML
    /// is rendered here, as heading HTML is.
    func renderCallouts(_ callouts: [CalloutQuote], unsafeHTML: Bool) {
        for callout in callouts {
            let family = Callout.family(of: callout.type)
            var titleHTML = "", titleText = ""
            if let paragraph = cmark_node_first_child(callout.quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH {
                // The first line is the title: everything before the first line break.
                let title = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                while let child = cmark_node_first_child(paragraph) {
                    let type = cmark_node_get_type(child)
                    if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                        cmark_node_unlink(child)
                        cmark_node_free(child)
                        break
                    }
                    cmark_node_append_child(title, child)
                }
                titleText = Self.plainText(of: title)
                if !titleText.isEmpty {
                    var html = Substring(Self.renderHTML(title, unsafeHTML: unsafeHTML))
                    if html.hasPrefix("<p>") { html = html.dropFirst(3) }
                    if html.hasSuffix("</p>\n") { html = html.dropLast(5) }
                    titleHTML = String(html)
                }
                cmark_node_free(title)
                if cmark_node_first_child(paragraph) == nil {
                    cmark_node_unlink(paragraph)
                    cmark_node_free(paragraph)
                }
            }
            if titleText.isEmpty {
                titleText = Callout.defaultTitle(of: callout.type)
                titleHTML = HTML.escape(titleText)
            }
            let type = HTML.escape(callout.type.lowercased())
            let titleLine = "\(Callout.icon(family)) <span class=\"callout-label\">\(titleHTML)</span>"
            var open = "<aside class=\"callout callout-\(family)\" data-callout=\"\(type)\" role=\"note\" aria-label=\"\(HTML.escape(titleText))\">\n"
            var close = "</div>\n"
            if let fold = callout.fold {
                open += (fold == "+" ? "<details open>\n" : "<details>\n") + "<summary class=\"callout-title\">\(titleLine)</summary>\n"
                close += "</details>\n"
            } else {
                open += "<p class=\"callout-title\">\(titleLine)</p>\n"
            }
            open += "<div class=\"callout-body\">\n"
            close += "</aside>\n"
            let aside = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(aside, open)
            cmark_node_set_on_exit(aside, close)
            while let child = cmark_node_first_child(callout.quote) {
                cmark_node_append_child(aside, child)
            }
            if cmark_node_replace(callout.quote, aside) == 1 {
                cmark_node_free(callout.quote)
            } else {
                cmark_node_free(aside)
            }
        }
    }
}
