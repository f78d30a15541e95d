/// What a note is, decided by the folder it lives in.
public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
    case book, harvest, debate, log, resource, pathway, page, note

    /// The kind of a note in `folder` (the first folder under `content/`).
    init(folder: String) {
        self = Self.byFolder[folder] ?? .note
    }

    static let byFolder: [String: Kind] = [
        "books": .book, "harvests": .harvest, "debates": .debate,
        "logs": .log, "resources": .resource, "pathways": .pathway, "pages": .page,
    ]

    /// The kinds with their own folder, in the order the site lists them.
    static let listed: [Kind] = [.book, .harvest, .debate, .log, .resource, .pathway]

    var label: String {
        switch self {
        case .book: "Book note"
        case .harvest: "Harvest"
        case .debate: "Debate"
        case .log: "Log"
        case .resource: "Resource"
        case .pathway: "Pathway"
        case .page: "Page"
        case .note: "Note"
        }
    }

    var pluralLabel: String {
        switch self {
        case .book: "Books"
        case .harvest: "Harvests"
        case .debate: "Debates"
        case .log: "Logs"
        case .resource: "Resources"
        case .pathway: "Pathways"
        case .page: "Pages"
        case .note: "Notes"
        }
    }

    /// The kind's place in `allCases`: the order lists and facets use.
    var position: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: Kind, b: Kind) -> Bool { a.position < b.position }
}

/// One Markdown file, read and rendered: everything later stages need, as plain values.
struct Note: Sendable, Hashable {
    /// Path relative to the content folder, with `/` separators: `books/drive.md`.
    var sourcePath: String
    /// The path shown in diagnostics: the content folder as given plus `sourcePath`.
    var displayPath: String
    var kind: Kind
    /// The first folder (`books`, `guilds`); empty for a free page at the top.
    var section: String
    /// The URL path of the page without leading or trailing slash: `books/drive`.
    var urlPath: String
    var title: String
    var date: Day?
    var updated: Day?
    var authors: [String]
    var tags: [String]
    var summary: String
    var draft: Bool
    /// The whole front matter, for the fields templates may use.
    var fields: YAMLValue
    /// The kind's own fields, typed and checked.
    var details: KindDetails = .none
    var body: RenderedMarkdown
    /// Lines before the body: a body line plus this is a file line.
    var bodyLineOffset: Int = 0
    /// For a folder's landing page (`guides/README.md`), the folder (`guides`; empty for the
    /// top's `_index.md`): its text is shown above the folder's list, at the folder's URL,
    /// and it is listed nowhere as a note.
    var landing: String?

    /// Minutes at 220 words a minute, at least one.
    var readingMinutes: Int { max(1, (body.wordCount + 219) / 220) }

    /// The field's position, or the top of the file.
    func location(of field: String? = nil) -> SourceLocation {
        if let field, let entry = fields.entries?.first(where: { $0.key == field }) {
            return SourceLocation(path: displayPath, line: entry.value.line, column: entry.value.column)
        }
        return SourceLocation(path: displayPath, line: 1, column: 1)
    }
}
