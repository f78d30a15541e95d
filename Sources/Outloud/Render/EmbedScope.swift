/// Where a body is being written: the page's relative root, and the notes embedded on the
/// way down (the page's own note first), for stopping cycles and deep nesting.
///
/// A note embed (`![[Note]]`, `![[Note#Heading]]`, `![[Note#^block]]`) is filled with the
/// embedded note's body, or that part of it, written for the embedding page: its own links
/// and embeds are resolved again from that page, the links to files and skills baked into
/// its HTML for its own page are moved to this page's root, and its ids (headings, blocks)
/// and heading self-links are dropped, so they cannot clash with the page's own.
struct EmbedScope {
    /// How deep embeds nest inside a page; one deeper is shown as a link.
    static let depthLimit = 4
    /// How many embeds one page inlines in all; the rest are links (embeds of embeds could
    /// otherwise multiply a page's size beyond any use).
    static let pageLimit = 200

    let root: String
    let notes: [Note]
    let outgoing: [[ResolvedLink]]
    var stack: [String]
    /// Shared by the whole page: what is left of `pageLimit`, and the embeds shown as links.
    let tally: Tally

    /// The page-wide count of a page's embeds; a class, so every level of nesting shares it.
    final class Tally {
        var remaining = EmbedScope.pageLimit
        /// Each embed shown as a link for a cycle, its depth or the page's limit: the note it
        /// is written in, its link number, and why.
        var declined: [(path: String, number: Int, reason: Reason)] = []
    }

    enum Reason: Equatable {
        case cycle([String])
        case depth([String])
        case pageLimit
    }

    init(root: String, notes: [Note], outgoing: [[ResolvedLink]], stack: [String], tally: Tally = Tally()) {
        self.root = root
        self.notes = notes
        self.outgoing = outgoing
        self.stack = stack
        self.tally = tally
    }

    /// `html`, the body (or part of the body) of `note`, with every placeholder replaced.
    func linked(_ html: String, of note: Note, links: [ResolvedLink]) -> String {
        let isPage = stack.count == 1
        return LinkPlaceholder.substitute(in: html, { number in
            guard number < links.count else { return "<a>" }
            let link = links[number]
            let fragment = ViewModels.fragment(link.anchor)
            switch link.destination {
            case .note(let target):
                // `[[#Heading]]` on the note's own page stays on the page.
                if isPage, !fragment.isEmpty, notes[target].sourcePath == note.sourcePath {
                    return "<a href=\"\(HTML.escape(fragment))\">"
                }
                return "<a href=\"\(root)\(HTML.escape(ContentPath.encoded(notes[target].urlPath)))/\(HTML.escape(fragment))\">"
            case .section(let section):
                return "<a href=\"\(root)\(section.isEmpty ? "" : HTML.escape(ContentPath.encoded(section)) + "/")\">"
            case .broken(let reason):
                return "<a class=\"broken-link\" title=\"Broken link: \(HTML.escape(reason))\">"
            }
        }, embed: { number in embed(number, of: note, links: links) })
    }

