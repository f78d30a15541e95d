/// The `activity` template's model: notes per month per kind, as a chart and a table.
struct ActivityPage: PageModel, TemplateFields {
    var activity: Activity
    /// The kinds with notes, with their place in each month's counts.
    var kinds: [(offset: Int, element: Kind)]

    var template: String { "activity" }
    var title: String { "Activity" }
    var notesShown: [Int] { [] }

    init(_ activity: Activity) {
        self.activity = activity
        kinds = Activity.kinds.enumerated().filter { kind in activity.months.contains { $0.counts[kind.offset] > 0 } }
    }

    enum Key: String, CaseIterable { case chart, total, from, to, kinds, months }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .chart: .html(ActivityChart.svg(activity))
        case .total: .int(activity.months.reduce(0) { $0 + $1.total })
        case .from: TemplateValue(activity.months.first.map(Self.monthText))
        case .to: TemplateValue(activity.months.last.map(Self.monthText))
        case .kinds: kinds.map { ActivityKind(kind: $0.element) }.templateValue
        case .months: activity.months.reversed().map { month in
            ActivityMonth(label: Self.monthText(month), counts: kinds.map { MonthCount(count: month.counts[$0.offset]) }, total: month.total)
        }.templateValue
        }
    }

    /// `Feb 2026`.
    static func monthText(_ month: Activity.Month) -> String {
        Day(year: month.year, month: month.month, day: 1)!.monthText
    }
}

/// A kind the chart shows.
struct ActivityKind: TemplateFields {
    var kind: Kind

    enum Key: String, CaseIterable { case kind, label }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .kind: .string(kind.rawValue)
        case .label: .string(kind.pluralLabel)
        }
    }
}

/// A row of the activity table: a month's notes per kind.
struct ActivityMonth: TemplateFields {
    var label: String
    var counts: [MonthCount]
    var total: Int

    enum Key: String, CaseIterable { case label, counts, total }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .label: .string(label)
        case .counts: counts.templateValue
        // Text, as the table has always had it.
        case .total: .string(String(total))
        }
    }
}

/// A month's count of one kind.
struct MonthCount: TemplateFields {
    var count: Int

    enum Key: String, CaseIterable { case count, zero }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .count: .string(String(count))
        case .zero: .bool(count == 0)
        }
    }
}
