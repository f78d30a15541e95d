extension Lexer {
    /// A block comment from `index`; an unclosed one runs to the end.
    mutating func scanBlockComment(_ comment: Language.BlockComment, _ index: Int, _ end: Int) -> Int {
        var cursor = index + comment.open.count
        var depth = 1
        while cursor < end {
            if matches(comment.close, cursor, end) {
                cursor += comment.close.count
                depth -= 1
                if depth == 0 { break }
            } else if comment.nests && matches(comment.open, cursor, end) {
                cursor += comment.open.count
                depth += 1
            } else {
                cursor += 1
            }
        }
        emit(index, cursor, .comment)
        return cursor
    }

    /// The rest of a string from `content`, emitted from `start`. Stops at the closing
    /// delimiter, at a line break for single-line strings, or where interpolated code starts
    /// (pushing a frame so that the string resumes after it).
    mutating func scanString(_ rule: Language.StringRule, from start: Int, content: Int, _ end: Int) -> Int {
        var segment = start
        var cursor = content
        let close = rule.close[0]
        while cursor < end {
            let byte = bytes[cursor]
            if let interpolation = rule.interpolation, byte == interpolation.open[0], matches(interpolation.open, cursor, end) {
                let code = cursor + interpolation.open.count
                emit(segment, cursor, .string)
                emit(cursor, code, language.interpolationClass)
                frames.append(Frame(rule: rule, depth: 0, opener: interpolation.open.last!, close: interpolation.close))
                afterValue = false
                return code
            }
            if byte == rule.escape {
                cursor = min(cursor + 2, end)
                continue
            }
            if byte == close && matches(rule.close, cursor, end) {
                let after = cursor + rule.close.count
                if rule.doubledQuote && matches(rule.close, after, end) {
                    cursor = after + rule.close.count
                    continue
                }
                emit(segment, after, .string)
                return after
            }
            if byte == 10 && !rule.multiline { break }
            if rule.variables && byte == 0x24 && cursor + 1 < end, let stop = variableEnd(cursor, end) {
                emit(segment, cursor, .string)
                emit(cursor, stop, .variable)
                segment = stop
                cursor = stop
                continue
            }
            cursor += 1
        }
        emit(segment, cursor, .string)
        return cursor
    }

    /// A character literal (`'a'`, `'\n'`, `'\u{1F600}'`); otherwise the quote is punctuation
    /// (Rust's lifetimes `'a`). The look-ahead is at most 12 bytes.
    mutating func scanCharacter(_ index: Int, _ end: Int) -> Int {
        let limit = min(end, index + 12)
        var cursor = index + 1
        if cursor < limit && bytes[cursor] == 0x5C {
            cursor += 2
            while cursor < limit && bytes[cursor] != 0x27 && bytes[cursor] != 10 { cursor += 1 }
        } else if cursor < limit && bytes[cursor] != 0x27 && bytes[cursor] != 10 {
            cursor += 1
            while cursor < limit && bytes[cursor] & 0xC0 == 0x80 { cursor += 1 }  // the rest of one UTF-8 character
        }
        if cursor < limit && bytes[cursor] == 0x27 && cursor > index + 1 {
            emit(index, cursor + 1, .string)
            afterValue = true
            return cursor + 1
        }
        return index + 1
    }

    /// A number: decimal, hex, binary or octal, with `_`, a fraction, an exponent and a
    /// type suffix (`1.5e-3f`, `0xFF_u8`, `10px`, `50%` in CSS).
    mutating func scanNumber(_ index: Int, _ end: Int) -> Int {
        let hex = bytes[index] == 0x30 && index + 1 < end && bytes[index + 1] | 0x20 == 0x78
        var cursor = index
        var sawDot = false
        while cursor < end {
            let byte = bytes[cursor]
            if Bytes.isNameByte(byte) && byte < 0x80 {
                cursor += 1
            } else if byte == 0x2E && !sawDot && cursor + 1 < end && Bytes.isDigit(bytes[cursor + 1]) {
                sawDot = true
                cursor += 1
            } else if (byte == 0x2B || byte == 0x2D) && !hex && bytes[cursor - 1] | 0x20 == 0x65
                        && cursor + 1 < end && Bytes.isDigit(bytes[cursor + 1]) {
                cursor += 1
            } else {
                break
            }
        }
        if language.stylesheet {
            // CSS units (`px`, `rem`, `%`) are keywords, as most highlighters show them.
            var unit = index
            while unit < cursor && (Bytes.isDigit(bytes[unit]) || bytes[unit] == 0x2E) { unit += 1 }
            if cursor < end && bytes[cursor] == 0x25 { cursor += 1 }
            emit(index, unit, .number)
            emit(unit, cursor, .keyword)
            return cursor
        }
        emit(index, cursor, .number)
        return cursor
    }

    /// A regular expression literal `/…/flags` on one line; nil when the line has no closing
    /// `/`, which also stops later slashes on that line from looking again.
    mutating func scanRegex(_ index: Int, _ end: Int) -> Int? {
        guard index + 1 < end, bytes[index + 1] != 0x2F, bytes[index + 1] != 0x2A, !Bytes.isSpace(bytes[index + 1]) else { return nil }
        var cursor = index + 1
        var inClass = false
        while cursor < end && bytes[cursor] != 10 {
            let byte = bytes[cursor]
            if byte == 0x5C {
                cursor += 2
                continue
            }
            if byte == 0x5B { inClass = true } else if byte == 0x5D { inClass = false } else if byte == 0x2F && !inClass {
                cursor += 1
                while cursor < end && Bytes.isLetter(bytes[cursor]) { cursor += 1 }
                emit(index, cursor, .string)
                afterValue = true
                return cursor
            }
            cursor += 1
        }
        noLookaheadBefore = min(cursor, end)
        return nil
    }

    private static let sigilPairs: [UInt8: UInt8] = [0x2F: 0x2F, 0x7C: 0x7C, 0x22: 0x22, 0x27: 0x27, 0x28: 0x29, 0x5B: 0x5D, 0x7B: 0x7D, 0x3C: 0x3E]

    /// Elixir's sigils (`~r/…/`, `~w(…)`, `~S"…"`) and Ruby's `%w[…]`, `%i(…)`, on one line.
    mutating func scanSigil(_ index: Int, _ end: Int) -> Int? {
        guard index + 2 < end, Bytes.isLetter(bytes[index + 1]) else { return nil }
        guard let close = Self.sigilPairs[bytes[index + 2]] else { return nil }
        var cursor = index + 3
        while cursor < end && bytes[cursor] != close && bytes[cursor] != 10 {
            cursor += bytes[cursor] == 0x5C ? 2 : 1
        }
        if cursor < end && bytes[cursor] == close { cursor += 1 }
        while cursor < end && Bytes.isLetter(bytes[cursor]) { cursor += 1 }
        emit(index, cursor, .string)
        return cursor
    }
}
