/// The `skill` template's model: who can help, who is learning it and its resources (on
/// the first page), then one page of its other notes by kind.
struct SkillPage: PageModel, TemplateFields {
    var title: String
    var skill: Skill
    var firstPage: Bool
    var pagination: Pagination?
    var kinds: [KindCards]
    var count: Int
    var resources: [ListedCard]
    var resourceLevels: [ResourceLevel]
    var people: [SkillPerson]
    var helpers: [Helper]
    var learners: [Learner]
    /// The skill's pathways, with who follows each.
    var pathways: [PathwaySummary]

    var template: String { "skill" }
    var notesShown: [Int] {
        kinds.flatMap { $0.notes.map(\.note) } + resources.map(\.note) + resourceLevels.flatMap { $0.resources.map(\.note) }
            + pathways.map(\.route.note)
    }

    enum Key: String, CaseIterable {
        case skill, firstPage, pagination, kinds, count, resources, resourceLevels, people, helpers, learners, pathways
    }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .skill: SkillInfo(skill: skill).templateValue
        case .firstPage: .bool(firstPage)
        case .pagination: pagination.templateValue
        case .kinds: kinds.templateValue
        case .count: .int(count)
        case .resources: resources.templateValue
        case .resourceLevels: resourceLevels.templateValue
        case .people: people.templateValue
        case .helpers: helpers.templateValue
        case .learners: learners.templateValue
        case .pathways: pathways.templateValue
        }
    }
}

/// `skill` on the skill page: the skill as `skills.yml` declares it.
struct SkillInfo: TemplateFields {
    var skill: Skill

    enum Key: String, CaseIterable { case id, name, group, description }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .id: .string(skill.id)
        case .name: .string(skill.name)
        case .group: .string(skill.group)
        case .description: .string(skill.description)
        }
    }
}

/// One kind's share of a skill page's notes.
struct KindCards: TemplateFields {
    var label: String
    var notes: [ListedCard]

    enum Key: String, CaseIterable { case label, notes }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .label: .string(label)
        case .notes: notes.templateValue
        }
    }
}

/// Someone who has the skill or mentors it.
struct SkillPerson: TemplateFields {
    var person: Person
    var level: DreyfusLevel?
    var mentor: Bool

    enum Key: String, CaseIterable { case name, url, level, levelLabel, mentor }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .name: .string(person.name)
        case .url: .string(ViewModels.personURL(person.id))
        case .level: TemplateValue(level?.rawValue)
        case .levelLabel: TemplateValue(level?.label)
        case .mentor: .bool(mentor)
        }
    }
}

/// Someone who can help with the skill: a person link, and why.
struct Helper: TemplateFields {
    var person: ItemLink
    var mentor: Bool
    var level: DreyfusLevel?
    var noteCount: Int
    var why: String

    var baseFields: [String: TemplateValue] { person.templateValue.fields }
    enum Key: String, CaseIterable { case mentor, level, levelLabel, levelRank, noteCount, why }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .mentor: .bool(mentor)
        case .level: TemplateValue(level?.rawValue)
        case .levelLabel: TemplateValue(level?.label)
        case .levelRank: TemplateValue(number: level?.rank)
        case .noteCount: .int(noteCount)
        case .why: .string(why)
        }
    }
}

/// Someone with a goal for the skill: a person link, their level and their goal.
struct Learner: TemplateFields {
    var person: ItemLink
    var level: DreyfusLevel?
    var goal: DreyfusLevel?
    var by: Day?

    var baseFields: [String: TemplateValue] { person.templateValue.fields }
    enum Key: String, CaseIterable { case levelLabel, goalLabel, by }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .levelLabel: TemplateValue(level?.label)
        case .goalLabel: TemplateValue(goal?.label)
        case .by: TemplateValue(by?.longText)
        }
    }
}

/// The skill's resources at one Dreyfus level (`any` for those without one).
struct ResourceLevel: TemplateFields {
    var level: DreyfusLevel?
    var resources: [LeveledResource]

    enum Key: String, CaseIterable { case level, label, resources }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .level: .string(level?.rawValue ?? "any")
        case .label: .string(level?.label ?? "Any level")
        case .resources: resources.templateValue
        }
    }
}

/// A resource note in its level's group: the note, and the resource it points to (`url`).
struct LeveledResource: TemplateFields {
    var note: Int
    var title: String
    var noteURL: String
    var resource: KindDetails.Resource?
    var summary: String

    enum Key: String, CaseIterable { case title, noteURL, url, type, time, cost, summary }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .title: .string(title)
        case .noteURL: .string(noteURL)
        case .url: TemplateValue(resource.flatMap { $0.url.isEmpty ? nil : $0.url })
        case .type: TemplateValue(resource?.type)
        case .time: TemplateValue(resource?.time)
        case .cost: TemplateValue(resource?.cost)
        case .summary: .string(summary)
        }
    }
}
