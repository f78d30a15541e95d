/// Escaping for XML written by hand (feeds, the sitemap), where no template engine helps.
enum XML {
    /// Escapes `& < > " '` and drops the characters XML 1.0 forbids (control characters other
    /// than tab, newline and carriage return, U+FFFE, U+FFFF): a parser rejects the whole
    /// document for one of them, and Markdown or front matter may hold any of them.
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsWork($0) }) else { return text }
        // Appending to one String with room reserved stays linear; a scalar view's
        // `append(contentsOf:)` copied the whole buffer each time (seconds for a long note).
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var run = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if needsWork(scalar) {
                escaped += String(scalars[run..<index])
                switch scalar {
                case "&": escaped += "&amp;"
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                case "\"": escaped += "&quot;"
                case "'": escaped += "&apos;"
                default: break  // a character XML forbids: dropped
                }
                run = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        escaped += String(scalars[run..<scalars.endIndex])
        return escaped
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
