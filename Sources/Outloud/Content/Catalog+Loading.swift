/// Reads `site.yml`, `skills.yml` and `people.yml`; a missing file is fine, a broken one a diagnostic.
extension Catalog {
    static func load(from files: FileIO, contentPath: String, diagnostics: inout [Diagnostic]) -> Catalog {
        var catalog = Catalog()
        if let site = readYAML("site.yml", files: files, contentPath: contentPath, diagnostics: &diagnostics) {
            catalog.config = readConfig(site.value, path: site.path, diagnostics: &diagnostics)
        }
        if let skills = readYAML("skills.yml", files: files, contentPath: contentPath, diagnostics: &diagnostics) {
            catalog.skills = readSkills(skills.value, path: skills.path, diagnostics: &diagnostics)
        }
        if let people = readYAML("people.yml", files: files, contentPath: contentPath, diagnostics: &diagnostics) {
            catalog.people = readPeople(people.value, path: people.path, diagnostics: &diagnostics)
            catalog.peoplePath = people.path
        }
        return catalog
    }

    private static func readYAML(_ name: String, files: FileIO, contentPath: String,
                                 diagnostics: inout [Diagnostic]) -> (value: YAMLValue, path: String)? {
        let path = FileIO.join(contentPath, name)
        guard files.exists(path) else { return nil }
        let text: String
        switch files.readText(path) {
        case .success(let contents): text = contents
        case .failure(let failure):
            diagnostics.append(.containedError(failure.message + "; the site is built without \(name)", at: SourceLocation(path: path)))
            return nil
        }
        switch YAMLReader.parse(text) {
        case .success(let value): return (value, path)
        case .failure(let failure):
            diagnostics.append(.containedError(failure.message + "; the site is built without \(name)",
                                               at: SourceLocation(path: path, line: failure.line, column: failure.column)))
            return nil
        }
    }

    private static func readConfig(_ value: YAMLValue, path: String, diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig()
        guard value.entries != nil else {
            if !value.isNull { diagnostics.append(.containedError("site.yml must be a mapping of settings", at: SourceLocation(path: path, line: value.line, column: value.column))) }
            return config
        }
        var reader = FieldReader(path: path, map: value)
        config.fields = value
        config.title = reader.string("title") ?? config.title
        config.description = reader.string("description") ?? ""
        config.language = reader.string("language") ?? config.language
        if let value = reader.value("base_url"), let text = reader.scalarText(value, field: "base_url"), !text.isEmpty {
            switch SiteAddress.check(text) {
            case .success(let address): config.baseURL = address
            case .failure(let problem): reader.ignored("`base_url` \(problem.reason): \"\(text)\"", at: value)
            }
        }
        config.repoURL = reader.url("repo_url").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        config.editPath = reader.string("edit_path") ?? config.editPath
        config.theme = reader.string("theme")
        config.unsafeHTML = reader.bool("unsafe_html") ?? false
        config.openAsksWeeks = reader.int("open_asks_weeks", in: 1...520) ?? config.openAsksWeeks
        config.pageSize = reader.int("paginate", in: 1...10_000) ?? config.pageSize
        config.search = reader.bool("search") ?? config.search
        config.readFolderRules(&reader)
        diagnostics += reader.diagnostics
        return config
    }

    private static func readSkills(_ value: YAMLValue, path: String, diagnostics: inout [Diagnostic]) -> [Skill] {
        guard let items = value.items else {
            if !value.isNull { diagnostics.append(.containedError("skills.yml must be a list of skills (`- id: swift`)", at: SourceLocation(path: path, line: value.line, column: value.column))) }
            return []
        }
        var skills: [Skill] = []
        var seen: [String: Int] = [:]
        for item in items {
            var reader = FieldReader(path: path, map: item)
            defer { diagnostics += reader.diagnostics }
            guard item.entries != nil else {
                reader.ignored("a skill must be a mapping with `id`, `name`, `group` and `description`", at: item)
                continue
            }
            guard let id = reader.string("id"), !id.isEmpty else {
                reader.ignored("skill has no `id`", at: item)
                continue
            }
            guard Slug.make(id) == id else {
                reader.ignored("skill id \"\(id)\" must be lower-case letters, digits and dashes (try \"\(Slug.make(id))\")", at: reader.value("id") ?? item)
                continue
            }
            if let first = seen[id] {
                reader.ignored("skill \"\(id)\" is listed twice (first at line \(first))", at: item)
                continue
            }
            seen[id] = item.line
            skills.append(Skill(
                id: id, name: reader.string("name") ?? id, group: reader.string("group") ?? "Other",
                description: reader.string("description") ?? "", line: item.line))
        }
        return skills
    }

