import Foundation

/// The values of the team-learning views: book club, open asks, who can help, resources by
/// level, the skills matrix and the activity chart.
extension SiteRenderer {
    /// Every book the team read, with each reader's note and rating.
    func bookGroupValues() -> TemplateValue {
        let catalog = site.catalog
        return .list(site.bookGroups.map { group in
            let readers: [TemplateValue] = group.notes.map { index in
                let note = site.notes[index]
                let book = note.details.book
                return [
                    "url": .string(ViewModels.noteURL(note)),
                    "title": .string(note.title),
                    "authors": .list(note.authors.map { ViewModels.personLink($0, catalog: catalog) }),
                    "rating": book?.rating.map { .int($0) } ?? .null,
                    "stars": TemplateValue(book?.rating.map(KindPanels.stars)),
                    "status": TemplateValue(book?.status),
                    "date": TemplateValue(note.date?.description),
                    "dateText": TemplateValue(note.date?.longText),
                ]
            }
            return [
                "title": .string(group.title),
                "authors": TemplateValue(KindPanels.joined(group.authors)),
                "year": TemplateValue(group.year),
                "url": TemplateValue(group.url),
                "readerCount": .int(group.notes.count),
                "several": .bool(group.notes.count > 1),
                "averageRating": TemplateValue(group.averageRating.map { String(format: "%.1f", $0) }),
                "averageStars": TemplateValue(group.averageRating.map { KindPanels.stars(Int($0.rounded())) }),
                "readers": .list(readers),
            ]
        })
    }

    /// Asks for help from recent logs, each with who asked, where, and the skills it needs.
    func openAskValues() -> TemplateValue {
        let catalog = site.catalog
        return .list(site.openAsks.map { ask in
            let note = site.notes[ask.note]
            return [
                "text": .string(ask.text),
                "people": .list(note.authors.map { ViewModels.personLink($0, catalog: catalog) }),
                "logURL": .string(ViewModels.noteURL(note)),
                "logTitle": .string(note.title),
                "week": TemplateValue(note.details.log?.week?.description),
                "date": TemplateValue(note.date?.description),
                "dateText": TemplateValue(note.date?.longText),
                "skills": .list(note.tags.map { ViewModels.skillLink($0, catalog: catalog) }),
            ]
        })
    }

    /// Mentors, proficient and expert people, and writers on the skill, best first.
    func helperValues(_ skill: String) -> TemplateValue {
        let helpers = SkillPeople.helpers(for: skill, catalog: site.catalog, notes: site.notes, tagged: site.bySkill[skill] ?? [])
        return .list(helpers.map { helper in
            var reasons: [String] = []
            if helper.mentor { reasons.append("mentors it") }
            if let level = helper.level, level >= .proficient { reasons.append(level.label.lowercased()) }
            if helper.noteCount > 0 { reasons.append("wrote \(helper.noteCount) note\(helper.noteCount == 1 ? "" : "s")") }
            guard case .object(var person) = ViewModels.personLink(helper.person, catalog: site.catalog) else { return .null }
            person["mentor"] = .bool(helper.mentor)
            person["level"] = TemplateValue(helper.level?.rawValue)
            person["levelLabel"] = TemplateValue(helper.level?.label)
            person["levelRank"] = helper.level.map { .int($0.rank) } ?? .null
            person["noteCount"] = .int(helper.noteCount)
            person["why"] = .string(reasons.joined(separator: ", "))
            return .object(person)
        })
    }

    /// People with a goal for the skill.
    func learnerValues(_ skill: String) -> TemplateValue {
        .list(SkillPeople.learners(for: skill, catalog: site.catalog).map { learner in
            guard case .object(var person) = ViewModels.personLink(learner.person, catalog: site.catalog) else { return .null }
            person["levelLabel"] = TemplateValue(learner.level?.label)
            person["goalLabel"] = TemplateValue(learner.goal.level?.label)
            person["by"] = TemplateValue(learner.goal.by?.longText)
            return .object(person)
        })
    }

