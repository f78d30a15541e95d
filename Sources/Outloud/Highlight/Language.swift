/// How one language is highlighted: a declarative description that the one generic scanner
/// (`Lexer`) runs. Nothing here is code to execute; every field is data.
struct Language: Sendable {
    /// How the scanner walks the text: most languages are `.code`; markup, diffs, Markdown
    /// and console sessions have line or tag structure of their own.
    enum Mode: Sendable { case code, markup, diff, markdown, console }

    /// A string's delimiters and what may appear inside it.
    struct StringRule: Sendable {
        var open: [UInt8]
        var close: [UInt8]
        /// The escape byte (`\`), or nil for raw strings.
        var escape: UInt8? = 0x5C
        /// Whether a line break ends the string (an unclosed quote stops at the line's end).
        var multiline = false
        /// A doubled closing quote is an escaped quote (SQL, C# verbatim strings).
        var doubledQuote = false
        /// Where code starts inside the string (`${`, `#{`, `\(`) and the byte that ends it.
        var interpolation: (open: [UInt8], close: UInt8)? = nil
        /// `$name` inside the string is a variable (shell, PHP, Kotlin).
        var variables = false

        init(_ open: String, _ close: String? = nil, escape: UInt8? = 0x5C, multiline: Bool = false,
             doubledQuote: Bool = false, interpolation: (String, Character)? = nil, variables: Bool = false) {
            self.open = Array(open.utf8)
            self.close = Array((close ?? open).utf8)
            self.escape = escape
            self.multiline = multiline
            self.doubledQuote = doubledQuote
            if let (start, end) = interpolation { self.interpolation = (Array(start.utf8), end.asciiValue!) }
            self.variables = variables
        }
    }

    /// A comment between two delimiters.
    struct BlockComment: Sendable {
        var open: [UInt8]
        var close: [UInt8]
        /// `/* /* */ */` closes twice (Swift, Rust, Kotlin).
        var nests = false

        init(_ open: String, _ close: String, nests: Bool = false) {
            self.open = Array(open.utf8)
            self.close = Array(close.utf8)
            self.nests = nests
        }
    }

    var mode: Mode = .code
    var words = NameTable([])
    /// Words that are keywords only as the first name on a line (Dockerfile instructions).
    var lineStartWords: NameTable? = nil
    var lineComments: [[UInt8]] = []
    var blockComments: [BlockComment] = []
    /// Tried in order: put `"""` before `"`.
    var strings: [StringRule] = []
    /// Letters that may come right before a quote and belong to the string (`r"…"`, `f'…'`).
    var stringPrefixes = ByteSet()
    /// Bytes besides letters, digits and `_` that names may contain (`$` in JS, `-` in CSS).
    var nameBytes = ByteSet()
    var operators = ByteSet("+-*/%=<>!&|^~")
    /// Bytes that start a variable name (`$` in shell and PHP, `@` in Ruby).
    var variablePrefixes = ByteSet()
    /// The byte of annotations and attributes (`@Test`, `@property`).
    var annotation: UInt8? = nil
    /// C's `#include` lines (and C#'s `#region`) are meta to the end of the line.
    var preprocessorLines = false
    /// Rust's `#[derive(…)]`.
    var hashAttributes = false
    /// Capitalised names are types (Swift, Java, Rust…).
    var capitalisedTypes = false
    /// A name followed by `(` is a function.
    var calls = true
    /// `'a'` is a character but `'a` alone is not a string (Rust lifetimes, C, Java).
    var characterQuotes = false
    /// `/…/` after an operator or at the start is a regular expression (JavaScript, Ruby).
    var regexLiterals = false
    /// `:name` and `name:` are symbols (Ruby, Elixir).
    var symbols = false
    /// `<<EOF` heredocs (shell, Ruby, PHP's `<<<`).
    var heredocs = false
    /// The separator of key lines (`:` in YAML, `=` in TOML and INI): the key is an attribute.
    var keySeparator: UInt8? = nil
    /// INI: everything after `=` is the value's text.
    var valuesAreStrings = false
    /// `[section]` lines (TOML, INI).
    var sectionLines = false
    /// CSS: properties, selectors, `#hex` colours, `url(…)`, units on numbers.
    var stylesheet = false
    /// JSON: a string before `:` is a key (attribute).
    var stringKeys = false
    /// YAML: `|` and `>` block scalars, `---` documents, `&anchor` and `*alias`.
    var yaml = false
    /// PHP's `<?php` and `?>` markers.
    var phpTags = false
    /// JSX and TSX: `<Tag attr="x">` inside code.
    var jsx = false
    /// Elixir's `~r/…/` sigils and Ruby's `%w[…]` literals start with this byte.
    var sigil: UInt8? = nil
    /// Shells: `$(` and `$((` start a command or arithmetic.
    var commandSubstitution = false
    /// Python: `f"…{code}…"`.
    var formatStrings = false
    /// The class of the markers around code inside strings: `${`, `$(`.
    var interpolationClass = TokenClass.string
    /// Dockerfile: after these first words, the rest of the line is one argument (a string).
    var argumentLines: NameTable? = nil
}
