import Foundation
import Testing
@testable import Outloud

/// The default theme built into the binary is `themes/default/` exactly, builds a folder
/// with only `content/` as the repository's theme does, and ejects as a working theme.
/// The copy is generated at build time (Plugins/DefaultThemePlugin): the first test fails
/// when the plugin leaves out a file, or a changed file did not rebuild it.
@Suite struct BuiltInThemeTests {
    @Test func theBuiltInCopyIsThemesDefault() {
        let folder = filesUnder(Repository.themes.path + "/default")
        var embedded: [String: Data] = [:]
        for (name, text) in DefaultTheme.templates { embedded["templates/\(name).mustache"] = Data(text.utf8) }
        for (name, bytes) in DefaultTheme.assets { embedded["assets/\(name)"] = Data(bytes) }
        #expect(embedded.keys.sorted() == folder.keys.sorted(), "the same files: the plugin embeds every file of themes/default/ it declares as an input")
        let differing = folder.keys.filter { folder[$0] != embedded[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing) differ from themes/default/: a theme file is not an input of the plugin")
    }

    func build(content: String, themes: String, output: String) async -> BuildReport {
        var options = BuildOptions.withoutGit()
        options.contentPath = content
        options.themesPath = themes
        options.outputPath = output
        options.today = Day(year: 2026, month: 11, day: 23)
        return await Build.run(options)
    }

    @Test func aFolderWithOnlyContentBuildsWithTheBuiltInTheme() async throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("content"), to: folder.url.appendingPathComponent("content"))
        let content = folder.path + "/content"
        let builtIn = await build(content: content, themes: folder.path + "/themes", output: folder.path + "/built-in")
        let fromFolder = await build(content: content, themes: Repository.themes.path, output: folder.path + "/from-folder")
        #expect(builtIn.succeeded && fromFolder.succeeded, "\(builtIn.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/themes"), "nothing is written to the themes folder")
        let a = folder.files(under: "built-in"), b = folder.files(under: "from-folder")
        #expect(a.count > 100 && a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.filter { a[$0] != b[$0] }.isEmpty, "the same bytes as with themes/default/")
        #expect(a["theme/style.css"] == FileManager.default.contents(atPath: Repository.themes.path + "/default/assets/style.css"))
    }

    @Test func ejectWritesAWorkingThemeAndNeverOverwrites() async throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("content"), to: folder.url.appendingPathComponent("content"))
        let themes = folder.path + "/themes"
        let written = try ThemeEject.eject(into: themes, name: "ours")
        #expect(written.count == DefaultTheme.templates.count + DefaultTheme.assets.count + Archetypes.kinds.count)
        let ejected = folder.files(under: "themes/ours")
        let original = filesUnder(Repository.themes.path + "/default")
        for (path, bytes) in original { #expect(ejected[path] == bytes, "\(path) as in themes/default/") }
        #expect(ejected["archetypes/book.md"].map { String(decoding: $0, as: UTF8.self) } == Archetypes.builtIn[.book])

        // A change to the ejected theme shows in the site.
        let base = themes + "/ours/templates/partials/footer.mustache"
        try (try String(contentsOfFile: base, encoding: .utf8) + "<!-- ours -->\n").write(toFile: base, atomically: true, encoding: .utf8)
        var options = BuildOptions.withoutGit()
        options.contentPath = folder.path + "/content"
        options.themesPath = themes
        options.themeName = "ours"
        options.outputPath = folder.path + "/output"
        let report = await Build.run(options)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(folder.read("output/index.html")?.contains("<!-- ours -->") == true)

        // Ejecting again over it is refused and leaves the change alone.
        #expect(throws: ThemeEject.Failure.self) { try ThemeEject.eject(into: themes, name: "ours") }
        #expect(try String(contentsOfFile: base, encoding: .utf8).contains("<!-- ours -->"))
        #expect(throws: ThemeEject.Failure.self) { try ThemeEject.eject(into: themes, name: "../elsewhere") }
    }

    @Test func anUnknownThemeIsAClearError() async {
        let folder = TemporaryFolder()
        folder.write("content/site.yml", "title: T\ntheme: fancy\n")
        let report = await build(content: folder.path + "/content", themes: folder.path + "/themes", output: folder.path + "/output")
        #expect(report.diagnostics.contains { $0.message.hasPrefix("theme \"fancy\" not found") })
        #expect(!report.succeeded)
    }
}
