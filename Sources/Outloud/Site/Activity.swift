/// Notes written per month per kind, from the first dated note's month to the last's.
struct Activity: Sendable, Hashable {
    struct Month: Sendable, Hashable {
        var year: Int
        var month: Int
        /// Notes per kind, in `Activity.kinds` order.
        var counts: [Int]
        var total: Int { counts.reduce(0, +) }
    }

    /// The kinds counted, in the order the chart stacks them.
    static let kinds: [Kind] = Kind.listed + [.note]

    var months: [Month]

    /// Counts the notes dated within `dates`, so that the months run from the first note's
    /// to the last one's, never across centuries to a typo.
    init(notes: [Note], dates: PlausibleDates) {
        var counts: [Int: [Int]] = [:]  // year * 12 + month - 1 → counts
        for note in notes where note.kind != .page {
            guard let date = note.date, dates.contains(date), let kind = Self.kinds.firstIndex(of: note.kind) else { continue }
            counts[date.year * 12 + date.month - 1, default: Array(repeating: 0, count: Self.kinds.count)][kind] += 1
        }
        guard let first = counts.keys.min(), let last = counts.keys.max() else {
            months = []
            return
        }
        months = (first...last).map { key in
            Month(year: key / 12, month: key % 12 + 1, counts: counts[key] ?? Array(repeating: 0, count: Self.kinds.count))
        }
    }
}
