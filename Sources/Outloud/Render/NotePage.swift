/// The `note` template's model: the note's card with its body, dates, headings, the notes
/// around it and its kind's panel, all under `note`.
struct NotePage: PageModel, TemplateFields {
    var index: Int
    var title: String
    var card: TemplateValue
    var html: String
    var toc: [TocEntry]
    var titleURL: String?
    var titleHost: String?
    var backlinks: [BacklinkCard]
    var related: [RelatedCard]
    var updated: Day?
    var wordCount: Int
    var panel: KindPanel?
    /// A pathway's steps, on its own page.
    var pathway: PathwayView?
    /// The pathways the note is a step of.
    var pathways: [PathwayPlaceView]
    var source: String
    var breadcrumbs: [Breadcrumb]
    var params: YAMLValue
    var editURL: String?

    var template: String { "note" }
    var notesShown: [Int] { backlinks.map(\.note) + related.map(\.note) }
    var baseFields: [String: TemplateValue] { card.fields }

    enum Key: String, CaseIterable {
        case html, toc, titleURL, titleHost, backlinks, related, updated, updatedText, wordCount, panel, pathway,
             pathways, source, breadcrumbs, params, editURL
    }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .html: .html(html)
        case .toc: toc.templateValue
        case .titleURL: TemplateValue(titleURL)
        case .titleHost: TemplateValue(titleHost)
        case .backlinks: backlinks.templateValue
        case .related: related.templateValue
        case .updated: TemplateValue(updated?.description)
        case .updatedText: TemplateValue(updated?.longText)
        case .wordCount: .int(wordCount)
        case .panel: panel.templateValue
        case .pathway: pathway.templateValue
        case .pathways: pathways.templateValue
        case .source: .string(source)
        case .breadcrumbs: breadcrumbs.templateValue
        case .params: TemplateValue(yaml: params)
        case .editURL: TemplateValue(editURL)
        }
    }

    /// The page's values are all under `note`.
    var templateValue: TemplateValue { ["note": objectValue] }
}

/// A level-2 heading of the table of contents, with its level-3 headings as `children`.
struct TocEntry: TemplateFields, Sendable {
    var id: String
    var text: String
    var children: [TocEntry]

    enum Key: String, CaseIterable { case id, text, children }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .id: .string(id)
        case .text: .string(text)
        case .children: children.templateValue
        }
    }
}

/// One step of `Home › Guides › Onboarding`: a folder (linked), or the current page.
struct Breadcrumb: TemplateFields {
    var label: String
    var url: String?
    var current: Bool

    enum Key: String, CaseIterable { case label, url, current }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .label: .string(label)
        case .url: TemplateValue(url)
        case .current: .bool(current)
        }
    }
}
