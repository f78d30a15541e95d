import Foundation

/// Slugs for URLs and heading ids: lower-case letters and digits joined by single dashes.
///
/// Latin diacritics are folded (`Café` → `cafe`); letters of other scripts are kept, so a
/// title in any language still gets a readable id. Nothing else survives, which is what
/// keeps a slug from ever naming a parent folder, a hidden file or an HTML attribute break.
enum Slug {
    /// The longest slug used in a URL: file names on disk stop at 255 bytes.
    static let maximumLength = 100

    /// Names Windows will not create as files or folders, whatever the extension.
    static let reservedOnWindows: Set<String> = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// `slug`, cut at a dash at or before `maximumLength` characters.
    static func limited(_ slug: String) -> String {
        guard slug.count > maximumLength else { return slug }
        let prefix = slug.prefix(maximumLength)
        let cut = prefix.lastIndex(of: "-").map { prefix[..<$0] } ?? prefix
        return String(cut)
    }

    static func make(_ text: String) -> String {
        if let ascii = makeASCII(text) { return ascii }
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordCharacter {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if scalar == "'" || scalar == "’" {
                continue  // "Don't" reads better as "dont" than "don-t"
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}

extension Slug {
    /// The same rules for ASCII text, byte by byte (most titles and headings); nil when the
    /// text has other characters, which need folding.
    static func makeASCII(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0))
            case UInt8(ascii: "'"):
                continue
            default:
                pendingDash = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Hands out unique ids within one page: `x`, then `x-1`, `x-2` (as Zola does).
struct UniqueIDs {
    private var used: Set<String>
    /// The last counter given out per base: every lower one is taken, so the next search
    /// starts there (15,000 headings `# a` took 16 s when each started again from 1).
    private var lastCounter: [String: Int] = [:]

    init(reserved: Set<String> = []) { used = reserved }

    mutating func claim(_ base: String) -> String {
        let base = base.isEmpty ? "section" : base
        var candidate = base
        var counter = lastCounter[base] ?? 0
        if counter > 0 || used.contains(candidate) {
            repeat {
                counter += 1
                candidate = "\(base)-\(counter)"
            } while used.contains(candidate)
            lastCounter[base] = counter
        }
        used.insert(candidate)
        return candidate
    }
}
