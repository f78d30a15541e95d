import CCmark
import Foundation

/// Obsidian syntax that must be handled on the source before cmark parses it:
///
/// - `%%comments%%`, inline or over many lines, are removed (their newlines kept, so line
///   numbers still hold), so their text reaches neither the HTML nor search nor the summary;
/// - an escaped bracket `\[` that starts a `[[` (`\[[x]]`, `\[\[x\]\]`) is replaced by a
///   private-use character, because cmark turns `\[` into a plain `[` in the text node and the
///   wikilink pass could not tell it was escaped; `restoreEscapedBrackets` puts `[` back.
///
/// Code is left alone: fenced blocks and backtick code spans (on one line) are copied as they
/// are. The scan is one pass over the bytes, and it runs only when the note has `%%` or `\[`.
enum ObsidianSource {
    /// Stands for an escaped `[` between this pass and `restoreEscapedBrackets`.
    static let escapedBracket: Character = "\u{E001}"
    private static let escapedBracketBytes: [UInt8] = [0xEE, 0x80, 0x81]

    struct Prepared {
        var text: String
        /// Whether any escaped bracket was marked (then the tree needs restoring).
        var markedBrackets: Bool
        var problems: [MarkdownProblem]
    }

    /// The source with comments removed and escaped `[[` marked; nil when it has neither.
    static func prepare(_ source: String) -> Prepared? {
        guard source.containsBytes(0x25, 0x25) || source.containsBytes(0x5C, 0x5B) else { return nil }
        let bytes = Array(source.utf8)
        var scanner = Scanner(bytes: bytes)
        scanner.run()
        guard scanner.changed else { return nil }
        return Prepared(text: String(decoding: scanner.output, as: UTF8.self), markedBrackets: scanner.marked, problems: scanner.problems)
    }

    /// One pass over the lines, tracking fenced code and open comments.
    private struct Scanner {
        let bytes: [UInt8]
        var output: [UInt8] = []
        var changed = false
        var marked = false
        var problems: [MarkdownProblem] = []
        private var fence: (byte: UInt8, count: Int)?
        /// Where the open comment started (line, column), if one is open.
        private var comment: (line: Int, column: Int)?

        init(bytes: [UInt8]) {
            self.bytes = bytes
            output.reserveCapacity(bytes.count)
        }

        mutating func run() {
            var start = 0, line = 1
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 10 { end += 1 }
                scanLine(start, end, line: line)
                if end < bytes.count { output.append(10) }
                start = end + 1
                line += 1
            }
            if let open = comment {
                problems.append(MarkdownProblem(severity: .warning, message: "`%%` opens a comment that is never closed; the rest of the note is hidden", line: open.line, column: open.column))
            }
        }

        private mutating func scanLine(_ start: Int, _ end: Int, line: Int) {
            let line = (number: line, start: start)
            if comment == nil {
                let run = fenceRun(start, end)
                if let open = fence {
                    output.append(contentsOf: bytes[start..<end])
                    if let run, run.byte == open.byte, run.count >= open.count, run.rest { fence = nil }
                    return
                }
                if let run, run.byte == UInt8(ascii: "~") || run.info {
                    fence = (run.byte, run.count)
                    output.append(contentsOf: bytes[start..<end])
                    return
                }
            }
            if bytes[start..<end].contains(UInt8(ascii: "`")) { findRuns(start, end) } else { runs = [] }
            var index = start
            while index < end {
                let byte = bytes[index]
                let next: UInt8 = index + 1 < end ? bytes[index + 1] : 0
                if comment != nil {
                    if byte == 0x25 && next == 0x25 { comment = nil; index += 2 } else { index += 1 }
                    continue
                }
                switch byte {
                case UInt8(ascii: "`"):
                    index = copyCodeSpan(from: index, end: end)
                case 0x25 where next == 0x25:
                    comment = (line.number, index - line.start + 1)
                    changed = true
                    index += 2
                case UInt8(ascii: "\\") where next == UInt8(ascii: "["):
                    let after: UInt8 = index + 2 < end ? bytes[index + 2] : 0
                    let afterNext: UInt8 = index + 3 < end ? bytes[index + 3] : 0
                    // `\[` opening `[[`, or continuing a marked one (`\[\[`).
                    if after == UInt8(ascii: "[") || (after == UInt8(ascii: "\\") && afterNext == UInt8(ascii: "[")) || output.suffix(3) == escapedBracketBytes[...] {
                        output.append(contentsOf: escapedBracketBytes)
                        changed = true
                        marked = true
                    } else {
                        output.append(contentsOf: bytes[index...index + 1])
                    }
                    index += 2
                case UInt8(ascii: "\\") where next != 0 && next < 0x80:
                    output.append(contentsOf: bytes[index...index + 1])  // `\%`, `` \` ``: escaped
                    index += 2
                default:
                    output.append(byte)
                    index += 1
                }
            }
        }

