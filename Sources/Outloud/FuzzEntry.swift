import Foundation

/// One note's way from bytes to the HTML of its page body, through the code a real build
/// runs: `FileIO.readText` (size, NUL and UTF-8 checks), `NoteReader` (front matter split,
/// YAML, fields, kind rules, Markdown with links), `SiteChecks`, `LinkGraph` and the
/// placeholder substitution of the note page.
///
/// This is the seam for `Sources/OutloudFuzz` and its regression tests; nothing else uses it.
/// The note sits in a small in-memory content folder with a skill catalog, two people, a
/// book to link to and a draft, so links, tags and authors can resolve or fail for real.
public enum FuzzEntry {
    /// Where the note is read from, one path per kind (`pathIndex % paths.count` picks it).
    static let paths = [
        "books/fuzz.md", "harvests/fuzz.md", "debates/fuzz.md", "logs/ana/fuzz.md",
        "resources/fuzz.md", "notes/fuzz.md", "pages/fuzz.md", "fuzz.md",
    ]

    /// What became of the bytes.
    public struct Outcome: Sendable {
        /// The body as the note page shows it, every link in place; nil when no note was read.
        public var html: String?
        /// The note's diagnostics: reading, fields, links, tags and authors.
        public var diagnostics: [Diagnostic]
        /// Promises of the renderer this outcome breaks; the fuzzer treats any as a crash.
        public var brokenPromises: [String] = []
    }

    /// Runs one fuzzer input: the first byte's low three bits pick the path, its high bit
    /// allows raw HTML (`unsafe_html: true`), and the rest is the file.
    public static func run(_ input: Data) -> Outcome {
        guard let selector = input.first else { return Outcome(html: nil, diagnostics: []) }
        return renderNote(bytes: input.dropFirst(), pathIndex: selector & 0x07, unsafeHTML: selector & 0x80 != 0)
    }

    /// Reads `bytes` as the note at `paths[pathIndex % paths.count]` and renders its body.
    static func renderNote(bytes: Data, pathIndex: UInt8, unsafeHTML: Bool = false) -> Outcome {
        let path = paths[Int(pathIndex) % paths.count]
        let folder = Neighbourhood.shared
        var reader = folder.reader(note: bytes, at: path)
        reader.markdown.unsafeHTML = unsafeHTML
        let (read, diagnostics) = reader.read(ContentFile(relativePath: path, modified: Date(timeIntervalSince1970: 0)))
        guard let note = read else {
            let promises = diagnostics.contains { $0.severity == .error } ? [] : ["no note, and no error saying why"]
            return Outcome(html: nil, diagnostics: diagnostics, brokenPromises: promises)
        }
        let notes = [note] + folder.notes
        let graph = LinkGraph(notes: notes, drafts: folder.drafts, folders: FolderTree(notes: notes, kinds: KindRules()).linkTargets)
        let html = ViewModels.linkedHTML(note, links: graph.outgoing[0], notes: notes, outgoing: graph.outgoing)
        let checks = SiteChecks.check(notes: [note], catalog: folder.catalog)
        return Outcome(html: html, diagnostics: diagnostics + checks + graph.diagnostics,
                       brokenPromises: brokenPromises(html, unsafeHTML: unsafeHTML))
    }

    /// Every placeholder becomes a real tag (a note cannot forge one), and in safe mode no
    /// raw `<script>` or script URL reaches the page (`<` and `"` in text are escaped, so
    /// these can only come from markup).
    static func brokenPromises(_ html: String, unsafeHTML: Bool) -> [String] {
        var broken: [String] = []
        if html.contains(LinkPlaceholder.mark) { broken.append("a link placeholder was left in the HTML") }
        guard !unsafeHTML else { return broken }
        let lowered = html.lowercased()
        if lowered.contains("<script") { broken.append("raw <script> in safe mode") }
        if lowered.contains("=\"javascript:") || lowered.contains("=\"vbscript:") { broken.append("a script URL in safe mode") }
        return broken
    }
}

/// The fixed content folder around the fuzzed note, read once through the real loaders.
private struct Neighbourhood: Sendable {
    static let contentPath = "content"
    static let files: [String: String] = [
        "skills.yml": """
            - {id: swift, name: Swift, group: Engineering}
            - {id: testing, name: Testing, group: Engineering}
            - {id: facilitation, name: Facilitation, group: Collaboration}
            """,
        "people.yml": """
            - {id: ana, name: Ana Lima, email: ana@example.com, skills: {swift: proficient}}
            - {id: ben, name: Ben Ode, skills: {facilitation: expert}}
            """,
        "books/drive.md": "---\ntitle: Drive\ndate: 2026-03-01\nauthors: [ana]\ntags: [testing]\n---\nText.\n\n## Autonomy\n",
        "books/wip.md": "---\ntitle: Unfinished\ndraft: true\ndate: 2026-01-01\n---\nNot yet.\n",
        "assets/pic.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ]

    static let shared = Neighbourhood()

    let catalog: Catalog
    let notes: [Note]
    let drafts: [Note]

    private init() {
        let io = Self.fileIO(Self.files.mapValues { Data($0.utf8) })
        var diagnostics: [Diagnostic] = []
        catalog = Catalog.load(from: io, contentPath: Self.contentPath, diagnostics: &diagnostics)
        let reader = Self.reader(io, extraFile: nil)
        let read = Self.files.keys.filter { $0.hasSuffix(".md") }.sorted().compactMap {
            reader.read(ContentFile(relativePath: $0, modified: Date(timeIntervalSince1970: 0))).note
        }
        notes = read.filter { !$0.draft }
        drafts = read.filter(\.draft)
    }

    /// A reader whose content folder holds the fixed files and `note` at `path`.
    func reader(note: Data, at path: String) -> NoteReader {
        var contents = Self.files.mapValues { Data($0.utf8) }
        contents[path] = note
        return Self.reader(Self.fileIO(contents), extraFile: path)
    }

    private static func reader(_ io: FileIO, extraFile: String?) -> NoteReader {
        let files = Set(Self.files.keys).union(extraFile.map { [$0] } ?? [])
        var folders = Set<String>()
        for file in files {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                folders.insert(String(path))
            }
        }
        return NoteReader(contentPath: contentPath, fileIO: io, markdown: MarkdownOptions(),
                          files: files, folders: folders)
    }

    /// A file system holding only `contents`, by path relative to the content folder.
    private static func fileIO(_ contents: [String: Data]) -> FileIO {
        let byPath = Dictionary(uniqueKeysWithValues: contents.map { (FileIO.join(contentPath, $0.key), $0.value) })
        return FileIO(
            exists: { byPath[$0] != nil },
            isDirectory: { $0 == contentPath },
            readData: { path, _ in byPath[path].map { .success($0) } ?? .failure(FileIO.Failure(message: "no such file")) },
            modified: { byPath[$0] == nil ? nil : Date(timeIntervalSince1970: 0) },
            listFiles: { _ in ([], []) })
    }
}
