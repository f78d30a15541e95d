import Foundation

/// Notes per month per kind as an inline SVG stacked bar chart, drawn at build time.
///
/// Colours come from the theme's CSS through classes (`chart__bar--book`), so the chart
/// follows the light and dark schemes; every bar segment has a `<title>` for a tooltip.
enum ActivityChart {
    static let height = 260.0
    static let top = 12.0
    static let bottom = 28.0
    static let left = 36.0
    static let barWidth = 22.0
    static let gap = 8.0

    static func svg(_ activity: Activity) -> String {
        let months = activity.months
        guard !months.isEmpty else { return "" }
        let highest = months.map(\.total).max() ?? 0
        let scaleMax = niceCeiling(max(highest, 1))
        let plotHeight = height - top - bottom
        let width = left + Double(months.count) * (barWidth + gap) + gap
        func y(_ value: Int) -> Double { top + plotHeight * (1 - Double(value) / Double(scaleMax)) }

        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(format(width)) \(format(height))\" width=\"\(format(width))\" height=\"\(format(height))\""
        svg += " role=\"img\" aria-labelledby=\"chart-title chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"chart-title\">Notes per month</title>"
        svg += "<desc id=\"chart-desc\">A stacked bar for each month from \(label(months[0])) to \(label(months[months.count - 1])); the table below has the same numbers.</desc>"
        for tick in [0, scaleMax / 2, scaleMax] {
            let lineY = format(y(tick))
            svg += "<line class=\"chart__grid\" x1=\"\(format(left))\" x2=\"\(format(width))\" y1=\"\(lineY)\" y2=\"\(lineY)\"/>"
            svg += "<text class=\"chart__axis\" x=\"\(format(left - 6))\" y=\"\(lineY)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(tick)</text>"
        }
        let labelEvery = max(1, Int((Double(months.count) / 12).rounded(.up)))
        for (position, month) in months.enumerated() {
            let x = left + gap + Double(position) * (barWidth + gap)
            var stacked = 0
            for (kindIndex, count) in month.counts.enumerated() where count > 0 {
                let kind = Activity.kinds[kindIndex]
                let yTop = y(stacked + count), yBottom = y(stacked)
                svg += "<rect class=\"chart__bar chart__bar--\(kind.rawValue)\" x=\"\(format(x))\" y=\"\(format(yTop))\""
                svg += " width=\"\(format(barWidth))\" height=\"\(format(yBottom - yTop))\">"
                svg += "<title>\(label(month)): \(count) \(count == 1 ? kind.label.lowercased() : kind.pluralLabel.lowercased())</title></rect>"
                stacked += count
            }
            if position % labelEvery == 0 || position == months.count - 1 && labelEvery == 1 {
                let text = month.month == 1 || position == 0 ? "\(monthName(month)) \(month.year % 100)" : monthName(month)
                svg += "<text class=\"chart__axis\" x=\"\(format(x + barWidth / 2))\" y=\"\(format(height - 10))\" text-anchor=\"middle\">\(text)</text>"
            }
        }
        return svg + "</svg>"
    }

    /// 1, 2, 5, 10, 20, 50, … at or above `value`, and even so that half of it is a whole tick.
    static func niceCeiling(_ value: Int) -> Int {
        var step = 1
        while true {
            for factor in [2, 4, 10] where step * factor >= value { return step * factor }
            step *= 10
        }
    }

    private static func label(_ month: Activity.Month) -> String {
        Day(year: month.year, month: month.month, day: 1)!.monthText
    }

    private static func monthName(_ month: Activity.Month) -> String {
        String(label(month).prefix(3))
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
