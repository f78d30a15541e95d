import Foundation

/// Renders every planned page through the theme, in parallel across cores.
struct SiteRenderer: Sendable {
    var site: Site
    var theme: Theme
    var models: ViewModels
    let plan: SitePlan
    /// `site` in every template: the title, description, language and base URL.
    let siteValues: TemplateValue
    /// Each page's header and footer, by `ChromeKey`.
    var chrome: [ChromeKey: Chrome] = [:]

    struct Chrome: Sendable {
        var header: [String]
        var footer: [String]
        /// `nav` for these pages, for a base that includes the partials itself.
        var nav: TemplateValue
    }
    /// Pages per task.
    var batchSize = 32
    /// Pages and cards an earlier build rendered (`outloud serve`), reused for equal values.
    var cache: (any RenderCache)?

    /// What `render` made: the pages, and the renderer with the note cards and chrome it
    /// rendered along the way, for rendering single pages again (`outloud serve`).
    struct Rendered: Sendable {
        var pages: [Page]
        var diagnostics: [Diagnostic]
        var times: TemplateTimes
        var renderer: SiteRenderer
        /// By position in the plan, the notes whose card or link each page shows (the
        /// dependency record); empty unless there is a memory.
        var notesShown: [Int: [Int]]
        /// Feeds and sitemap rendered after the pages (`Build.render`).
        var feedCount = 0
        var pageCount: Int { pages.count }
    }

    init(site: Site, theme: Theme) {
        self.site = site
        self.theme = theme
        models = ViewModels(site: site)
        plan = SitePlan(site: site)
        siteValues = SiteInfo(config: site.catalog.config, hasSkills: site.hasSkills, hasPeople: site.hasPeople,
                              pathwaysURL: site.pathways.routes.first.map { ViewModels.sectionURL(site.notes[$0.note].section) }).templateValue
    }

    /// Problems found while planning the pages (two with one URL), before any is rendered.
    var planDiagnostics: [Diagnostic] { plan.diagnostics }

    /// The files `render` and `renderFeeds` will make, relative to the output folder.
    func plannedPaths(withFeeds: Bool) -> [String] {
        plan.pages.map { $0.outputPath(in: site) } + (withFeeds ? feeds.map(\.path) + [Sitemap.path] : [])
    }

    /// All pages in plan order, the diagnostics of planning and rendering, and the time spent
    /// on each template (summed over the cores). With `sink`, each page is also written
    /// there as soon as it is rendered, while the other core renders on.
    func render(writingTo sink: (any PageSink)? = nil) async -> Rendered {
        var ready = self
        cache?.beginRendering(theme: theme.sources)
        let clock = ContinuousClock(), start = clock.now
        let (perNote, cardDiagnostics) = await renderPerNote(Self.perNotePartials)
        if perNote.count == 2 { (ready.models.cardHTML, ready.models.linkHTML) = (perNote[0], perNote[1]) }
        let cardSeconds = (clock.now - start).seconds
        let (chrome, chromeDiagnostics) = renderChrome()
        ready.chrome = chrome
        var (pages, diagnostics, times, shown) = await ready.renderPages(Array(plan.pages.indices), writingTo: sink)
        cache?.forgetAllBut(pages: Set(plan.pages.map { $0.outputPath(in: site) }), cards: Set(site.notes.map(\.sourcePath)))
        times.add("partials/note-card and note-link", count: models.cards.count, seconds: cardSeconds)
        return Rendered(pages: pages, diagnostics: cardDiagnostics + chromeDiagnostics + diagnostics, times: times,
                        renderer: ready, notesShown: shown)
    }

    /// The partials every note is rendered through once, for lists to reuse.
    static let perNotePartials = ["partials/note-card", "partials/note-link"]

    /// Which header link is current, and whether the page is the home page: all that tells
    /// one page's header and footer from another's, but for `root`.
    struct ChromeKey: Hashable, Sendable {
        var currentURL: String?
        var isHome: Bool
    }

    func chromeKey(_ spec: PageSpec) -> ChromeKey {
        let current: String? = switch spec {
        case .section(let section, _): ViewModels.sectionURL(section)
        case .folder(let path, _): navigationURL(ofFolder: path)
        case .sections: "sections/"
        case .note(let index): navigationURL(ofFolder: site.notes[index].section)
        case .skills, .skill: "skills/"
        case .matrix: "matrix/"
        case .people, .person: "people/"
        case .search: "search/"
        default: nil
        }
        return ChromeKey(currentURL: current, isHome: spec == .home)
    }

