import Foundation
import Testing
@testable import Outloud

/// `site.yml`'s `exclude:` and `kinds:`, landing-page choice, folders that slug alike, and
/// `outloud serve` keeping folder pages up to date.
@Suite struct FolderRulesTests {
    let folder = TemporaryFolder()

    /// Builds the content folder after writing `files` into it (`site.yml` gets a `base_url`).
    func build(_ files: [String: String], memory: BuildMemory? = nil, output: String = "output") async -> BuildReport {
        if !folder.exists("content/site.yml") && files["site.yml"] == nil { folder.write("content/site.yml", "title: T\nbase_url: https://t.example/\n") }
        for (path, text) in files { folder.write("content/" + path, path == "site.yml" ? text + "base_url: https://t.example/\n" : text) }
        var options = BuildOptions.withoutGit()
        options.contentPath = folder.path + "/content"
        options.themesPath = Repository.themes.path
        options.outputPath = folder.path + "/" + output
        options.memory = memory
        return await Build.run(options)
    }

    @Test(arguments: [
        ("node_modules", "node_modules/x/readme.md", true),
        ("node_modules", "lib/node_modules/x.md", true),
        ("*.tmp", "notes/a.tmp", true),
        ("*.tmp", "notes/a.tmp.md", false),
        ("drafts/*", "drafts/a.md", true),
        ("drafts/*", "notes/drafts/a.md", false),
        ("drafts/*.md", "drafts/deeper/a.md", false),
        ("drafts/**/*.md", "drafts/a.md", true),
        ("drafts/**/*.md", "drafts/x/y/a.md", true),
        ("**/old-?.md", "a/b/old-1.md", true),
        ("**/old-?.md", "a/b/old-12.md", false),
        ("./archive/", "archive/2019/x.md", true),
    ])
    func excludeGlobs(pattern: String, path: String, excluded: Bool) {
        #expect(ExcludeRules([pattern]).excludes(path) == excluded)
    }

    @Test func aGlobOfStarsTakesTimeInProportionToItsLength() {
        let pattern = String(repeating: "*a", count: 2_000) + "b"
        let path = String(repeating: "a", count: 2_000)
        let clock = ContinuousClock(), start = clock.now
        #expect(!ExcludeRules([pattern]).excludes(path))
        #expect(clock.now - start < TimeBound.seconds(5))
    }

    @Test func excludedFilesAreNeitherNotesNorAssetsAndLinksThereAreWarnings() async throws {
        let report = await build([
            "site.yml": "title: T\nexclude: [archive, \"**/*.draft.md\"]\n",
            "notes/a.md": "# A\n\nSee [the old one](../archive/old.md) and [the draft](b.draft.md).\n",
            "notes/b.draft.md": "# Draft\n",
            "archive/old.md": "# Old\n",
            "archive/picture.png": "png",
            "node_modules/pkg/README.md": "# Package\n",
        ])
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(report.diagnostics.allSatisfy { $0.message.contains("left out of the site") })
        for path in ["archive", "notes/b-draft", "node-modules", "node_modules", "archive/picture.png"] {
            #expect(!folder.exists("output/" + path), "\(path) is not published")
        }
        #expect(folder.read("output/notes/a/index.html")?.contains(#"<a class="broken-link" title="Broken link: link &quot;../archive/old.md&quot; points to archive/old.md"#) == true)
    }

