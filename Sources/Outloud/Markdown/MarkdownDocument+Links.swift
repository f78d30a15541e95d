import CCmark
import Foundation

/// The link edits: relative links and wikilinks become placeholders for the site stage,
/// links to files are rewritten for the page's URL, and mistakes become problems.
extension MarkdownDocument {
    /// Collects and rewrites the body's links. Call before `assignHeadingIDs`, which
    /// freezes headings (and any links in them) into raw HTML.
    func processLinks(base: LinkBase?, unsafeHTML: Bool) -> (links: [LinkReference], problems: [MarkdownProblem]) {
        var editor = LinkEditor(base: base, unsafeHTML: unsafeHTML)
        cmark_consolidate_text_nodes(root)
        var links: [OpaquePointer] = []
        var images: [OpaquePointer] = []
        var texts: [OpaquePointer] = []
        var insideLink = 0
        forEachNode { node, entering in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK:
                insideLink += entering ? 1 : -1
                if !entering { links.append(node) }
            case CMARK_NODE_IMAGE:
                insideLink += entering ? 1 : -1
                if !entering { images.append(node) }
            case CMARK_NODE_TEXT where insideLink == 0:
                if let literal = cmark_node_get_literal(node), strstr(literal, "[[") != nil { texts.append(node) }
            default:
                break
            }
        }
        // Merging a split wikilink frees the nodes it folds in; some may be later in `texts`.
        var freed = Set<OpaquePointer>()
        for text in texts where !freed.contains(text) {
            freed.formUnion(editor.mergeSplitWikilink(startingAt: text))
            editor.replaceWikilinks(in: text)
        }
        for link in links { editor.rewriteLink(link) }
        for image in images { editor.rewriteImage(image) }
        // Contexts are read once every link is in place, so they show labels, not `[[…]]`.
        for (number, context) in LinkContext.contexts(of: editor.placeholders).enumerated() {
            editor.links[number].context = context
        }
        editor.placeEmbeds()
        return (editor.links, editor.problems)
    }
}

/// The state of one pass over a body's links.
struct LinkEditor {
    let base: LinkBase?
    let unsafeHTML: Bool
    var links: [LinkReference] = []
    /// The placeholder node of each link, by link number.
    var placeholders: [OpaquePointer] = []
    /// The embed placeholders of note embeds, in body order.
    var embedNodes: [(node: OpaquePointer, number: Int)] = []
    var problems: [MarkdownProblem] = []

    init(base: LinkBase?, unsafeHTML: Bool) {
        self.base = base
        self.unsafeHTML = unsafeHTML
    }

    // MARK: Wikilinks

    /// `[[A *b*]]` arrives as text, emphasis, text: fold such a run back into one text node
    /// (the label keeps its words, not its formatting) so the wikilink can be found.
    /// Returns the nodes it freed, with everything inside them: the caller holds lists of
    /// text nodes and links collected earlier, and must not touch these again.
    mutating func mergeSplitWikilink(startingAt node: OpaquePointer) -> [OpaquePointer] {
        guard let literal = Self.literal(node), let open = literal.range(of: "[[", options: .backwards),
              !literal[open.upperBound...].contains("]]") else { return [] }
        var run: [OpaquePointer] = []
        var freed: [OpaquePointer] = []
        var sibling = cmark_node_next(node)
        while let current = sibling {
            // A link, an image or a line break anywhere in the run (`[[a *[b](c.md)* d]]`)
            // means this is not one wikilink; the links are rewritten on their own later.
            let subtree = MarkdownDocument.subtree(of: current)
            if subtree.contains(where: { Self.endsWikilinkRun(cmark_node_get_type($0)) }) { return [] }
            run.append(current)
            freed += subtree
            if cmark_node_get_type(current) == CMARK_NODE_TEXT, let text = Self.literal(current), text.contains("]]") { break }
            sibling = cmark_node_next(current)
        }
        guard let last = run.last, cmark_node_get_type(last) == CMARK_NODE_TEXT,
              Self.literal(last)?.contains("]]") == true else { return [] }
        var merged = literal
        for part in run {
            merged += cmark_node_get_type(part) == CMARK_NODE_TEXT ? (Self.literal(part) ?? "") : MarkdownDocument.plainText(of: part)
            cmark_node_unlink(part)
            cmark_node_free(part)
        }
        cmark_node_set_literal(node, merged)
        return freed
    }

    private static func endsWikilinkRun(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }

