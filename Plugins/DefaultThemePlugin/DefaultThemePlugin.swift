import Foundation
import PackagePlugin

/// Generates `DefaultTheme.swift` — the copy of `themes/default/` built into the binary —
/// at build time, by running the `ThemeEmbedder` tool. Every template and asset is declared
/// as an input, so editing, adding or removing a theme file rebuilds the copy; nothing
/// generated is kept in git.
@main
struct DefaultThemePlugin: BuildToolPlugin {
    /// The one command that writes the generated file into the plugin's work folder.
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        // The copy used to be committed there: one left behind (an old branch merged in)
        // would clash with the generated enum in words that do not say why.
        if let module = target.sourceModule,
           let stale = module.sourceFiles(withSuffix: "swift").first(where: { $0.url.lastPathComponent == "DefaultTheme.swift" }) {
            throw PluginError("\(stale.url.path(percentEncoded: false)) is an old copy of the default theme: "
                + "delete it; the copy is now generated at build time from themes/default/")
        }
        let theme = context.package.directoryURL.appending(path: "themes/default")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTheme.swift")
        let files = try themeFiles(in: theme)
        return [
            .buildCommand(
                displayName: "Embedding the default theme in \(target.name) (\(files.count) files)",
                executable: try context.tool(named: "ThemeEmbedder").url,
                // Paths relative to the theme folder: the tool reads exactly the declared
                // inputs, and nothing about where the package lies reaches the binary.
                arguments: [theme.path(percentEncoded: false), output.path(percentEncoded: false)] + files,
                inputFiles: files.map { theme.appending(path: $0) },
                outputFiles: [output]
            ),
        ]
    }

    /// The theme's files by path inside its folder, sorted: every file under `templates/`
    /// and `assets/` but hidden ones, as `Theme.load` reads a theme folder.
    func themeFiles(in theme: URL) throws -> [String] {
        var found: [String] = []
        for part in ["templates", "assets"] {
            let folder = theme.appending(path: part)
            guard let enumerator = FileManager.default.enumerator(atPath: folder.path(percentEncoded: false)) else {
                throw PluginError("\(folder.path(percentEncoded: false)) is missing: the built-in theme is made from it")
            }
            while let relative = enumerator.nextObject() as? String {
                guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                var isFolder: ObjCBool = false
                let path = folder.appending(path: relative).path(percentEncoded: false)
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                    found.append("\(part)/\(relative)")
                }
            }
        }
        return found.sorted()
    }
}

/// Why the theme could not be embedded, as SwiftPM shows it.
struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
