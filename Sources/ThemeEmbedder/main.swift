// ThemeEmbedder THEME-FOLDER OUTPUT-FILE RELATIVE-PATH…
//
// Run by Plugins/DefaultThemePlugin at build time: writes the Swift source of the
// `DefaultTheme` enum, the copy of themes/default/ carried in the binary, from the files the
// plugin names (each relative to the theme folder, as `templates/…` or `assets/…`). The same
// files always give the same bytes: entries are sorted and nothing else goes in.
import Foundation

/// Stops the build with a message that names the file at fault.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ThemeEmbedder: error: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else { fail("usage: ThemeEmbedder THEME-FOLDER OUTPUT-FILE RELATIVE-PATH…") }
let themeFolder = URL(fileURLWithPath: arguments[arguments.startIndex])
let outputFile = URL(fileURLWithPath: arguments[arguments.startIndex + 1])

var files: [ThemeFile] = []
for relative in arguments.dropFirst(2) {
    let url = themeFolder.appendingPathComponent(relative)
    guard let data = FileManager.default.contents(atPath: url.path) else { fail("cannot read \(url.path)") }
    do {
        files.append(try ThemeFile(relativePath: relative, bytes: Array(data)))
    } catch {
        fail("\(url.path): \(error)")
    }
}

let source = DefaultThemeSource.generate(files)
// Left alone when unchanged, so that nothing is compiled again for nothing.
if FileManager.default.contents(atPath: outputFile.path) != Data(source.utf8) {
    do {
        try Data(source.utf8).write(to: outputFile, options: .atomic)
    } catch {
        fail("cannot write \(outputFile.path): \(error)")
    }
}