    /// Splits a text node around each `[[target#anchor|label]]` into text, link, text.
    mutating func replaceWikilinks(in node: OpaquePointer) {
        guard let literal = Self.literal(node) else { return }
        let (line, startColumn, _, _) = MarkdownDocument.position(of: node)
        var rest = Substring(literal)
        var pieces: [WikiPiece] = []
        var pending = ""
        while let open = rest.range(of: "[[") {
            let column = startColumn + literal.utf8.distance(from: literal.startIndex, to: open.lowerBound)
            guard let close = rest[open.upperBound...].range(of: "]]") else {
                problems.append(MarkdownProblem(severity: .warning, message: "`[[` has no closing `]]`; it is shown as text", line: line, column: column))
                break
            }
            // In `[[a [[b]]`, the wikilink is the innermost `[[b]]`.
            let innerStart = rest[open.upperBound..<close.lowerBound].range(of: "[[", options: .backwards)?.upperBound ?? open.upperBound
            let inner = rest[innerStart..<close.lowerBound]
            let linkStart = rest.index(innerStart, offsetBy: -2)
            pending += rest[..<linkStart]
            rest = rest[close.upperBound...]
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let targetAndAnchor = parts[0].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let target = targetAndAnchor[0].trimmingCharacters(in: .whitespaces)
            let anchor = targetAndAnchor.count > 1 ? targetAndAnchor[1].trimmingCharacters(in: .whitespaces) : nil
            let alias = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            // `![[…]]`: an embed. Its column is the `!`'s.
            let isEmbed = pending.last == "!"
            if isEmbed {
                pending.removeLast()
                pieces.append(.text(pending))
                pending = ""
                pieces.append(embed(target: target, anchor: anchor, alias: alias, written: "![[\(inner)]]", line: line, column: column - 1))
                continue
            }
            // `[[#Heading]]` links within the note itself.
            guard !target.isEmpty || (anchor?.isEmpty == false && base != nil) else {
                problems.append(MarkdownProblem(severity: .warning, message: "wikilink `[[\(inner)]]` has no target; it is shown as text", line: line, column: column))
                pending += "[[\(inner)]]"
                continue
            }
            var label = alias
            if label.isEmpty { label = target.isEmpty ? (anchor ?? "") : anchor.map { "\(target) › \($0)" } ?? target }
            pieces.append(.text(pending))
            pending = ""
            links.append(LinkReference(target: target.isEmpty ? .note(path: base!.sourcePath) : .wiki(target),
                                       anchor: anchor?.isEmpty == true ? nil : anchor,
                                       label: label, line: line, column: column, context: ""))
            pieces.append(.link(links.count - 1, label: label))
        }
        guard !pieces.isEmpty else { return }
        pending += rest
        pieces.append(.text(pending))
        for piece in pieces {
            switch piece {
            case .link(let index, let label):
                let placeholder = Self.placeholderNode(index)
                placeholders.append(placeholder)
                let text = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(text, label)
                cmark_node_append_child(placeholder, text)
                cmark_node_insert_before(node, placeholder)
            case .embed(let index):
                let placeholder = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                cmark_node_set_on_enter(placeholder, LinkPlaceholder.embed(index))
                cmark_node_set_on_exit(placeholder, "")
                placeholders.append(placeholder)
                embedNodes.append((placeholder, index))
                cmark_node_insert_before(node, placeholder)
            case .raw(let html):
                let raw = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                cmark_node_set_on_enter(raw, html)
                cmark_node_set_on_exit(raw, "")
                cmark_node_insert_before(node, raw)
            case .text(let content) where !content.isEmpty:
                let text = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(text, content)
                cmark_node_insert_before(node, text)
            case .text:
                break
            }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// What a text node with wikilinks becomes, piece by piece.
    enum WikiPiece {
        case text(String)
        /// A link placeholder for link number N, showing `label`.
        case link(Int, label: String)
        /// The embed placeholder of link number N (a note embed).
        case embed(Int)
        /// HTML made here and escaped here (a file embed).
        case raw(String)
    }

    // MARK: Markdown links and images

    /// Classifies a `[label](url)`: external links stay; links to notes and folders become
    /// placeholders; links to files are rewritten for the page's URL; mistakes are reported.
    mutating func rewriteLink(_ node: OpaquePointer) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let (line, column, _, _) = MarkdownDocument.position(of: node)
        switch classify(url) {
        case .leave:
            return
        case .rewrite(let href):
            cmark_node_set_url(node, href)
        case .unsafe(let scheme):
            problems.append(MarkdownProblem(severity: .warning, message: "link to a \(scheme): URL is removed (set `unsafe_html: true` in site.yml to allow it)", line: line, column: column))
            Self.unwrap(node)
        case .excluded(let reason):
            problems.append(MarkdownProblem(severity: .warning, message: reason, line: line, column: column))
            links.append(LinkReference(target: .broken(reason: reason), anchor: nil, label: MarkdownDocument.plainText(of: node),
                                       line: line, column: column, context: ""))
            placeholders.append(replace(node, withPlaceholder: links.count - 1))
        case .placeholder(let target, let anchor):
            if case .broken(let reason) = target {
                problems.append(MarkdownProblem(severity: .warning, message: reason, line: line, column: column))
            }
            links.append(LinkReference(target: target, anchor: anchor, label: MarkdownDocument.plainText(of: node),
                                       line: line, column: column, context: ""))
            placeholders.append(replace(node, withPlaceholder: links.count - 1))
        }
    }

    /// Images cannot be placeholders: a file next to the note is rewritten, a missing one reported.
    mutating func rewriteImage(_ node: OpaquePointer) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let (line, column, _, _) = MarkdownDocument.position(of: node)
        switch classify(url) {
        case .leave: return
        case .rewrite(let href): cmark_node_set_url(node, href)
        case .unsafe(let scheme):
            problems.append(MarkdownProblem(severity: .warning, message: "image with a \(scheme): URL is removed", line: line, column: column))
            Self.unwrap(node)
        case .excluded(let reason):
            problems.append(MarkdownProblem(severity: .warning, message: reason, line: line, column: column))
        case .placeholder(let target, _):
            let reason = if case .broken(let reason) = target { reason } else { "image \"\(url)\" is not an image file" }
            problems.append(MarkdownProblem(severity: .warning, message: reason, line: line, column: column))
        }
    }

