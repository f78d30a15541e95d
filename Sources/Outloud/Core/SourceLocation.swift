/// A position in a source file: 1-based line and column (column 0 when unknown).
struct SourceLocation: Sendable, Hashable, Comparable {
    var path: String
    var line: Int
    var column: Int

    init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    static func < (a: Self, b: Self) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    /// `content/books/a.md:3:8`, leaving out what is not known.
    var text: String {
        guard line > 0 else { return path }
        return column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)"
    }
}
