extension Lexer {
    /// A YAML plain scalar (a value not starting with a quote, bracket, anchor or block
    /// sign) runs to the end of the line or a ` #` comment, quotes and all: a number, a
    /// constant (`true`, `null`) or plain text. Nil when the value is not plain.
    mutating func scanPlainScalar(_ index: Int, _ stop: Int) -> Int? {
        let value = skipSpaces(index, stop)
        guard value < stop, !Self.notPlain.contains(bytes[value]) else { return nil }
        var cursor = value
        while cursor < stop && !(bytes[cursor] == 0x23 && Bytes.isSpace(bytes[cursor - 1])) { cursor += 1 }
        while cursor > value && Bytes.isSpace(bytes[cursor - 1]) { cursor -= 1 }
        let kind: TokenClass = isNumber(value, cursor) ? .number : language.words.lookup(bytes, value, cursor) ?? .plain
        emit(value, cursor, kind)
        return cursor
    }

    private static let notPlain = ByteSet("\"'[{&*|>!#%@`")

    /// Whether `bytes[start..<stop]` is a YAML number: `-12`, `3.5`, `1e-3`, `0x1F`, `1_000`.
    private func isNumber(_ start: Int, _ stop: Int) -> Bool {
        var cursor = start
        if cursor < stop && (bytes[cursor] == 0x2D || bytes[cursor] == 0x2B) { cursor += 1 }
        if cursor + 1 < stop && bytes[cursor] == 0x30 && (bytes[cursor + 1] | 0x20 == 0x78 || bytes[cursor + 1] | 0x20 == 0x6F) {
            guard cursor + 2 < stop else { return false }
            for index in cursor + 2..<stop where !Bytes.isHex(bytes[index]) { return false }
            return true
        }
        let digits = cursor
        while cursor < stop && (Bytes.isDigit(bytes[cursor]) || bytes[cursor] == 0x5F) { cursor += 1 }
        guard cursor > digits else { return false }
        if cursor < stop && bytes[cursor] == 0x2E {
            cursor += 1
            while cursor < stop && Bytes.isDigit(bytes[cursor]) { cursor += 1 }
        }
        if cursor < stop && bytes[cursor] | 0x20 == 0x65 {
            cursor += 1
            if cursor < stop && (bytes[cursor] == 0x2D || bytes[cursor] == 0x2B) { cursor += 1 }
            let exponent = cursor
            while cursor < stop && Bytes.isDigit(bytes[cursor]) { cursor += 1 }
            guard cursor > exponent else { return false }
        }
        return cursor == stop
    }
}
