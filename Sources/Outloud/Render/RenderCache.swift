/// Pages and note cards an earlier build rendered, reused when the template values they were
/// rendered from are equal (`outloud serve`; a single build has none). With one, the render
/// stage also records which notes each page shows, for rendering single pages again.
protocol RenderCache: Sendable {
    /// Starts a build's rendering: pages rendered with another theme are forgotten.
    func beginRendering(theme sources: [String: String])
    func page(at path: String, template: String, values: TemplateValue) -> String?
    func remember(page contents: String, at path: String, template: String, values: TemplateValue)
    /// A note's card and link, cut at `root`, if rendered before from the same values.
    func card(of note: String, values: TemplateValue) -> [[String]]?
    func remember(card pieces: [[String]], of note: String, values: TemplateValue)
    /// Forgets the pages and cards a build no longer has (a renamed or deleted note's).
    func forgetAllBut(pages paths: Set<String>, cards notes: Set<String>)
}
