import Foundation

/// The outcome of a build: its diagnostics and the counts of its summary line.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    var pagesWritten = 0
    var filesWritten = 0
    var notesByKind: [Kind: Int] = [:]
    var seconds: Double = 0
    /// How long each stage took, in the order they ran (`outloud build --timings`).
    var stages: [(name: String, seconds: Double)] = []
    /// How long git took; it runs alongside the load stage, inside it.
    var gitSeconds: Double?
    /// Render time per template, summed over the cores.
    public var templateTimes = TemplateTimes()
    var strict = false
    /// For `Build.update`: how many notes changed; nil for a whole build.
    var changedNotes: Int?

    /// False when there is an error, or a warning under `--strict`: the exit code is 1.
    public var succeeded: Bool {
        diagnostics.errorCount == 0 && !(strict && diagnostics.warningCount > 0)
    }

    /// Whether the site may be written: no error that makes the output wrong, and under
    /// `--strict` no problem at all. An error confined to one note leaves that note out and
    /// the rest of the site is still written, so a first build always gives a site.
    var writesOutput: Bool {
        strict ? succeeded : diagnostics.blockingErrorCount == 0
    }

    /// `load 0.41 s (git 0.12 s) · resolve 0.05 s · render 0.52 s · write 0.30 s`
    public var stageTimes: String {
        stages.map { stage in
            var text = "\(stage.name) \(String(format: "%.2f", stage.seconds)) s"
            if stage.name == "load", let gitSeconds { text += " (git \(String(format: "%.2f", gitSeconds)) s)" }
            return text
        }.joined(separator: " · ")
    }

    /// `Built 112 pages from 58 notes (9 books, 5 harvests, …) in 0.21 s: 0 warnings, 0 errors.`
    public var summary: String {
        let notes = notesByKind.values.reduce(0, +)
        let kinds = Kind.allCases.compactMap { kind in
            notesByKind[kind].map { "\($0) \($0 == 1 ? kind.rawValue : kind.pluralLabel.lowercased())" }
        }.joined(separator: ", ")
        let counts = "\(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s"), \(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s")"
        if let changedNotes {
            let changed = "\(changedNotes) changed note\(changedNotes == 1 ? "" : "s")"
            let verb = succeeded ? "Updated \(pagesWritten) page\(pagesWritten == 1 ? "" : "s") for" : "Failed:"
            return "\(verb) \(changed) in \(String(format: "%.3f", seconds)) s: \(counts)."
        }
        let verb = pagesWritten > 0 ? "Built \(pagesWritten) pages from" : (writesOutput ? "Checked" : "Failed:")
        return "\(verb) \(notes) notes\(kinds.isEmpty ? "" : " (\(kinds))") in \(String(format: "%.2f", seconds)) s: \(counts)."
    }
}
