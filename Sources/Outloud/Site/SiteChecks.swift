/// Checks that need the whole site: tags against the skill catalog, authors against people,
/// and people's skills and goals against the catalog.
enum SiteChecks {
    static func check(notes: [Note], catalog: Catalog) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let skillIDs = Set(catalog.skills.map(\.id))
        let personIDs = Set(catalog.people.map(\.id))
        for note in notes {
            let tagItems = note.fields["tags"]?.items ?? []
            // A pathway's `skill:` is one of its tags; `Pathways` reports it where it is written.
            let pathwaySkill = note.details.pathway?.skill?.value
            for (position, tag) in note.tags.enumerated() where !skillIDs.contains(tag) && tag != pathwaySkill {
                let item = position < tagItems.count ? tagItems[position] : nil
                let location = SourceLocation(path: note.displayPath, line: item?.line ?? 1, column: item?.column ?? 1)
                diagnostics.append(.warning("tag \"\(tag)\" is not a skill in skills.yml" + suggestion(for: tag, among: skillIDs), at: location))
            }
            let authorItems = note.fields["authors"]?.items ?? []
            for (position, author) in note.authors.enumerated() where !personIDs.contains(author) {
                let item = position < authorItems.count ? authorItems[position] : nil
                let location = SourceLocation(path: note.displayPath, line: item?.line ?? 1, column: item?.column ?? 1)
                diagnostics.append(.warning("author \"\(author)\" is not a person in people.yml" + suggestion(for: author, among: personIDs), at: location))
            }
            for (role, id) in note.details.mentionedPeople where !personIDs.contains(id.value) {
                let location = SourceLocation(path: note.displayPath, line: id.line, column: id.column)
                diagnostics.append(.warning("\(role) \"\(id.value)\" is not a person in people.yml" + suggestion(for: id.value, among: personIDs), at: location))
            }
        }
        for person in catalog.people {
            for mention in person.skillMentions where !skillIDs.contains(mention.skill.value) {
                let (field, skill) = (mention.field, mention.skill)
                let location = SourceLocation(path: catalog.peoplePath, line: skill.line, column: skill.column)
                let what = field == "goal" ? "has a goal for" : field == "mentor_for" ? "mentors" : "has a level in"
                diagnostics.append(.warning("\(person.id) \(what) \"\(skill.value)\", which is not a skill in skills.yml" + suggestion(for: skill.value, among: skillIDs), at: location))
            }
        }
        return diagnostics
    }

    /// ` (did you mean "swift"?)` when a known id is a likely typo of `word`.
    static func suggestion(for word: String, among candidates: Set<String>) -> String {
        let limit = max(1, word.count / 3)
        let best = candidates
            .map { (candidate: $0, distance: editDistance(word, $0)) }
            .filter { $0.distance <= limit }
            .min { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
        return best.map { " (did you mean \"\($0.candidate)\"?)" } ?? ""
    }

    /// Levenshtein distance, with a transposition counted as one edit (`swfit` → `swift`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
