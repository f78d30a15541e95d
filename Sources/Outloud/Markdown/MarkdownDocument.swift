import CCmark
import Foundation

/// Options for turning one Markdown body into HTML.
struct MarkdownOptions: Sendable {
    /// Keep raw HTML and unsafe URLs (`site.yml`'s `unsafe_html: true`).
    var unsafeHTML: Bool = false
    /// Take the title from the first level-1 heading and leave that heading out of the body.
    var takeTitleFromHeading: Bool = false
    /// Where the note sits, for its relative links; without it, relative links are left alone.
    var linkBase: LinkBase?
    /// Keep the body's plain text (`RenderedMarkdown.text`), for the search index.
    var keepText: Bool = true
    /// The skill ids of `skills.yml`: inline `#tags` naming one become links to its page.
    var skillIDs: Set<String> = []

    init(unsafeHTML: Bool = false, takeTitleFromHeading: Bool = false, linkBase: LinkBase? = nil, keepText: Bool = true) {
        self.unsafeHTML = unsafeHTML
        self.takeTitleFromHeading = takeTitleFromHeading
        self.linkBase = linkBase
        self.keepText = keepText
    }
}

/// A heading of a rendered body, with the id it was given in the HTML.
struct Heading: Sendable, Hashable {
    var level: Int
    var text: String
    var id: String
    /// 1-based line in the Markdown body.
    var line: Int
}

/// Everything the rest of the pipeline needs from a Markdown body; no C pointer leaves the wrapper.
struct RenderedMarkdown: Sendable, Hashable {
    var html: String
    /// The first level-1 heading's text when `takeTitleFromHeading` was set and one existed.
    var title: String?
    /// That heading's link, when the whole heading was one link to a web page.
    var titleURL: String?
    /// The body opens with its own table of contents, so the page needs no second one.
    var hasOwnTableOfContents = false
    var headings: [Heading]
    /// The first paragraph as plain text.
    var firstParagraph: String
    var wordCount: Int
    /// The body as plain text, one line per block: what search indexes and quotes.
    var text: String = ""
    /// Links for the site stage to resolve; `html` holds a `LinkPlaceholder` for each.
    var links: [LinkReference] = []
    /// Mistakes found while parsing (a broken image, an unclosed `[[`), at body positions.
    var problems: [MarkdownProblem] = []
    /// Obsidian block ids (`^id` at a paragraph's end), without the caret, in body order.
    var blockIDs: [String] = []
    /// Skill ids named by inline `#tags`, in body order, each once.
    var tags: [String] = []

    /// What an anchor into this body may name: heading ids, and block ids as `^id`.
    var anchorIDs: [String] { headings.map(\.id) + blockIDs.map { "^" + $0 } }
}

/// The single owner of a cmark tree: parsed once, edited in place, rendered, freed exactly once.
///
/// Only this file and its extensions touch cmark; the tree never leaves the owner, which is
/// `~Copyable` so the root cannot be freed twice.
struct MarkdownDocument: ~Copyable {
    let root: OpaquePointer

    init(_ source: String, smart: Bool = true) {
        var options = CMARK_OPT_DEFAULT
        if smart { options |= CMARK_OPT_SMART }
        let source = Self.withoutPlaceholderMarks(source)
        // The length is the UTF-8 byte count, not strlen: a NUL byte must not cut the note short.
        let byteCount = source.utf8.count
        root = source.withCString { cmark_parse_document($0, byteCount, options) }
    }

    deinit { cmark_node_free(root) }

    /// U+E000 marks link placeholders in the HTML: no note may bring its own, neither in its
    /// text nor in the table cells and footnotes parsed from its source lines.
    static func withoutPlaceholderMarks(_ source: String) -> String {
        // Its UTF-8 starts with 0xEE: a byte scan first, since walking Characters costs more
        // than parsing the Markdown.
        source.containsByte(0xEE) && source.unicodeScalars.contains("\u{E000}")
            ? source.replacingOccurrences(of: String(LinkPlaceholder.mark), with: "\u{FFFD}") : source
    }

