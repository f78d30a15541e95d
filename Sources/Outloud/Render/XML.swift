/// Escaping for XML written by hand (feeds, the sitemap), where no template engine helps.
enum XML {
    /// Escapes `& < > " '` and drops the characters XML 1.0 forbids (control characters other
    /// than tab, newline and carriage return, U+FFFE, U+FFFF): a parser rejects the whole
    /// document for one of them, and Markdown or front matter may hold any of them.
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsWork($0) }) else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&apos;".unicodeScalars)
            default: if isAllowed(scalar) { escaped.append(scalar) }
            }
        }
        return String(escaped)
    }

    /// XML 1.0's `Char` production; Swift strings never hold the surrogates it also leaves out.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD: true
        case 0x10000...: true
        default: false
        }
    }

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        "&<>\"'".unicodeScalars.contains(scalar) || !isAllowed(scalar)
    }

    /// `2026-03-01T00:00:00Z`: a day as an RFC 3339 time at midnight UTC (notes have days, not times).
    static func timestamp(_ day: Day) -> String { day.description + "T00:00:00Z" }
}
