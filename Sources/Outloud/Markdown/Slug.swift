import Foundation

/// Slugs for URLs and heading ids: lower-case letters and digits joined by single dashes.
///
/// Latin diacritics are folded (`Café` → `cafe`); letters of other scripts are kept, so a
/// title in any language still gets a readable id. Nothing else survives, which is what
/// keeps a slug from ever naming a parent folder, a hidden file or an HTML attribute break.
public enum Slug {
    public static func make(_ text: String) -> String {
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
