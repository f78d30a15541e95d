extension Lexer {
    /// JSX in JavaScript and TypeScript: where a value may start, `<Name` or `<>` opens an
    /// element, scanned with its children up to its closing tag. Children are text; `{…}`
    /// inside holds code again.
    mutating func scanJSXTag(_ index: Int, _ end: Int) -> Int? {
        guard index + 1 < end, Bytes.isLetter(bytes[index + 1]) || bytes[index + 1] == 0x3E else { return nil }
        var depth = 0
        var cursor = index
        while cursor < end {
            let (next, kind, _) = scanTag(cursor, end, jsx: true)
            cursor = next
            if kind == .opening { depth += 1 }
            if kind == .closing { depth -= 1 }
            if depth <= 0 { break }
            while cursor < end && bytes[cursor] != 0x3C {
                cursor = bytes[cursor] == 0x7B ? scanEmbeddedExpression(cursor + 1, end) : cursor + 1
            }
        }
        afterValue = true
        return cursor
    }

    /// Code after a `{` in JSX, up to its matching `}`, scanned by a lexer of its own that
    /// shares the token list (so nesting costs nothing extra).
    mutating func scanEmbeddedExpression(_ start: Int, _ end: Int) -> Int {
        var inner = Lexer(language: language, bytes: bytes)
        inner.closingBrace = 0
        inner.nesting = nesting + 1
        if inner.nesting > 32 { inner.language.jsx = false }
        swap(&inner.tokens, &tokens)
        let stop = inner.scanCode(start, end)
        swap(&inner.tokens, &tokens)
        return min(stop + 1, end)
    }
}
