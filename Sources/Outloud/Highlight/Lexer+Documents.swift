extension Lexer {
    /// Diffs, line by line: added, removed, file headers and hunk headers.
    mutating func scanDiff() {
        var start = 0
        let end = bytes.count
        while start < end {
            let stop = lineEnd(start, end)
            let kind: TokenClass
            if matches(Self.addedFile, start, end) || matches(Self.removedFile, start, end)
                || matches(Self.diffHeader, start, end) || matches(Self.indexHeader, start, end) {
                kind = .heading
            } else if matches(Self.hunk, start, end) {
                kind = .meta
            } else {
                switch bytes[start] {
                case 0x2B, 0x3E: kind = .inserted
                case 0x2D, 0x3C: kind = .deleted
                default: kind = .plain
                }
            }
            emit(start, stop, kind)
            start = stop + 1
        }
    }

    private static let addedFile = Array("+++ ".utf8)
    private static let removedFile = Array("--- ".utf8)
    private static let diffHeader = Array("diff ".utf8)
    private static let indexHeader = Array("index ".utf8)
    private static let hunk = Array("@@".utf8)

    /// A console session: prompt lines (`$ `, `# `, `% `, `> `, after an optional
    /// `(venv)` or `[user@host dir]`) hold shell commands; other lines are output, left plain.
    mutating func scanConsole() {
        language = Languages.shell
        var start = 0
        let end = bytes.count
        var continued = false
        while start < end {
            let stop = lineEnd(start, end)
            var command = continued ? start : nil
            if !continued, let prompt = promptEnd(start, stop) {
                emit(start, prompt, .meta)
                command = prompt
            }
            if let command {
                scanCode(command, stop)
                continued = stop > command && bytes[stop - 1] == 0x5C
            }
            start = stop + 1
            if !heredocs.isEmpty && start < end { start = scanHeredocs(start, end) + 1 }
        }
    }

    /// The end of a prompt at the start of a line, or nil when the line is output.
    private func promptEnd(_ start: Int, _ stop: Int) -> Int? {
        var cursor = start
        for (open, close) in [(UInt8(0x28), UInt8(0x29)), (0x5B, 0x5D)] where cursor < stop && bytes[cursor] == open {
            var inner = cursor + 1
            while inner < stop && bytes[inner] != close && !Bytes.isSpace(bytes[inner]) || (open == 0x5B && inner < stop && bytes[inner] != close) { inner += 1 }
            guard inner < stop else { return nil }
            cursor = skipSpaces(inner + 1, stop)
        }
        guard cursor < stop, "$#%>".utf8.contains(bytes[cursor]) else { return nil }
        cursor += 1
        guard cursor == stop || Bytes.isSpace(bytes[cursor]) else { return nil }
        return skipSpaces(cursor, stop)
    }
}
