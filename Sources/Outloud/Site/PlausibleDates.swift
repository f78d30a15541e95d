/// The days a note can have been written or updated on: from 1970 to a year after the build
/// day. A date outside them is a typo (`9999-12-31`, `0001-01-01`) or a placeholder; it is
/// kept on the note, warned about, and left out of the activity page, whose months would
/// otherwise run across every empty month between it and the real ones.
struct PlausibleDates {
    let range: ClosedRange<Day>
    let today: Day

    init(today: Day) {
        self.today = today
        let earliest = Day(year: 1970, month: 1, day: 1)!
        range = earliest...max(earliest, Day(ordinal: today.ordinal + 365))
    }

    func contains(_ day: Day) -> Bool { range.contains(day) }

    /// A warning at each `date` and `updated` outside the range. Dates that come from git or
    /// the file's time are not checked: the clock wrote them.
    func diagnostics(notes: [Note]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for note in notes {
            let given = [("date", note.fields["date"] != nil ? note.date : nil), ("updated", note.updated)]
            for (field, day) in given {
                guard let day, !contains(day) else { continue }
                let when = day < range.lowerBound ? "is before 1970" : "is more than a year after the build day (\(today))"
                let consequence = field == "date" ? "; the note is built, but left out of the activity page" : ""
                diagnostics.append(.warning("\(field) \(day) \(when)\(consequence)", at: note.location(of: field)))
            }
        }
        return diagnostics
    }
}
