/// The site's pathways with their steps resolved against the whole site: each step's note,
/// id, level and time, who follows each pathway, and where each note is a step, for the
/// "Step 3 of 9" panel on its page. Every problem is a diagnostic at the step that has it.
struct Pathways: Sendable, Hashable {
    /// One step of a resolved pathway.
    struct Step: Sendable, Hashable {
        enum Target: Sendable, Hashable {
            /// A note of the site: a resource, any other note, or another pathway.
            case note(Int)
            /// Something only a person can do: "Pair with Kofi on one audit".
            case task(String)
            /// A target that names nothing published (or would close a cycle), shown as its text.
            case missing(String)
        }

        /// Stable across rebuilds: what a reader's progress is kept by.
        var id: String
        var target: Target
        var optional: Bool
        var minutes: Int?
        var why: String?
        /// A resource's level, or the level a nested pathway leads to.
        var level: DreyfusLevel?

        var note: Int? { if case .note(let index) = target { index } else { nil } }
    }

    /// A pathway: its note (the page, the introduction) and its steps.
    struct Route: Sendable, Hashable {
        var note: Int
        /// What `people.yml`'s `pathways:` names it by: its URL's last part.
        var id: String
        var skill: String?
        var from: DreyfusLevel?
        var to: DreyfusLevel?
        var curator: String?
        var steps: [Step] = []
        /// The people following it (`people.yml`), in the file's order.
        var learners: [String] = []

        /// Minutes of the steps that are not optional and have an estimate.
        var minutes: Int { steps.filter { !$0.optional }.compactMap(\.minutes).reduce(0, +) }
        var optionalCount: Int { steps.count { $0.optional } }
        /// Whether any step has an estimate: a total is shown only then.
        var hasEstimate: Bool { steps.contains { $0.minutes != nil } }
    }

    /// A note's place in a pathway.
    struct Place: Sendable, Hashable {
        var route: Int
        var step: Int
    }

    /// In note order (newest first).
    var routes: [Route] = []
    /// Route position by the pathway's note.
    var byNote: [Int: Int] = [:]
    /// Route position by id.
    var byID: [String: Int] = [:]
    /// Per note, the pathways it is a step of, in route order.
    var places: [Int: [Place]] = [:]
    /// Per person id, the routes they follow.
    var byPerson: [String: [Int]] = [:]
    var diagnostics: [Diagnostic] = []

    init() {}

    init(notes: [Note], pathways: [Int], lookup: NoteLookup, catalog: Catalog) {
        let ids = pathwayIDs(notes: notes, pathways: pathways)
        for index in pathways {
            let id = ids[index]!
            byID[id] = routes.count
            byNote[index] = routes.count
            let fields = notes[index].details.pathway ?? .init()
            routes.append(Route(note: index, id: id, skill: fields.skill?.value, from: fields.from, to: fields.to, curator: fields.curator?.value))
        }
        for position in routes.indices {
            routes[position].steps = resolveSteps(of: routes[position], notes: notes, lookup: lookup, catalog: catalog)
        }
        breakCycles(notes: notes)
        addNestedTimes()
        for position in routes.indices {
            checkTimes(of: position, notes: notes)
            for (step, entry) in routes[position].steps.enumerated() {
                if let note = entry.note { places[note, default: []].append(Place(route: position, step: step)) }
            }
        }
        findLearners(catalog: catalog)
    }

    /// Where a step's target is written, for its diagnostics.
    private static func location(_ note: Note, _ step: KindDetails.Pathway.Step) -> SourceLocation {
        SourceLocation(path: note.displayPath, line: step.targetLine, column: step.targetColumn)
    }

