/// A pathway as lists show it (the pathways page, a skill's, a person's, the home page's box):
/// its card's title and summary with the route's skill, levels, steps, time and people.
struct PathwaySummary: TemplateFields {
    var route: Pathways.Route
    var note: Note
    var skill: ItemLink?
    var curator: ItemLink?
    var learners: [ItemLink]

    init(_ route: Pathways.Route, site: Site) {
        self.route = route
        note = site.notes[route.note]
        skill = route.skill.map { ItemLink(skill: $0, catalog: site.catalog) }
        curator = route.curator.map { ItemLink(person: $0, catalog: site.catalog) }
        learners = route.learners.map { ItemLink(person: $0, catalog: site.catalog) }
    }

    enum Key: String, CaseIterable {
        case id, url, title, summary, skill, from, fromLabel, to, toLabel, stepCount, optionalCount,
             minutes, timeText, totals, curator, learners, learnerCount
    }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .id: .string(route.id)
        case .url: .string(ViewModels.noteURL(note))
        case .title: .string(note.title)
        case .summary: .string(note.summary)
        case .skill: skill.templateValue
        case .from: TemplateValue(route.from?.rawValue)
        case .fromLabel: TemplateValue(route.from?.label)
        case .to: TemplateValue(route.to?.rawValue)
        case .toLabel: TemplateValue(route.to?.label)
        case .stepCount: .int(route.steps.count)
        case .optionalCount: .int(route.optionalCount)
        // Null, not left out: a template must not climb to the page's own `minutes`.
        case .minutes: route.hasEstimate ? .int(route.minutes) : .null
        case .timeText: route.hasEstimate ? .string(PathwaySummary.about(route.minutes)) : .null
        case .totals: .string(totals)
        case .curator: curator.templateValue
        case .learners: learners.templateValue
        case .learnerCount: .int(learners.count)
        }
    }

    /// "6 steps · 2 optional · about 12 h".
    var totals: String {
        var parts = [route.steps.count == 1 ? "1 step" : "\(route.steps.count) steps"]
        if route.optionalCount > 0 { parts.append("\(route.optionalCount) optional") }
        if route.hasEstimate { parts.append(Self.about(route.minutes)) }
        return parts.joined(separator: " · ")
    }

    /// "about 12 h", "about 45 min": a total is an estimate, rounded to the half hour.
    static func about(_ minutes: Int) -> String {
        guard minutes >= 60 else { return "about \(minutes) min" }
        let halves = (minutes + 15) / 30
        return "about \(halves / 2)\(halves % 2 == 1 ? ".5" : "") h"
    }
}

/// `note.pathway` on a pathway's own page: its summary and every step.
struct PathwayView: TemplateFields {
    var summary: PathwaySummary
    var steps: [PathwayStepView]

    var baseFields: [String: TemplateValue] { summary.templateValue.fields }
    enum Key: String, CaseIterable { case steps }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .steps: steps.templateValue
        }
    }
}

/// One step on a pathway's page: what it is, its link, level, time and why it is there.
struct PathwayStepView: TemplateFields {
    var number: Int
    var step: Pathways.Step
    /// The target note, for a step that names one.
    var target: Note?

    init(number: Int, step: Pathways.Step, site: Site) {
        self.number = number
        self.step = step
        // Not `step.note.map { site.notes[$0] }`: Swift 6.x's optimizer crashes on it
        // ("Found ownership error", CopyPropagation) in a release build.
        if let index = step.note { target = site.notes[index] } else { target = nil }
    }

    enum Key: String, CaseIterable {
        case number, id, kind, kindLabel, title, url, missing, level, levelLabel, minutes, timeText,
             optional, why, summary
    }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .number: .int(number)
        case .id: .string(step.id)
        case .kind: .string(target?.kind.rawValue ?? (isTask ? "task" : "missing"))
        case .kindLabel: .string(target?.kind.label ?? (isTask ? "Task" : "Not found"))
        case .title: .string(PathwayStepView.title(step, target: target))
        // Null for a task: `{{#url}}` must not find the pathway page's own.
        case .url: target.map { .string(ViewModels.noteURL($0)) } ?? .null
        case .missing: .bool(target == nil && !isTask)
        case .level: TemplateValue(step.level?.rawValue)
        case .levelLabel: TemplateValue(step.level?.label)
        case .minutes: TemplateValue(number: step.minutes)
        case .timeText: TemplateValue(step.minutes.map(StepTime.text))
        case .optional: .bool(step.optional)
        case .why: TemplateValue(step.why)
        case .summary: TemplateValue(target.map(\.summary).flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    private var isTask: Bool { if case .task = step.target { true } else { false } }

    /// The note's title, the task's text, or what an unresolved step names.
    static func title(_ step: Pathways.Step, target: Note?) -> String {
        switch step.target {
        case .note: target?.title ?? ""
        case .task(let text), .missing(let text): text
        }
    }
}

/// `note.pathways` on a note that is a step of a pathway: "Step 3 of 9 in …", with the
/// steps before and after it.
struct PathwayPlaceView: TemplateFields {
    var summary: PathwaySummary
    var number: Int
    var count: Int
    var previous: PathwayNeighbour?
    var next: PathwayNeighbour?

    enum Key: String, CaseIterable { case pathway, number, count, previous, next, stepID }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .pathway: summary.templateValue
        case .number: .int(number)
        case .count: .int(count)
        case .previous: previous.templateValue
        case .next: next.templateValue
        case .stepID: .string(summary.route.steps[number - 1].id)
        }
    }
}

/// The step before or after a note's in a pathway: a link, or a task's text.
struct PathwayNeighbour: TemplateFields {
    var number: Int
    var title: String
    var url: String?
    var optional: Bool

    init(number: Int, step: Pathways.Step, site: Site) {
        self.number = number
        var target: Note?
        if let index = step.note { target = site.notes[index] }
        title = PathwayStepView.title(step, target: target)
        url = target.map(ViewModels.noteURL)
        optional = step.optional
    }

    enum Key: String, CaseIterable { case number, title, url, optional }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .number: .int(number)
        case .title: .string(title)
        case .url: TemplateValue(url)
        case .optional: .bool(optional)
        }
    }
}

/// The pathways of one skill, on the pathways page.
struct PathwayGroup: TemplateFields {
    var skill: ItemLink
    var pathways: [PathwaySummary]

    enum Key: String, CaseIterable { case skill, pathways }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .skill: skill.templateValue
        case .pathways: pathways.templateValue
        }
    }
}
