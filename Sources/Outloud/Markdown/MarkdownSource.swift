import CCmark

/// A note's Markdown as bytes cut into lines: the GFM passes read the source lines that
/// cmark's nodes point at (`cmark_node_get_start_line`), since plain cmark keeps no trace of
/// table pipes, escaped tildes or footnote markers in its tree.
struct MarkdownSource {
    let bytes: [UInt8]
    /// The byte offset at which each line starts; line n (1-based) starts at `lineStarts[n - 1]`.
    let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == 10 { starts.append(index + 1) }
        }
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

    /// Line `number` (1-based) without its line ending; empty outside the text.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= lineStarts.count else { return [] }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return bytes[start..<end]
    }
}

/// Where a fragment that was parsed as a document of its own (a table cell, a footnote's
/// body) sits in the note, so that positions inside it can be reported in the note's terms.
///
/// Kept in the fragment's container node as cmark user data (an integer, not a pointer to
/// memory), because cmark cannot set a node's source position.
struct FragmentOrigin: Hashable {
    /// The note's line of the fragment's line 1.
    var line: Int
    /// Added to a column on the fragment's first line.
    var firstColumnOffset: Int
    /// Added to a column on the fragment's later lines (the indentation a footnote's
    /// continuation lines lost).
    var columnOffset: Int

    init(line: Int, firstColumnOffset: Int, columnOffset: Int) {
        self.line = line
        self.firstColumnOffset = firstColumnOffset
        self.columnOffset = columnOffset
    }

    /// The position in the note of a fragment's line and column.
    func position(line fragmentLine: Int, column: Int) -> (line: Int, column: Int) {
        (line + fragmentLine - 1, column + (fragmentLine == 1 ? firstColumnOffset : columnOffset))
    }

    // Packed as a tag bit, 25 bits of line, 22 of first-line column offset (stored plus 2^21)
    // and 8 of later-line offset; positions beyond them are clamped, never wrong by wrapping.
    private static let tag: UInt = 1 << 62

    /// Marks `node` as a fragment container placed here.
    func attach(to node: OpaquePointer) {
        let line = UInt(min(max(line, 0), (1 << 25) - 1))
        let first = UInt(min(max(firstColumnOffset + (1 << 21), 0), (1 << 22) - 1))
        let later = UInt(min(max(columnOffset, 0), 255))
        cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: Self.tag | line << 30 | first << 8 | later))
    }

    /// The origin stored in `node`, if it is a fragment container.
    init?(of node: OpaquePointer) {
        guard let data = cmark_node_get_user_data(node) else { return nil }
        let packed = UInt(bitPattern: data)
        guard packed & Self.tag != 0 else { return nil }
        line = Int((packed >> 30) & ((1 << 25) - 1))
        firstColumnOffset = Int((packed >> 8) & ((1 << 22) - 1)) - (1 << 21)
        columnOffset = Int(packed & 0xFF)
    }
}

extension MarkdownDocument {
    /// Parses `text` as a document of its own, for a table cell or a footnote's body.
    static func parseFragment(_ text: String) -> OpaquePointer? {
        let count = text.utf8.count
        return text.withCString { cmark_parse_document($0, count, CMARK_OPT_SMART) }
    }

    /// A new custom node that writes `enter` and `exit` around its children. cmark writes
    /// both raw even in safe mode: callers escape what they put in them.
    static func customNode(_ type: cmark_node_type, enter: String, exit: String) -> OpaquePointer {
        let node = cmark_node_new(type)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    /// Moves every child of `source` to the end of `target`'s children.
    static func moveChildren(of source: OpaquePointer, to target: OpaquePointer) {
        while let child = cmark_node_first_child(source) {
            cmark_node_append_child(target, child)  // unlinks the child from `source`
        }
    }

    /// A new text node holding `text`.
    static func textNode(_ text: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, text)
        return node
    }
}

extension MarkdownDocument {
    /// HTML-escapes text for an attribute or element content written into a custom node.
    static func escapedForHTML(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension MarkdownDocument {
    /// Where `node` starts and ends in the note's Markdown: cmark's position, moved by the
    /// origin of the fragment (a table cell, a footnote's body) it was parsed in, if any.
    static func position(of node: OpaquePointer) -> (line: Int, column: Int, endLine: Int, endColumn: Int) {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let endColumn = Int(cmark_node_get_end_column(node))
        var ancestor = cmark_node_parent(node)
        while let current = ancestor {
            if let origin = FragmentOrigin(of: current) {
                let start = origin.position(line: line, column: column)
                let end = origin.position(line: endLine, column: endColumn)
                return (start.line, start.column, end.line, end.column)
            }
            ancestor = cmark_node_parent(current)
        }
        return (line, column, endLine, endColumn)
    }
}
