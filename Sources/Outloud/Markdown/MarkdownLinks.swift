import Foundation

/// A link in a note's body that only the whole site can resolve: a relative link to a
/// Markdown file or a folder, or a wikilink. In the body's HTML it stands as a placeholder
/// (`LinkPlaceholder`) until the site stage writes the real `<a>` tag.
struct LinkReference: Sendable, Hashable {
    enum Target: Sendable, Hashable {
        /// A Markdown file, as a normalised path relative to the content folder.
        case note(path: String)
        /// A folder relative to the content folder (a section's list page).
        case folder(path: String)
        /// A wikilink's target as written: a title, a slug, a file name or `folder/slug`.
        case wiki(String)
        /// A link already known to be broken; its problem was reported when the note was read.
        case broken(reason: String)
    }

    var target: Target
    /// The part after `#`, if any.
    var anchor: String?
    /// What the link says, as plain text.
    var label: String
    /// 1-based position in the Markdown body.
    var line: Int
    var column: Int
    /// The sentence or item around the link, as plain text: the "linked from" context.
    var context: String
    /// A note embed (`![[Note]]`): the body holds an embed placeholder for it, not a link's.
    var isEmbed = false
}

/// A problem found in a body while it was parsed, with its position in the body.
struct MarkdownProblem: Sendable, Hashable {
    var severity: Diagnostic.Severity
    var message: String
    var line: Int
    var column: Int
}

/// Where a note sits, for resolving the relative links in its body.
struct LinkBase: Sendable {
    /// The note's path relative to the content folder: `books/drive.md`.
    var sourcePath: String
    /// The note page's URL path: `books/drive`.
    var pageURLPath: String
    /// Every file under the content folder, relative to it.
    var files: Set<String>
    /// Every folder under the content folder, relative to it.
    var folders: Set<String>
    /// `files` by their lower-cased file name, each list in path order, for embeds found by
    /// name (`![[diagram.png]]`); made from `files` when empty.
    var filesByName: [String: [String]] = [:]
    /// What `exclude:` leaves out of `files` and `folders`: a link there is a warning, not a mistake.
    var exclude: ExcludeRules

    init(sourcePath: String, pageURLPath: String, files: Set<String> = [], folders: Set<String> = [],
                exclude: ExcludeRules = ExcludeRules([])) {
        self.sourcePath = sourcePath
        self.pageURLPath = pageURLPath
        self.files = files
        self.folders = folders
        self.exclude = exclude
    }

    /// `files` by lower-cased file name, each list sorted.
    static func byName(_ files: Set<String>) -> [String: [String]] {
        var byName: [String: [String]] = [:]
        for file in files {
            byName[(file.split(separator: "/").last.map(String.init) ?? file).lowercased(), default: []].append(file)
        }
        for name in byName.keys { byName[name]?.sort() }
        return byName
    }

    /// The folder of the note, relative to the content folder.
    var folder: [Substring] { sourcePath.split(separator: "/").dropLast() }
}

/// The marker that stands for link number N in rendered HTML: U+E000, N, U+E000; and for
/// the note embed of link number N: U+E000, `e`, N, U+E000.
///
/// A private-use character cannot come from a note: `MarkdownDocument` replaces it in the
/// source before parsing, so every U+E000 in the HTML is ours.
enum LinkPlaceholder {
    static let mark: Character = "\u{E000}"

    static func opening(_ index: Int) -> String { "\u{E000}\(index)\u{E000}" }

    /// Where the body of the note that link number `index` embeds goes.
    static func embed(_ index: Int) -> String { "\u{E000}e\(index)\u{E000}" }

    /// Replaces every placeholder with the opening tag `tag(index)` returns, and every embed
    /// placeholder with what `embed(index)` returns (nothing without it).
    static func substitute(in html: String, _ tag: (Int) -> String, embed: ((Int) -> String)? = nil) -> String {
        // Works on UTF-8 bytes: U+E000 is EE 80 80, and walking Characters of a whole page
        // would cost more than rendering it.
        let markBytes: [UInt8] = [0xEE, 0x80, 0x80]
        return html.withUTF8Bytes { bytes -> String? in
            guard bytes.offset(of: 0xEE, from: 0) != nil else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 512)
            var segmentStart = 0, index = 0
            var inside = false  // between the two marks of a placeholder: its number
            while let found = bytes.offset(of: 0xEE, from: index) {
                guard bytes.matches(markBytes, at: found) else {
                    index = found + 1
                    continue
                }
                let segment = UnsafeBufferPointer(rebasing: bytes[segmentStart..<found])
                if inside {
                    if let number = Self.number(segment) {
                        output.append(contentsOf: tag(number).utf8)
                    } else if segment.first == UInt8(ascii: "e"), let number = Self.number(UnsafeBufferPointer(rebasing: segment.dropFirst())) {
                        output.append(contentsOf: (embed?(number) ?? "").utf8)
                    }
                } else {
                    output.append(contentsOf: segment)
                }
                inside.toggle()
                segmentStart = found + markBytes.count
                index = segmentStart
            }
            output.append(contentsOf: bytes[segmentStart...])
            return String(decoding: output, as: UTF8.self)
        } ?? html
    }

    /// Decimal digits as a number; nil for anything else.
    private static func number(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        var value = 0
        for digit in digits {
            guard (48...57).contains(digit) else { return nil }
            value = value * 10 + Int(digit - 48)
        }
        return value
    }
}

/// Paths inside the content folder.
enum ContentPath {
    /// The endings of Markdown files GitHub renders; a note under any of them must never be
    /// copied to the site as it is (front matter and drafts included).
    static let markdownExtensions = [".md", ".markdown", ".mdown", ".mkd"]

    /// The path without its Markdown ending (any case), or nil when it is not a Markdown file.
    static func markdownStem(_ path: String) -> Substring? {
        let lowered = path.lowercased()
        for ending in markdownExtensions where lowered.hasSuffix(ending) {
            return path.dropLast(ending.count)
        }
        return nil
    }

    /// Resolves `relative` (already percent-decoded) against `folder`; nil when it leaves the root.
    static func resolve(_ relative: String, from folder: [Substring]) -> String? {
        var parts: [Substring] = relative.hasPrefix("/") ? [] : folder
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    /// `%20` → space; nil for a malformed escape.
    static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        return text.removingPercentEncoding
    }

    /// A relative path made safe for an `href`: each component percent-encoded as needed.
    static func encoded(_ path: String) -> String {
        // Slugs are nearly always plain ASCII that needs nothing.
        if path.utf8.allSatisfy(isPlain) { return path }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }

    /// `A-Z a-z 0-9 - . _ ~ /`: bytes that stay as they are in any path.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
        default: false
        }
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/?#")
        return set
    }()
}
