import CCmark
import Foundation

/// GFM tables. Plain cmark reads a table as a paragraph of pipes; this pass finds such
/// paragraphs, reads their source lines, and puts cmark-gfm's table HTML in their place,
/// with each cell's inline Markdown parsed as a small document of its own.
extension MarkdownDocument {
    /// Replaces every paragraph that holds a header row and a delimiter row with a table.
    /// Call before `processLinks`, so links in cells are rewritten like any other.
    func buildTables(source: MarkdownSource) {
        var paragraphs: [OpaquePointer] = []
        forEachNode { node, entering in
            if !entering, cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
               cmark_node_get_end_line(node) > cmark_node_get_start_line(node) {
                paragraphs.append(node)
            }
        }
        var definitions: String?
        for paragraph in paragraphs {
            buildTable(from: paragraph, source: source, definitions: &definitions)
        }
    }

    /// The paragraph's lines as they stand in the source, without block quote markers and
    /// indentation, each with the 1-based column of its first byte.
    private func paragraphLines(_ paragraph: OpaquePointer, source: MarkdownSource) -> [(text: ArraySlice<UInt8>, line: Int, column: Int)] {
        var quotes = 0
        var ancestor = cmark_node_parent(paragraph)
        while let node = ancestor {
            if cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes += 1 }
            ancestor = cmark_node_parent(node)
        }
        // A paragraph in a footnote's body points into the body: its origin gives the note's lines.
        let position = Self.position(of: paragraph)
        let first = position.line
        let last = position.endLine
        var lines: [(text: ArraySlice<UInt8>, line: Int, column: Int)] = []
        for number in first...last {
            var text = source.line(number)
            let lineStart = text.startIndex
            if number == first {
                text = text.dropFirst(max(0, position.column - 1))
            } else {
                for _ in 0..<quotes {
                    let stripped = text.drop(while: TableRow.isSpace)
                    guard stripped.first == UInt8(ascii: ">") else { break }
                    text = stripped.dropFirst()
                }
                text = text.drop(while: TableRow.isSpace)
            }
            lines.append((text, number, text.startIndex - lineStart + 1))
        }
        return lines
    }

    private func buildTable(from paragraph: OpaquePointer, source: MarkdownSource, definitions: inout String?) {
        let lines = paragraphLines(paragraph, source: source)
        guard lines.contains(where: { $0.text.contains(UInt8(ascii: "|")) }) else { return }
        var found: (delimiter: Int, alignments: [TableAlignment], header: TableRow)?
        for index in 1..<lines.count {
            guard let alignments = TableRow.alignments(lines[index].text) else { continue }
            let header = TableRow(lines[index - 1].text)
            if header.cells.count == alignments.count {
                found = (index, alignments, header)
                break
            }
        }
        guard let (delimiter, alignments, header) = found else { return }
        let keptLines = delimiter - 1
        // The lines before the header stay a paragraph: cut its inlines at the break that
        // ends them. A span across that break (a link over two lines) cannot be cut; GFM
        // would not have made it, so such a paragraph is left as it is.
        var cut: OpaquePointer?
        if keptLines > 0 {
            var breaks: [OpaquePointer] = []
            var child = cmark_node_first_child(paragraph)
            while let node = child {
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { breaks.append(node) }
                child = cmark_node_next(node)
            }
            guard breaks.count == lines.count - 1 else { return }
            cut = breaks[keptLines - 1]
        }
        let table = Self.customNode(CMARK_NODE_CUSTOM_BLOCK, enter: "<table>", exit: "</table>")
        let head = Self.customNode(CMARK_NODE_CUSTOM_BLOCK, enter: "<thead>", exit: "</thead>")
        cmark_node_append_child(table, head)
        cmark_node_append_child(head, tableRow(header, line: lines[delimiter - 1], alignments: alignments,
                                                tag: "th", source: source, definitions: &definitions))
        if delimiter + 1 < lines.count {
            let body = Self.customNode(CMARK_NODE_CUSTOM_BLOCK, enter: "<tbody>", exit: "</tbody>")
            cmark_node_append_child(table, body)
            for line in lines[(delimiter + 1)...] {
                cmark_node_append_child(body, tableRow(TableRow(line.text), line: line, alignments: alignments,
                                                        tag: "td", source: source, definitions: &definitions))
            }
        }
        if let cut {
            while let rest = cmark_node_next(cut) {
                cmark_node_unlink(rest)
                cmark_node_free(rest)
            }
            cmark_node_unlink(cut)
            cmark_node_free(cut)
            cmark_node_insert_after(paragraph, table)
        } else {
            cmark_node_insert_before(paragraph, table)
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
    }

    /// One `<tr>`: as many cells as the header has, missing ones empty, extra ones dropped.
    private func tableRow(_ row: TableRow, line: (text: ArraySlice<UInt8>, line: Int, column: Int), alignments: [TableAlignment],
                          tag: String, source: MarkdownSource, definitions: inout String?) -> OpaquePointer {
        let node = Self.customNode(CMARK_NODE_CUSTOM_BLOCK, enter: "<tr>", exit: "</tr>")
        for (index, alignment) in alignments.enumerated() {
            // A cell is an inline container, so `<th>a</th>` has no line breaks inside it as
            // cmark-gfm writes it; the origin marks it as a cell for the word count too.
            let cell = Self.customNode(CMARK_NODE_CUSTOM_INLINE, enter: "<\(tag)\(alignment.attribute)>", exit: "</\(tag)>\n")
            cmark_node_append_child(node, cell)
            guard index < row.cells.count, !row.cells[index].text.isEmpty else {
                FragmentOrigin(line: line.line, firstColumnOffset: 0, columnOffset: 0).attach(to: cell)
                continue
            }
            let text = row.cells[index]
            let column = line.column + text.offset
            FragmentOrigin(line: line.line, firstColumnOffset: column - 3, columnOffset: 0).attach(to: cell)
            fillCell(cell, with: String(decoding: text.text, as: UTF8.self), source: source, definitions: &definitions)
        }
        return node
    }

    /// Parses a cell's text as inline Markdown and moves the result into `cell`.
    ///
    /// The text is parsed after an escaped `!` so that it can never start a block (`# x`,
    /// `- x`, `> x` are text in a cell), and the `!` is taken off again. Reference links in a
    /// cell (`[x][ref]`) resolve against the note's one-line link reference definitions,
    /// which are appended to the cell's little document when the cell has a `[`.
    private func fillCell(_ cell: OpaquePointer, with text: String, source: MarkdownSource, definitions: inout String?) {
        var markdown = "\\!" + text
        if text.utf8.contains(UInt8(ascii: "[")) {
            if definitions == nil { definitions = Self.referenceDefinitions(in: source) }
            markdown += definitions ?? ""
        }
        guard let fragment = Self.parseFragment(markdown) else { return }
        defer { cmark_node_free(fragment) }
        guard let paragraph = cmark_node_first_child(fragment), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else {
            cmark_node_append_child(cell, Self.textNode(text))
            return
        }
        Self.moveChildren(of: paragraph, to: cell)
        if let first = cmark_node_first_child(cell), cmark_node_get_type(first) == CMARK_NODE_TEXT,
           let literal = cmark_node_get_literal(first), literal.pointee == CChar(UInt8(ascii: "!")) {
            if literal[1] == 0 {
                cmark_node_unlink(first)
                cmark_node_free(first)
            } else {
                cmark_node_set_literal(first, String(cString: literal + 1))
            }
        }
    }

    /// The note's one-line link reference definitions (`[label]: url "title"`), after a
    /// blank line, for a cell's document; footnote definitions are not among them.
    static func referenceDefinitions(in source: MarkdownSource) -> String {
        var result: [UInt8] = [10, 10]
        for number in 1...source.lineCount {
            let line = source.line(number)
            let text = line.drop(while: { $0 == 32 })
            guard line.count - text.count <= 3, text.first == UInt8(ascii: "["), text.dropFirst().first != UInt8(ascii: "^"),
                  text.firstRange(of: [UInt8(ascii: "]"), UInt8(ascii: ":")]) != nil else { continue }
            result += text
            result.append(10)
        }
        return String(decoding: result, as: UTF8.self)
    }
}
