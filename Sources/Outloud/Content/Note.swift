/// What a note is, decided by the folder it lives in.
public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
    case book, harvest, debate, log, resource, page, note

    /// The kind of a note in `folder` (the first folder under `content/`).
    public init(folder: String) {
        self = Self.byFolder[folder] ?? .note
    }

    static let byFolder: [String: Kind] = [
        "books": .book, "harvests": .harvest, "debates": .debate,
        "logs": .log, "resources": .resource, "pages": .page,
    ]

    /// The kinds with their own folder, in the order the site lists them.
    public static let listed: [Kind] = [.book, .harvest, .debate, .log, .resource]

    public var label: String {
        switch self {
        case .book: "Book note"
        case .harvest: "Harvest"
        case .debate: "Debate"
        case .log: "Log"
        case .resource: "Resource"
        case .page: "Page"
        case .note: "Note"
        }
    }

    public var pluralLabel: String {
        switch self {
        case .book: "Books"
        case .harvest: "Harvests"
        case .debate: "Debates"
        case .log: "Logs"
        case .resource: "Resources"
        case .page: "Pages"
        case .note: "Notes"
        }
    }

    /// The kind's place in `allCases`: the order lists and facets use.
    public var position: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: Kind, b: Kind) -> Bool { a.position < b.position }
}

/// One Markdown file, read and rendered: everything later stages need, as plain values.
public struct Note: Sendable, Hashable {
    /// Path relative to the content folder, with `/` separators: `books/drive.md`.
    public var sourcePath: String
    /// The path shown in diagnostics: the content folder as given plus `sourcePath`.
    public var displayPath: String
    public var kind: Kind
    /// The first folder (`books`, `guilds`); empty for a free page at the top.
    public var section: String
    /// The URL path of the page without leading or trailing slash: `books/drive`.
    public var urlPath: String
    public var title: String
    public var date: Day?
    public var updated: Day?
    public var authors: [String]
    public var tags: [String]
    public var summary: String
    public var draft: Bool
    /// The whole front matter, for the fields templates may use.
    public var fields: YAMLValue
    /// The kind's own fields, typed and checked.
    public var details: KindDetails = .none
    public var body: RenderedMarkdown
    /// Lines before the body: a body line plus this is a file line.
    public var bodyLineOffset: Int = 0
    /// For a folder's landing page (`guides/README.md`), the folder (`guides`; empty for the
    /// top's `_index.md`): its text is shown above the folder's list, at the folder's URL,
    /// and it is listed nowhere as a note.
    public var landing: String?

    /// Minutes at 220 words a minute, at least one.
    public var readingMinutes: Int { max(1, (body.wordCount + 219) / 220) }

    /// The field's position, or the top of the file.
    public func location(of field: String? = nil) -> SourceLocation {
        if let field, let entry = fields.entries?.first(where: { $0.key == field }) {
            return SourceLocation(path: displayPath, line: entry.value.line, column: entry.value.column)
        }
        return SourceLocation(path: displayPath, line: 1, column: 1)
    }
}
