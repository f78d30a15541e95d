import Foundation
import Synchronization

/// What a build reads, where it writes, and how strict it is.
public struct BuildOptions: Sendable {
    public var contentPath = "content"
    public var themesPath = "themes"
    /// The theme's name; nil means `site.yml`'s `theme`, else `default`.
    public var themeName: String?
    public var outputPath = "output"
    /// Write into the output folder itself instead of swapping a new one in (`--in-place`).
    public var outputInPlace = false
    /// Wait for another build writing the same output folder; false fails at once (`--no-wait`).
    public var waitForOutput = true
    /// Told once when the build waits for another one to finish writing the output folder.
    public var onWait: (@Sendable (String) -> Void)?
    /// Overrides `site.yml`'s `base_url`.
    public var baseURL: String?
    public var includeDrafts = false
    /// Warnings fail the build too.
    public var strict = false
    /// False for `check`: everything is validated and rendered, nothing is written.
    public var writeOutput = true
    /// The day open asks are counted back from; nil means `SOURCE_DATE_EPOCH` when it is
    /// set (reproducible builds), else the clock.
    public var today: Day?
    /// Take dates and authors that front matter leaves out from git history; false
    /// (`--no-git`) uses file modification times and no authors instead.
    public var useGit = true
    /// False (`--no-search`) leaves out the search page and index; nil means `site.yml`'s `search`.
    public var search: Bool?
    /// How the content folder is read: the disk, or a stand-in in tests.
    public var fileIO: FileIO = .disk
    /// What an earlier build in this process read and rendered, reused where nothing it was
    /// made from changed (`outloud serve`); nil builds everything.
    public var memory: BuildMemory?
    /// The environment the build reads: `PATH` to find `git`, `SOURCE_DATE_EPOCH`; nil means
    /// this process's.
    public var environment: [String: String]?

    public init() {}
}

extension BuildOptions {
    public static func defaultToday(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
            return Day(Date(timeIntervalSince1970: epoch))
        }
        return Day(Date())
    }
}

/// The outcome of a build: its diagnostics and the counts of its summary line.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var pagesWritten = 0
    public var filesWritten = 0
    public var notesByKind: [Kind: Int] = [:]
    public var seconds: Double = 0
    /// How long each stage took, in the order they ran (`outloud build --timings`).
    public var stages: [(name: String, seconds: Double)] = []
    /// How long git took; it runs alongside the load stage, inside it.
    public var gitSeconds: Double?
    /// Render time per template, summed over the cores.
    public var templateTimes = TemplateTimes()
    public var strict = false
    /// For `Build.update`: how many notes changed; nil for a whole build.
    public var changedNotes: Int?

    /// False when there is an error, or a warning under `--strict`: the exit code is 1.
    public var succeeded: Bool {
        diagnostics.errorCount == 0 && !(strict && diagnostics.warningCount > 0)
    }

    /// Whether the site may be written: no error that makes the output wrong, and under
    /// `--strict` no problem at all. An error confined to one note leaves that note out and
    /// the rest of the site is still written, so a first build always gives a site.
    public var writesOutput: Bool {
        strict ? succeeded : diagnostics.blockingErrorCount == 0
    }

    /// `load 0.41 s (git 0.12 s) · resolve 0.05 s · render 0.52 s · write 0.30 s`
    public var stageTimes: String {
        stages.map { stage in
            var text = "\(stage.name) \(String(format: "%.2f", stage.seconds)) s"
            if stage.name == "load", let gitSeconds { text += " (git \(String(format: "%.2f", gitSeconds)) s)" }
            return text
        }.joined(separator: " · ")
    }

    /// `Built 112 pages from 58 notes (9 books, 5 harvests, …) in 0.21 s: 0 warnings, 0 errors.`
    public var summary: String {
        let notes = notesByKind.values.reduce(0, +)
        let kinds = Kind.allCases.compactMap { kind in
            notesByKind[kind].map { "\($0) \($0 == 1 ? kind.rawValue : kind.pluralLabel.lowercased())" }
        }.joined(separator: ", ")
        let counts = "\(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s"), \(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s")"
        if let changedNotes {
            let changed = "\(changedNotes) changed note\(changedNotes == 1 ? "" : "s")"
            let verb = succeeded ? "Updated \(pagesWritten) page\(pagesWritten == 1 ? "" : "s") for" : "Failed:"
            return "\(verb) \(changed) in \(String(format: "%.3f", seconds)) s: \(counts)."
        }
        let verb = pagesWritten > 0 ? "Built \(pagesWritten) pages from" : (writesOutput ? "Checked" : "Failed:")
        return "\(verb) \(notes) notes\(kinds.isEmpty ? "" : " (\(kinds))") in \(String(format: "%.2f", seconds)) s: \(counts)."
    }
}

