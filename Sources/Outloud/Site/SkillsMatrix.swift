/// The team's skills matrix: a row per skill (in catalog order), a column per person.
public struct SkillsMatrix: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        public var level: DreyfusLevel?
        public var goal: Person.Goal?
        public var mentor: Bool
    }

    public struct Row: Sendable, Hashable {
        public var skill: String
        public var cells: [Cell]
        /// People at competent or above.
        public var capable: Int { cells.count { ($0.level ?? .novice) >= .competent } }
        /// People at proficient or above: who can carry the skill for the team.
        public var strong: Int { cells.count { ($0.level ?? .novice) >= .proficient } }
        public var mentors: Int { cells.count(where: \.mentor) }
        public var learners: Int { cells.count { $0.goal != nil } }
        /// Nobody is proficient and nobody mentors it: a gap to plan for.
        public var isGap: Bool { strong == 0 && mentors == 0 }
    }

    /// Person ids, in people.yml order.
    public var people: [String]
    public var rows: [Row]

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