    private mutating func resolveSteps(of route: Route, notes: [Note], lookup: NoteLookup, catalog: Catalog) -> [Step] {
        let note = notes[route.note]
        guard let fields = note.details.pathway else { return [] }
        if let skill = fields.skill, catalog.skill(skill.value) == nil {
            diagnostics.append(.warning("skill \"\(skill.value)\" is not a skill in skills.yml" + SiteChecks.suggestion(for: skill.value, among: Set(catalog.skills.map(\.id))),
                                        at: SourceLocation(path: note.displayPath, line: skill.line, column: skill.column)))
        }
        var steps: [Step] = []
        var firstOf: [Int: Int] = [:]  // target note → its first step number
        var ids = UniqueNames()  // step id → step number
        for written in fields.steps {
            let location = Self.location(note, written)
            var step = Step(id: "", target: .missing(""), optional: written.optional, minutes: written.minutes, why: written.why)
            let name: String
            switch written.target {
            case .task(let text):
                step.target = .task(text)
                name = Slug.make(text.split(separator: " ").prefix(6).joined(separator: " "))
            case .resource(let text), .note(let text), .pathway(let text):
                step.target = resolve(written, text: text, in: note, lookup: lookup, at: location)
                if let index = step.note {
                    name = String(notes[index].urlPath.split(separator: "/").last ?? "")
                    if let first = firstOf[index] {
                        diagnostics.append(.warning("\(notes[index].sourcePath) is already step \(first) of this pathway; it is listed twice", at: location))
                    } else {
                        firstOf[index] = steps.count + 1
                    }
                    check(step: &step, target: notes[index], of: route, at: location)
                } else {
                    name = Slug.make(NoteLookup.stem(text))
                }
            }
            // A written `id:` used twice would share one reader's progress between two steps.
            if let written = written.id, let other = ids.owner(of: written.value) {
                diagnostics.append(.warning("step id \"\(written.value)\" is also step \(other)'s; ids must be unique within a pathway",
                                            at: SourceLocation(path: note.displayPath, line: written.line, column: written.column)))
            }
            step.id = ids.claim(written.id?.value ?? (name.isEmpty ? "step" : name), for: steps.count + 1)
            steps.append(step)
        }
        return steps
    }

    /// The note a step names, or `.missing` with a warning saying why.
    private mutating func resolve(_ written: KindDetails.Pathway.Step, text: String, in note: Note, lookup: NoteLookup, at location: SourceLocation) -> Step.Target {
        let (field, wanted): (String, Set<Kind>) = switch written.target {
        case .resource: ("resource", [.resource])
        case .pathway: ("pathway", [.pathway])
        default: ("note", Set(Kind.allCases).subtracting([.pathway]))
        }
        switch lookup.step(text) {
        case .found(let index, let others):
            let target = lookup.note(index)
            if !others.isEmpty {
                let names = ([index] + others).map { lookup.note($0).sourcePath }.joined(separator: ", ")
                diagnostics.append(.warning("step `\(field): \(text)` matches \(others.count + 1) notes (\(names)); using \(target.sourcePath)", at: location))
            }
            if !wanted.contains(target.kind) {
                let better = target.kind == .pathway ? "pathway" : target.kind == .resource && field == "pathway" ? "resource" : "note"
                let article = target.kind == .resource ? "a resource" : "a \(target.kind.label.lowercased())"
                diagnostics.append(.warning("step `\(field): \(text)` is \(article) (\(target.sourcePath)), not \(field == "resource" ? "a resource" : "a \(field)"); name it with `\(better):`", at: location))
            }
            return .note(index)
        case .draft:
            diagnostics.append(.warning("step `\(field): \(text)` is a draft, which is not published; it is shown as text", at: location))
        case .none:
            let guess = lookup.likeliest(text, kinds: wanted).map { " (did you mean \"\($0)\"?)" } ?? ""
            diagnostics.append(.warning("step `\(field): \(text)` matches no note by path, slug or title\(guess); it is shown as text", at: location))
        }
        return .missing(text)
    }

    /// The warnings a resolved step's target can give: a level above where the pathway leads,
    /// a resource filed under another skill (a note: allowed). Fills in the step's level and,
    /// when the step gives none, its time.
    private mutating func check(step: inout Step, target: Note, of route: Route, at location: SourceLocation) {
        switch target.details {
        case .resource(let resource):
            step.level = resource.level
            if step.minutes == nil { step.minutes = resource.time.flatMap(StepTime.minutes(in:)) }
            if let skill = route.skill, !target.tags.contains(skill) {
                diagnostics.append(.note("\(target.sourcePath) is not filed under \(skill) (its skills: \(target.tags.isEmpty ? "none" : target.tags.joined(separator: ", "))); it stays a step", at: location))
            }
        case .pathway(let nested):
            step.level = nested.to
        default:
            if step.minutes == nil { step.minutes = target.readingMinutes }
        }
        if let level = step.level, let to = route.to, level > to {
            diagnostics.append(.warning("\(target.sourcePath) is at the \(level.rawValue) level, above this pathway's `to` (\(to.rawValue))", at: location))
        }
    }
}
