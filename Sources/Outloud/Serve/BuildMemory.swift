import Synchronization

/// What one build can hand the next, for `outloud serve`: each note as it was read, by its
/// file's text, and each page and note card as it was rendered, by the exact values it was
/// rendered from. A rebuild then parses only the notes whose text changed and renders only
/// the pages whose values changed; everything else is taken as it was. The result is the
/// same bytes as a build without memory (a test checks this after a series of edits),
/// because nothing is reused unless all it was made from is equal:
///
/// - a note: the same text at the same path, read with the same options and the same set
///   of files and folders around it (links are checked against those);
/// - a page or card: the same template values and the same theme.
///
/// - the related notes: every note's skills, authors and kind, in the same order.
///
/// The rest of the resolve stage (sorting, links) and the search index are computed afresh
/// each time.
///
/// It is the cache of each stage that has one (`NoteCache`, `RelatedCache`, `RenderCache`),
/// and holds the last build for `Build.update`.
public final class BuildMemory: NoteCache, RelatedCache, RenderCache {
    struct ReadNote {
        var text: String
        var result: NoteReadResult
    }

    private let notes = Mutex<(context: NoteReadingContext?, byPath: [String: ReadNote])>((nil, [:]))
    private let pages = Mutex<(theme: [String: String]?, byPath: [String: (template: String, values: TemplateValue, contents: String)],
                               cards: [String: (values: TemplateValue, pieces: [[String]])])>((nil, [:], [:]))
    private let related = Mutex<(inputs: Related.Inputs, result: [[Int]])?>(nil)
    /// The last build, when it succeeded and wrote its site: what `Build.update` starts from.
    private let last = Mutex<LastBuild?>(nil)
    /// The last build's counts, for `summary`: notes read and reused, pages rendered and reused.
    private let notesRead = Atomic<Int>(0), notesReused = Atomic<Int>(0)
    private let pagesRendered = Atomic<Int>(0), pagesReused = Atomic<Int>(0)

    public init() {}

    // MARK: Notes

    /// Starts a build's reading: notes read in another context are forgotten.
    func beginReading(_ context: NoteReadingContext) {
        notes.withLock { notes in
            if notes.context != context { notes = (context, [:]) }
        }
        notesRead.store(0, ordering: .relaxed)
        notesReused.store(0, ordering: .relaxed)
        pagesRendered.store(0, ordering: .relaxed)
        pagesReused.store(0, ordering: .relaxed)
    }

    func note(at path: String, text: String) -> NoteReadResult? {
        // Compared outside the lock, which the other workers wait for.
        let known = notes.withLock { $0.byPath[path] }
        let found = known.flatMap { $0.text == text ? $0.result : nil }
        if found == nil { notesRead.add(1, ordering: .relaxed) } else { notesReused.add(1, ordering: .relaxed) }
        return found
    }

    func remember(note result: NoteReadResult, at path: String, text: String) {
        notes.withLock { $0.byPath[path] = ReadNote(text: text, result: result) }
    }

    /// What reading the note at `path` gave last time.
    func lastRead(at path: String) -> NoteReadResult? {
        notes.withLock { $0.byPath[path]?.result }
    }

    // MARK: The last build

    func remember(last build: LastBuild?) {
        last.withLock { $0 = build }
    }

    /// The last build, forgotten here: whoever takes it puts back what it makes of it.
    func takeLast() -> LastBuild? {
        last.withLock { last in
            defer { last = nil }
            return last
        }
    }

    // MARK: Related notes

    func related(for inputs: Related.Inputs) -> [[Int]]? {
        let known = related.withLock { $0 }
        return known.flatMap { $0.inputs == inputs ? $0.result : nil }
    }

    func remember(related result: [[Int]], for inputs: Related.Inputs) {
        related.withLock { $0 = (inputs, result) }
    }

    // MARK: Pages

    /// Starts a build's rendering: pages rendered with another theme are forgotten.
    func beginRendering(theme sources: [String: String]) {
        pages.withLock { pages in
            if pages.theme != sources { pages = (sources, [:], [:]) }
        }
    }

    func page(at path: String, template: String, values: TemplateValue) -> String? {
        let known = pages.withLock { $0.byPath[path] }
        let found = known.flatMap { $0.template == template && $0.values == values ? $0.contents : nil }
        if found == nil { pagesRendered.add(1, ordering: .relaxed) } else { pagesReused.add(1, ordering: .relaxed) }
        return found
    }

    func remember(page contents: String, at path: String, template: String, values: TemplateValue) {
        pages.withLock { $0.byPath[path] = (template, values, contents) }
    }

    /// Forgets the pages and cards that a build no longer has (a renamed or deleted note's),
    /// so that a long session holds only the site as it is.
    func forgetAllBut(pages paths: Set<String>, cards notes: Set<String>) {
        pages.withLock { pages in
            for path in pages.byPath.keys where !paths.contains(path) { pages.byPath[path] = nil }
            for note in pages.cards.keys where !notes.contains(note) { pages.cards[note] = nil }
        }
    }

    /// A note's card and link, cut at `root`, if rendered before from the same values.
    func card(of note: String, values: TemplateValue) -> [[String]]? {
        let known = pages.withLock { $0.cards[note] }
        return known.flatMap { $0.values == values ? $0.pieces : nil }
    }

    func remember(card pieces: [[String]], of note: String, values: TemplateValue) {
        pages.withLock { $0.cards[note] = (values, pieces) }
    }

    /// `read 1 note, reused 10,999; rendered 14 pages, reused 12,141` for the last build.
    public var summary: String {
        "read \(notesRead.load(ordering: .relaxed)) notes, reused \(notesReused.load(ordering: .relaxed)); "
            + "rendered \(pagesRendered.load(ordering: .relaxed)) pages, reused \(pagesReused.load(ordering: .relaxed))"
    }
}
