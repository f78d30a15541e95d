import Foundation

/// A note's text split into its YAML front matter and its Markdown body.
public struct FrontMatterSplit: Sendable, Hashable {
    /// The YAML between the `---` lines, or nil when the note has none.
    public var yaml: String?
    /// The file line of the YAML's first line (the line after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// Lines before the body: add this to a body line to get the file line.
    public var bodyLineOffset: Int

    /// The reason a split failed, at a line of the file.
    public struct Failure: Error, Sendable, Hashable {
        public var message: String
        public var line: Int
    }

    /// Splits a note; a UTF-8 BOM and CRLF line endings are accepted and normalised.
    public static func split(_ text: String) -> Result<FrontMatterSplit, Failure> {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let normalised = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n") : String(text)
        guard isFence(firstLine(of: normalised[...])) else {
            return .success(FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: normalised, bodyLineOffset: 0))
        }
        var lineNumber = 1
        var yamlStart = normalised.endIndex
        var index = normalised.startIndex
        // Skip the opening fence.
        if let newline = normalised[index...].firstIndex(of: "\n") {
            index = normalised.index(after: newline)
            yamlStart = index
            lineNumber = 2
        } else {
            return .failure(Failure(message: "front matter starts with `---` but never closes", line: 1))
        }
        while index < normalised.endIndex {
            let lineEnd = normalised[index...].firstIndex(of: "\n") ?? normalised.endIndex
            let line = normalised[index..<lineEnd]
            if isFence(line) || isDocumentEnd(line) {
                let yaml = String(normalised[yamlStart..<index])
                let bodyStart = lineEnd < normalised.endIndex ? normalised.index(after: lineEnd) : lineEnd
                return .success(FrontMatterSplit(
                    yaml: yaml, yamlFirstLine: 2,
                    body: String(normalised[bodyStart...]), bodyLineOffset: lineNumber))
            }
            lineNumber += 1
            index = lineEnd < normalised.endIndex ? normalised.index(after: lineEnd) : lineEnd
        }
        return .failure(Failure(message: "front matter starts with `---` but never closes (add a `---` line after it)", line: 1))
    }

    private static func firstLine(of text: Substring) -> Substring {
        text[..<(text.firstIndex(of: "\n") ?? text.endIndex)]
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.count >= 3 && line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func isDocumentEnd(_ line: Substring) -> Bool {
        line.hasPrefix("...") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