    enum LinkAction {
        case leave
        case rewrite(String)
        case unsafe(scheme: String)
        /// Into a file or folder `exclude:` leaves out of the site.
        case excluded(reason: String)
        case placeholder(LinkReference.Target, anchor: String?)
    }

    /// What to do with a URL written in a note.
    func classify(_ url: String) -> LinkAction {
        let trimmed = url.first?.isWhitespace == true || url.last?.isWhitespace == true ? url.trimmingCharacters(in: .whitespaces) : url
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("//") || trimmed.hasPrefix("?") { return .leave }
        if let scheme = Self.scheme(of: trimmed) {
            return !unsafeHTML && ["javascript", "vbscript", "data", "file"].contains(scheme) ? .unsafe(scheme: scheme) : .leave
        }
        guard let base else { return .leave }
        var path = Substring(trimmed)
        var anchor: String?
        if let hash = path.firstIndex(of: "#") {
            anchor = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let question = path.firstIndex(of: "?") { path = path[..<question] }
        guard let decoded = ContentPath.percentDecoded(String(path)) else {
            return .placeholder(.broken(reason: "link \"\(url)\" has a malformed %-escape"), anchor: nil)
        }
        guard let resolved = ContentPath.resolve(decoded, from: base.folder) else {
            return .placeholder(.broken(reason: "link \"\(url)\" leaves the content folder"), anchor: nil)
        }
        let normalised = resolved.precomposed
        // Hidden files and folders are never read; `exclude:` names others (and lists the usual hidden ones).
        if base.exclude.excludes(normalised) || normalised.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            return .excluded(reason: "link \"\(url)\" points to \(normalised), which is left out of the site (hidden, or matched by `exclude:` in site.yml); link to a published page or to the file's place on the git host")
        }
        if ContentPath.markdownStem(normalised) != nil {
            return .placeholder(.note(path: normalised), anchor: anchor?.isEmpty == true ? nil : anchor)
        }
        if base.files.contains(normalised) {
            let href = relativeRoot(forURLPath: base.pageURLPath) + ContentPath.encoded(normalised) + (anchor.map { "#" + $0 } ?? "")
            return .rewrite(href)
        }
        if normalised.isEmpty || base.folders.contains(normalised) {
            return .placeholder(.folder(path: normalised), anchor: anchor?.isEmpty == true ? nil : anchor)
        }
        // Obsidian writes a bare file name (`![](diagram.png)`) for a file anywhere in the vault.
        if !decoded.contains("/"), let found = Self.findFile(decoded, base: base).path {
            let href = relativeRoot(forURLPath: base.pageURLPath) + ContentPath.encoded(found) + (anchor.map { "#" + $0 } ?? "")
            return .rewrite(href)
        }
        return .placeholder(.broken(reason: "link \"\(url)\" points to \(normalised), which does not exist"), anchor: nil)
    }

    /// `https` for `https://…`; nil for a relative URL (no `:` before the first `/`, `?` or `#`).
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let head = url[..<colon]
        guard !head.isEmpty, !head.contains(where: { "/?#".contains($0) }),
              head.first!.isLetter, head.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        return head.lowercased()
    }

    // MARK: Tree helpers

    /// A custom inline whose opening is the placeholder and whose closing is `</a>`.
    static func placeholderNode(_ index: Int) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(node, LinkPlaceholder.opening(index))
        cmark_node_set_on_exit(node, "</a>")
        return node
    }

    /// Moves a link's children into a placeholder and puts it in the link's place.
    private func replace(_ node: OpaquePointer, withPlaceholder index: Int) -> OpaquePointer {
        let placeholder = Self.placeholderNode(index)
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(placeholder, child)  // unlinks the child from the link
        }
        // Replacing an inline with an inline always succeeds; the link is now ours to free.
        cmark_node_replace(node, placeholder)
        cmark_node_free(node)
        return placeholder
    }

    /// Puts a link's or image's contents (its label, or its alt text) in its place: what is
    /// left of a link whose URL was removed. An empty `href` would link to the page itself.
    static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)  // unlinks the child from the link
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    static func literal(_ node: OpaquePointer) -> String? {
        cmark_node_get_literal(node).map { String(cString: $0) }
    }
}
