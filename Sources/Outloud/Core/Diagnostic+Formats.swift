import Foundation

/// How `outloud check` prints its diagnostics.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:col: error: message`, as compilers print them.
    case text
    /// GitHub Actions workflow commands, shown as annotations on the lines of a pull request.
    case github
    /// One JSON document, for other tools.
    case json

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text: diagnostics.map { $0.description + "\n" }.joined()
        case .github: diagnostics.map { Self.workflowCommand($0) + "\n" }.joined()
        case .json: Self.json(diagnostics)
        }
    }

    /// `::error file=content/books/drive.md,line=3,col=8::tag "swfit" is not a skill…`
    static func workflowCommand(_ diagnostic: Diagnostic) -> String {
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=" + escapeProperty(location.path))
            if location.line > 0 { properties.append("line=\(location.line)") }
            if location.column > 0 { properties.append("col=\(location.column)") }
        }
        // GitHub calls a note a notice.
        let command = diagnostic.severity == .note ? "notice" : diagnostic.severity.rawValue
        return "::\(command)\(properties.isEmpty ? "" : " " + properties.joined(separator: ","))::\(escapeData(diagnostic.message))"
    }

    /// The escaping GitHub's runner undoes for a command's message.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value also escapes the separators `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private struct Report: Encodable {
        struct Entry: Encodable {
            var severity: String
            var file: String?
            var line: Int?
            var column: Int?
            var message: String
        }

        var errors: Int
        var warnings: Int
        var diagnostics: [Entry]
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        let report = Report(
            errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
            diagnostics: diagnostics.map { diagnostic in
                Report.Entry(
                    severity: diagnostic.severity.rawValue, file: diagnostic.location?.path,
                    line: diagnostic.location.flatMap { $0.line > 0 ? $0.line : nil },
                    column: diagnostic.location.flatMap { $0.column > 0 ? $0.column : nil },
                    message: diagnostic.message)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
