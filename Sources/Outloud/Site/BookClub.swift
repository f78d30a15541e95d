/// One book and every note the team wrote about it: a book club at a glance.
struct BookGroup: Sendable, Hashable {
    /// The title as the first note (by path) writes it.
    var title: String
    var authors: [String]
    var year: String?
    var url: String?
    /// The book notes about it, newest first.
    var notes: [Int]
    /// The mean of the notes' ratings, when any note rates it.
    var averageRating: Double?
}

/// Groups book notes by the book they are about.
enum BookClub {
    /// Two titles name one book when they match without case, accents, punctuation or spacing.
    static func key(_ title: String) -> String { Slug.make(title) }

    /// Groups, most recently read first (ties by title). A book note without `book.title` is
    /// grouped under its own title (a `book:` without a title is already an error); titles
    /// that match only loosely are grouped together, with a warning showing both spellings.
    static func groups(of notes: [Note], indexes: [Int]) -> (groups: [BookGroup], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var groups: [String: BookGroup] = [:]
        var firstNote: [String: Note] = [:]
        // Path order decides whose spelling names the group, so the result never depends on dates.
        for index in indexes.sorted(by: { notes[$0].sourcePath < notes[$1].sourcePath }) {
            let note = notes[index]
            let book = note.details.book
            let title = book?.title?.value ?? note.title
            let key = key(title)
            if var group = groups[key] {
                if let written = book?.title, written.value != group.title, let first = firstNote[key] {
                    diagnostics.append(.warning(
                        "book title \"\(written.value)\" is written \"\(group.title)\" in \(first.sourcePath); both notes are listed under \"\(group.title)\"",
                        at: SourceLocation(path: note.displayPath, line: written.line, column: written.column)))
                }
                group.notes.append(index)
                if group.authors.isEmpty { group.authors = book?.authors ?? [] }
                group.year = group.year ?? book?.year
                group.url = group.url ?? book?.url
                groups[key] = group
            } else {
                groups[key] = BookGroup(title: title, authors: book?.authors ?? [], year: book?.year, url: book?.url, notes: [index])
                firstNote[key] = note
            }
        }
        var result = Array(groups.values)
        for position in result.indices {
            result[position].notes.sort()  // note indexes are newest first
            let ratings = result[position].notes.compactMap { notes[$0].details.book?.rating }
            result[position].averageRating = ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count)
        }
        result.sort { a, b in
            a.notes[0] != b.notes[0] ? a.notes[0] < b.notes[0] : a.title < b.title
        }
        return (result, diagnostics)
    }
}
