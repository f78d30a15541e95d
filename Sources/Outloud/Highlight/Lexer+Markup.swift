extension Lexer {
    /// What a tag was: it opens an element, closes one, or stands alone (`<br/>`, `<!-- -->`).
    enum TagKind { case opening, closing, alone }

    /// HTML and XML: tags, attributes, values, comments, doctype and entities; the inside of
    /// `<script>` and `<style>` is highlighted as JavaScript and CSS.
    mutating func scanMarkup(_ start: Int, _ end: Int) {
        var cursor = start
        while cursor < end {
            let byte = bytes[cursor]
            if byte == 0x3C {
                let (next, _, name) = scanTag(cursor, end)
                cursor = next
                if let embedded = Self.embedded(name) { cursor = scanEmbedded(cursor, end, name, embedded) }
            } else if byte == 0x26 {
                cursor = scanEntity(cursor, end)
            } else {
                cursor += 1
            }
        }
    }

    private static func embedded(_ name: [UInt8]) -> Language? {
        switch name.map({ Bytes.isUpper($0) ? $0 | 0x20 : $0 }) {
        case Array("script".utf8): return Languages.javascript
        case Array("style".utf8): return Languages.css
        default: return nil
        }
    }

    /// The inside of `<script>` or `<style>` up to its closing tag, in its own language.
    private mutating func scanEmbedded(_ start: Int, _ end: Int, _ name: [UInt8], _ embedded: Language) -> Int {
        var stop = start
        while stop < end {
            if bytes[stop] == 0x3C && stop + 1 < end && bytes[stop + 1] == 0x2F && matchesFolded(name, stop + 2, end) { break }
            stop += 1
        }
        var inner = Lexer(language: embedded, bytes: bytes)
        swap(&inner.tokens, &tokens)
        inner.scanCode(start, stop)
        swap(&inner.tokens, &tokens)
        return stop
    }

    private func matchesFolded(_ name: [UInt8], _ index: Int, _ end: Int) -> Bool {
        guard index + name.count <= end else { return false }
        for offset in 0..<name.count where bytes[index + offset] | 0x20 != name[offset] | 0x20 { return false }
        return true
    }

    /// `&amp;`, `&#39;`, `&#x27;` (at most 32 bytes); a lone `&` is text.
    private mutating func scanEntity(_ index: Int, _ end: Int) -> Int {
        var cursor = index + 1
        let limit = min(end, index + 32)
        while cursor < limit && (Bytes.isNameByte(bytes[cursor]) || bytes[cursor] == 0x23) && bytes[cursor] < 0x80 { cursor += 1 }
        guard cursor < limit, bytes[cursor] == 0x3B, cursor > index + 1 else { return index + 1 }
        emit(index, cursor + 1, .constant)
        return cursor + 1
    }

    /// A tag at `<`: comments, `<!DOCTYPE>`, `<?xml ?>`, CDATA, or an element's tag with its
    /// attributes. Returns where it ends, its kind and its element name.
    mutating func scanTag(_ index: Int, _ end: Int, jsx: Bool = false) -> (Int, TagKind, [UInt8]) {
        for (open, close, kind) in Self.specialTags where matches(open, index, end) {
            var cursor = index + open.count
            while cursor < end && !matches(close, cursor, end) { cursor += 1 }
            cursor = min(cursor + close.count, end)
            emit(index, cursor, kind)
            return (cursor, .alone, [])
        }
        var cursor = index + 1
        let closing = cursor < end && bytes[cursor] == 0x2F
        if closing { cursor += 1 }
        let nameStart = cursor
        while cursor < end && (Bytes.isNameByte(bytes[cursor]) || Self.tagNameBytes.contains(bytes[cursor])) { cursor += 1 }
        guard cursor > nameStart || (jsx && cursor < end && bytes[cursor] == 0x3E) else { return (index + 1, .alone, []) }
        emit(nameStart, cursor, .tag)
        let name = Array(bytes[nameStart..<cursor])
        while cursor < end {
            let byte = bytes[cursor]
            if byte == 0x3E { return (cursor + 1, closing ? .closing : .opening, closing ? [] : name) }
            if byte == 0x2F && cursor + 1 < end && bytes[cursor + 1] == 0x3E { return (cursor + 2, .alone, []) }
            if byte == 0x22 || byte == 0x27 {
                var close = cursor + 1
                while close < end && bytes[close] != byte { close += 1 }
                close = min(close + 1, end)
                emit(cursor, close, .string)
                cursor = close
            } else if jsx && byte == 0x7B {
                cursor = scanEmbeddedExpression(cursor + 1, end)
            } else if byte == 0x3D {
                emit(cursor, cursor + 1, .operator)
                cursor = skipSpaces(cursor + 1, end)
                // An unquoted value (`class=big`) runs to a space or the tag's end.
                let value = cursor
                while cursor < end, !Bytes.isSpace(bytes[cursor]), bytes[cursor] != 10, bytes[cursor] != 0x3E,
                      bytes[cursor] != 0x22, bytes[cursor] != 0x27, bytes[cursor] != 0x7B || !jsx { cursor += 1 }
                emit(value, cursor, .string)
            } else if Bytes.isNameStart(byte) {
                let start = cursor
                while cursor < end && (Bytes.isNameByte(bytes[cursor]) || Self.tagNameBytes.contains(bytes[cursor])) { cursor += 1 }
                emit(start, cursor, .attribute)
            } else {
                cursor += 1
            }
        }
        return (end, .alone, [])
    }

    private static let tagNameBytes = ByteSet("-:.")
    private static let specialTags: [([UInt8], [UInt8], TokenClass)] = [
        (Array("<!--".utf8), Array("-->".utf8), .comment),
        (Array("<![CDATA[".utf8), Array("]]>".utf8), .meta),
        (Array("<!".utf8), Array(">".utf8), .meta),
        (Array("<?".utf8), Array("?>".utf8), .meta),
    ]
}
