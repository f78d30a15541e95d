import Foundation
import Synchronization

/// What a build under `outloud serve` leaves for `Build.update`: the site as resolved, the
/// renderer with its note cards and chrome, the dependency record (which pages show which
/// notes), the report, and where the site was written.
struct LastBuild: Sendable {
    var reading: Content.Reading
    /// Holds the resolved site, its plan and the rendered cards.
    var renderer: SiteRenderer
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
        renderer = rendered.renderer
        let site = renderer.site
        notesShown = rendered.notesShown
        pagesShowing = Array(repeating: [], count: site.notes.count)
        for (position, notes) in notesShown {
            for note in notes { pagesShowing[note].insert(position) }
        }
        notePage = [:]
        for (position, spec) in renderer.plan.pages.enumerated() {
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

extension Note {
    /// Everything of the note that pages other than its own and the site's indexes are made
    /// from, but what `Build.update` follows itself: the card's summary and reading time, the
    /// headings other notes' anchors are checked against, and the body. Two notes with equal
    /// outward views sort, list, relate and resolve alike.
    var outward: Note {
        var note = self
        note.summary = ""
        note.body = RenderedMarkdown(html: "", title: body.title, headings: [], firstParagraph: "", wordCount: 0)
        return note
    }
}

extension BuildReport {
    /// Removes one of each of `old` (as many as it holds) and adds `new`, sorted for the report.
    mutating func replaceDiagnostics(_ old: [Diagnostic], with new: [Diagnostic]) {
        for diagnostic in old {
            if let position = diagnostics.firstIndex(of: diagnostic) { diagnostics.remove(at: position) }
        }
        diagnostics = (diagnostics + new).sortedForReport()
    }
}

extension Build {
    /// Brings the site the last build under `memory` wrote up to date with edits to the bodies
    /// of notes it published, rendering only what depends on them: each note's page and card,
    /// the pages of the notes it linked to before and links to now (their backlinks), the
    /// notes whose anchors into it may have changed, the pages that show its card when the
    /// card changed (lists, skill, person, kind and home pages, backlinks and related notes),
    /// and the feeds it is in. `announce` hears the report once those pages are written (or
    /// the update failed); the search index follows, then the report is returned.
    ///
    /// Returns nil, having changed nothing, for anything else: a file added, deleted or
    /// renamed, a data file, asset or template, a draft, or an edit to what other pages list,
    /// sort, relate or resolve a note by (its front matter, its title). A whole build with
    /// the memory does those. Either way the site is the same bytes as a whole build's.
    public static func update(_ options: BuildOptions, changed paths: Set<String>,
                              announce: @Sendable (BuildReport) async -> Void) async -> BuildReport? {
        guard let memory = options.memory, var last = memory.takeLast() else { return nil }
        let clock = ContinuousClock(), start = clock.now
        var stageStart = start
        var stages: [(name: String, seconds: Double)] = []
        func endStage(_ name: String) {
            let now = clock.now
            stages.append((name, (now - stageStart).seconds))
            stageStart = now
        }

        // 1. Load: only notes the last build published, read again the same way.
        var renderer = last.renderer
        var site = renderer.site
        var changes: [(index: Int, note: Note)] = []
        var readBefore: [Diagnostic] = [], readAfter: [Diagnostic] = []
        let prefix = last.contentRoot + "/"
        for path in paths.sorted() {
            guard path.hasPrefix(prefix), let index = last.noteIndex[String(path.dropFirst(prefix.count))] else { return nil }
            let old = site.notes[index]
            let file = FileIO.join(options.contentPath, old.sourcePath)
            guard let modified = try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date,
                  let before = memory.lastRead(at: old.sourcePath)
            else { return nil }
            let read = last.reading.reader.read(ContentFile(relativePath: old.sourcePath, modified: modified), memory: memory)
            guard var note = read.note else { return nil }
            _ = last.reading.fallbacks.apply(to: &note, modified: modified)
            guard note.outward == old.outward else { return nil }
            // Embeds show other notes' bodies: a note that embeds or is embedded is built whole.
            if old.body.links.contains(where: \.isEmbed) || note.body.links.contains(where: \.isEmbed) { return nil }
            let embedders = site.links.incoming[index].map(\.source).filter { source in
                zip(site.notes[source].body.links, site.links.outgoing[source]).contains { $0.isEmbed && $1.destination == .note(index) }
            }
            guard embedders.isEmpty else { return nil }
            readBefore += before.diagnostics
            readAfter += read.diagnostics
            changes.append((index, note))
        }
        endStage("load")

        // 2. Resolve: the changed notes' links, and the links into notes whose headings changed.
        let linksBefore = site.links.outgoing, problemsBefore = site.links.problems
        for (index, note) in changes { site.notes[index] = note }
        let relinked = site.links.update(changes)
        var report = last.report
        report.stages = []
        report.templateTimes = TemplateTimes()
        report.changedNotes = changes.count
        report.replaceDiagnostics(readBefore + relinked.flatMap { problemsBefore[$0] },
                                  with: readAfter + relinked.flatMap { site.links.problems[$0] })
        endStage("resolve")

        // 3. Render what depends on the changed notes, per the dependency record.
        renderer.site = site
        renderer.models.site = site
        var positions = last.unwrittenPages
        for index in relinked {
            let targets = LinkGraph.targets(linksBefore[index], of: index).union(LinkGraph.targets(site.links.outgoing[index], of: index))
            for note in [index] + targets { if let position = last.notePage[note] { positions.insert(position) } }
        }
        var diagnostics: [Diagnostic] = []
        for (index, note) in changes {
            let card = ViewModels.card(note, catalog: site.catalog)
            guard card != renderer.models.cards[index] else { continue }
            renderer.models.cards[index] = card
            switch renderer.renderPerNote(index, SiteRenderer.perNotePartials, theme: renderer.theme) {
            case .success(let pieces):
                // Both partials, in the order `perNotePartials` names them.
                (renderer.models.cardHTML[index], renderer.models.linkHTML[index]) = (pieces[0], pieces[1])
            case .failure(let failure):
                diagnostics.append(renderer.theme.renderFailure(failure.message, rendering: failure.partial))
            }
            positions.formUnion(last.pagesShowing[index])
        }
        var pages: [Page] = []
        for position in positions.sorted() {
            let spec = renderer.plan.pages[position]
            do throws(Theme.RenderError) {
                let rendered = try renderer.renderPage(spec)
                pages.append(rendered.page)
                for note in last.notesShown[position] ?? [] { last.pagesShowing[note].remove(position) }
                for note in rendered.notesShown { last.pagesShowing[note].insert(position) }
                last.notesShown[position] = rendered.notesShown
            } catch {
                diagnostics.append(renderer.theme.renderFailure(error.message, rendering: spec.outputPath(in: site)))
            }
        }
        var feeds = last.unwrittenFeeds
        if let baseURL = last.baseURL {
            feeds.formUnion(renderer.feeds.filter { feed in renderer.feedNotes(feed).contains(where: relinked.contains) })
            if !feeds.isEmpty { pages += await renderer.renderFeeds(baseURL: baseURL, only: feeds) }
        }
        report.replaceDiagnostics([], with: diagnostics)
        endStage("render")

        // 4. Write the pages, over the served site, each at once; a failed update writes nothing.
        last.renderer = renderer
        guard report.succeeded else {
            last.unwrittenPages = positions
            last.unwrittenFeeds = feeds
            report.stages = stages
            report.pagesWritten = 0
            report.seconds = (clock.now - start).seconds
            // The diagnostics of rendering belong to this update only.
            last.report = report
            last.report.replaceDiagnostics(diagnostics, with: [])
            memory.remember(last: last)
            await announce(report)
            return report
        }
        do throws(OutputFolder.Failure) {
            for page in pages {
                try page.contents.withUTF8Bytes { (bytes) throws(OutputFolder.Failure) in
                    try FileWriter.replace(UnsafeRawBufferPointer(bytes), at: FileIO.join(last.outputPath, page.path))
                }
            }
        } catch {
            // The site on disk is no longer what the record says: the next change builds it whole.
            report.replaceDiagnostics([], with: [.error(error.message, at: SourceLocation(path: last.outputPath))])
            report.seconds = (clock.now - start).seconds
            await announce(report)
            return report
        }
        (last.unwrittenPages, last.unwrittenFeeds) = ([], [])
        report.pagesWritten = pages.count
        report.filesWritten = pages.count
        endStage("write")
        report.stages = stages
        report.seconds = (clock.now - start).seconds
        await announce(report)

        // 5. Index: the search index, whose scores every note's length is part of.
        if site.catalog.config.search {
            let search = await SearchIndex.build(site: site)
            endStage("index")
            let written = await writeSearch(search, over: last.searchFiles, in: last.outputPath)
            switch written {
            case .success(let files):
                last.searchFiles = files
            case .failure(let failure):
                report.replaceDiagnostics([], with: [.error(failure.message, at: SourceLocation(path: last.outputPath))])
                return report
            }
            endStage("write index")
            report.stages = stages
            report.seconds = (clock.now - start).seconds
        }
        last.report = report
        memory.remember(last: last)
        return report
    }

    /// Writes the files of `search` whose bytes differ from `previous` (path → hash) and
    /// deletes those it no longer has; returns what is there now.
    static func writeSearch(_ search: SearchIndex, over previous: [String: UInt64], in folder: String) async -> Result<[String: UInt64], OutputFolder.Failure> {
        let hashes = Mutex<[String: UInt64]>([:])
        do throws(OutputFolder.Failure) {
            try await search.write { (path, bytes) throws(OutputFolder.Failure) in
                let hash = ContentHash.of(bytes)
                hashes.withLock { $0[path] = hash }
                guard previous[path] != hash else { return }
                let result: Result<Void, OutputFolder.Failure> = bytes.withUnsafeBytes { raw in
                    do throws(OutputFolder.Failure) { return .success(try FileWriter.replace(raw, at: FileIO.join(folder, path))) } catch { return .failure(error) }
                }
                try result.get()
            }
        } catch {
            return .failure(error)
        }
        let now = hashes.withLock { $0 }
        for path in previous.keys where now[path] == nil { unlink(FileIO.join(folder, path)) }
        return .success(now)
    }
}
