import CCmark
import Foundation

/// A one-line excerpt around a link, for "Linked from" lists.
enum LinkContext {
    /// How many characters of a block's text either side of a link are looked at: twice
    /// what `around` keeps at most, so spaces folded away still leave enough.
    static let reach = 400

    /// The context of each placeholder node, in order: the sentence around it in its block.
    ///
    /// Each block holding links is walked once, and each link looks at no more than `reach`
    /// characters either side, so a paragraph of thousands of links costs what reading it
    /// does (walking the block once per link made such a note take minutes).
    static func contexts(of placeholders: [OpaquePointer]) -> [String] {
        var contexts = [String](repeating: "", count: placeholders.count)
        var numbersByBlock: [OpaquePointer: [Int]] = [:]
        for (number, node) in placeholders.enumerated() {
            if let block = enclosingBlock(of: node) { numbersByBlock[block, default: []].append(number) }
        }
        for (block, numbers) in numbersByBlock {
            let text = BlockText(block, marking: Set(numbers.map { placeholders[$0] }))
            let unicode = text.isASCII ? nil : text.characters()
            for number in numbers {
                guard let span = text.spans[placeholders[number]] else { continue }
                if text.isASCII {
                    contexts[number] = context(in: text.bytes, span: span)
                } else if let characters = unicode, let span = characters.spans[placeholders[number]] {
                    contexts[number] = context(in: characters.text, span: span)
                }
            }
        }
        return contexts
    }

    /// The context of the link at `span` of a block's text, as Characters (or as bytes, when
    /// the block is ASCII: the same characters, without the cost of making them).
    private static func context<Text: RandomAccessCollection<Element>, Element>(in text: Text, span: Range<Int>) -> String
    where Text.Index == Int {
        let before = text[max(0, span.lowerBound - reach)..<span.lowerBound]
        let after = text[span.upperBound..<min(text.count, span.upperBound + reach)]
        return around(before: folded(before), link: folded(text[span]), after: folded(after))
    }

    private static func folded<Part: Collection>(_ part: Part) -> String {
        if let bytes = part as? ArraySlice<UInt8> { return String(decoding: squeezedASCII(bytes) ?? Array(bytes), as: UTF8.self) }
        if let characters = part as? ArraySlice<Character> { return MarkdownDocument.squeezed(characters) }
        preconditionFailure("block text is bytes or characters")
    }

    /// The nearest block (paragraph, list item, heading…) holding an inline node.
    private static func enclosingBlock(of node: OpaquePointer) -> OpaquePointer? {
        var block = cmark_node_parent(node)
        while let current = block, cmark_node_get_type(current).rawValue > CMARK_NODE_LAST_BLOCK.rawValue {
            block = cmark_node_parent(current)
        }
        return block
    }

    /// A block's plain text, unfolded, as UTF-8, with where each marked node's text starts
    /// and ends.
    private struct BlockText {
        var bytes: [UInt8] = []
        var spans: [OpaquePointer: Range<Int>] = [:]
        private(set) var isASCII = true
        /// Where each piece of text (a node's literal, a break's space) ends.
        private var pieceEnds: [Int] = []

        init(_ block: OpaquePointer, marking marked: Set<OpaquePointer>) {
            guard let iterator = cmark_iter_new(block) else { return }
            defer { cmark_iter_free(iterator) }
            var starts: [OpaquePointer: Int] = [:]
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                if marked.contains(node) {
                    if event == CMARK_EVENT_ENTER {
                        starts[node] = bytes.count
                    } else if let start = starts[node] {
                        spans[node] = start..<bytes.count
                    }
                } else if event == CMARK_EVENT_ENTER {
                    switch cmark_node_get_type(node) {
                    case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                        guard let literal = cmark_node_get_literal(node) else { continue }
                        let piece = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
                        if isASCII, piece.contains(where: { $0 >= 0x80 }) { isASCII = false }
                        bytes.append(contentsOf: piece)
                    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                        bytes.append(32)
                    default:
                        continue
                    }
                    pieceEnds.append(bytes.count)
                }
            }
        }

        /// The text as Characters, made piece by piece, and the spans counted in Characters.
        func characters() -> (text: [Character], spans: [OpaquePointer: Range<Int>]) {
            var text: [Character] = []
            var offsets = [0: 0]  // a piece's end in bytes → in Characters
            var start = 0
            for end in pieceEnds {
                text += String(decoding: bytes[start..<end], as: UTF8.self)
                offsets[end] = text.count
                start = end
            }
            var characterSpans: [OpaquePointer: Range<Int>] = [:]
            for (node, span) in spans {
                if let lower = offsets[span.lowerBound], let upper = offsets[span.upperBound] { characterSpans[node] = lower..<upper }
            }
            return (text, characterSpans)
        }
    }

    /// The sentence holding the link; when that is longer than `limit` characters, a window
    /// around the link cut at word boundaries, with "…" where text was left out.
    static func around(before: String, link: String, after: String, limit: Int = 200) -> String {
        var head = String(before[sentenceStart(in: before)...])
        var tail = String(after[..<sentenceEnd(in: after)])
        let room = limit - link.count
        if head.count + tail.count > room {
            // Keep up to two thirds of the room before the link, and give the rest to what follows.
            let headRoom = max(min(head.count, room * 2 / 3), room - tail.count)
            if head.count > headRoom {
                let cut = head.index(head.endIndex, offsetBy: -max(headRoom, 0))
                let word = head[cut...].firstIndex(of: " ").map { head.index(after: $0) } ?? cut
                head = "…" + head[word...]
            }
            let tailRoom = max(room - head.count, 0)
            if tail.count > tailRoom {
                let cut = tail.index(tail.startIndex, offsetBy: tailRoom)
                let word = tail[..<cut].lastIndex(of: " ") ?? cut
                var kept = tail[..<word]
                while let last = kept.last, last.isWhitespace || last.isPunctuation { kept.removeLast() }
                tail = kept + "…"
            }
        }
        return (head + link + tail).trimmingCharacters(in: .whitespaces)
    }

    /// Where the sentence that `before` ends in starts.
    private static func sentenceStart(in before: String) -> String.Index {
        var index = before.endIndex
        while index > before.startIndex {
            let previous = before.index(before: index)
            if before[previous] == " ", previous > before.startIndex,
               ".!?".contains(before[before.index(before: previous)]) {
                return index
            }
            index = previous
        }
        return before.startIndex
    }

    /// Where the sentence that `after` continues ends (after its full stop).
    private static func sentenceEnd(in after: String) -> String.Index {
        var index = after.startIndex
        while index < after.endIndex {
            let next = after.index(after: index)
            if ".!?".contains(after[index]), next == after.endIndex || after[next] == " " {
                return next
            }
            index = next
        }
        return after.endIndex
    }
}