    /// Runs the whole wrapper: title, heading ids, HTML, summary text and word count.
    static func render(_ source: String, options: MarkdownOptions = .init()) -> RenderedMarkdown {
        let source = withoutPlaceholderMarks(source)
        // U+E001 marks escaped brackets (`ObsidianSource`): no note may bring its own.
        let original = source.containsByte(0xEE) && source.unicodeScalars.contains("\u{E001}")
            ? source.replacingOccurrences(of: String(ObsidianSource.escapedBracket), with: "\u{FFFD}") : source
        // Obsidian's comments and escaped brackets are settled on the text, then GitHub's
        // footnote definitions leave it (their lines stay, blank), before cmark reads it.
        let prepared = ObsidianSource.prepare(original)
        let text = prepared?.text ?? original
        let extensions = GitHubExtensions(scanning: text)
        let footnotes = extensions.footnotes ? FootnoteDefinitions(text) : nil
        let markdown = footnotes?.source ?? text
        let document = MarkdownDocument(markdown)
        let title = options.takeTitleFromHeading ? document.removeTitleHeading() : nil
        let callouts = original.containsBytes(0x5B, 0x21) ? document.findCallouts() : []
        let footnoteIDs = extensions.any
            ? document.applyGitHubExtensions(extensions, footnotes: footnotes, markdown: markdown) : []
        var (links, problems) = document.processLinks(base: options.linkBase, unsafeHTML: options.unsafeHTML)
        if prepared?.markedBrackets == true { document.restoreEscapedBrackets(in: &links) }
        // Raw HTML needs a `<`: most notes have none and skip the walk.
        if !options.unsafeHTML, original.containsByte(0x3C), let problem = document.rawHTMLProblem() {
            problems.append(problem)
        }
        if options.unsafeHTML, let base = options.linkBase, original.containsByte(0x3C) {
            document.rewriteRawHTMLLinks(base: base, links: &links, problems: &problems)
        }
        let tags = !options.skillIDs.isEmpty && Self.mayHaveInlineTag(original) ? document.linkInlineTags(skills: options.skillIDs, base: options.linkBase) : []
        if original.containsBytes(0x3D, 0x3D) { document.markHighlights() }
        let (blockIDs, blockProblems) = original.containsByte(0x5E) ? document.assignBlockIDs() : ([], [])
        let hasOwnTableOfContents = document.hasOwnTableOfContents()
        let firstParagraph = document.firstParagraphText()
        let (plainText, wordCount, fencedCode) = document.textAndWordCount(keepingText: options.keepText)
        let headings = document.assignHeadingIDs(unsafeHTML: options.unsafeHTML, reserving: footnoteIDs)
        if !callouts.isEmpty { document.renderCallouts(callouts, unsafeHTML: options.unsafeHTML) }
        document.highlightCode(fencedCode)
        let html = document.html(unsafeHTML: options.unsafeHTML)
        problems = (prepared?.problems ?? []) + problems + blockProblems
        return RenderedMarkdown(
            html: html, title: title?.text, titleURL: title?.url, hasOwnTableOfContents: hasOwnTableOfContents,
            headings: headings, firstParagraph: firstParagraph, wordCount: wordCount, text: plainText, links: links, problems: problems,
            blockIDs: blockIDs, tags: tags)
    }

    /// The document as HTML; cmark's safe mode omits raw HTML and unsafe URLs unless asked.
    func html(unsafeHTML: Bool) -> String {
        Self.renderHTML(root, unsafeHTML: unsafeHTML)
    }

    static func renderHTML(_ node: OpaquePointer, unsafeHTML: Bool) -> String {
        let options = unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let buffer = cmark_render_html(node, options) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// The plain text of the first top-level paragraph, whitespace folded.
    func firstParagraphText() -> String {
        var node = cmark_node_first_child(root)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH {
                return Self.plainText(of: current)
            }
            node = cmark_node_next(current)
        }
        return ""
    }

