import CCmark

/// The character next to an inline node's text as it stood in the source, which GFM's
/// flanking rules (strikethrough) and autolink rules look at.
///
/// cmark has already turned `*a*`, `` `a` `` and `[a](b)` into nodes, but each of them began
/// and ended with punctuation in the source; a line break is whitespace; the start or end of
/// a block is whitespace too.
enum InlineNeighbour {
    case whitespace
    /// An emphasis, strong emphasis or strikethrough delimiter (`*`, `_`, `~`).
    case emphasis
    /// Other punctuation: a code span's backtick, a link's bracket, raw HTML's `<`.
    case punctuation
    case character(Unicode.Scalar)

    /// What stands before `node`'s first character.
    static func before(_ node: OpaquePointer) -> InlineNeighbour {
        if let previous = cmark_node_previous(node) { return outside(previous, atStart: false) }
        return edge(of: cmark_node_parent(node))
    }

    /// What stands after `node`'s last character.
    static func after(_ node: OpaquePointer) -> InlineNeighbour {
        if let next = cmark_node_next(node) { return outside(next, atStart: true) }
        return edge(of: cmark_node_parent(node))
    }

    private static func edge(of parent: OpaquePointer?) -> InlineNeighbour {
        guard let parent else { return .whitespace }
        switch cmark_node_get_type(parent) {
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG: return .emphasis
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE: return .punctuation
        case CMARK_NODE_CUSTOM_INLINE: return FragmentOrigin(of: parent) == nil ? .emphasis : .whitespace
        default: return .whitespace
        }
    }

    private static func outside(_ node: OpaquePointer, atStart: Bool) -> InlineNeighbour {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return .whitespace
        case CMARK_NODE_TEXT:
            guard let literal = cmark_node_get_literal(node) else { return .whitespace }
            let scalars = String(cString: literal).unicodeScalars
            guard let scalar = atStart ? scalars.first : scalars.last else { return .whitespace }
            return .character(scalar)
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG: return .emphasis
        case CMARK_NODE_CUSTOM_INLINE: return FragmentOrigin(of: node) == nil ? .emphasis : .whitespace
        default: return .punctuation
        }
    }

    var isWhitespace: Bool {
        if case .character(let scalar) = self { return Self.isWhitespace(scalar) }
        if case .whitespace = self { return true }
        return false
    }

    var isPunctuation: Bool {
        switch self {
        case .whitespace: false
        case .emphasis, .punctuation: true
        case .character(let scalar): Self.isPunctuation(scalar)
        }
    }

    /// cmark's whitespace: Unicode space separators, tab, line feed, form feed, carriage return.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 9, 10, 12, 13, 32: true
        case 0..<128: false
        default: scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// cmark's punctuation: ASCII punctuation and Unicode's punctuation categories.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 128 {
            let value = scalar.value
            return (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value) || (123...126).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
