import Foundation

/// What a build under `outloud serve` leaves for `Build.update`: the site as resolved, the
/// renderer with its note cards and chrome, the dependency record (which pages show which
/// notes), the report, and where the site was written.
struct LastBuild: Sendable {
    var reading: Content.Reading
    /// Holds the resolved site, its plan and the rendered cards; kept without its cache, as
    /// the memory that keeps this record is that cache (a cycle would never be freed).
    var renderer: SiteRenderer {
        get { kept }
        set {
            kept = newValue
            kept.cache = nil
        }
    }
    private var kept: SiteRenderer
    /// The dependency record. By note index, the plan positions of the pages that show the
    /// note's card or link (lists, backlinks, related notes, asks) ...
    var pagesShowing: [Set<Int>]
    /// ... and by plan position, the notes a page shows.
    var notesShown: [Int: [Int]]
    /// By note index, the plan position of its own page; by source path, the note's index.
    var notePage: [Int: Int]
    var noteIndex: [String: Int]
    /// The whole build's report, diagnostics sorted; kept up to date by each update.
    var report: BuildReport
    var outputPath: String
    /// The content folder as an absolute path, as the file watcher names what changed in it.
    var contentRoot: String
    var baseURL: String?
    /// The search index's files and a hash of each one's bytes, as last written.
    var searchFiles: [String: UInt64]
    /// Pages and feeds rendered by an update that failed, so not written: the next update
    /// writes them. The search index is out of date in the same way.
    var unwrittenPages: Set<Int> = []
    var unwrittenFeeds: Set<Feed> = []

    init(reading: Content.Reading, rendered: SiteRenderer.Rendered, report: BuildReport, options: BuildOptions, searchFiles: [String: UInt64]) {
        self.reading = reading
        kept = rendered.renderer
        kept.cache = nil
        let site = rendered.renderer.site
        notesShown = rendered.notesShown
        pagesShowing = Array(repeating: [], count: site.notes.count)
        for (position, notes) in notesShown {
            for note in notes { pagesShowing[note].insert(position) }
        }
        notePage = [:]
        for (position, spec) in rendered.renderer.plan.pages.enumerated() {
            switch spec {
            case .note(let index): notePage[index] = position
            // A landing page's text is on its folder's first page, the top's on the home page.
            case .folder(let path, 1), .section(let path, 1): if let landing = site.folders.folders[path]?.landing { notePage[landing] = position }
            case .home: if let landing = site.folders.homeLanding { notePage[landing] = position }
            default: break
            }
        }
        noteIndex = Dictionary(site.notes.indices.map { (site.notes[$0].sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        self.report = report
        outputPath = options.outputPath
        contentRoot = URL(fileURLWithPath: options.contentPath).standardizedFileURL.path
        baseURL = site.catalog.config.baseURL
        self.searchFiles = searchFiles
    }
}