    /// The skill's resources by Dreyfus level, novice first; resources without a level last.
    func resourceLevelValues(_ resources: [Int]) -> TemplateValue {
        var groups: [TemplateValue] = []
        let levels: [DreyfusLevel?] = DreyfusLevel.allCases + [nil]
        for level in levels {
            let matching = resources.filter { site.notes[$0].details.resource?.level == level }
            guard !matching.isEmpty else { continue }
            groups.append([
                "level": .string(level?.rawValue ?? "any"),
                "label": .string(level?.label ?? "Any level"),
                "resources": .list(matching.map { index in
                    let note = site.notes[index]
                    let resource = note.details.resource
                    return [
                        "title": .string(note.title),
                        "noteURL": .string(ViewModels.noteURL(note)),
                        "url": TemplateValue(resource.flatMap { $0.url.isEmpty ? nil : $0.url }),
                        "type": TemplateValue(resource?.type),
                        "time": TemplateValue(resource?.time),
                        "cost": TemplateValue(resource?.cost),
                        "summary": .string(note.summary),
                    ]
                }),
            ])
        }
        return .list(groups)
    }

    func matrixValues() -> (String, String, TemplateValue) {
        let catalog = site.catalog
        let matrix = site.matrix
        let people: [TemplateValue] = matrix.people.map { ViewModels.personLink($0, catalog: catalog) }
        var order: [String] = []
        var groups: [String: [TemplateValue]] = [:]
        for (row, skill) in zip(matrix.rows, catalog.skills) {
            if groups[skill.group] == nil { order.append(skill.group) }
            let cells: [TemplateValue] = zip(row.cells, matrix.people).map { cell, personID in
                let name = catalog.person(personID)?.name ?? personID
                var spoken = "\(name): \(cell.level?.label ?? "no level")"
                if let goal = cell.goal {
                    spoken += ", aiming for \(goal.level?.label ?? "a higher level")"
                    if let by = goal.by { spoken += " by \(by.longText)" }
                }
                if cell.mentor { spoken += ", mentors it" }
                return [
                    "level": TemplateValue(cell.level?.rawValue),
                    "levelLabel": TemplateValue(cell.level?.label),
                    "short": TemplateValue(cell.level.map(Self.shortLabel)),
                    "rank": .int(cell.level?.rank ?? 0),
                    "goal": TemplateValue(cell.goal.map { $0.level?.label ?? "Goal" }),
                    "goalShort": TemplateValue(cell.goal.map { $0.level.map(Self.shortLabel) ?? "goal" }),
                    "goalBy": TemplateValue(cell.goal?.by?.monthText),
                    "mentor": .bool(cell.mentor),
                    "spoken": .string(spoken),
                ]
            }
            groups[skill.group, default: []].append([
                "id": .string(skill.id),
                "name": .string(skill.name),
                "url": .string(ViewModels.skillURL(skill.id)),
                "cells": .list(cells),
                "strong": .int(row.strong),
                "capable": .int(row.capable),
                "mentors": .int(row.mentors),
                "learners": .int(row.learners),
                "gap": .bool(row.isGap),
            ])
        }
        let gaps = zip(matrix.rows, catalog.skills).filter { $0.0.isGap }.map { ViewModels.skillLink($0.1.id, catalog: catalog) }
        return ("matrix", "Skills matrix", [
            "people": .list(people),
            "columns": .int(people.count + 2),
            "groups": .list(order.map { ["name": .string($0), "skills": .list(groups[$0] ?? [])] }),
            "gaps": .list(gaps),
            "levels": .list(DreyfusLevel.allCases.map { ["level": .string($0.rawValue), "label": .string($0.label), "short": .string(Self.shortLabel($0))] }),
        ])
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

    func activityValues() -> (String, String, TemplateValue) {
        let activity = site.activity
        let kinds = Activity.kinds.enumerated().filter { kind in activity.months.contains { $0.counts[kind.offset] > 0 } }
        return ("activity", "Activity", [
            "chart": .html(ActivityChart.svg(activity)),
            "total": .int(activity.months.reduce(0) { $0 + $1.total }),
            "from": TemplateValue(activity.months.first.map { Day(year: $0.year, month: $0.month, day: 1)!.monthText }),
            "to": TemplateValue(activity.months.last.map { Day(year: $0.year, month: $0.month, day: 1)!.monthText }),
            "kinds": .list(kinds.map { ["kind": .string($0.element.rawValue), "label": .string($0.element.pluralLabel)] }),
            "months": .list(activity.months.reversed().map { month in
                [
                    "label": .string(Day(year: month.year, month: month.month, day: 1)!.monthText),
                    "counts": .list(kinds.map { ["count": .string(String(month.counts[$0.offset])), "zero": .bool(month.counts[$0.offset] == 0)] }),
                    "total": .string(String(month.total)),
                ]
            }),
        ])
    }
}
