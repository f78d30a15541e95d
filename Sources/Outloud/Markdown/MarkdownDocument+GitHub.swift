import CCmark

extension MarkdownDocument {
    /// Runs the GitHub-flavoured Markdown passes the body needs, in cmark-gfm's order:
    /// block structure first (tables, task list items), then inlines (strikethrough, then
    /// autolinks, which must not look inside code or links), footnote references last.
    /// Footnote bodies are appended first, so every pass reaches them.
    /// Returns the ids the footnotes took, which headings must not take.
    func applyGitHubExtensions(_ extensions: GitHubExtensions, footnotes: FootnoteDefinitions?, markdown: String) -> Set<String> {
        var footnoteItems: [String: OpaquePointer] = [:]
        if let footnotes { footnoteItems = appendFootnoteBodies(footnotes) }
        // Only tables and strikethrough read source lines: the copy is made for them alone.
        let source = extensions.tables || extensions.strikethrough ? MarkdownSource(markdown) : nil
        if extensions.tables, let source { buildTables(source: source) }
        if extensions.taskLists { markTaskListItems() }
        // One text node per run of text, as the passes below expect (cmark leaves `[`, `]`
        // and entities in nodes of their own).
        cmark_consolidate_text_nodes(root)
        if extensions.strikethrough, let source { applyStrikethrough(source: source) }
        if extensions.autolinks { applyAutolinks() }
        // After the autolinks, as in cmark-gfm: `https://x.org[^1]` is one link.
        guard let footnotes else { return [] }
        return numberFootnotes(footnotes, items: footnoteItems)
    }
}
