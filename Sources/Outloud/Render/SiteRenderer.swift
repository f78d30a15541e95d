import Foundation

/// Renders every planned page through the theme, in parallel across cores.
public struct SiteRenderer: Sendable {
    let site: Site
    let theme: Theme
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

    /// All pages in plan order, and the diagnostics of planning and rendering.
    func render() async -> (pages: [Page], diagnostics: [Diagnostic]) {
        var ready = self
        let (cardHTML, cardDiagnostics) = await renderCards()
        ready.models.cardHTML = cardHTML
        let (pages, diagnostics) = await ready.renderPages()
        return (pages, cardDiagnostics + diagnostics)
    }

    /// Every note's card through `partials/note-card`, once, in parallel.
    private func renderCards() async -> ([String], [Diagnostic]) {
        let size = 256
        var results: [(Int, [String], RenderError?)] = []
        await withTaskGroup(of: (Int, [String], RenderError?).self) { group in
            for start in stride(from: 0, to: models.cards.count, by: size) {
                group.addTask {
                    var html: [String] = []
                    for index in start..<min(start + size, models.cards.count) {
                        guard case .object(var fields) = models.cards[index] else { continue }
                        fields["root"] = .string(ViewModels.rootToken)
                        fields["site"] = siteValues
                        do throws(Theme.RenderError) {
                            html.append(try theme.render("partials/note-card", .object(fields)))
                        } catch {
                            return (start, [], RenderError(message: error.message))
                        }
                    }
                    return (start, html, nil)
                }
            }
            for await result in group { results.append(result) }
        }
        if let failure = results.compactMap(\.2).first {
            return ([], [.error("\(failure.message) (rendering partials/note-card)", at: SourceLocation(path: FileIO.join("themes", theme.name)))])
        }
        return (results.sorted { $0.0 < $1.0 }.flatMap(\.1), [])
    }

    private struct RenderError: Error, Sendable { var message: String }

    private func renderPages() async -> (pages: [Page], diagnostics: [Diagnostic]) {
        let specs = plan.pages
        let batches = stride(from: 0, to: specs.count, by: batchSize).map { start in
            (start, Array(specs[start..<min(start + batchSize, specs.count)]))
        }
        var results: [(Int, [Page], [Diagnostic])] = []
        await withTaskGroup(of: (Int, [Page], [Diagnostic]).self) { group in
            for (start, batch) in batches {
                group.addTask {
                    var pages: [Page] = []
                    var diagnostics: [Diagnostic] = []
                    for spec in batch {
                        do throws(Theme.RenderError) {
                            pages.append(try renderPage(spec))
                        } catch {
                            diagnostics.append(.error("\(error.message) (rendering \(spec.outputPath(in: site)))",
                                                      at: SourceLocation(path: FileIO.join("themes", theme.name))))
                        }
                    }
                    return (start, pages, diagnostics)
                }
            }
            for await result in group { results.append(result) }
        }
        results.sort { $0.0 < $1.0 }
        return (results.flatMap(\.1), plan.diagnostics + results.flatMap(\.2))
    }

    /// A server shows `404.html` at whatever URL was missing, so its links start at the
    /// site's root path: `base_url`'s path (`/learning/`), else `/`.
    var notFoundRoot: String {
        guard let base = site.catalog.config.baseURL, let path = URLComponents(string: base)?.path, !path.isEmpty else { return "/" }
        return path.hasSuffix("/") ? path : path + "/"
    }

    func renderPage(_ spec: PageSpec) throws(Theme.RenderError) -> Page {
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
        return Page(path: spec.outputPath(in: site), contents: try theme.render(template, .object(context)))
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
