import Foundation

/// An ISO 8601 week such as `2026-W47`.
struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    var year: Int
    var week: Int

    init?(parsing text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-W")
        // The year must be one a `Day` can hold (`monday` unwraps one): `-026-W44` is not.
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts.allSatisfy(Day.isDigits),
              let year = Int(parts[0]), (1...9999).contains(year), let week = Int(parts[1]),
              week >= 1, week <= Self.weeksIn(year: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// The Monday that starts the week.
    var monday: Day {
        // ISO week 1 holds 4 January.
        let january4 = Day(year: year, month: 1, day: 4)!
        return Day(ordinal: january4.ordinal - (january4.weekday - 1) + (week - 1) * 7)
    }

    /// The Friday of the week: the day a weekly log is dated.
    var friday: Day { Day(ordinal: monday.ordinal + 4) }

    var description: String { String(format: "%04d-W%02d", year, week) }

    static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }

    /// 53 when 1 January is a Thursday, or a Wednesday in a leap year; else 52.
    static func weeksIn(year: Int) -> Int {
        guard let january1 = Day(year: year, month: 1, day: 1) else { return 52 }
        let leap = Day.daysIn(month: 2, year: year) == 29
        return january1.weekday == 4 || (leap && january1.weekday == 3) ? 53 : 52
    }
}
