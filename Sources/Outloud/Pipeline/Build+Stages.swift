import Foundation
import Synchronization

/// The stages of a build, each a function of the one before. `run` calls them in order for the
/// whole site; `update` calls the same ones for the notes and pages an edit touches.
extension Build {
    // MARK: 1. Load

    /// Reads the content folder: data files, then every note (through the note cache, when
    /// there is one), and `--base-url` over `site.yml`'s.
    static func load(_ options: BuildOptions, environment: [String: String]) async -> Staged<Content> {
        var loader = ContentLoader(contentPath: options.contentPath, includeDrafts: options.includeDrafts, files: options.fileIO)
        loader.useGit = options.useGit
        loader.environment = environment
        loader.search = options.search
        loader.cache = options.memory
        var content = await loader.load()
        var diagnostics = content.diagnostics
        if let baseURL = options.baseURL {
            switch baseURL.isEmpty ? .success("") : SiteAddress.check(baseURL) {
            case .success(let address): content.catalog.config.baseURL = address.isEmpty ? nil : address
            case .failure(let problem):
                // Given on the command line, a wrong address would be in every page: stop.
                diagnostics.append(.error("--base-url \(problem.reason): \"\(baseURL.debugEscaped)\""))
            }
        }
        return Staged(content, diagnostics)
    }

    // MARK: 2. Resolve

    /// URLs, skills, people, links and every index the pages are drawn from.
    static func resolve(_ content: Content, today: Day, cache: (any RelatedCache)?) async -> Staged<Site> {
        let site = await Site(content: content, today: today, cache: cache)
        return Staged(site, site.diagnostics)
    }

    // MARK: 3. Index

    /// The search index, from the notes as parsed.
    static func index(_ site: Site) async -> Staged<SearchIndex> {
        Staged(await SearchIndex.build(site: site))
    }

    // MARK: 4. Render

    /// What the render and write stages make, known before either starts: the theme, the
    /// pages planned, and the files copied as they are.
    struct Layout: Sendable {
        var renderer: SiteRenderer
        /// Every file the build writes, relative to the output folder.
        var paths: Set<String>
        /// Copied files by output path: content assets and the theme's assets on disk.
        var files: [String: String]
        /// The built-in theme's assets by output path.
        var builtInAssets: [String: [UInt8]]
        /// Where the copied files are read from.
        var reading: FileIO
        var baseURL: String? { renderer.site.catalog.config.baseURL }
    }

