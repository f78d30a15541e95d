import Foundation
import Synchronization

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
        var run = StageClock(report: last.report)
        run.report.stages = []
        run.report.templateTimes = TemplateTimes()
        (run.report.pagesWritten, run.report.filesWritten) = (0, 0)

        // 1. Load: only notes the last build published, read again the same way.
        guard let changes = await run.stage("load", { reload(paths, options: options, last: last, memory: memory) }) else {
            memory.remember(last: nil)
            return nil
        }
        run.report.changedNotes = changes.notes.count
        run.report.replaceDiagnostics(changes.before, with: [])

        // 2. Resolve: the changed notes' links, and the links into notes whose headings changed.
        var renderer = last.renderer
        renderer.cache = memory
        var site = renderer.site
        let linksBefore = site.links.outgoing, problemsBefore = site.links.problems
        for (index, note) in changes.notes { site.notes[index] = note }
        let relinked = await run.stage("resolve") { () -> Staged<Set<Int>> in
            Staged(site.links.update(changes.notes), changes.after)
        }
        run.report.replaceDiagnostics(relinked.flatMap { problemsBefore[$0] }, with: relinked.flatMap { site.links.problems[$0] })
        renderer.site = site
        renderer.models.site = site

        // 4. Render what depends on the changed notes, per the dependency record: the pages
        // of the notes linked before and now (their backlinks), and where a changed card shows.
        var positions = last.unwrittenPages
        for index in relinked {
            let targets = LinkGraph.targets(linksBefore[index], of: index).union(LinkGraph.targets(site.links.outgoing[index], of: index))
            for note in [index] + targets { if let position = last.notePage[note] { positions.insert(position) } }
        }
        var renderDiagnostics: [Diagnostic] = []
        for (index, note) in changes.notes {
            let card = ViewModels.card(note, catalog: site.catalog)
            guard card != renderer.models.cards[index] else { continue }
            renderer.models.cards[index] = card
            switch renderer.renderPerNote(index, SiteRenderer.perNotePartials, theme: renderer.theme) {
            case .success(let pieces):
                // Both partials, in the order `perNotePartials` names them.
                (renderer.models.cardHTML[index], renderer.models.linkHTML[index]) = (pieces[0], pieces[1])
            case .failure(let failure):
                renderDiagnostics.append(renderer.theme.renderFailure(failure.message, rendering: failure.partial))
            }
            positions.formUnion(last.pagesShowing[index])
        }
        let rendered = await renderer.renderPages(positions.sorted(), writingTo: nil)
        for (position, notes) in rendered.shown {
            for note in last.notesShown[position] ?? [] { last.pagesShowing[note].remove(position) }
            for note in notes { last.pagesShowing[note].insert(position) }
            last.notesShown[position] = notes
        }
        var pages = rendered.pages
        renderDiagnostics += rendered.diagnostics
        var feeds = last.unwrittenFeeds
        if let baseURL = last.baseURL {
            feeds.formUnion(renderer.feeds.filter { feed in renderer.feedNotes(feed).contains(where: relinked.contains) })
            if !feeds.isEmpty { pages += await renderer.renderFeeds(baseURL: baseURL, only: feeds) }
        }
        run.end("render", adding: renderDiagnostics)

        // 5. Write the pages over the served site, each at once; a failed update writes nothing.
        last.renderer = renderer
        guard run.report.succeeded else {
            last.unwrittenPages = positions
            last.unwrittenFeeds = feeds
            let report = run.finish()
            // The diagnostics of rendering belong to this update only.
            last.report = report
            last.report.replaceDiagnostics(renderDiagnostics, with: [])
            memory.remember(last: last)
            await announce(report)
            return report
        }
        let served = PublishedFolder(path: last.outputPath)
        let failures = write(pages, to: served)
        guard failures.isEmpty else {
            // The site on disk is no longer what the record says: the next change builds it whole.
            run.report.replaceDiagnostics([], with: failures)
            let report = run.finish()
            await announce(report)
            return report
        }
        (last.unwrittenPages, last.unwrittenFeeds) = ([], [])
        run.report.pagesWritten = pages.count
        run.report.filesWritten = pages.count
        run.end("write")
        var report = run.finish()
        await announce(report)

        // 3. Index: the search index, whose scores every note's length is part of; after the
        // pages, which the browser is waiting for.
        if site.catalog.config.search {
            let search = await run.stage("index") { await index(site) }
            do throws(OutputFolder.Failure) {
                last.searchFiles = try await writeSearch(search, to: served, over: last.searchFiles)
            } catch {
                run.report.replaceDiagnostics([], with: [.error(error.message, at: SourceLocation(path: last.outputPath))])
                return run.finish()
            }
            run.end("write index")
            report = run.finish()
        }
        last.report = report
        memory.remember(last: last)
        return report
    }

    /// What an edit changed: each note read again, and its reading diagnostics before and after.
    struct Reread: Sendable {
        var notes: [(index: Int, note: Note)]
        var before: [Diagnostic]
        var after: [Diagnostic]
    }

    /// The edited notes read again as the load stage reads them; nil when the edit changes
    /// more than their own text (see `NoteStanding`), or a note cannot be read.
    static func reload(_ paths: Set<String>, options: BuildOptions, last: LastBuild, memory: BuildMemory) -> Staged<Reread?> {
        let site = last.renderer.site
        var changes = Reread(notes: [], before: [], after: [])
        let prefix = last.contentRoot + "/"
        for path in paths.sorted() {
            guard path.hasPrefix(prefix), let index = last.noteIndex[String(path.dropFirst(prefix.count))] else { return Staged(nil) }
            let old = site.notes[index]
            guard let modified = options.fileIO.modified(FileIO.join(options.contentPath, old.sourcePath)),
                  let before = memory.lastRead(at: old.sourcePath)
            else { return Staged(nil) }
            let read = last.reading.reader.read(ContentFile(relativePath: old.sourcePath, modified: modified), cache: memory)
            guard var note = read.note else { return Staged(nil) }
            _ = last.reading.fallbacks.apply(to: &note, modified: modified)
            guard NoteStanding(note) == NoteStanding(old) else { return Staged(nil) }
            // Embeds show other notes' bodies: a note that embeds or is embedded is built whole.
            if old.body.links.contains(where: \.isEmbed) || note.body.links.contains(where: \.isEmbed) { return Staged(nil) }
            let embedders = site.links.incoming[index].map(\.source).filter { source in
                zip(site.notes[source].body.links, site.links.outgoing[source]).contains { $0.isEmbed && $1.destination == .note(index) }
            }
            guard embedders.isEmpty else { return Staged(nil) }
            // A pathway shows its steps' summaries and times, and adds them up: built whole.
            guard site.pathways.places[index] == nil, old.kind != .pathway else { return Staged(nil) }
            changes.before += before.diagnostics
            changes.after += read.diagnostics
            changes.notes.append((index, note))
        }
        return Staged(changes)
    }
}
