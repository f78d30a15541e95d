/// GFM footnote definitions (`[^label]: text`, with indented continuation lines), found in
/// the source lines before cmark parses them.
///
/// Plain cmark would read `[^1]: word` as a link reference definition (turning every
/// `[^1]` into a link to `word`) and `[^1]: some words` as a paragraph. So the definitions
/// are taken out of the text first — their lines left blank, so every other line keeps its
/// number — and each body is parsed later as a document of its own. Works on bytes: a note
/// may hold a hundred thousand of them.
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
        let lines = MarkdownSource(text)
        var kept: [UInt8] = []
        kept.reserveCapacity(lines.bytes.count)
        var fence: (byte: UInt8, length: Int)?
        var found: [String: Definition] = [:]
        var number = 1
        func keep(_ line: ArraySlice<UInt8>) {
            kept += line
            kept.append(10)
        }
        while number <= lines.lineCount {
            let line = lines.line(number)
            if let open = fence {
                if let close = Self.fence(line), close.byte == open.byte, close.length >= open.length, close.closes { fence = nil }
                keep(line)
                number += 1
                continue
            }
            if let opening = Self.fence(line) {
                fence = (opening.byte, opening.length)
                keep(line)
                number += 1
                continue
            }
            guard let (label, first, column) = Self.definitionStart(line) else {
                keep(line)
                number += 1
                continue
            }
            var body: [UInt8] = Array(first)
            var end = number + 1
            var blanks = 0
            var lazy = !first.allSatisfy(Self.isSpace)
            while end <= lines.lineCount {
                let next = lines.line(end)
                let indentation = next.prefix(while: { $0 == 32 }).count
                if next.allSatisfy(Self.isSpace) {
                    blanks += 1
                } else if indentation >= 4 {
                    body += [UInt8](repeating: 10, count: blanks + 1) + next.dropFirst(4)
                    blanks = 0
                    lazy = true
                } else if blanks == 0, lazy, !Self.startsBlock(next), Self.definitionStart(next) == nil {
                    body.append(10)
                    body += next
                } else {
                    break
                }
                end += 1
            }
            end -= blanks  // blank lines after the body's last line are not part of it
            let key = Self.key(label)
            if found[key] == nil {
                found[key] = Definition(label: label, body: String(decoding: body, as: UTF8.self),
                                        origin: FragmentOrigin(line: number, firstColumnOffset: column - 1, columnOffset: 4))
            }
            kept += [UInt8](repeating: 10, count: end - number)
            number = end
        }
        guard !found.isEmpty else { return nil }
        if text.utf8.last != 10, kept.last == 10 { kept.removeLast() }
        byKey = found
        source = String(decoding: kept, as: UTF8.self)
    }

    /// A label as it is matched: case folded.
    static func key(_ label: String) -> String {
        label.utf8.allSatisfy { $0 < 0x41 || $0 > 0x5A && $0 < 0x80 } ? label : label.lowercased()
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 }

    /// `[^label]:` at the start of a line (up to three spaces in): the label, the rest of
    /// the line, and the 1-based column at which that rest starts.
    static func definitionStart(_ line: ArraySlice<UInt8>) -> (label: String, rest: ArraySlice<UInt8>, column: Int)? {
        let indentation = line.prefix(while: { $0 == 32 }).count
        let text = line.dropFirst(indentation)
        guard indentation <= 3, text.starts(with: [0x5B, 0x5E]) else { return nil }
        guard let close = text.firstIndex(of: 0x5D), close > text.startIndex + 2 else { return nil }
        let label = text[(text.startIndex + 2)..<close]
        // No spaces or control bytes (a NUL would cut the custom HTML the label goes into).
        guard !label.contains(where: { $0 == 0x5B || $0 <= 32 }), close + 1 < text.endIndex, text[close + 1] == 0x3A
        else { return nil }
        let rest = text[(close + 2)...].drop(while: { $0 == 32 || $0 == 9 })
        return (String(decoding: label, as: UTF8.self), rest, rest.startIndex - line.startIndex + 1)
    }

    /// A fence's byte and length, if `line` opens or closes fenced code; `closes` when
    /// nothing but spaces follows the run (a closing fence has no info string).
    static func fence(_ line: ArraySlice<UInt8>) -> (byte: UInt8, length: Int, closes: Bool)? {
        let indentation = line.prefix(while: { $0 == 32 }).count
        let text = line.dropFirst(indentation)
        guard indentation <= 3, let first = text.first, first == 0x60 || first == 0x7E else { return nil }
        let length = text.prefix(while: { $0 == first }).count
        guard length >= 3 else { return nil }
        let info = text.dropFirst(length)
        if first == 0x60, info.contains(0x60) { return nil }
        return (first, length, info.allSatisfy(isSpace))
    }

    /// Whether a line would start another block rather than continue a definition's paragraph.
    static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
        let text = line.drop(while: { $0 == 32 })
        guard let first = text.first else { return true }
        if first == 0x23 || first == 0x3E || fence(line) != nil { return true }
        if first == 0x2D || first == 0x2A || first == 0x2B, text.count == 1 || text.dropFirst().first == 32 { return true }
        let digits = text.prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
        if !digits.isEmpty, let marker = text.dropFirst(digits.count).first, marker == 0x2E || marker == 0x29,
           text.dropFirst(digits.count + 1).first == 32 { return true }
        return false
    }
}
