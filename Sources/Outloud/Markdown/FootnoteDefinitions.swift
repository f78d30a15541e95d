/// GFM footnote definitions (`[^label]: text`, with indented continuation lines), found in
/// the source lines before cmark parses them.
///
/// Plain cmark would read `[^1]: word` as a link reference definition (turning every
/// `[^1]` into a link to `word`) and `[^1]: some words` as a paragraph. So the definitions
/// are taken out of the text first — their lines left blank, so every other line keeps its
/// number — and each body is parsed later as a document of its own.
struct FootnoteDefinitions {
    /// One definition: its label as written, its body, and where the body starts.
    struct Definition {
        var label: String
        var body: String
        var origin: FragmentOrigin
    }

    /// The definitions by label (matched as cmark matches link labels: case folded); the
    /// first definition of a label wins.
    var byKey: [String: Definition] = [:]
    /// The source with every definition's lines left blank.
    var source: String

    /// Finds the definitions; nil when there are none (the source stays as it is).
    init?(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        kept.reserveCapacity(lines.count)
        var fence: (character: Character, length: Int)?
        var found: [String: Definition] = [:]
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if let open = fence {
                if Self.fence(line)?.character == open.character, Self.fence(line)!.length >= open.length,
                   line.drop(while: { $0 == " " }).allSatisfy({ $0 == open.character || $0 == " " || $0 == "\r" }) {
                    fence = nil
                }
                kept.append(line)
                index += 1
                continue
            }
            if let opening = Self.fence(line) {
                fence = opening
                kept.append(line)
                index += 1
                continue
            }
            guard let (label, first, column) = Self.definitionStart(line) else {
                kept.append(line)
                index += 1
                continue
            }
            var body = [first]
            var end = index + 1
            var blanks = 0
            var lazy = !first.trimmingCharacters(in: .whitespaces).isEmpty
            while end < lines.count {
                let next = lines[end]
                let indentation = next.prefix(while: { $0 == " " }).count
                if next.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                    blanks += 1
                } else if indentation >= 4 {
                    body += Array(repeating: "", count: blanks) + [String(next.dropFirst(4))]
                    blanks = 0
                    lazy = true
                } else if blanks == 0, lazy, !Self.startsBlock(next), Self.definitionStart(next) == nil {
                    body.append(String(next))
                } else {
                    break
                }
                end += 1
            }
            end -= blanks  // blank lines after the last line of the body are not part of it
            let key = Self.key(label)
            if found[key] == nil {
                found[key] = Definition(label: label, body: body.joined(separator: "\n"),
                                        origin: FragmentOrigin(line: index + 1, firstColumnOffset: column - 1, columnOffset: 4))
            }
            kept += Array(repeating: "", count: end - index)
            index = end
        }
        guard !found.isEmpty else { return nil }
        byKey = found
        source = kept.joined(separator: "\n")
    }

    /// A label as it is matched: case folded, inner whitespace as one space.
    static func key(_ label: some StringProtocol) -> String {
        label.lowercased()
    }

    /// `[^label]:` at the start of a line (up to three spaces in): the label, the rest of
    /// the line, and the 1-based column at which that rest starts.
    static func definitionStart(_ line: Substring) -> (label: String, rest: String, column: Int)? {
        let indentation = line.prefix(while: { $0 == " " }).count
        guard indentation <= 3 else { return nil }
        let text = line.dropFirst(indentation)
        guard text.hasPrefix("[^"), let close = text.firstIndex(of: "]") else { return nil }
        let label = text[text.index(text.startIndex, offsetBy: 2)..<close]
        guard !label.isEmpty, !label.contains(where: { $0.isWhitespace || $0 == "[" }),
              text[text.index(after: close)...].hasPrefix(":") else { return nil }
        let afterColon = text[text.index(close, offsetBy: 2)...]
        let rest = afterColon.drop(while: { $0 == " " || $0 == "\t" })
        let column = indentation + text.utf8.distance(from: text.startIndex, to: rest.startIndex) + 1
        return (String(label), String(rest), column)
    }

    /// A fence's character and length, if `line` opens or closes fenced code.
    static func fence(_ line: Substring) -> (character: Character, length: Int)? {
        let indentation = line.prefix(while: { $0 == " " }).count
        guard indentation <= 3, let first = line.dropFirst(indentation).first, first == "`" || first == "~" else { return nil }
        let length = line.dropFirst(indentation).prefix(while: { $0 == first }).count
        guard length >= 3 else { return nil }
        if first == "`", line.dropFirst(indentation + length).contains("`") { return nil }
        return (first, length)
    }

    /// Whether a line would start another block rather than continue a definition's paragraph.
    static func startsBlock(_ line: Substring) -> Bool {
        let text = line.drop(while: { $0 == " " })
        guard let first = text.first else { return true }
        if "#>".contains(first) || fence(line) != nil { return true }
        if "-*+".contains(first), text.dropFirst().first == " " || text.count == 1 { return true }
        if first.isNumber {
            let rest = text.drop(while: \.isNumber)
            if let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " { return true }
        }
        return false
    }
}
