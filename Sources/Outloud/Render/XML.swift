/// Escaping for XML written by hand (feeds, the sitemap), where no template engine helps.
enum XML {
    /// Escapes `& < > " '` and drops the characters XML 1.0 forbids (control characters other
    /// than tab, newline and carriage return, U+FFFE, U+FFFF): a parser rejects the whole
    /// document for one of them, and Markdown or front matter may hold any of them.
    static func escape(_ text: String) -> String {
        // On UTF-8 bytes: the characters to escape are ASCII, and so are the forbidden ones
        // but U+FFFE and U+FFFF (EF BF BE, EF BF BF).
        text.withUTF8Bytes { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsLook) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + bytes.count / 8)
            escaped.append(contentsOf: bytes[..<first])
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): escaped.append(contentsOf: "&apos;".utf8)
                case 0x09, 0x0A, 0x0D: escaped.append(byte)
                case ..<0x20: break  // a control character XML forbids: dropped
                case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && (bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF):
                    index += 2  // U+FFFE or U+FFFF: dropped
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    /// Bytes that may need escaping or dropping.
    private static func needsLook(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        case 0x09, 0x0A, 0x0D: false
        case ..<0x20: true
        default: false
        }
    }

    /// `2026-03-01T00:00:00Z`: a day as an RFC 3339 time at midnight UTC (notes have days, not times).
    static func timestamp(_ day: Day) -> String { day.description + "T00:00:00Z" }
}