    /// Loads the theme and plans the pages; nil when the theme cannot be used.
    static func lay(_ site: Site, content: Content, search: SearchIndex, options: BuildOptions) -> Staged<Layout?> {
        let themeName = options.themeName ?? content.catalog.config.theme ?? "default"
        let theme: Theme
        switch Theme.load(name: themeName, themesPath: options.themesPath, files: options.fileIO) {
        case .success(let loaded): theme = loaded
        case .failure(let failure): return Staged(nil, failure.diagnostics)
        }
        var renderer = SiteRenderer(site: site, theme: theme)
        renderer.cache = options.memory
        var diagnostics = renderer.planDiagnostics
        // Feeds and the sitemap hold absolute URLs, so they need `base_url`.
        let baseURL = site.catalog.config.baseURL
        if baseURL == nil {
            diagnostics.append(.warning("feeds and sitemap are skipped: set `base_url` in site.yml (or pass --base-url)",
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
        diagnostics += outputClashes(assets: content.assets, generated: generated,
                                     themeAssets: theme.assets.map { "theme/" + $0.key }, contentPath: options.contentPath)
        let paths = Set(generated).union(files.keys).union(builtInAssets.keys)
        return Staged(Layout(renderer: renderer, paths: paths, files: files, builtInAssets: builtInAssets, reading: options.fileIO), diagnostics)
    }

    /// The staging folder laid out for `layout`, when the build may write; else the claim is
    /// given back.
    static func stage(_ claiming: Task<Result<OutputFolder.Claim, OutputFolder.Failure>, Never>?, layout: Layout,
                      writes: Bool, outputPath: String) async -> Staged<OutputFolder.Staging?> {
        guard let claiming else { return Staged(nil) }
        switch await claiming.value {
        case .success(let claim) where writes:
            do {
                return Staged(try claim.lay(paths: layout.paths))
            } catch {
                return Staged(nil, [.error(error.message, at: SourceLocation(path: outputPath))])
            }
        case .success(let claim):
            claim.release()
            return Staged(nil)
        case .failure(let failure):
            return Staged(nil, [.error(failure.message, at: SourceLocation(path: outputPath))])
        }
    }

    /// Every page, then the feeds and the sitemap, each written to `sink` as it is made.
    static func render(_ layout: Layout, into sink: (any PageSink)?) async -> Staged<SiteRenderer.Rendered> {
        let renderer = layout.renderer
        var rendered = await renderer.render(writingTo: sink)
        if let baseURL = layout.baseURL {
            let clock = ContinuousClock(), start = clock.now
            var feedsAndSitemap = await renderer.renderFeeds(baseURL: baseURL)
            feedsAndSitemap.append(Sitemap.page(for: rendered.pages, site: renderer.site, baseURL: baseURL))
            rendered.times.add("feeds and sitemap", count: feedsAndSitemap.count, seconds: (clock.now - start).seconds)
            rendered.diagnostics += write(feedsAndSitemap, to: sink)
            rendered.feedCount = feedsAndSitemap.count
        }
        return Staged(rendered, rendered.diagnostics)
    }

    // MARK: 5. Write

    /// Writes `pages` to `sink`; a page that cannot be written is an error at its path.
    static func write(_ pages: [Page], to sink: (any PageSink)?) -> [Diagnostic] {
        guard let sink else { return [] }
        var diagnostics: [Diagnostic] = []
        for page in pages {
            do throws(OutputFolder.Failure) {
                try sink.write(page)
            } catch {
                diagnostics.append(.error(error.message, at: SourceLocation(path: sink.path)))
            }
        }
        return diagnostics
    }

    /// What the write stage wrote: the count of files, and each search file's hash, so that
    /// `update` rewrites only those that change.
    struct Written: Sendable {
        var files: Int
        var searchHashes: [String: UInt64]
    }

    /// The search index, the copied files and the built-in assets, then the swap; nil (with
    /// an error) when any of it cannot be written, and the previous site stays.
    static func write(_ search: SearchIndex, layout: Layout, rendered: SiteRenderer.Rendered,
                      to staging: OutputFolder.Staging, hashing: Bool) async -> Staged<Written?> {
        do throws(OutputFolder.Failure) {
            let hashes = try await writeSearch(search, to: staging, over: nil, hashing: hashing)
            try await staging.copy(layout.files, from: layout.reading)
            for (path, bytes) in layout.builtInAssets.sorted(by: { $0.key < $1.key }) { try staging.write(bytes, to: path) }
            try staging.finish()
            let count = rendered.pageCount + rendered.feedCount + search.paths.count + layout.files.count + layout.builtInAssets.count
            return Staged(Written(files: count, searchHashes: hashes))
        } catch {
            staging.abandon()
            return Staged(nil, [.error(error.message, at: SourceLocation(path: staging.path))])
        }
    }

    /// Writes the files of `search` whose bytes differ from `previous` (path → hash; nil
    /// writes them all) and, with `previous`, deletes those it no longer has; returns the
    /// hashes of what is there now when `hashing` (or `previous`) asks for them.
    static func writeSearch(_ search: SearchIndex, to sink: any PageSink, over previous: [String: UInt64]?,
                            hashing: Bool = true) async throws(OutputFolder.Failure) -> [String: UInt64] {
        let hashes = Mutex<[String: UInt64]>([:])
        let hashing = hashing || previous != nil
        try await search.write { (path, bytes) throws(OutputFolder.Failure) in
            if hashing {
                let hash = ContentHash.of(bytes)
                hashes.withLock { $0[path] = hash }
                guard previous?[path] != hash else { return }
            }
            try sink.write(bytes, to: path)
        }
        let now = hashes.withLock { $0 }
        for path in (previous ?? [:]).keys where now[path] == nil { sink.remove(path) }
        return now
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
}
