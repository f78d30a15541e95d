/// Highlights code at build time: a fenced block's language and text in, escaped HTML with
/// `<span class="tok-…">` out. Deterministic, and linear in the length of the code.
enum Highlighter {
    /// The language a fence's info string names (` ```swift `, `~~~ python`, ` ```js title="x" `,
    /// ` ```{.python} `): its first word, lower-cased, looked up with its aliases.
    /// Returns the word used in the block's class and the language, or nil to leave it plain.
    static func language(forInfo info: String) -> (word: String, language: Language)? {
        var word = Substring(info.drop { $0 == " " || $0 == "\t" })
        if word.hasPrefix("{") {
            word = word.dropFirst().drop { $0 == " " || $0 == "." }
        }
        word = word.prefix { !($0 == " " || $0 == "\t" || $0 == "{" || $0 == "}" || $0 == "," || $0 == ":") }
        guard !word.isEmpty, word.utf8.count <= 20 else { return nil }
        let name = word.lowercased()
        guard let language = Languages.byName[name] else { return nil }
        return (name, language)
    }

    /// The classified ranges of `code` (UTF-8 byte offsets), in order, never overlapping.
    static func tokens(_ code: UnsafeBufferPointer<UInt8>, _ language: Language) -> [Token] {
        var lexer = Lexer(language: language, bytes: code)
        lexer.run()
        return lexer.tokens
    }

    /// The code as escaped HTML with a span per token: the same text cmark would write, with
    /// spans around the tokens.
    static func html(_ code: UnsafeBufferPointer<UInt8>, _ language: Language) -> [UInt8] {
        let tokens = tokens(code, language)
        var html: [UInt8] = []
        html.reserveCapacity(code.count + code.count / 2 + 64)
        var position = 0
        for token in tokens {
            appendEscaped(code, position, token.start, to: &html)
            html.append(contentsOf: spanOpenings[Int(token.kind.rawValue)])
            appendEscaped(code, token.start, token.end, to: &html)
            html.append(contentsOf: spanClose)
            position = token.end
        }
        appendEscaped(code, position, code.count, to: &html)
        return html
    }

    /// A whole highlighted block, `<pre><code class="language-x">…</code></pre>`, or nil when
    /// the info string names no language the highlighter knows.
    static func codeBlock(info: String, code: UnsafeBufferPointer<UInt8>) -> String? {
        guard let (word, language) = language(forInfo: info) else { return nil }
        var html = Array("<pre><code class=\"language-".utf8)
        // The word is one of the known names, all letters, digits and `+#-`: nothing to escape.
        html.append(contentsOf: word.utf8)
        html.append(contentsOf: "\">".utf8)
        html.append(contentsOf: Self.html(code, language))
        html.append(contentsOf: "</code></pre>\n".utf8)
        return String(decoding: html, as: UTF8.self)
    }

    /// Highlights a string (for tests and measurements).
    static func html(_ code: String, language name: String) -> String? {
        guard let language = Languages.byName[name] else { return nil }
        var code = code
        return code.withUTF8 { String(decoding: html($0, language), as: UTF8.self) }
    }

    private static let spanOpenings: [[UInt8]] = TokenClass.allCases.map {
        Array("<span class=\"\($0.cssClass ?? "")\">".utf8)
    }
    private static let spanClose = Array("</span>".utf8)

    /// Appends `code[start..<end]` with `& < > "` escaped, as cmark escapes code.
    private static func appendEscaped(_ code: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to html: inout [UInt8]) {
        var run = start
        for index in start..<end {
            let escaped: StaticString
            switch code[index] {
            case 0x26: escaped = "&amp;"
            case 0x3C: escaped = "&lt;"
            case 0x3E: escaped = "&gt;"
            case 0x22: escaped = "&quot;"
            default: continue
            }
            html.append(contentsOf: UnsafeBufferPointer(start: code.baseAddress! + run, count: index - run))
            html.append(contentsOf: UnsafeBufferPointer(start: escaped.utf8Start, count: escaped.utf8CodeUnitCount))
            run = index + 1
        }
        if end > run { html.append(contentsOf: UnsafeBufferPointer(start: code.baseAddress! + run, count: end - run)) }
    }
}
