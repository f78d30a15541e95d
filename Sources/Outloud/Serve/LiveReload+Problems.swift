import Foundation

extension LiveReload {
    /// How many problems the overlay lists; the terminal has them all.
    static let listedProblems = 50

    /// What a failed build tells open pages, as one line of JSON:
    /// `{"errors": 1, "warnings": 2500, "summary": "1 error, 2,500 warnings; the first 50 are listed",
    /// "problems": [{"location": "content/books/a.md:3:8", "severity": "error", "message": "…"}, …]}`.
    /// Errors come first, then warnings, each in the build's order: one error among thousands
    /// of warnings is what stops the build, so it must be in the part of the list that is shown.
    static func problemsJSON(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        var json = JSONBytes()
        json.raw("{\"errors\":\(errors.count),\"warnings\":\(warnings.count),\"summary\":")
        json.string(summary(errors: errors.count, warnings: warnings.count))
        json.raw(",\"problems\":[")
        for (number, diagnostic) in (errors + warnings).prefix(listedProblems).enumerated() {
            if number > 0 { json.raw(",") }
            json.raw("{\"location\":")
            json.string(diagnostic.location?.text ?? "")
            json.raw(",\"severity\":")
            json.string(diagnostic.severity.rawValue)
            json.raw(",\"message\":")
            json.string(diagnostic.message)
            json.raw("}")
        }
        json.raw("]}")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// `1 error, 2,500 warnings; the first 50 are listed`: the counts in the words the build's
    /// summary line uses, grouped by thousands as people read them.
    static func summary(errors: Int, warnings: Int) -> String {
        func count(_ number: Int, _ noun: String) -> String {
            "\(number.formatted(.number.locale(Locale(identifier: "en_US")))) \(noun)\(number == 1 ? "" : "s")"
        }
        let cut = errors + warnings > listedProblems ? "; the first \(listedProblems) are listed" : ""
        return "\(count(errors, "error")), \(count(warnings, "warning"))\(cut)"
    }
}
