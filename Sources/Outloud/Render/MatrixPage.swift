/// The `matrix` template's model: every skill against every person.
struct MatrixPage: PageModel, TemplateFields {
    var people: [ItemLink]
    var groups: [MatrixGroup]
    var gaps: [ItemLink]

    var template: String { "matrix" }
    var title: String { "Skills matrix" }
    var notesShown: [Int] { [] }

    enum Key: String, CaseIterable { case people, columns, groups, gaps, levels }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .people: people.templateValue
        case .columns: .int(people.count + 2)
        case .groups: groups.templateValue
        case .gaps: gaps.templateValue
        case .levels: DreyfusLevel.allCases.map { LevelKey(level: $0) }.templateValue
        }
    }
}

/// A group of the matrix's rows.
struct MatrixGroup: TemplateFields {
    var name: String
    var skills: [MatrixSkill]

    enum Key: String, CaseIterable { case name, skills }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .name: .string(name)
        case .skills: skills.templateValue
        }
    }
}

/// A row of the matrix: a skill, how well the team covers it, and one cell per person.
struct MatrixSkill: TemplateFields {
    var skill: Skill
    var row: SkillsMatrix.Row
    var cells: [MatrixCell]

    enum Key: String, CaseIterable { case id, name, url, cells, strong, capable, mentors, learners, gap }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .id: .string(skill.id)
        case .name: .string(skill.name)
        case .url: .string(ViewModels.skillURL(skill.id))
        case .cells: cells.templateValue
        case .strong: .int(row.strong)
        case .capable: .int(row.capable)
        case .mentors: .int(row.mentors)
        case .learners: .int(row.learners)
        case .gap: .bool(row.isGap)
        }
    }
}

/// One person's level, goal and mentoring for one skill, and all of it in words.
struct MatrixCell: TemplateFields {
    var cell: SkillsMatrix.Cell
    var spoken: String
    /// The title of a pathway of this skill the person follows (`people.yml`'s `pathways:`).
    var pathway: String?

    enum Key: String, CaseIterable { case level, levelLabel, short, rank, goal, goalShort, goalBy, mentor, pathway, spoken }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .level: TemplateValue(cell.level?.rawValue)
        case .levelLabel: TemplateValue(cell.level?.label)
        case .short: TemplateValue(cell.level.map(SiteRenderer.shortLabel))
        case .rank: .int(cell.level?.rank ?? 0)
        case .goal: TemplateValue(cell.goal.map { $0.level?.label ?? "Goal" })
        case .goalShort: TemplateValue(cell.goal.map { $0.level.map(SiteRenderer.shortLabel) ?? "goal" })
        case .goalBy: TemplateValue(cell.goal?.by?.monthText)
        case .mentor: .bool(cell.mentor)
        case .pathway: TemplateValue(pathway)
        case .spoken: .string(spoken)
        }
    }
}

/// A Dreyfus level in the matrix's key.
struct LevelKey: TemplateFields {
    var level: DreyfusLevel

    enum Key: String, CaseIterable { case level, label, short }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .level: .string(level.rawValue)
        case .label: .string(level.label)
        case .short: .string(SiteRenderer.shortLabel(level))
        }
    }
}

/// The `search` template's model: the list pages, for the page's `<noscript>` links.
struct SearchPage: PageModel, TemplateFields {
    var sections: [SectionLink]

    var template: String { "search" }
    var title: String { "Search" }
    var notesShown: [Int] { [] }

    enum Key: String, CaseIterable { case sections }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .sections: sections.templateValue
        }
    }
}

/// A list page as a link.
struct SectionLink: TemplateFields {
    var label: String
    var url: String

    enum Key: String, CaseIterable { case label, url }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .label: .string(label)
        case .url: .string(url)
        }
    }
}