    private static func readPeople(_ value: YAMLValue, path: String, diagnostics: inout [Diagnostic]) -> [Person] {
        guard let items = value.items else {
            if !value.isNull { diagnostics.append(.containedError("people.yml must be a list of people (`- id: amara`)", at: SourceLocation(path: path, line: value.line, column: value.column))) }
            return []
        }
        var people: [Person] = []
        var seen: [String: Int] = [:]
        for item in items {
            var reader = FieldReader(path: path, map: item)
            defer { diagnostics += reader.diagnostics }
            guard item.entries != nil else {
                reader.ignored("a person must be a mapping with `id` and `name`", at: item)
                continue
            }
            guard let id = reader.string("id"), !id.isEmpty else {
                reader.ignored("person has no `id`", at: item)
                continue
            }
            guard Slug.make(id) == id else {
                reader.ignored("person id \"\(id)\" must be lower-case letters, digits and dashes (try \"\(Slug.make(id))\")", at: reader.value("id") ?? item)
                continue
            }
            if let first = seen[id] {
                reader.ignored("person \"\(id)\" is listed twice (first at line \(first))", at: item)
                continue
            }
            seen[id] = item.line
            var person = Person(
                id: id, name: reader.string("name") ?? id, role: reader.string("role") ?? "",
                email: reader.string("email"), skills: [], goals: [], mentorFor: reader.stringList("mentor_for"), line: item.line)
            for mentored in reader.value("mentor_for")?.items ?? [] {
                if let id = mentored.string { person.skillMentions.append(.init(field: "mentor_for", skill: Located(value: id, line: mentored.line, column: mentored.column))) }
            }
            if let followed = reader.value("pathways") {
                if followed.items == nil { _ = reader.stringList("pathways") }  // reports the fix
                for item in followed.items ?? [] {
                    if let id = reader.scalarText(item, field: "pathways") {
                        person.pathways.append(Located(value: id, line: item.line, column: item.column))
                    }
                }
            }
            if let skills = reader.value("skills") {
                if let entries = skills.entries {
                    for entry in entries {
                        person.skillMentions.append(.init(field: "skills", skill: Located(value: entry.key, line: entry.keyLine, column: entry.keyColumn)))
                        if let level = reader.level(entry.value, field: "skills.\(entry.key)") {
                            person.skills.append(.init(skill: entry.key, level: level))
                        }
                    }
                } else {
                    reader.ignored("`skills` must map skill ids to levels, like `skills: {swift: competent}`", at: skills)
                }
            }
            if let goals = reader.value("goals") {
                for goal in goals.items ?? [goals] {
                    var goalReader = FieldReader(path: path, map: goal)
                    guard goal.entries != nil, let skill = goalReader.string("skill") else {
                        reader.ignored("a goal must be a mapping like `{skill: swift, level: competent, by: 2027-03-31}`", at: goal)
                        continue
                    }
                    let level = goalReader.value("level").flatMap { goalReader.level($0, field: "level") }
                    person.goals.append(.init(skill: skill, level: level, by: goalReader.day("by")))
                    if let value = goalReader.value("skill") {
                        person.skillMentions.append(.init(field: "goal", skill: Located(value: skill, line: value.line, column: value.column)))
                    }
                    reader.absorb(goalReader)
                }
            }
            people.append(person)
        }
        return people
    }
}

extension FieldReader {
    /// A Dreyfus level, with the valid choices in the message when it is not one (a warning:
    /// the entry still builds, without the level).
    mutating func level(_ value: YAMLValue, field: String) -> DreyfusLevel? {
        guard let text = value.string else {
            ignored("`\(field)` must be a Dreyfus level (\(DreyfusLevel.choices)), not \(value.typeName)", at: value)
            return nil
        }
        guard let level = DreyfusLevel(rawValue: text.lowercased().replacingOccurrences(of: " ", with: "-")) else {
            warning("\"\(text)\" is not a Dreyfus level (\(DreyfusLevel.choices)); it is ignored", at: value)
            return nil
        }
        return level
    }

    mutating func absorb(_ other: FieldReader) {
        diagnostics += other.diagnostics
    }
}
