/// Reads typed fields out of a YAML mapping, turning every type mismatch into a diagnostic
/// at the field's position instead of a thrown error.
struct FieldReader {
    let path: String
    let map: YAMLValue?
    var diagnostics: [Diagnostic] = []

    init(path: String, map: YAMLValue?) {
        self.path = path
        self.map = map
    }

    func location(of value: YAMLValue) -> SourceLocation {
        SourceLocation(path: path, line: value.line, column: value.column)
    }

    mutating func warning(_ message: String, at value: YAMLValue) {
        diagnostics.append(.warning(message, at: location(of: value)))
    }

    /// A value that cannot be used: a warning, and the page is built without it.
    mutating func ignored(_ message: String, at value: YAMLValue) {
        warning(message + "; it is ignored", at: value)
    }

    func value(_ key: String) -> YAMLValue? {
        guard let value = map?[key], !value.isNull else { return nil }
        return value
    }

    /// A scalar of any type, as text.
    mutating func string(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        return scalarText(value, field: key)
    }

    mutating func scalarText(_ value: YAMLValue, field: String) -> String? {
        guard let text = value.string else {
            ignored("`\(field)` must be text, not \(value.typeName)", at: value)
            return nil
        }
        return text
    }

    /// A list of scalars; a single scalar where a list belongs is an error that shows the fix.
    mutating func stringList(_ key: String) -> [String] {
        guard let value = value(key) else { return [] }
        guard let items = value.items else {
            if let text = value.string {
                ignored("`\(key)` must be a list, like `\(key): [\(text)]`", at: value)
            } else {
                ignored("`\(key)` must be a list, not \(value.typeName)", at: value)
            }
            return []
        }
        return items.compactMap { scalarText($0, field: key) }
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let text, .bool) = value.kind else {
            ignored("`\(key)` must be true or false, not \(value.typeName)", at: value)
            return nil
        }
        return ["true", "yes", "on"].contains(text.lowercased())
    }

    /// A whole number in `range`. A number outside it is a warning and is ignored: the
    /// note still builds, without the value.
    mutating func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let text, .int) = value.kind, let number = Int(text) else {
            ignored("`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(value.typeName)", at: value)
            return nil
        }
        guard range.contains(number) else {
            warning("`\(key)` must be from \(range.lowerBound) to \(range.upperBound), not \(number); it is ignored", at: value)
            return nil
        }
        return number
    }

    mutating func day(_ key: String) -> Day? {
        guard let value = value(key) else { return nil }
        return day(value, field: key)
    }

    mutating func day(_ value: YAMLValue, field: String) -> Day? {
        guard let text = value.string, let day = Day(parsing: text) else {
            ignored("`\(field)` must be a date like 2026-11-06, not \(value.string.map { "\"\($0)\"" } ?? value.typeName)", at: value)
            return nil
        }
        return day
    }
}
