/// Notes an earlier build read, reused when a note's text is the same: the reading stage asks
/// it before parsing a note. `outloud serve` keeps one across builds (`BuildMemory`); a
/// single build has none.
protocol NoteCache: Sendable {
    /// Starts a build's reading: notes read in another context are forgotten.
    func beginReading(_ context: NoteReadingContext)
    /// The note at `path` as it was read from exactly `text`, if it was.
    func note(at path: String, text: String) -> NoteReadResult?
    func remember(note result: NoteReadResult, at path: String, text: String)
}

/// A note as read: the note, or none when it could not be read, and what was found.
typealias NoteReadResult = (note: Note?, diagnostics: [Diagnostic])

/// Everything besides a note's text that reading it depends on: a note read in one context
/// is not reused in another.
struct NoteReadingContext: Hashable, Sendable {
    var contentPath: String
    var unsafeHTML: Bool
    var keepText: Bool
    /// Inline `#tags` are linked when they name one of these.
    var skillIDs: Set<String>
    var files: Set<String>
    var folders: Set<String>
    var kinds: KindRules
    var exclude: ExcludeRules
}
