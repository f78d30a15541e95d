extension Lexer {
    /// A name: a special word of the language, a call, a type, or plain. `r"…"`-style string
    /// prefixes and Ruby's `key:` symbols are recognised here too.
    mutating func scanName(_ index: Int, _ end: Int, first: Bool) -> Int {
        var stop = index + 1
        while stop < end && (Bytes.isNameByte(bytes[stop]) || language.nameBytes.contains(bytes[stop])) { stop += 1 }
        if !language.stringPrefixes.isEmpty, stop - index <= 2, stop < end, isStringPrefix(index, stop) {
            for var rule in language.strings where rule.open[0] == bytes[stop] && matches(rule.open, stop, end) {
                // Python's f-strings hold code between braces.
                if language.formatStrings, bytes[index..<stop].contains(where: { $0 | 0x20 == 0x66 }) {
                    rule.interpolation = ([0x7B], 0x7D)
                }
                return scanStringToken(rule, index, end, content: stop + rule.open.count)
            }
        }
        if language.symbols, stop + 1 < end, bytes[stop] == 0x3A, bytes[stop + 1] == 0x20 || bytes[stop + 1] == 10 {
            emit(index, stop, .string)
            afterValue = false
            return stop + 1
        }
        if first, let table = language.argumentLines, let kind = table.lookup(bytes, index, stop) {
            emit(index, stop, kind)
            return scanArguments(stop, end)
        }
        let kind = classify(index, stop, end, first: first)
        afterValue = kind != .keyword
        emit(index, stop, kind)
        return stop
    }

    private func isStringPrefix(_ start: Int, _ stop: Int) -> Bool {
        for index in start..<stop where !language.stringPrefixes.contains(bytes[index]) { return false }
        return true
    }

    /// The class of the name `bytes[start..<stop]`.
    private func classify(_ start: Int, _ stop: Int, _ end: Int, first: Bool) -> TokenClass {
        if first, let table = language.lineStartWords, let kind = table.lookup(bytes, start, stop) { return kind }
        if language.stylesheet { return stylesheetName(start, stop, end) }
        // `obj.delete()` and `x.type` are members, not keywords.
        let member = start > 0 && bytes[start - 1] == 0x2E && !(start > 1 && bytes[start - 2] == 0x2E)
        if !member, let kind = language.words.lookup(bytes, start, stop) { return kind }
        if language.calls && stop < end && bytes[stop] == 0x28 { return .function }
        if language.capitalisedTypes && Bytes.isUpper(bytes[start]) {
            for index in start + 1..<stop where Bytes.isLower(bytes[index]) { return .type }
        }
        return .plain
    }

    /// CSS: a property before `:`, a value word, a function, or in a selector a tag, class
    /// or pseudo-class.
    private func stylesheetName(_ start: Int, _ stop: Int, _ end: Int) -> TokenClass {
        let colon = skipSpaces(stop, end)
        if colon < end && bytes[colon] == 0x3A && (braceDepth > 0 || (colon + 1 < end && Bytes.isSpace(bytes[colon + 1]))) {
            return .keyword
        }
        if stop < end && bytes[stop] == 0x28 { return .function }
        if braceDepth > 0 { return language.words.lookup(bytes, start, stop) ?? .plain }
        let before = start > 0 ? bytes[start - 1] : 0
        if before == 0x2E { return .type }
        if before == 0x3A { return .attribute }
        return .tag
    }

    /// A token that starts with a sign: `$var`, `@name`, `#[attr]`, `#fff`, `:symbol`.
    mutating func scanPrefixed(_ index: Int, _ end: Int) -> Int? {
        let byte = bytes[index]
        if language.variablePrefixes.contains(byte), let stop = variableEnd(index, end) {
            emit(index, stop, .variable)
            afterValue = true
            return stop
        }
        if language.commandSubstitution, byte == 0x24, index + 1 < end, bytes[index + 1] == 0x28 {
            let stop = index + 2 < end && bytes[index + 2] == 0x28 ? index + 3 : index + 2
            emit(index, stop, .keyword)
            afterValue = false
            return stop
        }
        if byte == language.annotation, index + 1 < end, Bytes.isNameStart(bytes[index + 1]) {
            var stop = index + 2
            while stop < end && (Bytes.isNameByte(bytes[stop]) || bytes[stop] == 0x2E || language.nameBytes.contains(bytes[stop])) { stop += 1 }
            emit(index, stop, language.stylesheet ? .keyword : .meta)
            return stop
        }
        if byte == 0x23, language.hashAttributes, index + 1 < end, bytes[index + 1] == 0x5B || bytes[index + 1] == 0x21 {
            let stop = lineEnd(index, end)
            var close = index + 1
            while close < stop && bytes[close] != 0x5D { close += 1 }
            emit(index, min(close + 1, stop), .meta)
            return min(close + 1, stop)
        }
        if byte == 0x23, language.stylesheet, index + 1 < end, Bytes.isNameByte(bytes[index + 1]) {
            var stop = index + 1
            while stop < end && (Bytes.isNameByte(bytes[stop]) || bytes[stop] == 0x2D) { stop += 1 }
            emit(index, stop, braceDepth > 0 ? .number : .type)
            return stop
        }
        if language.stylesheet, byte == 0x2D, index + 2 < end, bytes[index + 1] == 0x2D, Bytes.isNameStart(bytes[index + 2]) {
            var stop = index + 2
            while stop < end && (Bytes.isNameByte(bytes[stop]) || bytes[stop] == 0x2D) { stop += 1 }
            emit(index, stop, .variable)  // a custom property, `--accent`
            return stop
        }
        if language.stylesheet, byte == 0x21, matches(Array("!important".utf8), index, end) {
            emit(index, index + 10, .keyword)
            return index + 10
        }
        if language.symbols, byte == 0x3A, index + 1 < end, Bytes.isNameStart(bytes[index + 1]), !afterName(index),
           !(index > 0 && bytes[index - 1] == 0x3A) {
            var stop = index + 2
            while stop < end && (Bytes.isNameByte(bytes[stop]) || bytes[stop] == 0x3F || bytes[stop] == 0x21) { stop += 1 }
            emit(index, stop, .string)
            afterValue = true
            return stop
        }
        return nil
    }

    private static let parameterEnds = ByteSet("}\"' \t\n")
    private static let specialParameters = ByteSet("?@#*!$-")

    /// The end of a variable at `index`: `$name`, `@name`, `@@name`, and in shells `${…}`
    /// (to its `}` on that line) and `$1`, `$?`, `$@`.
    func variableEnd(_ index: Int, _ end: Int) -> Int? {
        var start = index + 1
        if start < end && bytes[start] == bytes[index] && bytes[index] == 0x40 { start += 1 }
        guard start < end else { return nil }
        let next = bytes[start]
        if next == 0x7B && bytes[index] == 0x24 {
            // `${…}` runs to its `}`, or stops short at a quote, space or line end: it never
            // fails, so `${` repeated along a line is read once.
            var close = start + 1
            while close < end && !Self.parameterEnds.contains(bytes[close]) { close += 1 }
            return close < end && bytes[close] == 0x7D ? close + 1 : close
        }
        if bytes[index] == 0x24 && (Bytes.isDigit(next) || Self.specialParameters.contains(next)) && language.heredocs { return start + 1 }
        guard Bytes.isNameStart(next) else { return nil }
        var stop = start + 1
        while stop < end && Bytes.isNameByte(bytes[stop]) { stop += 1 }
        return stop
    }
}

extension Lexer {
    /// The rest of a Dockerfile line such as `FROM swift:6.3 AS build`: each word is a string,
    /// except `AS`.
    mutating func scanArguments(_ index: Int, _ end: Int) -> Int {
        let stop = lineEnd(index, end)
        var cursor = index
        while cursor < stop {
            cursor = skipSpaces(cursor, stop)
            let word = cursor
            while cursor < stop && !Bytes.isSpace(bytes[cursor]) { cursor += 1 }
            let isAs = cursor - word == 2 && bytes[word] | 0x20 == 0x61 && bytes[word + 1] | 0x20 == 0x73
            emit(word, cursor, isAs ? .keyword : .string)
        }
        return stop
    }
}
