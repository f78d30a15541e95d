import Mustache

/// A view-model value handed to Mustache: `Sendable`, looked up by dictionary, never by `Mirror`.
///
/// Empty strings and empty lists are falsy in sections, so a template can write
/// `{{#summary}}<p>{{summary}}</p>{{/summary}}`.
enum TemplateValue: Sendable, Hashable {
    case string(String)
    /// Already-safe HTML (rendered Markdown); templates write it with `{{{…}}}`.
    case html(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object([String: TemplateValue])
    case null

    subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// A string, or null when there is none (so sections skip it).
    init(_ text: String?) { self = text.map { .string($0) } ?? .null }
}

extension TemplateValue {
    /// Front matter as template values: every field a note writes, for themes to use
    /// (`{{#params.mood}}…{{/params.mood}}`). Scalars stay text and are escaped like all text.
    init(yaml: YAMLValue) {
        switch yaml.kind {
        case .null: self = .null
        case .scalar(let text, _): self = .string(text)
        case .list(let items): self = .list(items.map(TemplateValue.init(yaml:)))
        case .map(let entries):
            var object: [String: TemplateValue] = [:]
            for entry in entries where object[entry.key] == nil { object[entry.key] = TemplateValue(yaml: entry.value) }
            self = .object(object)
        }
    }
}

extension TemplateValue: MustacheParent, MustacheCustomRepresentation {
    func child(named name: String) -> Any? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }

    var representation: Any? {
        switch self {
        case .string(let text), .html(let text): text.isEmpty ? nil : TemplateText(text: text)
        case .bool(let value): value
        case .int(let value): value
        case .list(let items): items
        case .object: self
        case .null: nil
        }
    }
}

/// Text as Mustache sees it. A plain `String` would reach swift-mustache's fallback, which
/// asks `Mirror` whether it is an optional before printing it, and a section over it would
/// look names up in it through `Mirror` too: a third of the time spent rendering a page.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let text: String

    var renderText: String { text }
    var isNull: Bool { text.isEmpty }
    func child(named name: String) -> Any? { nil }
    /// `{{lowercased(title)}}`, `{{#empty(summary)}}`: what swift-mustache offers for strings.
    func transform(_ name: String) -> Any? { text.transform(name) }
}
