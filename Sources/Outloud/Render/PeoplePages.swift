/// The `people` template's model: everyone in `people.yml`.
struct PeoplePage: PageModel, TemplateFields {
    var people: [PersonEntry]

    var template: String { "people" }
    var title: String { "People" }
    var notesShown: [Int] { [] }

    enum Key: String, CaseIterable { case people }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .people: people.templateValue
        }
    }
}

/// A person on the People page, with their strongest skills.
struct PersonEntry: TemplateFields {
    var person: Person
    var count: Int
    var skills: [ItemLink]

    enum Key: String, CaseIterable { case name, url, role, count, skills }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .name: .string(person.name)
        case .url: .string(ViewModels.personURL(person.id))
        case .role: .string(person.role)
        case .count: .int(count)
        case .skills: skills.templateValue
        }
    }
}

/// The `person` template's model: who they are, their skills and goals, and their notes.
struct PersonPage: PageModel, TemplateFields {
    var person: Person
    var skills: [PersonSkill]
    var goals: [GoalEntry]
    var mentorFor: [ItemLink]
    var notes: [ListedCard]
    var logs: [ListedCard]
    /// The pathways the person follows, and those they curate.
    var pathways: [PathwaySummary]
    var curates: [PathwaySummary]

    var template: String { "person" }
    var title: String { person.name }
    var notesShown: [Int] { (notes + logs).map(\.note) + (pathways + curates).map(\.route.note) }

    enum Key: String, CaseIterable { case person, skills, goals, mentorFor, notes, logs, pathways, curates }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .person: PersonInfo(person: person).templateValue
        case .skills: skills.templateValue
        case .goals: goals.templateValue
        case .mentorFor: mentorFor.templateValue
        case .notes: notes.templateValue
        case .logs: logs.templateValue
        case .pathways: pathways.templateValue
        case .curates: curates.templateValue
        }
    }
}

/// `person` on the person page: the person as `people.yml` declares them.
struct PersonInfo: TemplateFields {
    var person: Person

    enum Key: String, CaseIterable { case id, name, role, email }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .id: .string(person.id)
        case .name: .string(person.name)
        case .role: .string(person.role)
        case .email: TemplateValue(person.email.flatMap { $0.isEmpty ? nil : $0 })
        }
    }
}

/// One of a person's skills: a skill link with their level.
struct PersonSkill: TemplateFields {
    var skill: ItemLink
    var level: DreyfusLevel

    var baseFields: [String: TemplateValue] { skill.templateValue.fields }
    enum Key: String, CaseIterable { case level, levelLabel }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .level: .string(level.rawValue)
        case .levelLabel: .string(level.label)
        }
    }
}

/// One of a person's learning goals.
struct GoalEntry: TemplateFields {
    var skill: ItemLink
    var level: DreyfusLevel?
    var by: Day?

    enum Key: String, CaseIterable { case skill, levelLabel, by }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .skill: skill.templateValue
        case .levelLabel: TemplateValue(level?.label)
        case .by: TemplateValue(by?.longText)
        }
    }
}