        /// The backtick runs of the line being scanned, in order, and by length the runs of
        /// that length (with how many of them are behind), so each run finds its closing run
        /// without scanning the line again: linear however many runs there are.
        private var runs: [Range<Int>] = []
        private var nextRun = 0
        private var runsByLength: [Int: (runs: [Int], passed: Int)] = [:]

        private mutating func findRuns(_ start: Int, _ end: Int) {
            runs = []
            nextRun = 0
            runsByLength = [:]
            var index = start
            while index < end {
                guard bytes[index] == UInt8(ascii: "`") else { index += 1; continue }
                var runEnd = index
                while runEnd < end && bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
                runsByLength[runEnd - index, default: ([], 0)].runs.append(runs.count)
                runs.append(index..<runEnd)
                index = runEnd
            }
        }

        /// Copies a code span starting at the backtick run at `start` (or the run alone when it
        /// is not closed on this line); returns where to go on.
        private mutating func copyCodeSpan(from start: Int, end: Int) -> Int {
            while nextRun < runs.count && runs[nextRun].upperBound <= start { nextRun += 1 }
            guard nextRun < runs.count else { output.append(bytes[start]); return start + 1 }
            // The rest of a run that began with an escaped backtick (`\``) opens nothing.
            if runs[nextRun].lowerBound < start {
                output.append(contentsOf: bytes[start..<runs[nextRun].upperBound])
                nextRun += 1
                return runs[nextRun - 1].upperBound
            }
            let run = nextRun, length = runs[run].count
            // The next run of the same length after this one closes the span.
            var group = runsByLength[length]!
            while group.passed < group.runs.count && group.runs[group.passed] <= run { group.passed += 1 }
            runsByLength[length] = group
            if group.passed < group.runs.count {
                let close = runs[group.runs[group.passed]]
                output.append(contentsOf: bytes[start..<close.upperBound])
                nextRun = group.runs[group.passed] + 1
                return close.upperBound
            }
            output.append(contentsOf: bytes[runs[run]])
            nextRun = run + 1
            return runs[run].upperBound
        }

        /// A line of three or more backticks or tildes after any indentation (fences in list
        /// items are indented too): its character, length, whether only spaces follow (a
        /// closing fence) and whether it can open (a backtick fence's info has no backtick).
        private func fenceRun(_ start: Int, _ end: Int) -> (byte: UInt8, count: Int, rest: Bool, info: Bool)? {
            var index = start
            while index < end && (bytes[index] == 32 || bytes[index] == 9) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") else { return nil }
            let byte = bytes[index]
            var runEnd = index
            while runEnd < end && bytes[runEnd] == byte { runEnd += 1 }
            guard runEnd - index >= 3 else { return nil }
            let rest = bytes[runEnd..<end]
            return (byte, runEnd - index, rest.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }, !rest.contains(UInt8(ascii: "`")))
        }
    }
}

extension MarkdownDocument {
    /// Puts back the brackets `ObsidianSource` marked as escaped: `[` in text, URLs and link
    /// labels, and `\[` in code and raw HTML, where the backslash was never an escape.
    func restoreEscapedBrackets(in links: inout [LinkReference]) {
        let mark = String(ObsidianSource.escapedBracket)
        func restored(_ text: UnsafePointer<CChar>?, as replacement: String) -> String? {
            guard let text, strstr(text, mark) != nil else { return nil }
            return String(cString: text).replacingOccurrences(of: mark, with: replacement)
        }
        forEachNode { node, entering in
            guard entering else { return }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if let text = restored(cmark_node_get_literal(node), as: "[") { cmark_node_set_literal(node, text) }
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if let text = restored(cmark_node_get_literal(node), as: "\\[") { cmark_node_set_literal(node, text) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let url = restored(cmark_node_get_url(node), as: "[") { cmark_node_set_url(node, url) }
                if let title = restored(cmark_node_get_title(node), as: "[") { cmark_node_set_title(node, title) }
            default:
                break
            }
        }
        for index in links.indices {
            links[index].label = links[index].label.replacingOccurrences(of: mark, with: "[")
            links[index].context = links[index].context.replacingOccurrences(of: mark, with: "[")
        }
    }
}
