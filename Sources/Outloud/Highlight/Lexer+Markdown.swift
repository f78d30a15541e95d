extension Lexer {
    /// Markdown source: headings, fenced code (in its own language when the highlighter
    /// knows it, else as a string), quote and list markers, code spans and link targets.
    mutating func scanMarkdown() {
        var start = 0
        let end = bytes.count
        var fence: (byte: UInt8, count: Int, code: Int, language: Language?)? = nil
        while start < end {
            let stop = lineEnd(start, end)
            let text = skipSpaces(start, stop)
            let run = text < stop ? runLength(text, stop) : 0
            if let open = fence {
                if text - start < 4, run >= open.count, bytes[text] == open.byte, skipSpaces(text + run, stop) == stop {
                    scanFencedCode(open.code, start, open.language)
                    emit(text, stop, .string)
                    fence = nil
                }
            } else if text - start < 4, run >= 3, bytes[text] == 0x60 || bytes[text] == 0x7E {
                let info = String(decoding: UnsafeBufferPointer(rebasing: bytes[(text + run)..<stop]), as: UTF8.self)
                // A Markdown fence inside Markdown stays a string: nesting goes one level deep.
                let language = Highlighter.language(forInfo: info)?.language
                fence = (bytes[text], run, min(stop + 1, end), language?.mode == .markdown ? nil : language)
                emit(text, stop, .string)
            } else if text - start < 4, bytes[text] == 0x23, run <= 6, text + run == stop || bytes[text + run] == 0x20 {
                emit(text, stop, .heading)
            } else {
                scanMarkdownLine(text, stop)
            }
            start = stop + 1
        }
        if let open = fence { scanFencedCode(open.code, end, open.language) }
    }

    /// The code of a fence, `start..<end`, in its language or as a string.
    private mutating func scanFencedCode(_ start: Int, _ end: Int, _ language: Language?) {
        guard start < end else { return }
        guard let language else { return emit(start, end, .string) }
        var inner = Lexer(language: language, bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        inner.run()
        for token in inner.tokens { emit(start + token.start, start + token.end, token.kind) }
    }

    /// How many times the byte at `index` repeats from there.
    private func runLength(_ index: Int, _ stop: Int) -> Int {
        var cursor = index
        while cursor < stop && bytes[cursor] == bytes[index] { cursor += 1 }
        return cursor - index
    }

    /// One line of text: a quote or list marker first, then code spans and `](target)`.
    private mutating func scanMarkdownLine(_ start: Int, _ stop: Int) {
        var cursor = start
        while cursor < stop && bytes[cursor] == 0x3E {
            emit(cursor, cursor + 1, .keyword)
            cursor = skipSpaces(cursor + 1, stop)
        }
        if cursor + 1 < stop, bytes[cursor] == 0x2D || bytes[cursor] == 0x2A || bytes[cursor] == 0x2B, bytes[cursor + 1] == 0x20 {
            emit(cursor, cursor + 1, .keyword)
            cursor += 2
        } else {
            var digit = cursor
            while digit < stop && Bytes.isDigit(bytes[digit]) { digit += 1 }
            if digit > cursor, digit + 1 < stop, bytes[digit] == 0x2E || bytes[digit] == 0x29, bytes[digit + 1] == 0x20 {
                emit(cursor, digit + 1, .keyword)
                cursor = digit + 2
            }
        }
        while cursor < stop {
            let byte = bytes[cursor]
            if byte == 0x60 && cursor >= noLookaheadBefore {
                cursor = scanCodeSpan(cursor, stop)
            } else if byte == 0x5D && cursor + 1 < stop && bytes[cursor + 1] == 0x28 {
                var close = cursor + 2
                while close < stop && bytes[close] != 0x29 && bytes[close] != 0x20 { close += 1 }
                emit(cursor + 2, close, .attribute)
                cursor = close
            } else {
                cursor += 1
            }
        }
    }

    /// A code span: a run of backticks up to the same run on this line. When none closes it,
    /// later backticks on the line do not look again (so a line of backticks stays linear).
    private mutating func scanCodeSpan(_ index: Int, _ stop: Int) -> Int {
        let length = runLength(index, stop)
        var cursor = index + length
        while cursor < stop {
            if bytes[cursor] == 0x60 {
                let run = runLength(cursor, stop)
                if run == length {
                    emit(index, cursor + run, .string)
                    return cursor + run
                }
                cursor += run
            } else {
                cursor += 1
            }
        }
        noLookaheadBefore = stop
        return index + length
    }
}
