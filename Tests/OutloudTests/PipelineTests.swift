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

    /// Every file a build reads goes through `FileIO`: the sample site and the theme, copied
    /// into memory under a folder that does not exist on disk, build to the same bytes.
    @Test func theSampleSiteBuildsFromMemoryToTheSameBytes() async throws {
        var files: [String: FileIO.MemoryFile] = [:]
        let root = "/nonexistent-\(UUID().uuidString)"
        for (from, to) in [(Repository.root.path + "/content", root + "/content"), (Repository.themes.path, root + "/themes")] {
            for file in FileIO.disk.listFiles(from).files {
                let contents = try FileIO.disk.readData(FileIO.join(from, file.relativePath), nil).get()
                files[FileIO.join(to, file.relativePath)] = FileIO.MemoryFile(contents: contents, modified: file.modified)
            }
        }
        // The theme too is read from memory, not taken from the built-in copy.
        #expect(try Theme.load(name: "default", themesPath: root + "/themes", files: .memory(files)).get().folder == root + "/themes/default")
        let folder = TemporaryFolder()
        func build(_ name: String, content: String, themes: String, reading: FileIO) async -> BuildReport {
            var options = BuildOptions.withoutGit()
            options.contentPath = content
            options.themesPath = themes
            options.outputPath = folder.path + "/" + name
            options.fileIO = reading
            options.today = Day(year: 2026, month: 12, day: 3)!
            options.baseURL = "https://learn.example/"
            return await Build.run(options)
        }
        let fromDisk = await build("disk", content: Repository.root.path + "/content", themes: Repository.themes.path, reading: .disk)
        let fromMemory = await build("memory", content: root + "/content", themes: root + "/themes", reading: .memory(files))
        #expect(fromDisk.succeeded && fromMemory.succeeded, "\(fromMemory.diagnostics)")
        #expect(fromMemory.filesWritten == fromDisk.filesWritten && fromDisk.filesWritten > 100)
        let disk = folder.files(under: "disk"), memory = folder.files(under: "memory")
        #expect(disk.keys.sorted() == memory.keys.sorted())
        let differing = disk.keys.filter { disk[$0] != memory[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }
}
