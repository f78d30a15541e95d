extension Lexer {
    /// Scans one token of code at `index` (not a space) and returns where the next one starts.
    mutating func scanToken(_ index: Int, _ end: Int, first: Bool) -> Int {
        let byte = bytes[index]
        if let frame = frames.last {
            if byte == frame.close && frame.depth == 0 {
                frames.removeLast()
                emit(index, index + 1, language.interpolationClass)
                return scanString(frame.rule, from: index + 1, content: index + 1, end)
            }
            if byte == frame.opener { frames[frames.count - 1].depth += 1 }
            if byte == frame.close { frames[frames.count - 1].depth -= 1 }
        }
        if let next = scanCommentOrString(index, end) { return next }
        if Bytes.isDigit(byte) || (byte == 0x2E && index + 1 < end && Bytes.isDigit(bytes[index + 1]) && !afterName(index)) {
            afterValue = true
            return scanNumber(index, end)
        }
        if startsName(index, end) { return scanName(index, end, first: first) }
        if let next = scanPrefixed(index, end) { return next }
        return scanOperator(index, end)
    }

    /// Whether the byte before `index` belongs to a name or closes a value (`x.5` is no number).
    func afterName(_ index: Int) -> Bool {
        index > 0 && (Bytes.isNameByte(bytes[index - 1]) || bytes[index - 1] == 0x29 || bytes[index - 1] == 0x5D)
    }

    /// Whether a name starts at `index`: a letter, `_`, non-ASCII, or one of the language's
    /// extra name bytes (`$`; `-` only before a letter, as in CSS's `-webkit-`).
    func startsName(_ index: Int, _ end: Int) -> Bool {
        let byte = bytes[index]
        if Bytes.isNameStart(byte) { return true }
        guard language.nameBytes.contains(byte) else { return false }
        return byte != 0x2D || (index + 1 < end && Bytes.isLetter(bytes[index + 1]) && !afterName(index))
    }

    /// Comments, strings, characters, heredocs, regular expressions and PHP tags.
    mutating func scanCommentOrString(_ index: Int, _ end: Int) -> Int? {
        let byte = bytes[index]
        for marker in language.lineComments where marker[0] == byte && matches(marker, index, end) {
            // `#` inside a word (`a#b`) or after `$` (`$#`) is not a comment in a shell.
            if byte == 0x23, index > 0, Bytes.isNameByte(bytes[index - 1]) || bytes[index - 1] == 0x24 { continue }
            let stop = lineEnd(index, end)
            emit(index, stop, .comment)
            return stop
        }
        for comment in language.blockComments where comment.open[0] == byte && matches(comment.open, index, end) {
            return scanBlockComment(comment, index, end)
        }
        if language.phpTags, byte == 0x3C || byte == 0x3F, let next = scanPHPTag(index, end) { return next }
        if language.characterQuotes, byte == 0x27 { return scanCharacter(index, end) }
        for rule in language.strings where rule.open[0] == byte && matches(rule.open, index, end) {
            return scanStringToken(rule, index, end)
        }
        if language.heredocs, byte == 0x3C, let next = scanHeredocStart(index, end) { return next }
        if language.regexLiterals, byte == 0x2F, !afterValue, index >= noLookaheadBefore, let next = scanRegex(index, end) {
            return next
        }
        if byte == language.sigil, !afterValue, let next = scanSigil(index, end) { return next }
        return nil
    }

    /// A string starting at `index`; in JSON a string followed by `:` is a key.
    mutating func scanStringToken(_ rule: Language.StringRule, _ index: Int, _ end: Int, content: Int? = nil) -> Int {
        let next = scanString(rule, from: index, content: content ?? index + rule.open.count, end)
        afterValue = true
        if language.stringKeys {
            let colon = skipSpaces(next, end)
            if colon < end && bytes[colon] == 0x3A { reclassify(from: index, as: .attribute) }
        }
        return next
    }

    /// Operators and punctuation: one byte at a time; operators join into one span.
    mutating func scanOperator(_ index: Int, _ end: Int) -> Int {
        let byte = bytes[index]
        if language.stylesheet {
            if byte == 0x7B { braceDepth += 1 }
            if byte == 0x7D { braceDepth = max(0, braceDepth - 1) }
        }
        if language.jsx, byte == 0x3C, !afterValue, let next = scanJSXTag(index, end) { return next }
        afterValue = byte == 0x29 || byte == 0x5D
        if language.operators.contains(byte) {
            emit(index, index + 1, .operator)
        }
        return index + 1
    }
}
