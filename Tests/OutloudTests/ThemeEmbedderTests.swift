import Foundation
import Testing
@testable import ThemeEmbedder

/// The tool behind the default-theme plugin: which literal holds a file's bytes, which
/// files it takes, and that the source it writes depends only on the files.
@Suite struct ThemeEmbedderTests {
    func literal(_ text: String) -> String? { DefaultThemeSource.rawLiteral(Array(text.utf8)) }

    @Test func aRawLiteralHoldsTheTextBetweenItsOwnLines() {
        #expect(literal("a {}\n") == "#\"\"\"\na {}\n\n\"\"\"#")
        #expect(literal("no final line break") == "#\"\"\"\nno final line break\n\"\"\"#")
        #expect(literal("tab\there \\ \"\"\" \\(x)") == "#\"\"\"\ntab\there \\ \"\"\" \\(x)\n\"\"\"#")
    }

    @Test func aTextHoldingTheDelimiterGetsMoreHashes() {
        #expect(literal("x \"\"\"# y")?.hasPrefix("##\"\"\"\n") == true)
        #expect(literal("x \"\"\"# y")?.hasSuffix("\n\"\"\"##") == true)
        #expect(literal("escape \\#(x)")?.hasPrefix("##\"\"\"\n") == true)
        #expect(literal("both \"\"\"# and \"\"\"## \\###")?.hasPrefix("####\"\"\"\n") == true)
    }

    @Test func bytesNoLiteralKeepsAreNotWrittenAsOne() {
        #expect(literal("crlf\r\n") == nil, "a literal would turn \\r\\n into \\n")
        #expect(literal("nul\u{0}") == nil)
        #expect(literal("bell\u{7}") == nil)
        #expect(DefaultThemeSource.rawLiteral([0x89, 0x50, 0x4E, 0x47]) == nil, "not UTF-8")
    }

    func file(_ path: String, _ text: String) throws -> ThemeFile {
        try ThemeFile(relativePath: path, bytes: Array(text.utf8))
    }

    @Test func filesAreTemplatesOrAssetsAsThemeLoadReadsThem() throws {
        let template = try file("templates/partials/header.mustache", "<header>")
        #expect(template.role == .template && template.name == "partials/header")
        let asset = try file("assets/icons/logo.svg", "<svg/>")
        #expect(asset.role == .asset && asset.name == "icons/logo.svg")
        #expect(throws: ThemeFile.Refusal.self) { try file("templates/notes.txt", "x") }
        #expect(throws: ThemeFile.Refusal.self) { try file("README.md", "x") }
        #expect(throws: ThemeFile.Refusal.self) { try ThemeFile(relativePath: "templates/x.mustache", bytes: [0xFF, 0xFE]) }
    }

    @Test func theSourceIsSortedAndDependsOnlyOnTheFiles() throws {
        let files = [
            try file("templates/note.mustache", "{{title}}\n"),
            try file("assets/style.css", "a {}\n"),
            try ThemeFile(relativePath: "assets/icon.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]),
            try file("templates/404.mustache", "gone\r\n"),
        ]
        let source = DefaultThemeSource.generate(files)
        #expect(source == DefaultThemeSource.generate(files.reversed()))
        let keys = source.split(separator: "\n").filter { $0.hasPrefix("        \"") }.map { $0.split(separator: ":")[0] }
        #expect(keys == ["        \"404\"", "        \"note\"", "        \"icon.png\"", "        \"style.css\""])
        #expect(source.hasPrefix("import Foundation\n"), "base64 needs Data")
        #expect(source.contains("\"icon.png\": Array(Data(base64Encoded: \"iVBORw0K\")!),"))
        #expect(source.contains("\"404\": String(decoding: Data(base64Encoded: \"Z29uZQ0K\")!, as: UTF8.self),"))
        #expect(!DefaultThemeSource.generate([try file("assets/a.css", "a")]).contains("import Foundation"))
    }
}
