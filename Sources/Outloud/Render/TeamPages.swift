import Foundation

/// The models of the team-learning views: book club, open asks, who can help, resources by
/// level and the skills matrix.
extension SiteRenderer {
    /// Every book the team read, with each reader's note and rating.
    func bookGroupValues() -> [BookGroupCard] {
        let catalog = site.catalog
        return site.bookGroups.map { group in
            BookGroupCard(group: group, readers: group.notes.map { index in
                let note = site.notes[index]
                return BookReader(note: index, url: ViewModels.noteURL(note), title: note.title,
                                  authors: note.authors.map { ItemLink(person: $0, catalog: catalog) },
                                  book: note.details.book, date: note.date)
            })
        }
    }

    /// Asks for help from recent logs, each with who asked, where, and the skills it needs.
    func openAskValues() -> [AskCard] {
        let catalog = site.catalog
        return site.openAsks.map { ask in
            let note = site.notes[ask.note]
            return AskCard(note: ask.note, text: ask.text,
                           people: note.authors.map { ItemLink(person: $0, catalog: catalog) },
                           logURL: ViewModels.noteURL(note), logTitle: note.title,
                           week: note.details.log?.week, date: note.date,
                           skills: note.tags.map { ItemLink(skill: $0, catalog: catalog) })
        }
    }

    /// Mentors, proficient and expert people, and writers on the skill, best first.
    func helperValues(_ skill: String) -> [Helper] {
        let helpers = SkillPeople.helpers(for: skill, catalog: site.catalog, notes: site.notes, tagged: site.bySkill[skill] ?? [])
        return helpers.map { helper in
            var reasons: [String] = []
            if helper.mentor { reasons.append("mentors it") }
            if let level = helper.level, level >= .proficient { reasons.append(level.label.lowercased()) }
            if helper.noteCount > 0 { reasons.append("wrote \(helper.noteCount) note\(helper.noteCount == 1 ? "" : "s")") }
            return Helper(person: ItemLink(person: helper.person, catalog: site.catalog), mentor: helper.mentor,
                          level: helper.level, noteCount: helper.noteCount, why: reasons.joined(separator: ", "))
        }
    }

    /// People with a goal for the skill.
    func learnerValues(_ skill: String) -> [Learner] {
        SkillPeople.learners(for: skill, catalog: site.catalog).map { learner in
            Learner(person: ItemLink(person: learner.person, catalog: site.catalog), level: learner.level,
                    goal: learner.goal.level, by: learner.goal.by)
        }
    }

    /// The skill's resources by Dreyfus level, novice first; resources without a level last.
    func resourceLevelValues(_ resources: [Int]) -> [ResourceLevel] {
        var groups: [ResourceLevel] = []
        let levels: [DreyfusLevel?] = DreyfusLevel.allCases + [nil]
        for level in levels {
            let matching = resources.filter { site.notes[$0].details.resource?.level == level }
            guard !matching.isEmpty else { continue }
            groups.append(ResourceLevel(level: level, resources: matching.map { index in
                let note = site.notes[index]
                return LeveledResource(note: index, title: note.title, noteURL: ViewModels.noteURL(note),
                                       resource: note.details.resource, summary: note.summary)
            }))
        }
        return groups
    }

    func matrixValues() -> MatrixPage {
        let catalog = site.catalog
        let matrix = site.matrix
        var order: [String] = []
        var groups: [String: [MatrixSkill]] = [:]
        // "person skill" → the first pathway of the skill the person follows.
        var following: [String: String] = [:]
        for (person, routes) in site.pathways.byPerson {
            for route in routes.map({ site.pathways.routes[$0] }) {
                guard let skill = route.skill, following[person + " " + skill] == nil else { continue }
                following[person + " " + skill] = site.notes[route.note].title
            }
        }
        for (row, skill) in zip(matrix.rows, catalog.skills) {
            if groups[skill.group] == nil { order.append(skill.group) }
            let cells: [MatrixCell] = zip(row.cells, matrix.people).map { cell, personID in
                let name = catalog.person(personID)?.name ?? personID
                var spoken = "\(name): \(cell.level?.label ?? "no level")"
                if let goal = cell.goal {
                    spoken += ", aiming for \(goal.level?.label ?? "a higher level")"
                    if let by = goal.by { spoken += " by \(by.longText)" }
                }
                let pathway = following[personID + " " + skill.id]
                if let pathway { spoken += ", following the pathway \(pathway)" }
                if cell.mentor { spoken += ", mentors it" }
                return MatrixCell(cell: cell, spoken: spoken, pathway: pathway)
            }
            groups[skill.group, default: []].append(MatrixSkill(skill: skill, row: row, cells: cells))
        }
        return MatrixPage(
            people: matrix.people.map { ItemLink(person: $0, catalog: catalog) },
            groups: order.map { MatrixGroup(name: $0, skills: groups[$0] ?? []) },
            gaps: zip(matrix.rows, catalog.skills).filter { $0.0.isGap }.map { ItemLink(skill: $0.1.id, catalog: catalog) })
    }

    /// Two letters a matrix cell can show next to its colour: `Nv`, `AB`, `Cp`, `Pr`, `Ex`.
    static func shortLabel(_ level: DreyfusLevel) -> String {
        switch level {
        case .novice: "Nv"
        case .advancedBeginner: "AB"
        case .competent: "Cp"
        case .proficient: "Pr"
        case .expert: "Ex"
        }
    }
}
