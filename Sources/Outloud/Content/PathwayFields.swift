extension KindDetails {
    /// A pathway's fields (`pathways/`): a curated route through the site's resources and notes
    /// from one Dreyfus level of a skill to the next. Steps are resolved against the whole site
    /// later (`Pathways`, in `Site/`); here they are only read and checked for shape.
    struct Pathway: Sendable, Hashable {
        var skill: Located<String>?
        var from: DreyfusLevel?
        var to: DreyfusLevel?
        var curator: Located<String>?
        var steps: [Step] = []

        /// One entry of `steps:`.
        struct Step: Sendable, Hashable {
            /// What the step asks the reader to do: read a note or resource, follow another
            /// pathway, or something only a person can do (`task`).
            enum Target: Sendable, Hashable {
                case resource(String)
                case note(String)
                case pathway(String)
                case task(String)
            }

            var target: Target
            /// Where the target is written, for the diagnostics of resolving it.
            var targetLine: Int
            var targetColumn: Int
            /// `id:` as written, or nil: the pathway makes one from the target.
            var id: Located<String>?
            var optional = false
            var minutes: Int?
            var why: String?
        }
    }

    /// The fields a step names its target with, in the order a message lists them.
    static let stepTargets = ["resource", "note", "pathway", "task"]

    static func readPathway(_ reader: inout FieldReader, note: SourceLocation, origin: KindRules.Origin) -> Pathway {
        var pathway = Pathway()
        if let value = reader.value("skill"), let text = reader.scalarText(value, field: "skill") {
            pathway.skill = Located(value: text, line: value.line, column: value.column)
        } else {
            reader.diagnostics.append(.warning(missing("skill", of: .pathway, origin: origin), at: note))
        }
        pathway.from = reader.value("from").flatMap { reader.level($0, field: "from") }
        pathway.to = reader.value("to").flatMap { reader.level($0, field: "to") }
        if let from = pathway.from, let to = pathway.to, from >= to, let value = reader.value("to") {
            reader.warning("`to` (\(to.rawValue)) must be a level above `from` (\(from.rawValue))", at: value)
        }
        pathway.curator = reader.value("curator").flatMap { value in
            reader.scalarText(value, field: "curator").map { Located(value: $0, line: value.line, column: value.column) }
        }
        guard let steps = reader.value("steps") else {
            reader.diagnostics.append(.warning(missing("steps", of: .pathway, origin: origin), at: note))
            return pathway
        }
        guard let items = steps.items else {
            reader.ignored("`steps` must be a list, like `steps: [{resource: resources/wcag.md}, {task: Pair on an audit}]`", at: steps)
            return pathway
        }
        for item in items {
            if let step = readStep(item, reader: &reader) { pathway.steps.append(step) }
        }
        return pathway
    }

    private static func readStep(_ item: YAMLValue, reader: inout FieldReader) -> Pathway.Step? {
        let shape = "a step must be a mapping with one of `resource`, `note`, `pathway` or `task`, like `{resource: resources/wcag.md, minutes: 30}`"
        guard item.entries != nil else {
            reader.ignored(shape, at: item)
            return nil
        }
        var fields = FieldReader(path: reader.path, map: item)
        defer { reader.absorb(fields) }
        let named = stepTargets.filter { fields.value($0) != nil }
        guard let key = named.first, let value = fields.value(key) else {
            fields.ignored(shape, at: item)
            return nil
        }
        if named.count > 1 {
            fields.ignored("a step has one of `resource`, `note`, `pathway` or `task`, not \(named.map { "`\($0)`" }.joined(separator: " and "))", at: item)
            return nil
        }
        guard var text = fields.scalarText(value, field: key) else { return nil }
        text = text.trimmingCharacters(in: .whitespaces)
        // `[[Title]]`, as a note links in Obsidian, names the note by its title; a link copied
        // with its shown text, `[[Title|text]]`, names the same note.
        if key != "task", text.hasPrefix("[["), text.hasSuffix("]]"), text.count > 4 {
            let inner = text.dropFirst(2).dropLast(2)
            text = String(inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? inner).trimmingCharacters(in: .whitespaces)
        }
        guard !text.isEmpty else {
            fields.ignored("`\(key)` of a step is empty", at: value)
            return nil
        }
        let target: Pathway.Step.Target = switch key {
        case "resource": .resource(text)
        case "note": .note(text)
        case "pathway": .pathway(text)
        default: .task(text)
        }
        var step = Pathway.Step(target: target, targetLine: value.line, targetColumn: value.column)
        if let idValue = fields.value("id"), let id = fields.scalarText(idValue, field: "id") {
            if Slug.make(id) == id, !id.isEmpty {
                step.id = Located(value: id, line: idValue.line, column: idValue.column)
            } else {
                fields.ignored("a step's `id` must be lower-case letters, digits and dashes (try \"\(Slug.make(id))\")", at: idValue)
            }
        }
        step.optional = fields.bool("optional") ?? false
        step.minutes = fields.int("minutes", in: 0...100_000)
        step.why = fields.string("why")
        return step
    }
}