/// The whole pipeline, in the order it runs: load → resolve → index → render → write.
public enum Build {
    public static func run(_ options: BuildOptions) async -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        var report = BuildReport(strict: options.strict)
        var stageStart = start
        func endStage(_ name: String) {
            let now = clock.now
            report.stages.append((name, (now - stageStart).seconds))
            stageStart = now
        }

        // A build replaces what the last one left for `update`, if it gets that far.
        options.memory?.remember(last: nil)

        // 1. Load: data files and notes, read and rendered to HTML in parallel.
        var output = OutputFolder(path: options.outputPath)
        output.inPlace = options.outputInPlace
        output.waits = options.waitForOutput
        output.onWait = options.onWait
        if options.writeOutput, let refusal = output.check(contentPath: options.contentPath) {
            report.diagnostics.append(.error(refusal.message, at: SourceLocation(path: options.outputPath)))
            return finish(report, start: start, clock: clock)
        }
        // The staging folder is claimed now and walked while the notes are read.
        let claiming = options.writeOutput ? Task { Result { () throws(OutputFolder.Failure) in try output.claim() } } : nil
        /// Gives the staging folder back, for a build that stops before writing.
        func release() async {
            if let claiming, case .success(let claim) = await claiming.value { claim.release() }
        }
        let environment = options.environment ?? ProcessInfo.processInfo.environment
        var loader = ContentLoader(contentPath: options.contentPath, includeDrafts: options.includeDrafts, files: options.fileIO)
        loader.useGit = options.useGit
        loader.environment = environment
        loader.search = options.search
        loader.memory = options.memory
        var content = await loader.load()
        report.gitSeconds = content.gitSeconds
        if let baseURL = options.baseURL {
            switch baseURL.isEmpty ? .success("") : SiteAddress.check(baseURL) {
            case .success(let address): content.catalog.config.baseURL = address.isEmpty ? nil : address
            case .failure(let problem):
                // Given on the command line, a wrong address would be in every page: stop.
                report.diagnostics.append(.error("--base-url \(problem.reason): \"\(baseURL.debugEscaped)\""))
            }
        }
        report.diagnostics += content.diagnostics
        // Without a content folder there is nothing more to check or say.
        guard FileIO.disk.isDirectory(options.contentPath) else {
            await release()
            return finish(report, start: start, clock: clock)
        }
        for note in content.notes { report.notesByKind[note.kind, default: 0] += 1 }

        endStage("load")

        // 2. Resolve: URLs, skills, people, links, and the indexes every page is drawn from.
        let site = await Site(content: content, today: options.today ?? BuildOptions.defaultToday(environment: environment), memory: options.memory)
        endStage("resolve")
        report.diagnostics += site.diagnostics

        // 3. Index: the search index, from the notes as parsed.
        var search = SearchIndex()
        if site.catalog.config.search {
            search = await SearchIndex.build(site: site)
            endStage("index")
        }

        // 4. Render: every page through the theme, in parallel.
        let themeName = options.themeName ?? content.catalog.config.theme ?? "default"
        let theme: Theme
        switch Theme.load(name: themeName, themesPath: options.themesPath) {
        case .success(let loaded): theme = loaded
        case .failure(let failure):
            report.diagnostics += failure.diagnostics
            await release()
            return finish(report, start: start, clock: clock)
        }
        var renderer = SiteRenderer(site: site, theme: theme)
        renderer.memory = options.memory
        report.diagnostics += renderer.planDiagnostics
        // Feeds and the sitemap hold absolute URLs, so they need `base_url`.
        let baseURL = site.catalog.config.baseURL
        if baseURL == nil {
            report.diagnostics.append(.warning("feeds and sitemap are skipped: set `base_url` in site.yml (or pass --base-url)",
                                               at: SourceLocation(path: FileIO.join(options.contentPath, "site.yml"))))
        }
        let generated = renderer.plannedPaths(withFeeds: baseURL != nil) + search.paths
        var files: [String: String] = [:]
        for asset in content.assets { files[asset] = FileIO.join(options.contentPath, asset) }
        var builtInAssets: [String: [UInt8]] = [:]
        for (name, asset) in theme.assets {
            switch asset {
            case .file(let source): files["theme/" + name] = source
            case .builtIn(let bytes): builtInAssets["theme/" + name] = bytes
            }
        }
        report.diagnostics += outputClashes(assets: content.assets, generated: generated,
                                            themeAssets: theme.assets.map { "theme/" + $0.key }, contentPath: options.contentPath)

