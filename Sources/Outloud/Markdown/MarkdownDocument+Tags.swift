import CCmark
import Foundation

/// Obsidian's inline tags: `#swift` or `#team/learning` in the text. Those naming a skill
/// become links to the skill's page and skills of the note; the others stay text.
extension MarkdownDocument {
    /// Links every inline tag whose id (lower-cased, `/` as `-`) is in `skills`, and returns
    /// those ids in body order, each once. Tags are looked for in text outside links,
    /// headings and code; a tag follows a space or starts its line, holds letters, digits,
    /// `_`, `-` and `/`, and is not only digits (`#123` is an issue number).
    func linkInlineTags(skills: Set<String>, base: LinkBase?) -> [String] {
        guard !skills.isEmpty else { return [] }
        var texts: [OpaquePointer] = []
        var excluded = 0  // depth inside links, link placeholders and headings
        forEachNode { node, entering in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_INLINE, CMARK_NODE_HEADING:
                excluded += entering ? 1 : -1
            case CMARK_NODE_TEXT where excluded == 0:
                if let literal = cmark_node_get_literal(node), strchr(literal, 0x23) != nil { texts.append(node) }
            default:
                break
            }
        }
        let root = base.map { relativeRoot(forURLPath: $0.pageURLPath) } ?? ""
        var found: [String] = []
        for node in texts {
            guard let literal = LinkEditor.literal(node) else { continue }
            // After an inline node (`**a**#b`), a `#` at the start does not begin a tag.
            let previous = cmark_node_previous(node)
            let startsLine = previous == nil || [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(previous!))
            let pieces = Self.tagPieces(literal, startsLine: startsLine, skills: skills)
            guard pieces.contains(where: { $0.skill != nil }) else { continue }
            for piece in pieces {
                if let skill = piece.skill {
                    if !found.contains(skill) { found.append(skill) }
                    let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                    cmark_node_set_on_enter(link, "<a class=\"tag\" href=\"\(HTML.escape(root + "skills/" + ContentPath.encoded(skill)))/\">")
                    cmark_node_set_on_exit(link, "</a>")
                    let text = cmark_node_new(CMARK_NODE_TEXT)!
                    cmark_node_set_literal(text, piece.text)
                    cmark_node_append_child(link, text)
                    cmark_node_insert_before(node, link)
                } else if !piece.text.isEmpty {
                    let text = cmark_node_new(CMARK_NODE_TEXT)!
                    cmark_node_set_literal(text, piece.text)
                    cmark_node_insert_before(node, text)
                }
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        return found
    }

    /// Whether `source` has a `#` after a space or at a line's start and before a letter,
    /// digit, `_` or non-ASCII byte: a byte scan, so notes with only headings (`## A`) skip
    /// the tree walk.
    static func mayHaveInlineTag(_ source: String) -> Bool {
        source.withUTF8Bytes { bytes in
            var index = 0
            while let found = bytes.offset(of: 0x23, from: index) {
                index = found + 1
                guard found + 1 < bytes.count else { return false }
                let before: UInt8 = found > 0 ? bytes[found - 1] : 10
                let after = bytes[found + 1]
                guard before == 32 || before == 10 || before == 9 || before == 13 || before == 0x3E || before == 0x28 else { continue }
                if after >= 0x80 || after == 0x5F || (0x30...0x39).contains(after) || (0x41...0x5A).contains(after) || (0x61...0x7A).contains(after) {
                    return true
                }
            }
            return false
        }
    }

    /// A text cut into plain pieces and tags that name a skill (`skill` set).
    static func tagPieces(_ text: String, startsLine: Bool, skills: Set<String>) -> [(text: String, skill: String?)] {
        var pieces: [(text: String, skill: String?)] = []
        var pending = ""
        var index = text.startIndex
        var previous: Character? = startsLine ? nil : "x"
        while index < text.endIndex {
            let character = text[index]
            if character == "#", previous == nil || previous!.isWhitespace {
                let start = text.index(after: index)
                let end = text[start...].firstIndex { !isTagCharacter($0) } ?? text.endIndex
                var tag = text[start..<end]
                while tag.last == "/" || tag.last == "-" { tag.removeLast() }  // `#swift-` at a sentence's end
                let id = tag.lowercased().replacingOccurrences(of: "/", with: "-")
                if !tag.isEmpty, !tag.allSatisfy(\.isNumber), skills.contains(id) {
                    pieces.append((pending, nil))
                    pending = ""
                    pieces.append(("#" + tag, id))
                    index = tag.endIndex
                    previous = tag.last
                    continue
                }
            }
            pending.append(character)
            previous = character
            index = text.index(after: index)
        }
        pieces.append((pending, nil))
        return pieces
    }

    private static func isTagCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-" || character == "/"
    }
}
