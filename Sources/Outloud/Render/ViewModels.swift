import Foundation

/// Turns notes, skills and people into template values. Every URL here is relative to the
/// site root without a leading slash (`books/drive/`); templates prefix it with `{{root}}`,
/// so one card serves every page it appears on.
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

    static func card(_ note: Note, catalog: Catalog) -> TemplateValue {
        [
            "url": .string(noteURL(note)),
            "title": .string(note.title),
            "kind": .string(note.kind.rawValue),
            "kindLabel": .string(note.kind.label),
            "date": TemplateValue(note.date?.description),
            "dateText": TemplateValue(note.date?.longText),
            "summary": .string(note.summary),
            "readingMinutes": .int(note.readingMinutes),
            "skills": .list(note.tags.map { skillLink($0, catalog: catalog) }),
            "authors": .list(note.authors.map { personLink($0, catalog: catalog) }),
            "draft": .bool(note.draft),
        ]
    }

    static func skillLink(_ id: String, catalog: Catalog) -> TemplateValue {
        guard let skill = catalog.skill(id) else { return ["name": .string(id), "url": .null] }
        return ["id": .string(id), "name": .string(skill.name), "url": .string(skillURL(id))]
    }

    static func personLink(_ id: String, catalog: Catalog) -> TemplateValue {
        guard let person = catalog.person(id) else { return ["name": .string(id), "url": .null] }
        return ["id": .string(id), "name": .string(person.name), "url": .string(personURL(id))]
    }

    func cards(_ indexes: [Int]?) -> TemplateValue {
        .list((indexes ?? []).map { cards[$0] })
    }

    /// A note's `partials/note-link` for a page whose way back to the site root is `root`.
    func link(_ index: Int, root: String) -> TemplateValue {
        linkHTML.isEmpty ? .null : .html(linkHTML[index].joined(separator: root))
    }

    /// Cards with their rendered `html` for a page whose way back to the site root is `root`.
    func cards(_ indexes: [Int], root: String) -> TemplateValue {
        guard !cardHTML.isEmpty else { return cards(indexes) }
        return .list(indexes.map { index in
            guard case .object(var fields) = cards[index] else { return cards[index] }
            fields["html"] = .html(cardHTML[index].joined(separator: root))
            return .object(fields)
        })
    }

    /// The note page's own values: the card plus body, dates, headings and the kind's panel.
    func notePage(_ index: Int) -> TemplateValue {
        let note = site.notes[index]
        guard case .object(var fields) = cards[index] else { return cards[index] }
        let root = relativeRoot(forURLPath: note.urlPath)
        fields["html"] = .html(linkedHTML(index))
        fields["toc"] = note.body.hasOwnTableOfContents ? .list([]) : Self.tableOfContents(note.body.headings)
        fields["titleURL"] = TemplateValue(note.body.titleURL)
        fields["titleHost"] = TemplateValue(note.body.titleURL.flatMap { URLComponents(string: $0)?.host })
        fields["backlinks"] = .list(site.links.incoming[index].map { backlink in
            guard case .object(var card) = cards[backlink.source] else { return .null }
            card["context"] = .string(backlink.context)
            card["link"] = link(backlink.source, root: root)
            return .object(card)
        })
        fields["related"] = .list(site.related[index].map { other in
            guard case .object(var card) = cards[other] else { return .null }
            card["link"] = link(other, root: root)
            return .object(card)
        })
        fields["updated"] = TemplateValue(note.updated?.description)
        fields["updatedText"] = TemplateValue(note.updated?.longText)
        fields["wordCount"] = .int(note.body.wordCount)
        fields["panel"] = KindPanels.panel(for: note, catalog: site.catalog)
        fields["source"] = .string(note.sourcePath)
        // Notes in nested folders say where they are; a top folder is named by the header.
        fields["breadcrumbs"] = .list([])
        if let slash = note.sourcePath.lastIndex(of: "/"), note.sourcePath[..<slash].contains("/"),
           site.folders.folders[String(note.sourcePath[..<slash])] != nil {
            fields["breadcrumbs"] = breadcrumbs(to: String(note.sourcePath[..<slash]), current: note.title)
        }
        fields["params"] = TemplateValue(yaml: note.fields)
        let config = site.catalog.config
        fields["editURL"] = TemplateValue(config.repoURL.map { repo in
            let path = config.editPath.hasSuffix("/") || config.editPath.isEmpty ? config.editPath : config.editPath + "/"
            return repo + "/" + path + ContentPath.encoded(note.sourcePath)
        })
        return .object(fields)
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
    static func tableOfContents(_ headings: [Heading]) -> TemplateValue {
        let shown = headings.filter { $0.level == 2 || $0.level == 3 }
        guard shown.count >= tocMinimumHeadings else { return .list([]) }
        var entries: [TemplateValue] = []
        var current: (heading: Heading, children: [TemplateValue])?
        func flush() {
            guard let entry = current else { return }
            entries.append(["id": .string(entry.heading.id), "text": .string(entry.heading.text), "children": .list(entry.children)])
        }
        for heading in shown {
            if heading.level == 3, current != nil {
                current?.children.append(["id": .string(heading.id), "text": .string(heading.text), "children": .list([])])
            } else {
                flush()
                current = (heading, [])
            }
        }
        flush()
        return .list(entries)
    }
}

