/// A book the team read (`bookGroups` on the first page of `books/`), with each reader's note.
struct BookGroupCard: TemplateFields {
    var group: BookGroup
    var readers: [BookReader]

    enum Key: String, CaseIterable { case title, authors, year, url, readerCount, several, averageRating, averageStars, readers }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .title: .string(group.title)
        case .authors: TemplateValue(KindPanel.joined(group.authors))
        case .year: TemplateValue(group.year)
        case .url: TemplateValue(group.url)
        case .readerCount: .int(readers.count)
        case .several: .bool(readers.count > 1)
        case .averageRating: TemplateValue(group.averageRating.map { String(format: "%.1f", $0) })
        case .averageStars: TemplateValue(group.averageRating.map { KindPanel.stars(Int($0.rounded())) })
        case .readers: readers.templateValue
        }
    }
}

/// One note about a book, in its group.
struct BookReader: TemplateFields {
    var note: Int
    var url: String
    var title: String
    var authors: [ItemLink]
    var book: KindDetails.Book?
    var date: Day?

    enum Key: String, CaseIterable { case url, title, authors, rating, stars, status, date, dateText }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .url: .string(url)
        case .title: .string(title)
        case .authors: authors.templateValue
        case .rating: TemplateValue(number: book?.rating)
        case .stars: TemplateValue(book?.rating.map(KindPanel.stars))
        case .status: TemplateValue(book?.status)
        case .date: TemplateValue(date?.description)
        case .dateText: TemplateValue(date?.longText)
        }
    }
}

/// An ask for help from a recent log, with who asked, where, and the skills it needs.
struct AskCard: TemplateFields {
    /// The log's index.
    var note: Int
    var text: String
    var people: [ItemLink]
    var logURL: String
    var logTitle: String
    var week: ISOWeek?
    var date: Day?
    var skills: [ItemLink]

    enum Key: String, CaseIterable { case text, people, logURL, logTitle, week, date, dateText, skills }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .text: .string(text)
        case .people: people.templateValue
        case .logURL: .string(logURL)
        case .logTitle: .string(logTitle)
        case .week: TemplateValue(week?.description)
        case .date: TemplateValue(date?.description)
        case .dateText: TemplateValue(date?.longText)
        case .skills: skills.templateValue
        }
    }
}

/// The `skills` template's model: the catalog by group.
struct SkillsPage: PageModel, TemplateFields {
    var groups: [SkillGroup]

    var template: String { "skills" }
    var title: String { "Skills" }
    var notesShown: [Int] { [] }

    enum Key: String, CaseIterable { case groups }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .groups: groups.templateValue
        }
    }
}

/// A group of the skill catalog, in `skills.yml` order.
struct SkillGroup: TemplateFields {
    var name: String
    var skills: [CatalogSkill]

    enum Key: String, CaseIterable { case name, skills }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .name: .string(name)
        case .skills: skills.templateValue
        }
    }
}

/// A skill in the catalog, with how many notes are tagged with it.
struct CatalogSkill: TemplateFields {
    var skill: Skill
    var count: Int

    enum Key: String, CaseIterable { case id, name, url, description, count }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .id: .string(skill.id)
        case .name: .string(skill.name)
        case .url: .string(ViewModels.skillURL(skill.id))
        case .description: .string(skill.description)
        case .count: .int(count)
        }
    }
}

/// A page's feed links (`page.feeds`, `page.feed`).
struct FeedLink: TemplateFields {
    var title: String
    var url: String

    enum Key: String, CaseIterable { case title, url }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .title: .string(title)
        case .url: .string(url)
        }
    }
}
