/// Related notes an earlier build computed, reused when every note's skills, authors and
/// kind are the same, in the same order (`outloud serve`; a single build has none).
protocol RelatedCache: Sendable {
    func related(for inputs: Related.Inputs) -> [[Int]]?
    func remember(related result: [[Int]], for inputs: Related.Inputs)
}
