/// `site.yml`: the site's name and the switches that change a build.
struct SiteConfig: Sendable, Hashable {
    var title = "Learning"
    var description = ""
    var language = "en"
    /// With a trailing slash, or nil: feeds and the sitemap need it.
    var baseURL: String?
    var repoURL: String?
    /// Appended to `repoURL`, then the note's path: where the git host edits a file.
    var editPath = "edit/main/content/"
    var theme: String?
    var unsafeHTML = false
    var openAsksWeeks = 4
    var pageSize = 50
    /// The search page and its index (`search: false` leaves them out).
    var search = true
    /// `exclude:`: files and folders left out of the site.
    var exclude = ExcludeRules()
    /// `kinds:`: folders mapped to kinds.
    var kinds = KindRules()
    var fields = YAMLValue(kind: .null, line: 1, column: 1)

    init() {}
}

/// A level of the Dreyfus model of skill acquisition.
enum DreyfusLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    case novice, advancedBeginner = "advanced-beginner", competent, proficient, expert

    var label: String {
        switch self {
        case .novice: "Novice"
        case .advancedBeginner: "Advanced beginner"
        case .competent: "Competent"
        case .proficient: "Proficient"
        case .expert: "Expert"
        }
    }

    /// 1 (novice) … 5 (expert).
    var rank: Int { Self.allCases.firstIndex(of: self)! + 1 }

    static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// An entry of `skills.yml`.
struct Skill: Sendable, Hashable {
    var id: String
    var name: String
    var group: String
    var description: String
    var line: Int
}

/// An entry of `people.yml`.
struct Person: Sendable, Hashable {
    struct SkillLevel: Sendable, Hashable {
        var skill: String
        var level: DreyfusLevel
    }

    struct Goal: Sendable, Hashable {
        var skill: String
        var level: DreyfusLevel?
        var by: Day?
    }

    var id: String
    var name: String
    var role: String
    var email: String?
    var skills: [SkillLevel]
    var goals: [Goal]
    var mentorFor: [String]
    /// `pathways:`: the ids of the pathways the person follows, where each is written.
    var pathways: [Located<String>] = []
    var line: Int
    /// Every skill id the entry names (under `skills`, `goals` and `mentor_for`), where it is
    /// written, with what names it: for checking them against skills.yml.
    var skillMentions: [SkillMention] = []

    struct SkillMention: Sendable, Hashable {
        var field: String
        var skill: Located<String>
    }
}

/// The site's data files: configuration, skill catalog and people.
struct Catalog: Sendable, Hashable {
    var config = SiteConfig()
    var skills: [Skill] = [] {
        didSet { skillIndex = Self.index(skills.map(\.id)) }
    }
    var people: [Person] = [] {
        didSet { personIndex = Self.index(people.map(\.id)) }
    }
    /// Position by id, the first of equal ids (as a search from the front would find).
    private var skillIndex: [String: Int] = [:]
    private var personIndex: [String: Int] = [:]
    /// Where `people.yml` is, for diagnostics about people.
    var peoplePath = "people.yml"

    init() {}

    func skill(_ id: String) -> Skill? { skillIndex[id].map { skills[$0] } }
    func person(_ id: String) -> Person? { personIndex[id].map { people[$0] } }

    private static func index(_ ids: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, id) in ids.enumerated() where index[id] == nil { index[id] = position }
        return index
    }
}
