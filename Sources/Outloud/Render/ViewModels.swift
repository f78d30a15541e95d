import Foundation

/// The note cards, converted once per note and shared by every list, and the models built
/// from them. Every URL here is relative to the site root without a leading slash
/// (`books/drive/`); templates prefix it with `{{root}}`, so one card serves every page it
/// appears on.
struct ViewModels: Sendable {
    var site: Site

    /// Cards for every note, by note index: built once, shared by all lists.
    var cards: [TemplateValue]
    /// Each card rendered once through the theme's `partials/note-card`, cut where `root`
    /// goes (rendered as `rootToken`): a list joins the pieces with its own root instead of
    /// rendering the card again.
    var cardHTML: [[String]] = []
    /// Each note through `partials/note-link` (a link with its kind, for short lists), cut the same way.
    var linkHTML: [[String]] = []
    /// A private-use character Mustache does not escape. Should a title hold it, it only turns
    /// into the page's root path (`../../`), which carries nothing a browser would run.
    static let rootToken = "\u{E001}"

    init(site: Site) {
        self.site = site
        var cards: [TemplateValue] = []
        cards.reserveCapacity(site.notes.count)
        for note in site.notes {
            cards.append(Self.card(note, catalog: site.catalog))
        }
        self.cards = cards
    }

    /// `books/drive/`; empty for the top's landing page, which is the home page's text.
    static func noteURL(_ note: Note) -> String { note.urlPath.isEmpty ? "" : note.urlPath + "/" }
    static func skillURL(_ id: String, page: Int = 1) -> String {
        page <= 1 ? "skills/\(id)/" : "skills/\(id)/page/\(page)/"
    }
    static func personURL(_ id: String) -> String { "people/\(id)/" }
    /// A top folder's list page (`Contributing to Obsidian` → `contributing-to-obsidian/`).
    static func sectionURL(_ section: String, page: Int = 1) -> String {
        folderURL(NoteReader.folderURLPath([section]), page: page)
    }
    /// A folder's list page from its URL path, percent-encoded where a slug needs it.
    static func folderURL(_ urlPath: String, page: Int = 1) -> String {
        let path = ContentPath.encoded(urlPath)
        return path.isEmpty ? "" : page <= 1 ? "\(path)/" : "\(path)/page/\(page)/"
    }

    /// A note's card, converted: what `cards` holds.
    static func card(_ note: Note, catalog: Catalog) -> TemplateValue {
        NoteCard(note, catalog: catalog).templateValue
    }

    /// Cards without their rendered `html`, for lists the default theme shows as titles.
    func cards(_ indexes: [Int]) -> [ListedCard] {
        indexes.map { ListedCard(note: $0, card: cards[$0], html: nil) }
    }

    /// A note's `partials/note-link` for a page whose way back to the site root is `root`.
    func link(_ index: Int, root: String) -> String? {
        linkHTML.isEmpty ? nil : linkHTML[index].joined(separator: root)
    }

    /// Cards with their rendered `html` for a page whose way back to the site root is `root`.
    func cards(_ indexes: [Int], root: String) -> [ListedCard] {
        guard !cardHTML.isEmpty else { return cards(indexes) }
        return indexes.map { ListedCard(note: $0, card: cards[$0], html: cardHTML[$0].joined(separator: root)) }
    }

    /// The note page's model: the card plus body, dates, headings and the kind's panel.
    func notePage(_ index: Int) -> NotePage {
        let note = site.notes[index]
        let root = relativeRoot(forURLPath: note.urlPath)
        var breadcrumbs: [Breadcrumb] = []
        // Notes in nested folders say where they are; a top folder is named by the header.
        if let slash = note.sourcePath.lastIndex(of: "/"), note.sourcePath[..<slash].contains("/"),
           site.folders.folders[String(note.sourcePath[..<slash])] != nil {
            breadcrumbs = self.breadcrumbs(to: String(note.sourcePath[..<slash]), current: note.title)
        }
        let config = site.catalog.config
        return NotePage(
            index: index,
            title: note.title,
            card: cards[index],
            html: linkedHTML(index),
            toc: note.body.hasOwnTableOfContents ? [] : Self.tableOfContents(note.body.headings),
            titleURL: note.body.titleURL,
            titleHost: note.body.titleURL.flatMap { URLComponents(string: $0)?.host },
            backlinks: site.links.incoming[index].map { backlink in
                BacklinkCard(note: backlink.source, card: cards[backlink.source], context: backlink.context, link: link(backlink.source, root: root))
            },
            related: site.related[index].map { RelatedCard(note: $0, card: cards[$0], link: link($0, root: root)) },
            updated: note.updated,
            wordCount: note.body.wordCount,
            panel: KindPanel(note, catalog: site.catalog),
            pathway: pathwayView(of: index),
            pathways: pathwayPlaces(of: index),
            source: note.sourcePath,
            breadcrumbs: breadcrumbs,
            params: note.fields,
            editURL: config.repoURL.map { repo in
                let path = config.editPath.hasSuffix("/") || config.editPath.isEmpty ? config.editPath : config.editPath + "/"
                return repo + "/" + path + ContentPath.encoded(note.sourcePath)
            })
    }
}

extension ViewModels {
    /// Notes with at least this many headings get a table of contents.
    static let tocMinimumHeadings = 3

    /// The body with each link placeholder replaced by its real opening tag, and each note
    /// embed by the embedded body.
    func linkedHTML(_ index: Int) -> String {
        Self.linkedHTML(site.notes[index], links: site.links.outgoing[index], notes: site.notes, outgoing: site.links.outgoing)
    }

    /// `note`'s body with its placeholders replaced; `links` are its resolved links, whose
    /// note destinations index `notes`, and `outgoing` every note's, for embedded notes.
    static func linkedHTML(_ note: Note, links: [ResolvedLink], notes: [Note], outgoing: [[ResolvedLink]]) -> String {
        let scope = EmbedScope(root: relativeRoot(forURLPath: note.urlPath), notes: notes, outgoing: outgoing, stack: [note.sourcePath])
        return scope.linked(note.body.html, of: note, links: links)
    }

    /// `#anchor` for an `href`: a block id's caret percent-encoded (`#%5Eid`), as URLs want.
    static func fragment(_ anchor: String?) -> String {
        guard let anchor else { return "" }
        return "#" + (anchor.hasPrefix("^") ? "%5E" + anchor.dropFirst() : anchor)
    }

    /// Level-2 headings with their level-3 headings under them, for notes with enough headings.
    static func tableOfContents(_ headings: [Heading]) -> [TocEntry] {
        let shown = headings.filter { $0.level == 2 || $0.level == 3 }
        guard shown.count >= tocMinimumHeadings else { return [] }
        var entries: [TocEntry] = []
        for heading in shown {
            let entry = TocEntry(id: heading.id, text: heading.text, children: [])
            if heading.level == 3, !entries.isEmpty {
                entries[entries.count - 1].children.append(entry)
            } else {
                entries.append(entry)
            }
        }
        return entries
    }
}
