/// What pages other than a note's own are made from, besides its card: everything of the
/// note but its summary and its body (text, headings, links, word count), which `Build.update`
/// follows itself (the card through the pages that show it, the links and headings by
/// resolving them again). Two notes of equal standing sort, list, group, relate and resolve
/// alike, so an edit that keeps it needs no other page's structure to change.
///
/// Defined by what it leaves out, not by what it keeps: a field added to `Note` is part of it
/// at once, and an edit to it builds the site whole until `update` is taught to follow it.
struct NoteStanding: Equatable {
    private let note: Note

    init(_ note: Note) {
        var standing = note
        standing.summary = ""
        standing.body = RenderedMarkdown(html: "", title: note.body.title, headings: [], firstParagraph: "", wordCount: 0)
        self.note = standing
    }
}
