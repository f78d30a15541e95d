/// What a new pathway's title says about its fields, so `outloud new pathway "Accessibility:
/// from novice to competent"` starts with `skill: accessibility`, `from: novice` and
/// `to: competent` instead of blanks the mentor must look up.
struct PathwayTitle: Sendable, Hashable {
    /// The id of the skill of `skills.yml` the title names, by id or name; nil when none.
    var skill: String?
    var from: DreyfusLevel
    var to: DreyfusLevel

    init(_ title: String, skills: [Skill]) {
        // Whole words only: dashes on both sides, so "testing" is not found in "pentesting".
        let words = "-" + Slug.make(title) + "-"
        func names(_ key: String) -> Bool { !key.isEmpty && words.contains("-" + key + "-") }
        // The longest name wins: "automated testing" before a skill called "testing".
        let found = skills.enumerated().compactMap { position, skill -> (length: Int, position: Int, id: String)? in
            let keys = [skill.id, Slug.make(skill.name)].filter(names)
            return keys.isEmpty ? nil : (keys.map(\.count).max()!, position, skill.id)
        }
        skill = found.min { ($1.length, $0.position) < ($0.length, $1.position) }?.id
        // "for novices", "for advanced beginners": a level is often named in the plural.
        let levels = DreyfusLevel.allCases.filter { names($0.rawValue) || names($0.rawValue + "s") }
        switch (levels.first, levels.last) {
        case let (lowest?, highest?) where lowest < highest:
            (from, to) = (lowest, highest)
        case let (only?, _):
            // One level named is where the pathway leads; a novice pathway leads one step on.
            let rank = only.rank
            (from, to) = rank == 1 ? (.novice, .advancedBeginner) : (DreyfusLevel.allCases[rank - 2], only)
        default:
            (from, to) = (.novice, .competent)
        }
    }
}