    @Test func kindsMapsFoldersAndAMissingKindFieldIsAWarningThatNamesTheFolder() async throws {
        let report = await build([
            "site.yml": "title: T\nkinds: {reading: books, til: notes}\n",
            "reading/drive.md": "---\ntitle: Drive\nbook: {title: Drive}\n---\n\nText.\n",
            "resources/links.md": "# Links\n\n- [jq](https://jqlang.github.io/jq/)\n",
            "til/x.md": "# X\n",
        ])
        #expect(report.succeeded)
        let warning = try #require(report.diagnostics.first)
        #expect(report.diagnostics.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.message == "a resource needs a `url` (resources/ is the resource kind's folder; if it holds ordinary notes, map it to notes with `kinds: {resources: notes}` in site.yml)")
        #expect(folder.exists("output/resources/links/index.html"))
        #expect(report.notesByKind == [.book: 1, .resource: 1, .note: 1])
        let home = folder.read("output/index.html") ?? ""
        #expect(FolderNavigationTests.headerLinks(home) == ["Books", "Resources", "Sections"])
        #expect(home.contains(#"<li><a href="reading/">Books</a></li>"#))
    }

    @Test func aMappingNamesTheKindsItAccepts() async throws {
        let report = await build(["site.yml": "title: T\nkinds: {reading: novels}\n", "reading/a.md": "# A\n"])
        #expect(report.diagnostics.map(\.message) == ["`kinds: {reading: novels}` names no kind; use books, harvests, debates, logs, resources, pathways or notes; it is ignored"])
        #expect(report.diagnostics.map(\.severity) == [.warning] && report.succeeded, "the site is built without the mapping")
    }

    @Test func twoFoldersWithOneURLAreAnErrorNamingBoth() async throws {
        let report = await build(["My Notes/a.md": "# A\n", "my-notes/b.md": "# B\n"])
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message == "folders My Notes/ and my-notes/ both have the URL /my-notes/; rename one of them" })
    }

    @Test func aFolderHasOneLandingPageAndTheOthersAreNotes() async throws {
        let report = await build([
            "guides/README.md": "# Guides\n\nThe guides.\n",
            "guides/index.md": "# Index of guides\n",
            "guides/a.md": "# A\n",
        ])
        #expect(report.diagnostics.map(\.message) == ["guides/README.md is this folder's landing page, so this file is built as an ordinary note; merge the two or rename this one"])
        #expect(folder.read("output/guides/index.html")?.contains("<p>The guides.</p>") == true)
        #expect(folder.exists("output/guides/index/index.html"))
        #expect(!folder.exists("output/guides/readme/index.html"))
    }

    @Test func editingALandingPageUpdatesItsFolderPageAsAWholeBuildWould() async throws {
        let files = [
            "_index.md": "Welcome to the [guides](guides/).\n",
            "guides/README.md": "# Guides\n\nThe guides.\n",
            "guides/deeper/README.md": "---\ntitle: Deeper\nsummary: Further down.\n---\n\nDeeper text.\n",
            "guides/deeper/a.md": "# A\n\nSee [the guides](../README.md).\n",
        ]
        let memory = BuildMemory()
        #expect(await build(files, memory: memory, output: "served").succeeded)
        for (path, text) in [("guides/README.md", "# Guides\n\nThe guides, rewritten.\n"),
                             ("guides/deeper/README.md", "---\ntitle: Deeper\nsummary: Further down.\n---\n\nDeeper text, and more of it.\n"),
                             ("_index.md", "Welcome, again, to the [guides](guides/).\n")] {
            folder.write("content/" + path, text)
            var options = BuildOptions.withoutGit()
            options.contentPath = folder.path + "/content"
            options.themesPath = Repository.themes.path
            options.outputPath = folder.path + "/served"
            options.memory = memory
            let update = await Build.update(options, changed: [folder.url.standardizedFileURL.path + "/content/" + path]) { _ in }
            #expect(update?.succeeded == true, "\(path) is updated in place")
            #expect((update?.pagesWritten ?? 0) < 6, "only what shows \(path) is written")
            #expect(await build([:], output: "fresh").succeeded)
            let served = folder.files(under: "served"), fresh = folder.files(under: "fresh")
            #expect(served.keys.sorted() == fresh.keys.sorted())
            #expect(served.keys.filter { served[$0] != fresh[$0] }.sorted() == [], "after editing \(path)")
        }
    }
}
