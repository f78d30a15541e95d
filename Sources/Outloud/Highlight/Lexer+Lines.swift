extension Lexer {
    /// What only the start of a line can hold: C's `#include`, `[sections]`, YAML's `---`,
    /// and keys before `:` or `=`. Nil when the line starts with an ordinary token.
    mutating func scanLineStart(_ index: Int, _ end: Int) -> Int? {
        let byte = bytes[index]
        if language.preprocessorLines && byte == 0x23 {
            var stop = lineEnd(index, end)
            // A line ending in `\` continues the directive.
            while stop < end && stop > index && bytes[stop - 1] == 0x5C { stop = lineEnd(stop + 1, end) }
            emit(index, stop, .meta)
            return stop
        }
        if language.sectionLines && byte == 0x5B {
            let stop = lineEnd(index, end)
            var close = stop
            while close > index && bytes[close - 1] != 0x5D { close -= 1 }
            guard close > index + 1 else { return nil }
            emit(index, close, .keyword)
            return close
        }
        if language.yaml && (matches(Self.documentStart, index, end) || matches(Self.documentEnd, index, end)) && lineEnd(index, end) - index == 3 {
            emit(index, index + 3, .meta)
            return index + 3
        }
        if let separator = language.keySeparator { return scanKey(index, end, separator) }
        return nil
    }

    private static let documentStart = Array("---".utf8)
    private static let documentEnd = Array("...".utf8)

    /// `key: value` (YAML, also after `- `) and `key = value` (TOML, INI): the key is an
    /// attribute. The key may be quoted; a `#` or a bracket first means this is no key line.
    private mutating func scanKey(_ index: Int, _ end: Int, _ separator: UInt8) -> Int? {
        var start = index
        while language.yaml, start + 1 < end, bytes[start] == 0x2D, bytes[start + 1] == 0x20 {
            emit(start, start + 1, .operator)
            start = skipSpaces(start + 1, end)
            lineIndent = start - (index - lineIndent)
        }
        let stop = lineEnd(start, end)
        var cursor = start
        if cursor < stop, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 {
            let quote = bytes[cursor]
            cursor += 1
            while cursor < stop && bytes[cursor] != quote { cursor += 1 }
            cursor += 1
        }
        while cursor < stop {
            let byte = bytes[cursor]
            if byte == separator && (separator != 0x3A || cursor + 1 == stop || Bytes.isSpace(bytes[cursor + 1])) { break }
            if byte == 0x23 || byte == 0x5B || byte == 0x7B || byte == 0x22 || byte == 0x27 || byte == 0x2C { break }
            cursor += 1
        }
        guard cursor < stop, cursor > start, bytes[cursor] == separator else {
            if language.yaml, start > index { return scanPlainScalar(start, stop) ?? start }
            return start > index ? start : nil
        }
        var keyEnd = cursor
        while keyEnd > start && Bytes.isSpace(bytes[keyEnd - 1]) { keyEnd -= 1 }
        emit(start, keyEnd, .attribute)
        emit(cursor, cursor + 1, .operator)
        if language.valuesAreStrings {
            let value = skipSpaces(cursor + 1, end)
            var valueEnd = stop
            while valueEnd > value && Bytes.isSpace(bytes[valueEnd - 1]) { valueEnd -= 1 }
            emit(value, valueEnd, .string)
            return stop
        }
        if language.yaml { return scanBlockScalarStart(cursor + 1, stop) ?? scanPlainScalar(cursor + 1, stop) ?? cursor + 1 }
        return cursor + 1
    }

    /// YAML's `|` or `>` (with `-`, `+` or a digit) as the whole value: the block follows.
    private mutating func scanBlockScalarStart(_ index: Int, _ stop: Int) -> Int? {
        let start = skipSpaces(index, stop)
        guard start < stop, bytes[start] == 0x7C || bytes[start] == 0x3E else { return nil }
        var cursor = start + 1
        while cursor < stop && (bytes[cursor] == 0x2D || bytes[cursor] == 0x2B || Bytes.isDigit(bytes[cursor])) { cursor += 1 }
        let rest = skipSpaces(cursor, stop)
        guard rest == stop || bytes[rest] == 0x23 else { return nil }
        emit(start, cursor, .operator)
        blockScalarIndent = lineIndent
        return cursor
    }

    /// The lines of a YAML block scalar: blank or indented deeper than the line that opened it.
    mutating func scanBlockScalar(_ index: Int, _ end: Int, _ indent: Int) -> Int {
        blockScalarIndent = nil
        var cursor = index
        while cursor < end {
            let text = skipSpaces(cursor, end)
            let stop = lineEnd(cursor, end)
            if text < stop && text - cursor <= indent { break }
            if text < stop { emit(text, stop, .string) }
            cursor = stop + 1
        }
        return min(cursor, end)
    }

    /// `<<EOF`, `<<-EOF`, `<<~EOS`, `<<'EOF'` and PHP's `<<<EOT`: the marker is a string and
    /// the body follows from the next line.
    mutating func scanHeredocStart(_ index: Int, _ end: Int) -> Int? {
        guard matches(Self.heredocMark, index, end) else { return nil }
        var cursor = index + 2
        if cursor < end && bytes[cursor] == 0x3C && language.phpTags { cursor += 1 }
        if cursor < end && (bytes[cursor] == 0x2D || bytes[cursor] == 0x7E) { cursor += 1 }
        var quote: UInt8? = nil
        if cursor < end && (bytes[cursor] == 0x27 || bytes[cursor] == 0x22) {
            quote = bytes[cursor]
            cursor += 1
        }
        guard cursor < end, Bytes.isLetter(bytes[cursor]) || bytes[cursor] == 0x5F else { return nil }
        let name = cursor
        while cursor < end && Bytes.isNameByte(bytes[cursor]) && bytes[cursor] < 0x80 { cursor += 1 }
        let terminator = Array(bytes[name..<cursor])
        if let quote {
            guard cursor < end && bytes[cursor] == quote else { return nil }
            cursor += 1
        }
        emit(index, cursor, .string)
        heredocs.append(Heredoc(terminator: terminator))
        return cursor
    }

    private static let heredocMark = Array("<<".utf8)

    /// The bodies of the heredocs announced on the line before `index`, each up to and
    /// including its terminating line.
    mutating func scanHeredocs(_ index: Int, _ end: Int) -> Int {
        var cursor = index
        for heredoc in heredocs {
            let body = cursor
            while cursor < end {
                let stop = lineEnd(cursor, end)
                let text = skipSpaces(cursor, end)
                var textEnd = stop
                if textEnd > text && bytes[textEnd - 1] == 13 { textEnd -= 1 }
                var word = textEnd
                if word > text && bytes[word - 1] == 0x3B { word -= 1 }  // PHP's `EOT;`
                if word - text == heredoc.terminator.count && matches(heredoc.terminator, text, word) {
                    cursor = stop
                    break
                }
                cursor = stop < end ? stop + 1 : end
            }
            emit(body, cursor, .string)
        }
        heredocs.removeAll()
        return cursor
    }

    /// PHP's `<?php`, `<?=` and `?>`.
    mutating func scanPHPTag(_ index: Int, _ end: Int) -> Int? {
        for tag in Self.phpMarkers where matches(tag, index, end) {
            emit(index, index + tag.count, .meta)
            return index + tag.count
        }
        return nil
    }

    private static let phpMarkers = [Array("<?php".utf8), Array("<?=".utf8), Array("?>".utf8)]
}