    /// The plain text of the body, one line per block (empty unless `keepingText`), its
    /// words (in text, code spans and code blocks: the basis of the reading time), and the
    /// code blocks that have an info string (for the highlighter, found in the same walk).
    ///
    /// A word may span inline nodes (`*three*.` is one word in three nodes), so the
    /// in-a-word state carries across them and resets only at breaks and block edges.
    func textAndWordCount(keepingText: Bool = true) -> (text: String, words: Int, fencedCode: [OpaquePointer]) {
        var counter = WordCounter()
        var fencedCode: [OpaquePointer] = []
        var text: [UInt8] = []
        func append(_ literal: UnsafePointer<CChar>) {
            guard keepingText else { return }
            text.appendLiteral(literal)
        }
        func endLine() {
            if keepingText, let last = text.last, last != 10 { text.append(10) }
        }
        forEachNode { node, entering in
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { counter.feed(literal); append(literal) }
            case CMARK_NODE_CODE_BLOCK:
                if let info = cmark_node_get_fence_info(node), info.pointee != 0 { fencedCode.append(node) }
                counter.boundary()
                endLine()
                if let literal = cmark_node_get_literal(node) { counter.feed(literal); append(literal) }
                counter.boundary()
                endLine()
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                counter.boundary()
                if keepingText { text.append(32) }
            case CMARK_NODE_CUSTOM_INLINE where entering:
                // A table cell (it carries its origin) ends the words of the cell before it.
                if FragmentOrigin(of: node) != nil {
                    counter.boundary()
                    if keepingText, let last = text.last, last != 10, last != 32 { text.append(32) }
                }
            default:
                if type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue {
                    counter.boundary()
                    endLine()
                }
            }
        }
        if text.last == 10 { text.removeLast() }
        return (String(decoding: text, as: UTF8.self), counter.count, fencedCode)
    }

    /// Calls `body` for every node in document order with cmark's enter/exit events.
    ///
    /// cmark allows a node to be changed only after its EXIT event (or the ENTER event of a
    /// leaf): the iterator has already computed its next position by then.
    func forEachNode(_ body: (OpaquePointer, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            body(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// The text nodes outside links and images whose literal `matches`, in document order:
    /// where GitHub's syntax inside text (bare links, footnote references) may stand.
    func textNodesOutsideLinks(_ matches: (UnsafePointer<CChar>) -> Bool) -> [OpaquePointer] {
        var texts: [OpaquePointer] = []
        var insideLink = 0
        forEachNode { node, entering in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                insideLink += entering ? 1 : -1
            case CMARK_NODE_TEXT where insideLink == 0:
                if let literal = cmark_node_get_literal(node), matches(literal) { texts.append(node) }
            default:
                break
            }
        }
        return texts
    }

    /// `node` and every node inside it, in document order.
    static func subtree(of node: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(node) else { return [node] }
        defer { cmark_iter_free(iterator) }
        var nodes: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) { nodes.append(child) }
        }
        return nodes
    }

    /// Text, code and line breaks under `node`, with runs of whitespace folded to one space.
    static func plainText(of node: OpaquePointer) -> String {
        // Gathered as bytes straight from cmark's literals; folded as bytes when all ASCII.
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var raw: [UInt8] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) {
                    raw.appendLiteral(literal)
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                raw.append(32)
            default:
                break
            }
        }
        if let folded = squeezedASCII(raw) {
            // At most one space is left at either end.
            return String(decoding: folded.drop { $0 == 32 }.reversed().drop { $0 == 32 }.reversed(), as: UTF8.self)
        }
        return squeezed(String(decoding: raw, as: UTF8.self)).trimmingCharacters(in: .whitespaces)
    }

    /// Runs of whitespace folded to one space, keeping one at either end if there was any
    /// (none when there is nothing else).
    static func squeezed<Characters: Collection<Character>>(_ text: Characters) -> String {
        var result = ""
        var space = false
        var words = false
        for character in text {
            if character.isWhitespace {
                space = true
            } else {
                if space { result.append(" ") }
                result.append(character)
                space = false
                words = true
            }
        }
        if space && words { result.append(" ") }
        return result
    }
}

/// Runs of ASCII whitespace as one space, kept at the ends when there are words; nil when
/// the text has other characters (Unicode spaces need `Character`'s rules).
func squeezedASCII<Bytes: Collection<UInt8>>(_ text: Bytes) -> [UInt8]? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.count)
    var inSpace = false
    var sawWord = false
    for byte in text {
        if byte >= 0x80 { return nil }
        if byte == 32 || (9...13).contains(byte) {
            inSpace = true
        } else {
            if inSpace { bytes.append(32) }
            inSpace = false
            sawWord = true
            bytes.append(byte)
        }
    }
    if inSpace && sawWord { bytes.append(32) }
    return bytes
}

/// Counts runs of non-space bytes fed to it in pieces.
struct WordCounter {
    private(set) var count = 0
    private var inWord = false

    mutating func boundary() { inWord = false }

    mutating func feed(_ literal: UnsafePointer<CChar>) {
        var pointer = literal
        while pointer.pointee != 0 {
            let byte = UInt8(bitPattern: pointer.pointee)
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
            pointer += 1
        }
    }
}

extension [UInt8] {
    /// Appends a cmark literal's bytes (a C string, UTF-8), without its terminator.
    mutating func appendLiteral(_ literal: UnsafePointer<CChar>) {
        append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
    }
}