        // Pages go to the staging folder as they are rendered; only a build without errors
        // swaps it in for the output folder.
        var staging: OutputFolder.Staging?
        if let claiming {
            switch await claiming.value {
            case .success(let claim) where report.writesOutput:
                do {
                    staging = try claim.lay(paths: Set(generated).union(files.keys).union(builtInAssets.keys))
                } catch {
                    report.diagnostics.append(.error(error.message, at: SourceLocation(path: options.outputPath)))
                }
            case .success(let claim):
                claim.release()
            case .failure(let failure):
                report.diagnostics.append(.error(failure.message, at: SourceLocation(path: options.outputPath)))
            }
        }
        let rendered = await renderer.render(writingTo: staging)
        let pages = rendered.pages
        report.diagnostics += rendered.diagnostics
        report.templateTimes = rendered.times
        var feedCount = 0
        if let baseURL {
            let feedStart = clock.now
            var feedsAndSitemap = await renderer.renderFeeds(baseURL: baseURL)
            feedsAndSitemap.append(Sitemap.page(for: pages, site: site, baseURL: baseURL))
            report.templateTimes.add("feeds and sitemap", count: feedsAndSitemap.count, seconds: (clock.now - feedStart).seconds)
            for page in feedsAndSitemap {
                do throws(OutputFolder.Failure) {
                    try staging?.write(page)
                } catch {
                    report.diagnostics.append(.error(error.message, at: SourceLocation(path: options.outputPath)))
                }
            }
            feedCount = feedsAndSitemap.count
        }
        endStage("render")

        // 5. Write: the search index and the rest of the files, then the swap; only a build
        // without errors replaces the previous output.
        guard let staging else { return finish(report, start: start, clock: clock) }
        guard report.writesOutput else {
            staging.abandon()
            return finish(report, start: start, clock: clock)
        }
        // Under `serve`, each search file's hash, so that an update rewrites only those that change.
        let searchHashes = Mutex<[String: UInt64]>([:])
        let keepsHashes = options.memory != nil
        do throws(OutputFolder.Failure) {
            try await search.write { (path, bytes) throws(OutputFolder.Failure) in
                if keepsHashes { searchHashes.withLock { $0[path] = ContentHash.of(bytes) } }
                try staging.write(bytes, to: path)
            }
            try await staging.copy(files)
            for (path, bytes) in builtInAssets.sorted(by: { $0.key < $1.key }) { try staging.write(bytes, to: path) }
            try staging.finish()
            report.pagesWritten = pages.count
            report.filesWritten = pages.count + feedCount + search.paths.count + files.count + builtInAssets.count
        } catch {
            staging.abandon()
            report.diagnostics.append(.error(error.message, at: SourceLocation(path: options.outputPath)))
        }
        endStage("write")
        let finished = finish(report, start: start, clock: clock)
        if let memory = options.memory, let reading = content.reading, finished.succeeded {
            memory.remember(last: LastBuild(reading: reading, rendered: rendered, report: finished, options: options,
                                            searchFiles: searchHashes.withLock { $0 }))
        }
        return finished
    }

    /// A content file at the path of a generated page, feed or theme file: an error naming
    /// both, found before anything is written (compared without case, as a server might).
    static func outputClashes(assets: [String], generated: [String], themeAssets: [String], contentPath: String) -> [Diagnostic] {
        var owners: [String: String] = [:]
        for path in generated { owners[path.lowercased()] = "the generated \(path)" }
        for path in themeAssets { owners[path.lowercased()] = "the theme's \(path)" }
        return assets.sorted().compactMap { asset in
            guard let owner = owners[asset.lowercased()] else { return nil }
            return .error("this file would be written over \(owner); rename or move it", at: SourceLocation(path: FileIO.join(contentPath, asset)))
        }
    }

    private static func finish(_ report: BuildReport, start: ContinuousClock.Instant, clock: ContinuousClock) -> BuildReport {
        var report = report
        report.diagnostics = report.diagnostics.sortedForReport()
        report.seconds = (clock.now - start).seconds
        return report
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
