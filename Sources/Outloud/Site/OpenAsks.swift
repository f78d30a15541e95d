/// An ask for help from a working-out-loud log, still recent enough to answer.
struct OpenAsk: Sendable, Hashable {
    var text: String
    /// The log it was asked in; its authors are who asked, its tags the skills it needs.
    var note: Int
}

enum OpenAsks {
    /// The asks of logs dated in the last `weeks` ISO weeks up to `today` (this week counts
    /// as one), or later; newest log first, each log's asks in the order written.
    static func collect(notes: [Note], logs: [Int], today: Day, weeks: Int) -> [OpenAsk] {
        guard weeks > 0 else { return [] }
        let thisMonday = today.ordinal - (today.weekday - 1)
        let from = Day(ordinal: thisMonday - (weeks - 1) * 7)
        return logs.flatMap { index -> [OpenAsk] in
            let note = notes[index]
            guard let date = note.date, date >= from else { return [] }
            return (note.details.log?.asks ?? []).map { OpenAsk(text: $0, note: index) }
        }
    }
}
