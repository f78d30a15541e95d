/// The resolved site: notes with their URLs, and the indexes every page is drawn from.
///
/// Built once from `Content`; after this stage nothing is read from disk and nothing is parsed.
struct Site: Sendable {
    var catalog: Catalog
    /// Every published note, newest first (ties by title, then path: deterministic).
    var notes: [Note]
    /// Note indexes (into `notes`) per kind, per first folder, per skill and per person, newest first.
    var byKind: [Kind: [Int]] = [:]
    var bySection: [String: [Int]] = [:]
    var bySkill: [String: [Int]] = [:]
    var byPerson: [String: [Int]] = [:]
    /// The folders with list pages, and which of them the header and the Sections page show.
    var folders = FolderTree()
    /// Links between notes, forward and backward.
    var links: LinkGraph
    /// Per note, up to five related notes, best first.
    var related: [[Int]] = []
    /// Book notes grouped by book, most recently read first.
    var bookGroups: [BookGroup] = []
    /// The pathways, their steps resolved, and where each note is a step.
    var pathways = Pathways()
    /// Asks for help from recent logs, newest first.
    var openAsks: [OpenAsk] = []
    var matrix: SkillsMatrix
    var activity: Activity
    /// The day the build treats as today, for the open-asks window.
    var today: Day
    var diagnostics: [Diagnostic] = []

    /// The team has a skill catalog: the skills pages (and, with people, the matrix) exist.
    var hasSkills: Bool { !catalog.skills.isEmpty }
    /// The team has a `people.yml`: the people pages (and, with skills, the matrix) exist.
    var hasPeople: Bool { !catalog.people.isEmpty }

    /// The top folders that get a list page (and a feed): the kinds' first, then by title.
    var sections: [String] { folders.kindSections + folders.topFolders }

    /// `memory`: an earlier build's related notes, reused when what they are computed from
    /// (every note's skills, authors and kind, in order) is unchanged.
    init(content: Content, today: Day, cache: (any RelatedCache)? = nil) async {
        catalog = content.catalog
        self.today = today
        // Sorted as positions, then copied once: sorting the notes themselves copied each one
        // at every merge step.
        let unsorted = content.notes
        notes = unsorted.indices.sorted { Self.newestFirst(unsorted[$0], unsorted[$1]) }.map { unsorted[$0] }
        let dates = PlausibleDates(today: today)
        diagnostics = SiteChecks.check(notes: notes, catalog: catalog) + dates.diagnostics(notes: notes)
        matrix = SkillsMatrix(catalog: catalog)
        activity = Activity(notes: notes, dates: dates)
        folders = FolderTree(notes: notes, kinds: catalog.config.kinds,
                             people: Dictionary(catalog.people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
        diagnostics += folders.diagnostics
        links = await LinkGraph.resolve(notes: notes, drafts: content.drafts, folders: folders.linkTargets)
        diagnostics += links.diagnostics
        diagnostics += EmbedChecks.diagnostics(notes: notes, graph: links)
        // Landing pages are their folders' text: listed nowhere as notes.
        for (index, note) in notes.enumerated() where note.landing == nil {
            byKind[note.kind, default: []].append(index)
            bySection[note.section, default: []].append(index)
            for tag in Set(note.tags) where catalog.skill(tag) != nil {
                bySkill[tag, default: []].append(index)
            }
            for author in Set(note.authors) where catalog.person(author) != nil {
                byPerson[author, default: []].append(index)
            }
        }
        pathways = Pathways(notes: notes, pathways: byKind[.pathway] ?? [], lookup: links.lookup, catalog: catalog)
        diagnostics += pathways.diagnostics
        let books = BookClub.groups(of: notes, indexes: byKind[.book] ?? [])
        bookGroups = books.groups
        diagnostics += books.diagnostics
        openAsks = OpenAsks.collect(notes: notes, logs: byKind[.log] ?? [], today: today, weeks: catalog.config.openAsksWeeks)
        let inputs = cache.map { _ in Related.Inputs(notes: notes, bySkill: bySkill, byPerson: byPerson) }
        if let inputs, let known = cache?.related(for: inputs) {
            related = known
        } else {
            related = await Related.compute(notes: notes, bySkill: bySkill, byPerson: byPerson)
            if let inputs { cache?.remember(related: related, for: inputs) }
        }
    }

    static func newestFirst(_ a: Note, _ b: Note) -> Bool {
        if a.date != b.date { return (a.date ?? Day(ordinal: 0)) > (b.date ?? Day(ordinal: 0)) }
        if a.title != b.title { return a.title < b.title }
        return a.sourcePath < b.sourcePath
    }

    func notes(_ indexes: [Int]?) -> [Note] { (indexes ?? []).map { notes[$0] } }

    /// The notes a skill's pages list, newest first: all with the skill but its resources,
    /// which the first page shows by level, and its pathways, which it shows with their learners.
    func skillListing(_ id: String) -> [Int] {
        (bySkill[id] ?? []).filter { notes[$0].kind != .resource && notes[$0].kind != .pathway }
    }
}
