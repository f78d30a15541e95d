import CCmark

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
            for number in numbers {
                guard let span = text.spans[placeholders[number]] else { continue }
                let characters = text.characters
                let before = characters[max(0, span.lowerBound - reach)..<span.lowerBound]
                let after = characters[span.upperBound..<min(characters.count, span.upperBound + reach)]
                contexts[number] = around(before: MarkdownDocument.squeezed(before),
                                          link: MarkdownDocument.squeezed(characters[span]),
                                          after: MarkdownDocument.squeezed(after))
            }
        }
        return contexts
    }

    /// The nearest block (paragraph, list item, heading…) holding an inline node.
    private static func enclosingBlock(of node: OpaquePointer) -> OpaquePointer? {
        var block = cmark_node_parent(node)
        while let current = block, cmark_node_get_type(current).rawValue > CMARK_NODE_LAST_BLOCK.rawValue {
            block = cmark_node_parent(current)
        }
        return block
    }

    /// A block's plain text, unfolded, with where each marked node's text starts and ends.
    private struct BlockText {
        var characters: [Character] = []
        var spans: [OpaquePointer: Range<Int>] = [:]

        init(_ block: OpaquePointer, marking marked: Set<OpaquePointer>) {
            guard let iterator = cmark_iter_new(block) else { return }
            defer { cmark_iter_free(iterator) }
            var starts: [OpaquePointer: Int] = [:]
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                if marked.contains(node) {
                    if event == CMARK_EVENT_ENTER {
                        starts[node] = characters.count
                    } else if let start = starts[node] {
                        spans[node] = start..<characters.count
                    }
                } else if event == CMARK_EVENT_ENTER {
                    characters += MarkdownDocument.plainTextPiece(of: node)
                }
            }
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
