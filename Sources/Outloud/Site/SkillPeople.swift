/// Someone a colleague can ask about a skill, and why.
struct SkillHelper: Sendable, Hashable {
    var person: String
    var mentor: Bool
    var level: DreyfusLevel?
    /// Notes they wrote tagged with the skill.
    var noteCount: Int
}

/// Someone with a goal for a skill: a learning partner.
struct SkillLearner: Sendable, Hashable {
    var person: String
    var level: DreyfusLevel?
    var goal: Person.Goal
}

enum SkillPeople {
    /// People who mentor the skill, people at proficient or expert, and people who wrote about
    /// it: mentors first, then by level, then by how much they wrote, then by name.
    static func helpers(for skill: String, catalog: Catalog, notes: [Note], tagged: [Int]) -> [SkillHelper] {
        var written: [String: Int] = [:]
        for index in tagged {
            for author in Set(notes[index].authors) { written[author, default: 0] += 1 }
        }
        let helpers: [(helper: SkillHelper, name: String)] = catalog.people.compactMap { person in
            let level = person.skills.first { $0.skill == skill }?.level
            let helper = SkillHelper(person: person.id, mentor: person.mentorFor.contains(skill),
                                     level: level, noteCount: written[person.id] ?? 0)
            let qualifies = helper.mentor || (level ?? .novice) >= .proficient || helper.noteCount > 0
            return qualifies ? (helper, person.name) : nil
        }
        return helpers.sorted { a, b in
            if a.helper.mentor != b.helper.mentor { return a.helper.mentor }
            let rankA = a.helper.level?.rank ?? 0, rankB = b.helper.level?.rank ?? 0
            if rankA != rankB { return rankA > rankB }
            if a.helper.noteCount != b.helper.noteCount { return a.helper.noteCount > b.helper.noteCount }
            return (a.name, a.helper.person) < (b.name, b.helper.person)
        }.map(\.helper)
    }

    /// People with a learning goal for the skill, soonest deadline first.
    static func learners(for skill: String, catalog: Catalog) -> [SkillLearner] {
        catalog.people.compactMap { person -> SkillLearner? in
            guard let goal = person.goals.first(where: { $0.skill == skill }) else { return nil }
            return SkillLearner(person: person.id, level: person.skills.first { $0.skill == skill }?.level, goal: goal)
        }.sorted { a, b in
            let byA = a.goal.by?.ordinal ?? Int.max, byB = b.goal.by?.ordinal ?? Int.max
            return byA != byB ? byA < byB : a.person < b.person
        }
    }
}
