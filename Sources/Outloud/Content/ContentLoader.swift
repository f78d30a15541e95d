import Foundation

/// Everything read from the content folder: the first stage's output.
struct Content: Sendable {
    var catalog: Catalog
    /// Published notes (drafts only with `includeDrafts`), in path order.
    var notes: [Note]
    /// Drafts left out of this build, so links to them can be reported as such.
    var drafts: [Note]
    /// Files copied as they are: `assets/…` and any other non-Markdown file, by relative path.
    var assets: [String]
    var diagnostics: [Diagnostic]
    /// How long git took to run and its output to be read (alongside reading the notes);
    /// nil without git.
    var gitSeconds: Double?
    /// How the notes were read, to read one again the same way (`outloud serve`).
    var reading: Reading?

    struct Reading: Sendable {
        var reader: NoteReader
        var fallbacks: NoteFallbacks
    }
}

/// Reads the content folder: data files first, then every note in parallel.
struct ContentLoader: Sendable {
    var contentPath: String
    var includeDrafts: Bool
    var files: FileIO
    /// Notes per task; enough to amortise scheduling, small enough to balance cores.
    var batchSize = 64
    /// Notes read by an earlier build of this process (`outloud serve`), reused when unchanged.
    var cache: (any NoteCache)?
    /// Overrides `site.yml`'s `search` (`--no-search`); without search, the bodies' plain
    /// text is not kept.
    var search: Bool?
    /// Take missing dates and authors from git history (one `git log` for the folder).
    var useGit = true
    /// Where `git` is looked up (`PATH`) and the environment it runs in.
    var environment = ProcessInfo.processInfo.environment

    init(contentPath: String, includeDrafts: Bool = false, files: FileIO = .disk) {
        self.contentPath = contentPath
        self.includeDrafts = includeDrafts
        self.files = files
    }

    /// The data files a content folder holds at its top: read, never published.
    static let dataFiles: Set<String> = ["site.yml", "skills.yml", "people.yml"]
    /// Top-level files for the people who write the content, not for the site.
    static let ignoredTopLevelFiles: Set<String> = ["README.md"]

    func load() async -> Content {
        var diagnostics: [Diagnostic] = []
        guard files.isDirectory(contentPath) else {
            diagnostics.append(.error("content folder not found (use --content to name another)", at: SourceLocation(path: contentPath)))
            return Content(catalog: Catalog(), notes: [], drafts: [], assets: [], diagnostics: diagnostics)
        }
        var catalog = Catalog.load(from: files, contentPath: contentPath, diagnostics: &diagnostics)
        if let search { catalog.config.search = search }
        // git works in its own process while the notes are read and rendered.
        async let history = readHistory()
        var listing = files.listFiles(contentPath)
        diagnostics += listing.problems
        let exclude = catalog.config.exclude
        listing.files.removeAll { exclude.excludes($0.relativePath) }

        var markdownFiles: [ContentFile] = []
        var assets: [String] = []
        for file in listing.files {
            let isTopLevel = !file.relativePath.contains("/")
            if isTopLevel && (Self.dataFiles.contains(file.relativePath) || Self.ignoredTopLevelFiles.contains(file.relativePath)) {
                continue
            }
            if ContentPath.markdownStem(file.relativePath) != nil {
                markdownFiles.append(file)
            } else if !isTopLevel {
                assets.append(file.relativePath)
            }
        }

        var folders = Set<String>()
        for file in listing.files {
            var path = Substring(file.relativePath)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard folders.insert(String(path)).inserted else { break }
            }
        }
        let landings = LandingPages.find(in: markdownFiles.map(\.relativePath), kinds: catalog.config.kinds, contentPath: contentPath)
        diagnostics += landings.diagnostics
        var markdownOptions = MarkdownOptions(unsafeHTML: catalog.config.unsafeHTML, keepText: catalog.config.search)
        markdownOptions.skillIDs = Set(catalog.skills.map(\.id))
        let fileSet = Set(listing.files.map { $0.relativePath.precomposed })
        let reader = NoteReader(contentPath: contentPath, fileIO: files, markdown: markdownOptions,
                                files: fileSet, folders: folders, filesByName: LinkBase.byName(fileSet),
                                kinds: catalog.config.kinds, exclude: exclude, landings: landings.files)
        let markdown = markdownFiles, cache = self.cache
        cache?.beginReading(NoteReadingContext(contentPath: contentPath, unsafeHTML: reader.markdown.unsafeHTML, keepText: reader.markdown.keepText,
                                   skillIDs: reader.markdown.skillIDs, files: reader.files, folders: reader.folders,
                                   kinds: reader.kinds, exclude: exclude))
        let batches = await Parallel.batches(count: markdown.count, batchSize: batchSize) { batch in
            var notes: [Note] = []
            var diagnostics: [Diagnostic] = []
            for file in markdown[batch] {
                let result = reader.read(file, cache: cache)
                diagnostics += result.diagnostics
                if let note = result.note { notes.append(note) }
            }
            return (notes, diagnostics)
        }
        let read = batches.flatMap(\.0)
        diagnostics += batches.flatMap(\.1)
        var notes = read.indices.sorted { read[$0].sourcePath < read[$1].sourcePath }.map { read[$0] }
        let (gitHistory, gitSeconds) = await history
        let fallbacks = NoteFallbacks(history: gitHistory, people: catalog.people)
        let modified = Dictionary(markdownFiles.map { ($0.relativePath, $0.modified) }, uniquingKeysWith: { a, _ in a })
        var sources: [NoteFallbacks.DateSource] = []
        for index in notes.indices {
            let source = fallbacks.apply(to: &notes[index], modified: modified[notes[index].sourcePath] ?? Date(timeIntervalSince1970: 0))
            if includeDrafts || !notes[index].draft { sources.append(source) }
        }
        diagnostics += fallbacks.diagnostics(for: sources, contentPath: contentPath)
        let drafts = includeDrafts ? [] : notes.filter(\.draft)
        if !includeDrafts { notes.removeAll { $0.draft } }
        return Content(catalog: catalog, notes: notes, drafts: drafts, assets: assets, diagnostics: diagnostics,
                       gitSeconds: gitSeconds, reading: cache == nil ? nil : Content.Reading(reader: reader, fallbacks: fallbacks))
    }

    /// The folder's git history and how long git took; nil without git.
    private func readHistory() async -> (Result<GitHistory, GitHistory.Unavailable>?, Double?) {
        guard useGit else { return (nil, nil) }
        let clock = ContinuousClock()
        let start = clock.now
        let history = await GitHistory.load(contentPath: contentPath, environment: environment)
        // The wall time would include waiting for a thread busy reading notes.
        if case .success(let loaded) = history { return (history, loaded.seconds) }
        return (history, (clock.now - start).seconds)
    }
}