    /// `partials/header` and `partials/footer` rendered once per `ChromeKey`, cut at `root`.
    /// The header's navigation alone was a fifth of the work of every page.
    private func renderChrome() -> ([ChromeKey: Chrome], [Diagnostic]) {
        var chrome: [ChromeKey: Chrome] = [:]
        for key in Set(plan.pages.map(chromeKey)) {
            let nav = navigation(currentURL: key.currentURL).templateValue
            let context: TemplateValue = [
                "root": .string(ViewModels.rootToken),
                "site": siteValues,
                "nav": nav,
                "page": ["isHome": .bool(key.isHome)],
                "generator": .string(generator),
            ]
            // Without the file's last newline: base writes `{{{header}}}` on a line of its own,
            // which keeps its newline, where a standalone `{{> partials/header}}` line did not.
            func render(_ partial: String) throws(Theme.RenderError) -> [String] {
                var html = try theme.render(partial, context)
                if html.hasSuffix("\n") { html.removeLast() }
                return HTML.pieces(of: html, cutAt: ViewModels.rootToken)
            }
            do throws(Theme.RenderError) {
                chrome[key] = Chrome(header: try render("partials/header"), footer: try render("partials/footer"), nav: nav)
            } catch {
                return ([:], [theme.renderFailure(error.message, rendering: "partials/header and partials/footer")])
            }
        }
        return (chrome, [])
    }

    /// Every note through each of `partials` (`partials/note-card`, `partials/note-link`),
    /// once, in parallel, cut at `root`: by partial, then by note.
    private func renderPerNote(_ partials: [String]) async -> ([[[String]]], [Diagnostic]) {
        let renderer = self
        let results = await Parallel.batches(count: models.cards.count, batchSize: 256, state: { theme.privateCopy() }) { theme, batch in
            var pieces = [[[String]]](repeating: [], count: partials.count)
            for index in batch {
                guard case .object = renderer.models.cards[index] else { continue }
                switch renderer.renderPerNote(index, partials, theme: theme) {
                case .success(let own): for number in partials.indices { pieces[number].append(own[number]) }
                case .failure(let failure): return Result<[[[String]]], RenderFailure>.failure(failure)
                }
            }
            return .success(pieces)
        }
        var pieces = [[[String]]](repeating: [], count: partials.count)
        for result in results {
            switch result {
            case .success(let batch):
                for number in partials.indices { pieces[number] += batch[number] }
            case .failure(let failure):
                return ([], [theme.renderFailure(failure.message, rendering: failure.partial)])
            }
        }
        return (pieces, [])
    }

    /// One note through each of `partials`, cut at `root`; taken from the memory when its
    /// values are unchanged.
    func renderPerNote(_ index: Int, _ partials: [String], theme: Theme) -> Result<[[String]], RenderFailure> {
        guard case .object(var fields) = models.cards[index] else { return .success([]) }
        fields["root"] = .string(ViewModels.rootToken)
        fields["site"] = siteValues
        let values = TemplateValue.object(fields)
        let path = site.notes[index].sourcePath
        if let known = cache?.card(of: path, values: values) { return .success(known) }
        var own: [[String]] = []
        for partial in partials {
            do throws(Theme.RenderError) {
                own.append(HTML.pieces(of: try theme.render(partial, values), cutAt: ViewModels.rootToken))
            } catch {
                return .failure(RenderFailure(partial: partial, message: error.message))
            }
        }
        cache?.remember(card: own, of: path, values: values)
        return .success(own)
    }

    struct RenderFailure: Error {
        var partial: String
        var message: String
    }

