/// A note as every list shows it (docs/themes.md, "Note card"). Built once per note and
/// converted once: lists share the converted card.
struct NoteCard: TemplateFields {
    var url: String
    var title: String
    var kind: Kind
    var date: Day?
    var summary: String
    var readingMinutes: Int
    var skills: [ItemLink]
    var authors: [ItemLink]
    var draft: Bool

    init(_ note: Note, catalog: Catalog) {
        url = ViewModels.noteURL(note)
        title = note.title
        kind = note.kind
        date = note.date
        summary = note.summary
        readingMinutes = note.readingMinutes
        skills = note.tags.map { ItemLink(skill: $0, catalog: catalog) }
        authors = note.authors.map { ItemLink(person: $0, catalog: catalog) }
        draft = note.draft
    }

    enum Key: String, CaseIterable {
        case url, title, kind, kindLabel, date, dateText, summary, readingMinutes, skills, authors, draft
    }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .url: .string(url)
        case .title: .string(title)
        case .kind: .string(kind.rawValue)
        case .kindLabel: .string(kind.label)
        case .date: TemplateValue(date?.description)
        case .dateText: TemplateValue(date?.longText)
        case .summary: .string(summary)
        case .readingMinutes: .int(readingMinutes)
        case .skills: skills.templateValue
        case .authors: authors.templateValue
        case .draft: .bool(draft)
        }
    }
}

/// A skill or a person as a link (docs/themes.md, "Skill link and person link"): an id
/// nobody declared shows as its name, without a link and without an `id`.
struct ItemLink: TemplateFields {
    var id: String?
    var name: String
    var url: String?

    init(skill id: String, catalog: Catalog) {
        if let skill = catalog.skill(id) {
            (self.id, name, url) = (id, skill.name, ViewModels.skillURL(id))
        } else {
            (self.id, name, url) = (nil, id, nil)
        }
    }

    /// A name that is neither a skill nor a person: no link.
    init(name: String) {
        (id, self.name, url) = (nil, name, nil)
    }

    init(person id: String, catalog: Catalog) {
        if let person = catalog.person(id) {
            (self.id, name, url) = (id, person.name, ViewModels.personURL(id))
        } else {
            (self.id, name, url) = (nil, id, nil)
        }
    }

    enum Key: String, CaseIterable { case id, name, url }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .id: id.map(TemplateValue.string)
        case .name: .string(name)
        case .url: TemplateValue(url)
        }
    }
}

/// A card in a list, with the note's `partials/note-card` already rendered for the page
/// (`html`), or without it where the default theme lists titles only.
struct ListedCard: TemplateFields {
    /// The note's index, which the page records as shown.
    var note: Int
    /// The note's converted card, shared by every list.
    var card: TemplateValue
    var html: String?

    var baseFields: [String: TemplateValue] { card.fields }
    enum Key: String, CaseIterable { case html }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .html: html.map(TemplateValue.html)
        }
    }
}

/// A note that links to the page's note, with the sentence around the link.
struct BacklinkCard: TemplateFields {
    var note: Int
    var card: TemplateValue
    var context: String
    /// The note through `partials/note-link`; nil before the per-note partials are rendered.
    var link: String?

    var baseFields: [String: TemplateValue] { card.fields }
    enum Key: String, CaseIterable { case context, link }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .context: .string(context)
        case .link: link.map(TemplateValue.html) ?? .null
        }
    }
}

/// A note related to the page's note.
struct RelatedCard: TemplateFields {
    var note: Int
    var card: TemplateValue
    var link: String?

    var baseFields: [String: TemplateValue] { card.fields }
    enum Key: String, CaseIterable { case link }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .link: link.map(TemplateValue.html) ?? .null
        }
    }
}
