/// Which kind a folder's notes are: `books/`, `harvests/`, `debates/`, `logs/` and
/// `resources/` by their names, unless `site.yml`'s `kinds:` maps a folder otherwise
/// (`kinds: {reading: books, resources: notes}`).
struct KindRules: Sendable, Hashable {
    /// Folder path (relative to the content folder, no slashes at the ends) → kind.
    var mapped: [String: Kind] = [:]

    init(_ mapped: [String: Kind] = [:]) {
        self.mapped = mapped
    }

    /// Why a note has its kind, for diagnostics about the kind's fields.
    enum Origin: Sendable, Hashable {
        /// The top folder's name chose the kind (`resources/`).
        case folderName(String)
        /// `kinds:` in site.yml mapped this folder.
        case mapping(String)
        case none

        /// "… resources/ is the resource kind's folder; map it to notes with `kinds: {resources: notes}` in site.yml".
        func advice(for kind: Kind) -> String {
            switch self {
            case .folderName(let folder):
                "\(folder)/ is the \(kind.rawValue) kind's folder; if it holds ordinary notes, map it to notes with `kinds: {\(folder): notes}` in site.yml"
            case .mapping(let folder):
                "site.yml maps \(folder)/ to the \(kind.rawValue) kind (`kinds:`); map it to notes there if it holds ordinary notes"
            case .none:
                ""
            }
        }
    }

    /// The kind of a note in `folders` (its folder names from the top), and what chose it: the
    /// deepest folder `kinds:` maps, else the first folder's name. Notes at the top are pages.
    func kind(of folders: some Collection<String>) -> (kind: Kind, origin: Origin) {
        guard let first = folders.first else { return (.page, .none) }
        if !mapped.isEmpty {
            var path = "", found: (Kind, Origin)?
            for folder in folders {
                path = path.isEmpty ? folder : path + "/" + folder
                if let kind = mapped[path] { found = (kind, .mapping(path)) }
            }
            if let found { return found }
        }
        let kind = Kind.byFolder[first] ?? .note
        return (kind, kind == .note || kind == .page ? .none : .folderName(first))
    }

    /// The kind a mapping's value names: a kind folder's name or a kind's (`books`, `book`, `notes`).
    static func kind(named name: String) -> Kind? {
        let key = name.lowercased()
        if let kind = Kind.byFolder[key], kind != .page { return kind }
        if let kind = Kind(rawValue: key), kind != .page { return kind }
        return key == "notes" ? .note : nil
    }

    static let choices = "books, harvests, debates, logs, resources, pathways or notes"
}

extension SiteConfig {
    /// Reads `exclude:` and `kinds:` from site.yml into `self`.
    mutating func readFolderRules(_ reader: inout FieldReader) {
        if let value = reader.value("exclude") {
            if let text = value.string {
                reader.ignored("`exclude` must be a list, like `exclude: [\(text)]`", at: value)
            } else if let items = value.items {
                // Added to the defaults, which no site wants published.
                exclude = ExcludeRules(ExcludeRules.defaults + items.compactMap { reader.scalarText($0, field: "exclude") })
            } else {
                reader.ignored("`exclude` must be a list of globs, not \(value.typeName)", at: value)
            }
        }
        guard let value = reader.value("kinds") else { return }
        guard let entries = value.entries else {
            reader.ignored("`kinds` must map folders to kinds, like `kinds: {reading: books, resources: notes}`", at: value)
            return
        }
        var mapped: [String: Kind] = [:]
        for entry in entries {
            let folder = entry.key.split(separator: "/").joined(separator: "/")
            guard !folder.isEmpty else { continue }
            guard let name = reader.scalarText(entry.value, field: "kinds") else { continue }
            guard let kind = KindRules.kind(named: name) else {
                reader.ignored("`kinds: {\(entry.key): \(name)}` names no kind; use \(KindRules.choices)", at: entry.value)
                continue
            }
            mapped[folder.precomposed] = kind
        }
        kinds = KindRules(mapped)
    }
}
