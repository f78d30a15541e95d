import Foundation

/// Renders every planned page through the theme, in parallel across cores.
public struct SiteRenderer: Sendable {
    let site: Site
    var theme: Theme
    var models: ViewModels
    let plan: SitePlan
    /// Pages per task.
    var batchSize = 32

    init(site: Site, theme: Theme) {
        self.site = site
        self.theme = theme
        models = ViewModels(site: site)
        plan = SitePlan(site: site)
    }

    /// Problems found while planning the pages (two with one URL), before any is rendered.
    var planDiagnostics: [Diagnostic] { plan.diagnostics }

    /// The files `render` and `renderFeeds` will make, relative to the output folder.
    func plannedPaths(withFeeds: Bool) -> [String] {
        plan.pages.map { $0.outputPath(in: site) } + (withFeeds ? feeds.map(\.path) + [Sitemap.path] : [])
    }

    /// All pages in plan order, the diagnostics of planning and rendering, and the time spent
    /// on each template (summed over the cores). With `staging`, each page is also written
    /// there as soon as it is rendered, while the other core renders on.
    func render(writingTo staging: OutputFolder.Staging? = nil) async -> (pages: [Page], diagnostics: [Diagnostic], times: TemplateTimes) {
        var ready = self
        let clock = ContinuousClock(), start = clock.now
        let (cardHTML, cardDiagnostics) = await renderCards()
        ready.models.cardHTML = cardHTML
        let cardSeconds = (clock.now - start).seconds
        var (pages, diagnostics, times) = await ready.renderPages(writingTo: staging)
        times.add("partials/note-card", count: cardHTML.count, seconds: cardSeconds)
        return (pages, cardDiagnostics + diagnostics, times)
    }

    /// Every note's card through `partials/note-card`, once, in parallel, cut at `root`.
    private func renderCards() async -> ([[String]], [Diagnostic]) {
        let results = await Parallel.batches(count: models.cards.count, batchSize: 256, state: { theme.privateCopy() }) { theme, batch in
            var pieces: [[String]] = []
            for index in batch {
                guard case .object(var fields) = models.cards[index] else { continue }
                fields["root"] = .string(ViewModels.rootToken)
                fields["site"] = siteValues
                do throws(Theme.RenderError) {
                    pieces.append(HTML.pieces(of: try theme.render("partials/note-card", .object(fields)), cutAt: ViewModels.rootToken))
                } catch {
                    return Result<[[String]], Theme.RenderError>.failure(error)
                }
            }
            return .success(pieces)
        }
        var pieces: [[String]] = []
        for result in results {
            switch result {
            case .success(let batch): pieces += batch
            case .failure(let error):
                return ([], [.error("\(error.message) (rendering partials/note-card)", at: SourceLocation(path: FileIO.join("themes", theme.name)))])
            }
        }
        return (pieces, [])
    }

    private func renderPages(writingTo staging: OutputFolder.Staging?) async -> (pages: [Page], diagnostics: [Diagnostic], times: TemplateTimes) {
        let specs = plan.pages
        let results = await Parallel.batches(count: specs.count, batchSize: batchSize, state: {
            var renderer = self
            renderer.theme = theme.privateCopy()
            return renderer
        }) { renderer, batch in
            var pages: [Page] = []
            var diagnostics: [Diagnostic] = []
            var times = TemplateTimes()
            let clock = ContinuousClock()
            for spec in specs[batch] {
                let start = clock.now
                let page: Page
                do throws(Theme.RenderError) {
                    let template: String
                    (page, template) = try renderer.renderPage(spec)
                    times.add(template, count: 1, seconds: (clock.now - start).seconds)
                } catch {
                    diagnostics.append(.error("\(error.message) (rendering \(spec.outputPath(in: site)))",
                                              at: SourceLocation(path: FileIO.join("themes", theme.name))))
                    continue
                }
                pages.append(page)
                do throws(OutputFolder.Failure) {
                    try staging?.write(page)
                } catch {
                    diagnostics.append(.error(error.message))
                }
            }
            return (pages, diagnostics, times)
        }
        var times = TemplateTimes()
        for result in results { times.merge(result.2) }
        return (results.flatMap(\.0), results.flatMap(\.1), times)
    }

    /// A server shows `404.html` at whatever URL was missing, so its links start at the
    /// site's root path: `base_url`'s path (`/learning/`), else `/`.
    var notFoundRoot: String {
        guard let base = site.catalog.config.baseURL, let path = URLComponents(string: base)?.path, !path.isEmpty else { return "/" }
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The page and the template it was rendered with.
    func renderPage(_ spec: PageSpec) throws(Theme.RenderError) -> (Page, String) {
        let urlPath = spec.urlPath(in: site)
        let (template, title, values) = pageValues(spec)
        let feeds = feedValues(for: spec)
        var context: [String: TemplateValue] = [
            "root": .string(spec == .notFound ? notFoundRoot : relativeRoot(forURLPath: urlPath)),
            "site": siteValues,
            "nav": navigation(current: spec),
            "page": [
                "title": .string(title),
                "isHome": .bool(spec == .home),
                "canonical": TemplateValue(site.catalog.config.baseURL.map { spec == .notFound ? $0 + "404.html" : $0 + (urlPath.isEmpty ? "" : urlPath + "/") }),
                "feeds": feeds.all,
                "feed": feeds.own,
            ],
            "generator": .string("Outloud \(BuildInfo.version)"),
        ]
        if case .object(let fields) = values {
            for (key, value) in fields { context[key] = value }
        }
        return (Page(path: spec.outputPath(in: site), contents: try theme.render(template, .object(context))), template)
    }

    var siteValues: TemplateValue {
        let config = site.catalog.config
        return [
            "title": .string(config.title),
            "description": .string(config.description),
            "language": .string(config.language),
            "baseURL": TemplateValue(config.baseURL),
        ]
    }

    /// The header's links: one per folder section, then skills and people.
    private func navigation(current: PageSpec) -> TemplateValue {
        var items: [TemplateValue] = []
        for section in site.sections {
            let isCurrent: Bool = switch current {
            case .section(let s, _): s == section
            case .note(let index): site.notes[index].section == section
            default: false
            }
            items.append(["label": .string(sectionTitle(section)), "url": .string(ViewModels.sectionURL(section)), "current": .bool(isCurrent)])
        }
        let inSkills: Bool = switch current { case .skills, .skill: true; default: false }
        let inPeople: Bool = switch current { case .people, .person: true; default: false }
        items.append(["label": "Skills", "url": "skills/", "current": .bool(inSkills)])
        items.append(["label": "Matrix", "url": "matrix/", "current": .bool(current == .matrix)])
        items.append(["label": "People", "url": "people/", "current": .bool(inPeople)])
        return .list(items)
    }

    func sectionTitle(_ section: String) -> String {
        let kind = Kind(folder: section)
        return kind == .note ? NoteReader.title(fromFileName: section) : kind.pluralLabel
    }
}

/// Render time per template, summed over the tasks that ran it (`--timings`).
public struct TemplateTimes: Sendable {
    public private(set) var byTemplate: [String: (count: Int, seconds: Double)] = [:]

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
