/// The one generic scanner: runs a `Language` description over UTF-8 bytes and produces
/// classified byte ranges.
///
/// Linear time on any input: every loop moves forward, look-aheads are bounded or are
/// remembered when they fail (a `/` that did not start a regular expression stops the next
/// ones on that line from trying), and nothing backtracks.
struct Lexer {
    var language: Language
    let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [Token] = []
    /// Strings waiting for the code inside them to end (`"a ${b} c"`), innermost last.
    var frames: [Frame] = []
    /// Heredocs announced on the current line; their bodies start on the next one.
    var heredocs: [Heredoc] = []
    /// Whether the last significant token was a value (a name, a number, `)`): then `/` divides.
    var afterValue = false
    /// CSS: inside a rule's braces.
    var braceDepth = 0
    /// A failed look-ahead's limit: no `/` regular expression or code span starts before it.
    var noLookaheadBefore = 0
    /// YAML: the indentation of the line that opened a `|` or `>` block, whose body follows.
    var blockScalarIndent: Int? = nil
    /// The indentation of the current line.
    var lineIndent = 0
    /// JSX: code inside `{…}` ends at the `}` that closes it; this counts the braces between.
    var closingBrace: Int? = nil
    /// How deep JSX expressions nest; past a limit, `<` is an operator again, so that hostile
    /// nesting cannot exhaust the stack.
    var nesting = 0

    /// An open interpolation: the string to resume once `close` ends the code inside it.
    struct Frame {
        var rule: Language.StringRule
        var depth: Int
        var opener: UInt8
        var close: UInt8
    }

    /// A heredoc's terminating word.
    struct Heredoc {
        var terminator: [UInt8]
    }

    init(language: Language, bytes: UnsafeBufferPointer<UInt8>) {
        self.language = language
        self.bytes = bytes
    }

    /// Scans the whole text in the language's mode.
    mutating func run() {
        switch language.mode {
        case .code: scanCode(0, bytes.count)
        case .markup: scanMarkup(0, bytes.count)
        case .diff: scanDiff()
        case .markdown: scanMarkdown()
        case .console: scanConsole()
        }
    }

    /// Records a token, joining it to the previous one when they touch and share a class.
    mutating func emit(_ start: Int, _ end: Int, _ kind: TokenClass) {
        guard end > start, kind != .plain else { return }
        if let last = tokens.last, last.kind == kind, last.end == start {
            tokens[tokens.count - 1].end = end
        } else {
            tokens.append(Token(start: start, end: end, kind: kind))
        }
    }

    /// Gives the text from `start` on, already emitted as one token, another class.
    mutating func reclassify(from start: Int, as kind: TokenClass) {
        guard let last = tokens.last, last.end > start else { return }
        if last.start >= start {
            tokens[tokens.count - 1].kind = kind
        } else {
            tokens[tokens.count - 1].end = start
            tokens.append(Token(start: start, end: last.end, kind: kind))
        }
    }

    /// Appends the tokens of a nested scan (a `<script>` inside HTML).
    mutating func adopt(_ other: [Token]) {
        for token in other { emit(token.start, token.end, token.kind) }
    }

    func matches(_ pattern: [UInt8], _ index: Int, _ end: Int) -> Bool {
        guard index + pattern.count <= end else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The index of the line break at or after `index`, or `end`.
    func lineEnd(_ index: Int, _ end: Int) -> Int {
        var index = index
        while index < end && bytes[index] != 10 { index += 1 }
        return index
    }

    /// The first index at or after `index` that is not a space or tab.
    func skipSpaces(_ index: Int, _ end: Int) -> Int {
        var index = index
        while index < end && (bytes[index] == 32 || bytes[index] == 9) { index += 1 }
        return index
    }

    /// Scans `start..<end` as code of the current language; returns where it stopped (at
    /// `end`, or at the `}` that closes a JSX expression).
    @discardableResult
    mutating func scanCode(_ start: Int, _ end: Int) -> Int {
        var index = start
        var atLineStart = true
        var firstToken = true
        while index < end {
            let byte = bytes[index]
            if byte == 10 {
                index += 1
                atLineStart = true
                if !heredocs.isEmpty { index = scanHeredocs(index, end) }
                if let indent = blockScalarIndent { index = scanBlockScalar(index, end, indent) }
                continue
            }
            if atLineStart {
                atLineStart = false
                let text = skipSpaces(index, end)
                lineIndent = text - index
                index = text
                firstToken = true
                if index < end, bytes[index] != 10, let next = scanLineStart(index, end) {
                    index = next
                    firstToken = false
                }
                continue
            }
            if Bytes.isSpace(byte) {
                index += 1
                continue
            }
            if let depth = closingBrace, byte == 0x7B || byte == 0x7D {
                if byte == 0x7D && depth == 0 { return index }
                closingBrace = depth + (byte == 0x7B ? 1 : -1)
            }
            index = scanToken(index, end, first: firstToken)
            firstToken = false
        }
        return index
    }
}
