import Foundation

/// One problem found in the input, reported the way a compiler reports it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// A `note` tells something worth knowing about the whole build (dates that may be
    /// approximate); it is printed but never counted, so it does not fail `--strict`.
    enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    var severity: Severity
    var location: SourceLocation?
    var message: String
    /// An error confined to one file, which the build leaves out (a note whose front matter
    /// cannot be parsed): the rest of the site is still written, unless `--strict`.
    var isContained = false

    init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    static func error(_ message: String, at location: SourceLocation? = nil) -> Self {
        Self(.error, message, at: location)
    }

    /// An error that leaves one file out of the site without stopping the rest of it.
    static func containedError(_ message: String, at location: SourceLocation? = nil) -> Self {
        var diagnostic = Self(.error, message, at: location)
        diagnostic.isContained = true
        return diagnostic
    }

    static func note(_ message: String, at location: SourceLocation? = nil) -> Self {
        Self(.note, message, at: location)
    }

    static func warning(_ message: String, at location: SourceLocation? = nil) -> Self {
        Self(.warning, message, at: location)
    }

    /// `path:line:col: error: message`, leaving out the parts that are not known.
    public var description: String {
        // Messages quote content: control characters are shown, never sent to the terminal.
        let message = message.debugEscaped
        guard let location else { return "\(severity.rawValue): \(message)" }
        return "\(location.text.debugEscaped): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    var errorCount: Int { count { $0.severity == .error } }
    var warningCount: Int { count { $0.severity == .warning } }
    /// Errors that make the whole output wrong or impossible: with one, nothing is written.
    var blockingErrorCount: Int { count { $0.severity == .error && !$0.isContained } }

    /// Diagnostics in file order, so a run's report reads the same every time.
    func sortedForReport() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return (a.severity, a.message) < (b.severity, b.message)
            }
        }
    }
}

extension String {
    /// The text with control characters written as escapes (`\0`, `\u{1B}`), so a message
    /// quoting content can neither hide characters nor move the terminal's cursor.
    var debugEscaped: String {
        var escaped = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\0": escaped += "\\0"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                    escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}
