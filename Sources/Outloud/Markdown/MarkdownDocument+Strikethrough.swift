import CCmark
import Foundation

/// GFM strikethrough: `~~gone~~` and `~gone~` become `<del>`, by cmark-gfm's delimiter rules.
///
/// cmark has already paired the emphasis delimiters, so tildes are paired within each inline
/// container (a paragraph, an emphasis, a link's text): a pair across an emphasis boundary,
/// which GFM would let the tildes win, stays text here (see docs/content.md).
extension MarkdownDocument {
    func applyStrikethrough(source: MarkdownSource) {
        var parents: [OpaquePointer] = []
        var seen = Set<OpaquePointer>()
        forEachNode { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node),
                  strchr(literal, 0x7E) != nil, let parent = cmark_node_parent(node), !Self.isAutolink(parent),
                  seen.insert(parent).inserted else { return }
            parents.append(parent)
        }
        for parent in parents {
            var pairs = StrikethroughPairs(parent: parent, source: source)
            pairs.resolve()
        }
    }

    /// Whether `node` is a link cmark made of `<https://…>` or `<a@b.c>`: its text is its URL.
    static func isAutolink(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_LINK, let url = cmark_node_get_url(node),
              let text = cmark_node_first_child(node), cmark_node_next(text) == nil,
              let literal = cmark_node_get_literal(text) else { return false }
        let link = String(cString: url)
        let label = String(cString: literal)
        return link == label || link == "mailto:" + label
    }
}

/// The tilde runs among one container's children, paired as cmark-gfm's delimiter stack
/// pairs them: a closer takes the nearest opener; if their lengths differ the closer is
/// text; runs of three or more are never delimiters.
struct StrikethroughPairs {
    struct Delimiter {
        var node: OpaquePointer
        var length: Int
        var canOpen: Bool
        var canClose: Bool
        var previous: Int
        var next: Int
    }

    let parent: OpaquePointer
    let source: MarkdownSource
    var delimiters: [Delimiter] = []

    init(parent: OpaquePointer, source: MarkdownSource) {
        self.parent = parent
        self.source = source
    }

    mutating func resolve() {
        var child = cmark_node_first_child(parent)
        while let node = child {
            child = cmark_node_next(node)
            if cmark_node_get_type(node) == CMARK_NODE_TEXT { split(node) }
        }
        pair()
    }

    /// Which of the text node's tildes were written `\~`, from its source line; nil when
    /// the source does not line up with the text (an entity, a node over several lines).
    private func escapedTildes(_ node: OpaquePointer, count: Int) -> [Bool]? {
        let position = MarkdownDocument.position(of: node)
        guard position.line > 0, position.line == position.endLine else { return nil }
        let text = source.line(position.line)
        let start = text.startIndex + position.column - 1
        let end = min(text.endIndex, text.startIndex + position.endColumn)
        guard start >= text.startIndex, start <= end else { return nil }
        var flags: [Bool] = []
        var index = start
        while index < end {
            if text[index] == 0x5C, index + 1 < end, InlineNeighbour.isPunctuation(Unicode.Scalar(text[index + 1])) {
                if text[index + 1] == 0x7E { flags.append(true) }
                index += 2
                continue
            }
            if text[index] == 0x7E { flags.append(false) }
            index += 1
        }
        return flags.count == count ? flags : nil
    }

    /// Cuts a text node into text and tilde runs, recording each run of one or two.
    private mutating func split(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node), strchr(literal, 0x7E) != nil else { return }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
        let escaped = escapedTildes(node, count: bytes.lazy.filter { $0 == 0x7E }.count)
        var pieces: [(range: Range<Int>, delimiter: Bool, open: Bool, close: Bool)] = []
        var tilde = 0
        var textStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x7E, escaped?[tilde] != true else {
                if bytes[index] == 0x7E { tilde += 1 }
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] == 0x7E, escaped?[tilde] != true { end += 1; tilde += 1 }
            if end - index <= 2 {
                let before = index == 0 ? InlineNeighbour.before(node) : .character(Self.scalar(endingAt: index, in: bytes))
                let after = end == bytes.count ? InlineNeighbour.after(node) : .character(Self.scalar(startingAt: end, in: bytes))
                let left = !after.isWhitespace && (!after.isPunctuation || before.isWhitespace || before.isPunctuation)
                let right = !before.isWhitespace && (!before.isPunctuation || after.isWhitespace || after.isPunctuation)
                if left || right {
                    if textStart < index { pieces.append((textStart..<index, false, false, false)) }
                    pieces.append((index..<end, true, left, right))
                    textStart = end
                }
            }
            index = end
        }
        guard pieces.contains(where: \.delimiter) else { return }
        if textStart < bytes.count { pieces.append((textStart..<bytes.count, false, false, false)) }
        for piece in pieces {
            let text = MarkdownDocument.textNode(String(decoding: bytes[piece.range], as: UTF8.self))
            cmark_node_insert_before(node, text)
            if piece.delimiter {
                delimiters.append(Delimiter(node: text, length: piece.range.count, canOpen: piece.open, canClose: piece.close,
                                            previous: delimiters.count - 1, next: delimiters.count + 1))
            }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// cmark-gfm's pairing, over a linked list so removed delimiters are never walked again.
    private mutating func pair() {
        guard !delimiters.isEmpty else { return }
        delimiters[delimiters.count - 1].next = -1
        var bottom = [-1, -1, -1]  // below these no opener is looked for, by closer length % 3
        var closer = 0
        while closer >= 0, closer < delimiters.count {
            let current = delimiters[closer]
            let following = current.next
            guard current.canClose else { closer = following; continue }
            var opener = current.previous
            while opener > bottom[current.length % 3], opener >= 0 {
                let candidate = delimiters[opener]
                if candidate.canOpen, !(current.canOpen || candidate.canClose) || current.length % 3 == 0
                    || (candidate.length + current.length) % 3 != 0 { break }
                opener = candidate.previous
            }
            if opener > bottom[current.length % 3], opener >= 0 {
                if delimiters[opener].length == current.length {
                    wrap(from: delimiters[opener].node, to: current.node)
                    unlink(range: opener, through: closer)
                } else {
                    unlink(range: closer, through: closer)
                }
            } else {
                bottom[current.length % 3] = current.previous
                if !current.canOpen { unlink(range: closer, through: closer) }
            }
            closer = following
        }
    }

    /// Takes delimiters `first…last` out of the list.
    private mutating func unlink(range first: Int, through last: Int) {
        let before = delimiters[first].previous
        let after = delimiters[last].next
        if before >= 0 { delimiters[before].next = after }
        if after >= 0 { delimiters[after].previous = before }
    }

    /// Puts everything between two delimiter nodes into a `<del>` and drops the delimiters.
    private func wrap(from opener: OpaquePointer, to closer: OpaquePointer) {
        let del = MarkdownDocument.customNode(CMARK_NODE_CUSTOM_INLINE, enter: "<del>", exit: "</del>")
        while let node = cmark_node_next(opener), node != closer {
            cmark_node_append_child(del, node)
        }
        cmark_node_insert_before(closer, del)
        for node in [opener, closer] {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    static func scalar(startingAt index: Int, in bytes: [UInt8]) -> Unicode.Scalar {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    static func scalar(endingAt index: Int, in bytes: [UInt8]) -> Unicode.Scalar {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(startingAt: start, in: bytes)
    }
}