    /// The pages at `positions` of the plan, in parallel, each written to `sink` as soon as
    /// it is rendered; with a cache, by position, the notes each page shows (every page
    /// rendered has an entry, so a caller can tell which were).
    func renderPages(_ positions: [Int], writingTo sink: (any PageSink)?) async -> (pages: [Page], diagnostics: [Diagnostic], times: TemplateTimes, shown: [Int: [Int]]) {
        let specs = plan.pages
        // A private copy of the templates per task keeps the cores off each other's reference
        // counts; one batch (`serve`'s updates) runs alone and is spared parsing them again.
        let alone = positions.count <= batchSize
        let results = await Parallel.batches(count: positions.count, batchSize: batchSize, state: {
            var renderer = self
            if !alone { renderer.theme = theme.privateCopy() }
            return renderer
        }) { renderer, batch in
            var pages: [Page] = []
            var diagnostics: [Diagnostic] = []
            var times = TemplateTimes()
            var shown: [Int: [Int]] = [:]
            let clock = ContinuousClock()
            for position in positions[batch] {
                let spec = specs[position]
                let start = clock.now
                let page: Page
                do throws(Theme.RenderError) {
                    let rendered = try renderer.renderPage(spec)
                    page = rendered.page
                    times.add(rendered.template, count: 1, seconds: (clock.now - start).seconds)
                    if renderer.cache != nil { shown[position] = rendered.notesShown }
                } catch {
                    diagnostics.append(theme.renderFailure(error.message, rendering: spec.outputPath(in: site)))
                    continue
                }
                pages.append(page)
                do throws(OutputFolder.Failure) {
                    try sink?.write(page)
                } catch {
                    diagnostics.append(.error(error.message, at: SourceLocation(path: sink?.path ?? "")))
                }
            }
            return (pages, diagnostics, times, shown)
        }
        var times = TemplateTimes()
        var shown: [Int: [Int]] = [:]
        for result in results {
            times.merge(result.2)
            shown.merge(result.3) { first, _ in first }
        }
        return (results.flatMap(\.0), results.flatMap(\.1), times, shown)
    }

    /// A server shows `404.html` at whatever URL was missing, so its links start at the
    /// site's root path: `base_url`'s path (`/learning/`), else `/`.
    var notFoundRoot: String {
        // The path as written, still percent-encoded: decoded, `%22%3E` would close the attribute.
        guard let base = site.catalog.config.baseURL, let path = URLComponents(string: base)?.percentEncodedPath, !path.isEmpty else { return "/" }
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The page, the template it was rendered with, and, when there is a memory, the notes
    /// whose card or link it shows.
    func renderPage(_ spec: PageSpec) throws(Theme.RenderError) -> (page: Page, template: String, notesShown: [Int]) {
        let urlPath = spec.urlPath(in: site)
        let model = pageValues(spec)
        let feeds = feedValues(for: spec)
        let root = spec == .notFound ? notFoundRoot : relativeRoot(forURLPath: urlPath)
        let key = chromeKey(spec)
        let chrome = self.chrome[key]
        let context = PageContext(
            root: root,
            site: siteValues,
            nav: chrome?.nav ?? navigation(currentURL: key.currentURL).templateValue,
            page: PageInfo(
                title: model.title,
                isHome: spec == .home,
                canonical: site.catalog.config.baseURL.map { spec == .notFound ? $0 + "404.html" : $0 + (urlPath.isEmpty ? "" : urlPath + "/") },
                feeds: feeds.all,
                feed: feeds.own),
            generator: generator,
            header: chrome.map { $0.header.joined(separator: root) },
            footer: chrome.map { $0.footer.joined(separator: root) },
            own: model.templateValue)
        let template = model.template
        let path = spec.outputPath(in: site), whole = context.templateValue
        let shown = cache == nil ? [] : Array(Set(model.notesShown)).sorted()
        if let known = cache?.page(at: path, template: template, values: whole) { return (Page(path: path, contents: known), template, shown) }
        let contents = try theme.render(template, whole)
        cache?.remember(page: contents, at: path, template: template, values: whole)
        return (Page(path: path, contents: contents), template, shown)
    }

    var generator: String { "Outloud \(BuildInfo.version)" }
}

/// Render time per template, summed over the tasks that ran it (`--timings`).
public struct TemplateTimes: Sendable {
    private(set) var byTemplate: [String: (count: Int, seconds: Double)] = [:]

    mutating func add(_ template: String, count: Int, seconds: Double) {
        byTemplate[template, default: (0, 0)].count += count
        byTemplate[template, default: (0, 0)].seconds += seconds
    }

    mutating func merge(_ other: TemplateTimes) {
        for (template, entry) in other.byTemplate { add(template, count: entry.count, seconds: entry.seconds) }
    }

    /// `note 11000 × 0.21 ms = 2.31 s · skill 688 × 0.80 ms = 0.55 s · …`, dearest first.
    public var summary: String {
        byTemplate.sorted { $0.value.seconds != $1.value.seconds ? $0.value.seconds > $1.value.seconds : $0.key < $1.key }
            .map { template, entry in
                let each = entry.seconds / Double(max(entry.count, 1)) * 1000
                return "\(template) \(entry.count) × \(String(format: "%.2f", each)) ms = \(String(format: "%.2f", entry.seconds)) s"
            }
            .joined(separator: " · ")
    }
}