    /// The HTML that link number `number` of `note`, a note embed, stands for.
    private func embed(_ number: Int, of note: Note, links: [ResolvedLink]) -> String {
        guard number < links.count, number < note.body.links.count else { return "" }
        let reference = note.body.links[number], link = links[number]
        let label = HTML.escape(reference.label)
        guard case .note(let target) = link.destination else {
            if case .broken(let reason) = link.destination {
                return "<p class=\"embed-link\"><a class=\"broken-link\" title=\"Broken embed: \(HTML.escape(reason))\">\(label)</a></p>"
            }
            return ""
        }
        let embedded = notes[target]
        let href = root + ContentPath.encoded(embedded.urlPath) + "/" + ViewModels.fragment(link.anchor)
        let asLink = "<p class=\"embed-link\"><a href=\"\(HTML.escape(href))\">\(label)</a></p>"
        // A missing heading, a cycle, too deep or too many: a link (`EmbedChecks` says why).
        guard !(reference.anchor != nil && link.anchor == nil), let part = Self.part(of: embedded, anchor: link.anchor) else { return asLink }
        if let position = stack.firstIndex(of: embedded.sourcePath) {
            tally.declined.append((note.sourcePath, number, .cycle([note.sourcePath] + stack[position...])))
            return asLink
        }
        guard stack.count <= Self.depthLimit else {
            tally.declined.append((note.sourcePath, number, .depth(stack + [embedded.sourcePath])))
            return asLink
        }
        guard tally.remaining > 0 else {
            tally.declined.append((note.sourcePath, number, .pageLimit))
            return asLink
        }
        tally.remaining -= 1
        let body = Self.relocated(part, from: relativeRoot(forURLPath: embedded.urlPath), to: root,
                                  page: root + ContentPath.encoded(embedded.urlPath) + "/")
        var inner = self
        inner.stack.append(embedded.sourcePath)
        var source = HTML.escape(embedded.title)
        if let anchor = link.anchor, let heading = embedded.body.headings.first(where: { $0.id == anchor }) {
            source += " › " + HTML.escape(heading.text)
        }
        return "<div class=\"embed\">\n<p class=\"embed-source\">From <a href=\"\(HTML.escape(href))\">\(source)</a></p>\n<div class=\"embed-body\">\n"
            + inner.linked(body, of: embedded, links: outgoing[target]) + "</div>\n</div>"
    }

    /// The whole body, a heading's section (the heading and what follows it up to the next
    /// heading of its level or higher), or a block's content; nil when it is not there.
    static func part(of note: Note, anchor: String?) -> String? {
        let html = note.body.html
        guard let anchor else { return html }
        if anchor.hasPrefix("^") {
            guard let start = html.range(of: "<span class=\"block-id\" id=\"\(anchor)\">") else { return nil }
            var depth = 1, index = start.upperBound
            while depth > 0 {
                let open = html.range(of: "<span", range: index..<html.endIndex)
                guard let close = html.range(of: "</span>", range: index..<html.endIndex) else { return nil }
                if let open, open.lowerBound < close.lowerBound {
                    depth += 1
                    index = open.upperBound
                } else {
                    depth -= 1
                    index = depth == 0 ? close.lowerBound : close.upperBound
                }
            }
            return "<p>" + html[start.upperBound..<index] + "</p>\n"
        }
        let headings = note.body.headings
        guard let position = headings.firstIndex(where: { $0.id == anchor }),
              let start = html.range(of: "<h\(headings[position].level) id=\"\(anchor)\">") else { return nil }
        var end = html.endIndex
        if let next = headings[(position + 1)...].first(where: { $0.level <= headings[position].level }),
           let found = html.range(of: "<h\(next.level) id=\"\(next.id)\">", range: start.upperBound..<html.endIndex) {
            end = found.lowerBound
        }
        return String(html[start.lowerBound..<end])
    }

    /// A body written for its own page (`own`, its relative root), made right for a page at
    /// `root`: heading self-links and ids dropped, file and skill links moved to `root`, and
    /// in-page links (`#setup`) sent to the note's page (`page`).
    static func relocated(_ html: String, from own: String, to root: String, page: String) -> String {
        var html = removing(html, from: " <a class=\"heading-link\" href=\"#", through: "</a>")
        html = removing(html, from: " id=\"", through: "\"")
        if own != root {
            html = html.replacingOccurrences(of: "href=\"\(own)", with: "href=\"\(root)")
                .replacingOccurrences(of: "src=\"\(own)", with: "src=\"\(root)")
        }
        return html.replacingOccurrences(of: "href=\"#", with: "href=\"\(HTML.escape(page))#")
    }

    /// `html` without each run from `start` through the next `end`.
    private static func removing(_ html: String, from start: String, through end: String) -> String {
        guard html.contains(start) else { return html }
        var result = ""
        var rest = Substring(html)
        while let found = rest.range(of: start) {
            result += rest[..<found.lowerBound]
            guard let close = rest[found.upperBound...].range(of: end) else {
                rest = rest[found.lowerBound...]
                break
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
