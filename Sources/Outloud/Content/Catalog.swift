/// `site.yml`: the site's name and the switches that change a build.
public struct SiteConfig: Sendable, Hashable {
    public var title = "Learning"
    public var description = ""
    public var language = "en"
    /// With a trailing slash, or nil: feeds and the sitemap need it.
    public var baseURL: String?
    public var repoURL: String?
    /// Appended to `repoURL`, then the note's path: where the git host edits a file.
    public var editPath = "edit/main/content/"
    public var theme: String?
    public var unsafeHTML = false
    public var openAsksWeeks = 4
    public var pageSize = 50
    /// The search page and its index (`search: false` leaves them out).
    public var search = true
    /// `exclude:`: files and folders left out of the site.
    public var exclude = ExcludeRules()
    /// `kinds:`: folders mapped to kinds.
    public var kinds = KindRules()
    public var fields = YAMLValue(kind: .null, line: 1, column: 1)

    public init() {}
}

/// A level of the Dreyfus model of skill acquisition.
public enum DreyfusLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    case novice, advancedBeginner = "advanced-beginner", competent, proficient, expert

    public var label: String {
        switch self {
        case .novice: "Novice"
        case .advancedBeginner: "Advanced beginner"
        case .competent: "Competent"
        case .proficient: "Proficient"
        case .expert: "Expert"
        }
    }

    /// 1 (novice) … 5 (expert).
    public var rank: Int { Self.allCases.firstIndex(of: self)! + 1 }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// An entry of `skills.yml`.
public struct Skill: Sendable, Hashable {
    public var id: String
    public var name: String
    public var group: String
    public var description: String
    public var line: Int
}

/// An entry of `people.yml`.
public struct Person: Sendable, Hashable {
    public struct SkillLevel: Sendable, Hashable {
        public var skill: String
        public var level: DreyfusLevel
    }

    public struct Goal: Sendable, Hashable {
        public var skill: String
        public var level: DreyfusLevel?
        public var by: Day?
    }

    public var id: String
    public var name: String
    public var role: String
    public var email: String?
    public var skills: [SkillLevel]
    public var goals: [Goal]
    public var mentorFor: [String]
    public var line: Int
    /// Every skill id the entry names (under `skills`, `goals` and `mentor_for`), where it is
    /// written, with what names it: for checking them against skills.yml.
    public var skillMentions: [SkillMention] = []

    public struct SkillMention: Sendable, Hashable {
        public var field: String
        public var skill: Located<String>
    }
}

/// The site's data files: configuration, skill catalog and people.
public struct Catalog: Sendable, Hashable {
    public var config = SiteConfig()
    public var skills: [Skill] = [] {
        didSet { skillIndex = Self.index(skills.map(\.id)) }
    }
    public var people: [Person] = [] {
        didSet { personIndex = Self.index(people.map(\.id)) }
    }
    /// Position by id, the first of equal ids (as a search from the front would find).
    private var skillIndex: [String: Int] = [:]
    private var personIndex: [String: Int] = [:]
    /// Where `people.yml` is, for diagnostics about people.
    public var peoplePath = "people.yml"

    public init() {}

    public func skill(_ id: String) -> Skill? { skillIndex[id].map { skills[$0] } }
    public func person(_ id: String) -> Person? { personIndex[id].map { people[$0] } }

    private static func index(_ ids: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, id) in ids.enumerated() where index[id] == nil { index[id] = position }
        return index
    }
}
