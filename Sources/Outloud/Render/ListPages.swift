/// The `home` template's model: the site's latest notes, open asks, sections and skills.
struct HomePage: PageModel, TemplateFields {
    var title: String
    var description: String
    var intro: String?
    var sections: [FolderEntry]
    var latest: [ListedCard]
    var harvests: [ListedCard]
    var debates: [ListedCard]
    /// The most followed pathways, then the newest.
    var pathways: [PathwaySummary]
    var openAsks: [AskCard]
    var moreAsks: [AskCard]
    var openAsksWeeks: Int
    var skillGroups: [SkillGroup]
    var noteCount: Int
    var skillCount: Int
    var peopleCount: Int
    /// The top's landing page, whose text is `intro`.
    var landing: Int?

    var template: String { "home" }
    var notesShown: [Int] {
        (latest + harvests + debates).map(\.note) + (openAsks + moreAsks).map(\.note) + sections.compactMap(\.landing)
            + pathways.map(\.route.note)
    }

    enum Key: String, CaseIterable {
        case description, intro, sections, latest, harvests, debates, pathways, openAsks, moreAsks, askCount, openAsksWeeks,
             skillGroups, noteCount, skillCount, peopleCount
    }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .description: .string(description)
        case .intro: intro.map(TemplateValue.html) ?? .null
        case .sections: sections.templateValue
        case .latest: latest.templateValue
        case .harvests: harvests.templateValue
        case .debates: debates.templateValue
        case .pathways: pathways.templateValue
        case .openAsks: openAsks.templateValue
        case .moreAsks: moreAsks.templateValue
        case .askCount: .int(openAsks.count + moreAsks.count)
        case .openAsksWeeks: .int(openAsksWeeks)
        case .skillGroups: skillGroups.templateValue
        case .noteCount: .int(noteCount)
        case .skillCount: .int(skillCount)
        case .peopleCount: .int(peopleCount)
        }
    }
}

/// The `list` template's model: one page of a kind's index (`books/`), with the book club's
/// groups on the first page of `books/`.
struct ListPage: PageModel, TemplateFields {
    var title: String
    var heading: String
    var section: String
    var intro: String?
    var kind: Kind
    var notes: [ListedCard]
    var count: Int
    var bookGroups: [BookGroupCard]
    /// On the first page of `pathways/`: every pathway by skill.
    var pathwayGroups: [PathwayGroup] = []
    var pagination: Pagination?

    var template: String { "list" }
    var notesShown: [Int] {
        notes.map(\.note) + bookGroups.flatMap { $0.readers.map(\.note) } + pathwayGroups.flatMap { $0.pathways.map(\.route.note) }
    }

    enum Key: String, CaseIterable { case heading, section, intro, kind, notes, count, bookGroups, pathwayGroups, pagination }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .heading: .string(heading)
        case .section: .string(section)
        case .intro: intro.map(TemplateValue.html) ?? .null
        case .kind: .string(kind.rawValue)
        case .notes: notes.templateValue
        case .count: .int(count)
        case .bookGroups: bookGroups.templateValue
        case .pathwayGroups: pathwayGroups.templateValue
        case .pagination: pagination.templateValue
        }
    }
}

/// The `folder` template's model: one page of a folder of notes, with its folders first.
struct FolderPage: PageModel, TemplateFields {
    var title: String
    var heading: String
    var breadcrumbs: [Breadcrumb]
    var intro: String?
    var folders: [FolderEntry]
    var notes: [ListedCard]
    var count: Int
    var total: Int
    var pagination: Pagination?

    var template: String { "folder" }
    var notesShown: [Int] { notes.map(\.note) + folders.compactMap(\.landing) }

    enum Key: String, CaseIterable { case heading, breadcrumbs, intro, folders, notes, count, total, pagination }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .heading: .string(heading)
        case .breadcrumbs: breadcrumbs.templateValue
        case .intro: intro.map(TemplateValue.html) ?? .null
        case .folders: folders.templateValue
        case .notes: notes.templateValue
        case .count: .int(count)
        case .total: .int(total)
        case .pagination: pagination.templateValue
        }
    }
}

/// The `sections` template's model: one page of the top folders of ordinary notes.
struct SectionsPage: PageModel, TemplateFields {
    var title: String
    var sections: [FolderEntry]
    var count: Int
    var pagination: Pagination?

    var template: String { "sections" }
    var notesShown: [Int] { sections.flatMap { [$0.landing] + ($0.children ?? []).map(\.landing) }.compactMap { $0 } }

    enum Key: String, CaseIterable { case sections, count, pagination }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .sections: sections.templateValue
        case .count: .int(count)
        case .pagination: pagination.templateValue
        }
    }
}

/// A folder in a list of folders, with its landing page's summary; on the Sections page
/// also every folder below it (`children`).
struct FolderEntry: TemplateFields, Sendable {
    var title: String
    var url: String
    var count: Int
    var summary: String?
    var depth: Int
    /// The landing page whose summary this shows.
    var landing: Int?
    var children: [FolderEntry]?

    enum Key: String, CaseIterable { case title, url, count, summary, depth, children }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .title: .string(title)
        case .url: .string(url)
        case .count: .int(count)
        case .summary: TemplateValue(summary)
        case .depth: .int(depth)
        case .children: children.map(\.templateValue)
        }
    }
}

/// `{{#pagination}}` of a list that takes more than one page.
struct Pagination: TemplateFields {
    var current: Int
    var total: Int
    var prevURL: String?
    var nextURL: String?

    /// Nil when the list fits on one page.
    init?(page: Int, of pageCount: Int, url: (Int) -> String) {
        guard pageCount > 1 else { return nil }
        current = page
        total = pageCount
        prevURL = page > 1 ? url(page - 1) : nil
        nextURL = page < pageCount ? url(page + 1) : nil
    }

    enum Key: String, CaseIterable { case current, total, prevURL, nextURL }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .current: .int(current)
        case .total: .int(total)
        case .prevURL: TemplateValue(prevURL)
        case .nextURL: TemplateValue(nextURL)
        }
    }
}
