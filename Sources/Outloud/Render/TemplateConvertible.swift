/// A view model the templates see. Render code builds these structs and converts them to
/// `TemplateValue` only when a template needs them, so every template key is written once,
/// in code the compiler checks.
protocol TemplateConvertible {
    var templateValue: TemplateValue { get }
}

/// A view model whose keys are the cases of `Key`: `value(for:)` switches over them, so a
/// key can neither be misspelt nor forgotten, and `templateKeys` is what docs/themes.md is
/// held to.
protocol TemplateFields: TemplateConvertible {
    associatedtype Key: RawRepresentable, CaseIterable where Key.RawValue == String
    /// The value for `key`; nil leaves the key out, so that a template looking it up climbs
    /// to the enclosing context (an unknown skill has no `id`).
    func value(for key: Key) -> TemplateValue?
    /// The fields of the model this one extends (a note page extends its card), which its
    /// own keys are laid over; none by default.
    var baseFields: [String: TemplateValue] { get }
}

extension TemplateFields {
    var baseFields: [String: TemplateValue] { [:] }

    /// The fast dictionary form Mustache reads.
    var templateValue: TemplateValue { objectValue }

    /// The model's keys over its base's, as an object.
    var objectValue: TemplateValue {
        var fields = baseFields
        for key in Key.allCases {
            if let value = value(for: key) { fields[key.rawValue] = value }
        }
        return .object(fields)
    }

    /// Every key this model writes (not those of the model it extends), for the docs test.
    static var templateKeys: [String] { Key.allCases.map(\.rawValue) }
}

extension Array: TemplateConvertible where Element: TemplateConvertible {
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

extension Optional: TemplateConvertible where Wrapped: TemplateConvertible {
    /// Null when there is none, so a section over it is skipped.
    var templateValue: TemplateValue { self?.templateValue ?? .null }
}

extension TemplateValue {
    /// The fields of an object (a prebuilt card), or none.
    var fields: [String: TemplateValue] {
        if case .object(let fields) = self { return fields }
        return [:]
    }

    /// A number, or null when there is none.
    init(number: Int?) { self = number.map { .int($0) } ?? .null }

    /// Plain strings as a list of text.
    init(strings: [String]) { self = .list(strings.map { .string($0) }) }
}

/// A page's model: which template renders it, its title, and the notes whose card or link
/// it shows, recorded where the cards are put in (`outloud serve` renders the page again
/// when one of those cards changes).
protocol PageModel: TemplateConvertible, Sendable {
    var template: String { get }
    var title: String { get }
    var notesShown: [Int] { get }
}

/// A page with no keys of its own (`404`), or one whose skill or person is unknown.
struct EmptyPage: PageModel {
    var template: String
    var title: String
    var notesShown: [Int] { [] }
    var templateValue: TemplateValue { .object([:]) }
}
