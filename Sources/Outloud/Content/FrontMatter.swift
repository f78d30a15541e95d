import Foundation

/// A note's text split into its YAML front matter and its Markdown body.
struct FrontMatterSplit: Sendable, Hashable {
    /// The YAML between the `---` lines, or nil when the note has none.
    var yaml: String?
    /// The file line of the YAML's first line (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    /// Lines before the body: add this to a body line to get the file line.
    var bodyLineOffset: Int

    /// The reason a split failed, at a line of the file.
    struct Failure: Error, Sendable, Hashable {
        var message: String
        var line: Int
    }

    /// Splits a note; a UTF-8 BOM and CRLF line endings are accepted and normalised.
    /// Scans UTF-8 bytes: a newline byte is always a newline, whatever surrounds it.
    static func split(_ text: String) -> Result<FrontMatterSplit, Failure> {
        var text = Substring(text)
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst() }
        let whole = String(text)
        let normalised = whole.containsByte(13) ? whole.replacingOccurrences(of: "\r\n", with: "\n") : whole
        let bytes = normalised.utf8
        func lineEnd(from index: String.Index) -> String.Index {
            bytes[index...].firstIndex(of: 10) ?? bytes.endIndex
        }
        let firstEnd = lineEnd(from: bytes.startIndex)
        guard isFence(bytes[bytes.startIndex..<firstEnd]) else {
            return .success(FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: normalised, bodyLineOffset: 0))
        }
        guard firstEnd < bytes.endIndex else {
            return .failure(Failure(message: "front matter starts with `---` but never closes", line: 1))
        }
        let yamlStart = bytes.index(after: firstEnd)
        var index = yamlStart
        var lineNumber = 2
        while index < bytes.endIndex {
            let end = lineEnd(from: index)
            let line = bytes[index..<end]
            if isFence(line) || isDocumentEnd(line) {
                let bodyStart = end < bytes.endIndex ? bytes.index(after: end) : end
                return .success(FrontMatterSplit(
                    yaml: String(normalised[yamlStart..<index]), yamlFirstLine: 2,
                    body: String(normalised[bodyStart...]), bodyLineOffset: lineNumber))
            }
            lineNumber += 1
            index = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        return .failure(Failure(message: "front matter starts with `---` but never closes (add a `---` line after it)", line: 1))
    }

    /// `---` followed by nothing but spaces and tabs.
    private static func isFence(_ line: Substring.UTF8View.SubSequence) -> Bool {
        line.starts(with: [45, 45, 45]) && line.dropFirst(3).allSatisfy { $0 == 32 || $0 == 9 }
    }

    private static func isDocumentEnd(_ line: Substring.UTF8View.SubSequence) -> Bool {
        line.starts(with: [46, 46, 46]) && line.dropFirst(3).allSatisfy { $0 == 32 || $0 == 9 }
    }
}
