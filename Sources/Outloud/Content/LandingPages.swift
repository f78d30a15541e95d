/// Finds each folder's landing page: the file whose text a folder's list page shows above
/// the list, in place of a note of its own.
///
/// In a folder: `README.md` (what GitHub shows under a folder's files), then `index.md`, then
/// `_index.md` (Hugo's). At the top of the content folder: `_index.md`, then `index.md`, which
/// introduce the home page; the top's `README.md` stays the contributors' (what `outloud init`
/// writes there) and is not published. Folders of free pages (`pages/`) have no list page,
/// so no landing page either.
enum LandingPages {
    static let folderNames = ["readme.md", "index.md", "_index.md"]
    static let topNames = ["_index.md", "index.md"]

    /// The landing files among `markdown` (relative paths), and a warning for each file that
    /// would have been one but for a preferred file next to it (it is built as a note).
    static func find(in markdown: [String], kinds: KindRules, contentPath: String) -> (files: Set<String>, diagnostics: [Diagnostic]) {
        var candidates: [String: [(rank: Int, path: String)]] = [:]
        for path in markdown {
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[..<$0]) } ?? ""
            let name = (slash.map { String(path[path.index(after: $0)...]) } ?? path).lowercased()
            let names = folder.isEmpty ? topNames : folderNames
            guard let rank = names.firstIndex(of: name) else { continue }
            if !folder.isEmpty, kinds.kind(of: folder.split(separator: "/").map(String.init)).kind == .page { continue }
            candidates[folder, default: []].append((rank, path))
        }
        var files = Set<String>()
        var diagnostics: [Diagnostic] = []
        for (_, found) in candidates {
            let ordered = found.sorted { ($0.rank, $0.path) < ($1.rank, $1.path) }
            files.insert(ordered[0].path)
            for other in ordered.dropFirst() {
                diagnostics.append(.warning("\(ordered[0].path) is this folder's landing page, so this file is built as an ordinary note; merge the two or rename this one",
                                            at: SourceLocation(path: FileIO.join(contentPath, other.path), line: 1, column: 1)))
            }
        }
        return (files, diagnostics)
    }
}
