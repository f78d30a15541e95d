/// The languages the highlighter knows, by every name a fence may give them.
enum Languages {
    /// Fence words (lower-cased) to languages.
    static let byName: [String: Language] = {
        var table: [String: Language] = [:]
        for (names, language) in all {
            for name in names.split(separator: " ") { table[String(name)] = language }
        }
        return table
    }()

    /// Each language with its names, the first being the usual one. docs/content.md lists them.
    static let all: [(String, Language)] = [
        ("sh bash shell zsh", shell),
        ("console shell-session", console),
        ("js javascript mjs cjs", javascript),
        ("jsx", jsx),
        ("ts typescript mts", typescript),
        ("tsx", tsx),
        ("py python python3", python),
        ("rb ruby", ruby),
        ("go golang", go),
        ("swift", swift),
        ("rs rust", rust),
        ("java", java),
        ("kt kotlin kts", kotlin),
        ("c h", c),
        ("cpp c++ cc cxx hpp hxx", cpp),
        ("cs csharp c#", csharp),
        ("php", php),
        ("ex exs elixir", elixir),
        ("json", json),
        ("jsonc json5", jsonc),
        ("yml yaml", yaml),
        ("toml", toml),
        ("ini cfg conf", ini),
        ("sql mysql postgresql postgres psql plpgsql sqlite tsql plsql", sql),
        ("css", css),
        ("scss less", scss),
        ("html htm xhtml", html),
        ("xml svg xsd xsl plist", xml),
        ("diff patch", diff),
        ("md markdown", markdown),
        ("dockerfile docker containerfile", dockerfile),
    ]

    /// `//` and `/* */`.
    static let cComments = (line: [Array("//".utf8)], block: [Language.BlockComment("/*", "*/")])
    /// `"…"` with backslash escapes, one line.
    static let doubleQuoted = Language.StringRule("\"")
    static let singleQuoted = Language.StringRule("'")

    static let console: Language = {
        var language = Language()
        language.mode = .console
        return language
    }()

    static let diff: Language = {
        var language = Language()
        language.mode = .diff
        return language
    }()

    static let markdown: Language = {
        var language = Language()
        language.mode = .markdown
        return language
    }()

    static let html: Language = {
        var language = Language()
        language.mode = .markup
        return language
    }()

    static let xml = html
}
