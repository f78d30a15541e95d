import Foundation

/// Turns notes, skills and people into template values. Every URL here is relative to the
/// site root without a leading slash (`books/drive/`); templates prefix it with `{{root}}`,
/// so one card serves every page it appears on.
struct ViewModels: Sendable {
    let site: Site

    /// Cards for every note, by note index: built once, shared by all lists.
    let cards: [TemplateValue]

    init(site: Site) {
        self.site = site
        var cards: [TemplateValue] = []
        cards.reserveCapacity(site.notes.count)
        for note in site.notes {
            cards.append(Self.card(note, catalog: site.catalog))
        }
        self.cards = cards
    }

    static func noteURL(_ note: Note) -> String { note.urlPath + "/" }
    static func skillURL(_ id: String) -> String { "skills/\(id)/" }
    static func personURL(_ id: String) -> String { "people/\(id)/" }
    static func sectionURL(_ section: String, page: Int = 1) -> String {
        page <= 1 ? "\(section)/" : "\(section)/page/\(page)/"
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

    /// The note page's own values: the card plus body, dates, headings and the kind's panel.
    func notePage(_ index: Int) -> TemplateValue {
        let note = site.notes[index]
        guard case .object(var fields) = cards[index] else { return cards[index] }
        fields["html"] = .html(note.body.html)
        fields["updated"] = TemplateValue(note.updated?.description)
        fields["updatedText"] = TemplateValue(note.updated?.longText)
        fields["wordCount"] = .int(note.body.wordCount)
        fields["panel"] = KindPanels.panel(for: note, catalog: site.catalog)
        fields["source"] = .string(note.sourcePath)
        return .object(fields)
    }
}

/// URLs from front matter end up in `href`s: only web and mail addresses and relative paths pass.
enum SafeURL {
    static func check(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        let lowered = text.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:") { return text }
        // A relative URL has no scheme: no ":" before the first "/", "?" or "#".
        let head = lowered.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return head.contains(":") ? nil : text
    }
}
