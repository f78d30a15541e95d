/// The team's skills matrix: a row per skill (in catalog order), a column per person.
struct SkillsMatrix: Sendable, Hashable {
    struct Cell: Sendable, Hashable {
        var level: DreyfusLevel?
        var goal: Person.Goal?
        var mentor: Bool
    }

    struct Row: Sendable, Hashable {
        var skill: String
        var cells: [Cell]
        /// People at competent or above.
        var capable: Int { cells.count { ($0.level ?? .novice) >= .competent } }
        /// People at proficient or above: who can carry the skill for the team.
        var strong: Int { cells.count { ($0.level ?? .novice) >= .proficient } }
        var mentors: Int { cells.count(where: \.mentor) }
        var learners: Int { cells.count { $0.goal != nil } }
        /// Nobody is proficient and nobody mentors it: a gap to plan for.
        var isGap: Bool { strong == 0 && mentors == 0 }
    }

    /// Person ids, in people.yml order.
    var people: [String]
    var rows: [Row]

    init(catalog: Catalog) {
        people = catalog.people.map(\.id)
        rows = catalog.skills.map { skill in
            Row(skill: skill.id, cells: catalog.people.map { person in
                Cell(level: person.skills.first { $0.skill == skill.id }?.level,
                     goal: person.goals.first { $0.skill == skill.id },
                     mentor: person.mentorFor.contains(skill.id))
            })
        }
    }
}
