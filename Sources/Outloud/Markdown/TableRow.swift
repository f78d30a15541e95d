/// One line of a GFM table cut into cells, by GFM's rules: an optional pipe at either end,
/// cells split at every pipe not escaped by a backslash (pipes inside code spans split too,
/// as in cmark-gfm), `\|` kept as a pipe, each cell trimmed.
struct TableRow {
    /// A cell's text (its `\|` already turned into `|`) and the byte offset in the line
    /// where it starts.
    struct Cell {
        var text: [UInt8]
        var offset: Int
    }

    var cells: [Cell]

    init(_ line: ArraySlice<UInt8>) {
        var cells: [Cell] = []
        var index = line.startIndex
        let end = Self.trimmedEnd(line)
        while index < end, Self.isSpace(line[index]) { index += 1 }
        if index < end, line[index] == UInt8(ascii: "|") { index += 1 }
        var current: [UInt8] = []
        var cellStart = index
        var sawPipeAtEnd = false
        while index < end {
            let byte = line[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end, line[index + 1] == UInt8(ascii: "|") {
                // `\|` is a pipe inside the cell, whatever stands before the backslash
                // (cmark-gfm reads `\\|` as a backslash and a pipe in one cell too).
                current.append(UInt8(ascii: "|"))
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                cells.append(Self.trimmed(current, offset: cellStart - line.startIndex, in: line))
                current = []
                index += 1
                cellStart = index
                sawPipeAtEnd = index == end
                continue
            }
            current.append(byte)
            index += 1
        }
        if !sawPipeAtEnd {
            cells.append(Self.trimmed(current, offset: cellStart - line.startIndex, in: line))
        }
        self.cells = cells
    }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`), or nil if the line is not one.
    static func alignments(_ line: ArraySlice<UInt8>) -> [TableAlignment]? {
        // A cheap refusal first: a delimiter row holds only these bytes.
        guard line.contains(UInt8(ascii: "-")),
              line.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "|") || isSpace($0) })
        else { return nil }
        let row = TableRow(line)
        var result: [TableAlignment] = []
        result.reserveCapacity(row.cells.count)
        for cell in row.cells {
            let text = cell.text
            guard let first = text.first, let last = text.last else { return nil }
            let dashes = text.dropFirst(first == UInt8(ascii: ":") ? 1 : 0).dropLast(last == UInt8(ascii: ":") && text.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            switch (first == UInt8(ascii: ":"), last == UInt8(ascii: ":") && text.count > 1) {
            case (true, true): result.append(.center)
            case (true, false): result.append(.left)
            case (false, true): result.append(.right)
            case (false, false): result.append(.none)
            }
        }
        return result.isEmpty ? nil : result
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }

    private static func trimmedEnd(_ line: ArraySlice<UInt8>) -> Int {
        var end = line.endIndex
        while end > line.startIndex, isSpace(line[end - 1]) { end -= 1 }
        return end
    }

    private static func trimmed(_ text: [UInt8], offset: Int, in line: ArraySlice<UInt8>) -> Cell {
        var start = 0
        while start < text.count, isSpace(text[start]) { start += 1 }
        var end = text.count
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        return Cell(text: Array(text[start..<end]), offset: offset + start)
    }
}

/// A table column's alignment, from its delimiter cell.
enum TableAlignment {
    case none, left, center, right

    /// The class the column's cells carry. cmark-gfm writes `align="right"`, which HTML5 no
    /// longer has (the validator rejects it) and an inline style would need a looser
    /// Content-Security-Policy; the theme aligns `.align-right` instead.
    var attribute: String {
        switch self {
        case .none: ""
        case .left: " class=\"align-left\""
        case .center: " class=\"align-center\""
        case .right: " class=\"align-right\""
        }
    }
}
