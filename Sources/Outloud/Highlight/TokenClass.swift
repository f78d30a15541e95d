/// What a highlighted piece of code is, named by the CSS class it gets (`tok-keyword`, …).
///
/// A small fixed set: a theme colours these and nothing else. Punctuation and plain names
/// get no span at all, which keeps the HTML small.
enum TokenClass: UInt8, Sendable, CaseIterable {
    case plain
    /// Reserved words, and primitive type names that languages treat as keywords (`int`, `bool`).
    case keyword
    /// Type and class names (capitalised names in languages where that means a type, CSS selectors).
    case type
    /// Built-in functions and objects (`print`, `len`, `console`).
    case builtin
    /// Literal constants: `true`, `false`, `nil`, `null`, CSS value words, HTML entities.
    case constant
    /// A name right before `(`: a call or a definition.
    case function
    /// Strings, characters, regular expressions, symbols, heredocs.
    case string
    case number
    case comment
    case `operator`
    /// `$name` in shells and PHP, `@name` in Ruby, `${…}` in shell.
    case variable
    /// Markup tag names.
    case tag
    /// Markup attributes, keys in JSON, YAML, TOML and INI.
    case attribute
    /// Markdown headings, section lines.
    case heading
    /// Added lines of a diff.
    case inserted
    /// Removed lines of a diff.
    case deleted
    /// Annotations, attributes, preprocessor lines, prompts, doctype and diff hunk headers.
    case meta

    /// The CSS class of the span, or nil for plain text.
    var cssClass: String? {
        self == .plain ? nil : "tok-" + String(describing: self)
    }
}

/// A classified byte range of the highlighted code.
struct Token: Sendable, Hashable {
    var start: Int
    var end: Int
    var kind: TokenClass
}
