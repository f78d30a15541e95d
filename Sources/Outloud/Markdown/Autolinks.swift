/// GFM's extended autolinks found in a text: `www.` domains, `http://`, `https://` and
/// `ftp://` URLs and e-mail addresses, with GFM's rules for where they may start, what
/// counts as a domain and what trailing punctuation stays outside the link.
enum Autolinks {
    /// One link found: the byte range of its text and the URL it points to.
    struct Match {
        var range: Range<Int>
        var url: String
    }

    /// Every autolink in `bytes`, in order. `before` is what stands before the first byte
    /// (a `www.` or a URL may only follow whitespace, `*`, `_`, `~` or `(`).
    static func find(in bytes: [UInt8], before: InlineNeighbour) -> [Match] {
        var matches: [Match] = []
        var index = 0
        var emailFrom = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x77, mayStart(at: index, in: bytes, before: before), let end = www(at: index, in: bytes) {
                matches.append(Match(range: index..<end, url: "http://" + String(decoding: bytes[index..<end], as: UTF8.self)))
                index = end
                emailFrom = end
                continue
            }
            if byte == 0x3A, let match = url(colon: index, in: bytes, from: emailFrom) {
                matches.append(match)
                index = match.range.upperBound
                emailFrom = index
                continue
            }
            if byte == 0x40, let match = email(at: index, in: bytes, from: emailFrom) {
                matches.append(match)
                index = match.range.upperBound
                emailFrom = index
                continue
            }
            index += 1
        }
        return matches
    }

    private static func mayStart(at index: Int, in bytes: [UInt8], before: InlineNeighbour) -> Bool {
        let previous: InlineNeighbour = index == 0 ? before : .character(Unicode.Scalar(bytes[index - 1]))
        switch previous {
        case .whitespace, .emphasis: return true
        case .punctuation: return false
        case .character(let scalar):
            // A byte of a multi-byte character is never one of these.
            return scalar.value < 0x80 && (InlineNeighbour.isWhitespace(scalar) || "*_~(".unicodeScalars.contains(scalar))
        }
    }

    private static func www(at index: Int, in bytes: [UInt8]) -> Int? {
        guard bytes[index...].starts(with: [0x77, 0x77, 0x77, 0x2E]), let domain = domainLength(bytes[index...], allowShort: false)
        else { return nil }
        return linkEnd(from: index, domainEnd: index + domain, in: bytes)
    }

    /// A URL whose scheme (every letter before the colon, so `xhttp://` is none) is http,
    /// https or ftp.
    private static func url(colon: Int, in bytes: [UInt8], from floor: Int) -> Match? {
        var start = colon
        while start > floor, isASCIILetter(bytes[start - 1]) { start -= 1 }
        let scheme = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), bytes[colon...].starts(with: [0x3A, 0x2F, 0x2F]),
              colon + 3 < bytes.count, let domain = domainLength(bytes[(colon + 3)...], allowShort: true)
        else { return nil }
        guard let end = linkEnd(from: start, domainEnd: colon + 3 + domain, in: bytes) else { return nil }
        return Match(range: start..<end, url: String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// An e-mail address around the `@` at `at`: letters, digits and `.+-_` before it, a
    /// domain with at least one dot after it, ending in a letter or a dot (which is dropped).
    private static func email(at: Int, in bytes: [UInt8], from floor: Int) -> Match? {
        var start = at
        while start > floor, isASCIIAlphanumeric(bytes[start - 1]) || ".+-_".utf8.contains(bytes[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var end = at + 1
        var dots = 0
        while end < bytes.count {
            let byte = bytes[end]
            if isASCIIAlphanumeric(byte) || byte == 0x2D || byte == 0x5F {
                end += 1
            } else if byte == 0x2E, end + 1 < bytes.count, isASCIIAlphanumeric(bytes[end + 1]) {
                dots += 1
                end += 1
            } else {
                break
            }
        }
        guard end - start >= 2, dots > 0, isASCIILetter(bytes[end - 1]) || bytes[end - 1] == 0x2E else { return nil }
        let trimmed = trimmedEnd(bytes, from: start, to: end)
        guard trimmed > at + 1 else { return nil }
        return Match(range: start..<trimmed, url: "mailto:" + String(decoding: bytes[start..<trimmed], as: UTF8.self))
    }

    /// The length of the domain at the start of `text` (labels of letters, digits, `-` and
    /// `_`, no `_` in the last two labels), or nil; a `www.` domain needs a dot.
    private static func domainLength(_ text: ArraySlice<UInt8>, allowShort: Bool) -> Int? {
        var index = text.startIndex + 1
        var dots = 0
        var underscores = (previous: 0, last: 0)
        while index < text.endIndex - 1 {
            let byte = text[index]
            if byte == 0x5F {
                underscores.last += 1
            } else if byte == 0x2E {
                underscores = (underscores.last, 0)
                dots += 1
            } else if byte != 0x2D, !isHostByte(text[index...]) {
                break
            }
            index += 1
        }
        if underscores.previous > 0 || underscores.last > 0 { return nil }
        guard allowShort || dots > 0 else { return nil }
        return index - text.startIndex
    }

    /// Not whitespace and not punctuation (multi-byte characters decoded).
    private static func isHostByte(_ text: ArraySlice<UInt8>) -> Bool {
        let byte = text[text.startIndex]
        if byte < 0x80 { return !InlineNeighbour.isWhitespace(Unicode.Scalar(byte)) && !InlineNeighbour.isPunctuation(Unicode.Scalar(byte)) }
        let scalar = StrikethroughPairs.scalar(startingAt: 0, in: Array(text.prefix(4)))
        return !InlineNeighbour.isWhitespace(scalar) && !InlineNeighbour.isPunctuation(scalar)
    }

    /// The link runs to the next whitespace or `<`, less its trailing punctuation.
    private static func linkEnd(from start: Int, domainEnd: Int, in bytes: [UInt8]) -> Int? {
        var end = domainEnd
        while end < bytes.count, bytes[end] != 0x3C, !InlineNeighbour.isWhitespace(Unicode.Scalar(bytes[end])) { end += 1 }
        let trimmed = trimmedEnd(bytes, from: start, to: end)
        return trimmed > start ? trimmed : nil
    }

    /// GFM's trailing punctuation rule: `?!.,:*_~'"` are dropped, a `)` only while there are
    /// more `)` than `(`, and a `;` ending something like `&amp;` takes the entity with it.
    private static func trimmedEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var end = end
        // Counted once: recounting for each `)` taken off would be quadratic in a run of them.
        var opening = -1
        var closing = 0
        while end > start {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == 0x3B {
                var entity = end - 2
                while entity > start, isASCIILetter(bytes[entity]) { entity -= 1 }
                end = entity < end - 2 && bytes[entity] == 0x26 ? entity : end - 1
            } else if last == 0x29 {
                if opening < 0 {
                    opening = bytes[start..<end].lazy.filter { $0 == 0x28 }.count
                    closing = bytes[start..<end].lazy.filter { $0 == 0x29 }.count
                }
                if closing <= opening { break }
                closing -= 1
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isASCIILetter(byte) || (0x30...0x39).contains(byte) }
}
