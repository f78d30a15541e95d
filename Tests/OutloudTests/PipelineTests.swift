import Foundation
import Mustache
import Testing
@testable import Outloud

/// The stages as `build`, `check` and `serve` share them.
@Suite struct PipelineTests {
    /// A template that fails while pages are rendered is reported at the theme's own folder,
    /// wherever `--themes-dir` put it.
    @Test func aRenderFailureNamesTheThemesRealFolder() async throws {
        let folder = TemporaryFolder()
        folder.write("content/books/a.md", "---\ntitle: A\ndate: 2026-01-02\n---\nBody.\n")
        folder.write("team-themes/ours/templates/note.mustache", "{{< base}}{{/ base}}\n")
        var theme = try Theme.load(name: "ours", themesPath: folder.path + "/team-themes").get()
        theme.library = MustacheLibrary()  // every template gone: each render fails
        let content = await ContentLoader(contentPath: folder.path + "/content", includeDrafts: false, files: .disk).load()
        let site = await Site(content: content, today: Day(year: 2026, month: 12, day: 3)!)
        let rendered = await SiteRenderer(site: site, theme: theme).render()
        let places = Set(rendered.diagnostics.compactMap(\.location?.path))
        #expect(!rendered.diagnostics.isEmpty)
        #expect(places == [folder.path + "/team-themes/ours"], "\(places)")
    }
}
