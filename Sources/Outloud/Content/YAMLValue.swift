import Foundation
import Yams

/// A YAML value with the position it came from, safe to pass between tasks.
///
/// Yams' `Node` is not `Sendable`; this is what the rest of the pipeline sees instead.
struct YAMLValue: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case null
        /// A scalar with the type YAML resolved for it (`str`, `int`, `bool`, `float`, `timestamp`).
        case scalar(String, type: ScalarType)
        case list([YAMLValue])
        case map([Entry])
    }

    enum ScalarType: String, Sendable, Hashable {
        case string, int, float, bool, timestamp
    }

    struct Entry: Sendable, Hashable {
        var key: String
        var keyLine: Int
        var keyColumn: Int
        var value: YAMLValue
    }

    var kind: Kind
    /// 1-based position in the file the YAML was read from.
    var line: Int
    var column: Int

    subscript(key: String) -> YAMLValue? {
        guard case .map(let entries) = kind else { return nil }
        return entries.first { $0.key == key }?.value
    }

    var string: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    var entries: [Entry]? {
        if case .map(let entries) = kind { return entries }
        return nil
    }

    var items: [YAMLValue]? {
        if case .list(let items) = kind { return items }
        return nil
    }

    var isNull: Bool { kind == .null }

    /// What a person calls this kind of value in an error message.
    var typeName: String {
        switch kind {
        case .null: "nothing"
        case .scalar(_, let type):
            switch type {
            case .string: "a string"
            case .int: "a number"
            case .float: "a number"
            case .bool: "true/false"
            case .timestamp: "a date"
            }
        case .list: "a list"
        case .map: "a mapping"
        }
    }
}

/// Parses YAML into `YAMLValue`s, with errors as diagnostics at the right line of the file.
enum YAMLReader {
    /// The most nodes one document may expand to: an alias bomb stops here instead of eating memory.
    static let nodeBudget = 200_000
    /// The deepest nesting one document may have.
    static let depthLimit = 64

    struct Failure: Error, Sendable {
        var message: String
        var line: Int
        var column: Int
    }

    /// Parses `text`; `lineOffset` is added to every line so positions are those of the file.
    static func parse(_ text: String, lineOffset: Int = 0) -> Result<YAMLValue, Failure> {
        let node: Node?
        do {
            // No implicit typing while composing (`scalarKind` does it where it can matter), and
            // UTF-8 named outright: `.default` reads the environment on every call.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(failure(from: error, lineOffset: lineOffset))
        } catch {
            return .failure(Failure(message: "\(error)", line: lineOffset + 1, column: 1))
        }
        guard let node else { return .success(YAMLValue(kind: .null, line: lineOffset + 1, column: 1)) }
        var budget = nodeBudget
        do {
            return .success(try convert(node, lineOffset: lineOffset, depth: 0, budget: &budget))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", line: lineOffset + 1, column: 1))
        }
    }

    private static func convert(_ node: Node, lineOffset: Int, depth: Int, budget: inout Int) throws -> YAMLValue {
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        budget -= 1
        guard budget >= 0 else {
            throw Failure(message: "YAML expands to more than \(nodeBudget) values (too many aliases?)", line: line, column: column)
        }
        guard depth < depthLimit else {
            throw Failure(message: "YAML is nested more than \(depthLimit) levels deep", line: line, column: column)
        }
        switch node {
        case .scalar(let scalar):
            return YAMLValue(kind: scalarKind(node, scalar), line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                items.append(try convert(item, lineOffset: lineOffset, depth: depth + 1, budget: &budget))
            }
            return YAMLValue(kind: .list(items), line: line, column: column)
        case .mapping(let mapping):
            var entries: [YAMLValue.Entry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyText = key.scalar?.string ?? "\(key)"
                entries.append(YAMLValue.Entry(
                    key: keyText, keyLine: (key.mark?.line ?? 1) + lineOffset, keyColumn: key.mark?.column ?? 1,
                    value: try convert(value, lineOffset: lineOffset, depth: depth + 1, budget: &budget)))
            }
            return YAMLValue(kind: .map(entries), line: line, column: column)
        case .alias:
            // compose() resolves aliases to the anchored node; a bare alias should not reach here.
            throw Failure(message: "unresolved YAML alias", line: line, column: column)
        }
    }

    /// A scalar's type as Yams's default resolver would give it. Quoted scalars carry `!!str`
    /// already; a plain one longer than five characters (`false`, `FALSE`) that does not start
    /// like a number (`-+.0-9`) is a string under every rule, so the regular expressions run
    /// only for the few that might not be (they cost an eighth of reading a note).
    private static func scalarKind(_ node: Node, _ scalar: Node.Scalar) -> YAMLValue.Kind {
        var name = Tag.Name(rawValue: scalar.tag.description)  // `!!str` for a quoted scalar
        if name == .implicit {
            let text = scalar.string.utf8
            let surelyText = text.count > 5 && !"-+.0123456789".utf8.contains(text.first ?? 0)
            name = surelyText ? .str : Resolver.default.resolveTag(of: node)
        }
        switch name {
        case .null: return .null
        case .bool: return .scalar(scalar.string, type: .bool)
        case .int: return .scalar(scalar.string, type: .int)
        case .float: return .scalar(scalar.string, type: .float)
        case .timestamp: return .scalar(scalar.string, type: .timestamp)
        default: return .scalar(scalar.string, type: .string)
        }
    }

    private static func failure(from error: YamlError, lineOffset: Int) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " \(context.text)" }
            return Failure(message: message, line: mark.line + lineOffset, column: mark.column)
        case .reader(let problem, _, _, _):
            return Failure(message: "invalid YAML: \(problem)", line: lineOffset + 1, column: 1)
        default:
            return Failure(message: "invalid YAML: \(error)", line: lineOffset + 1, column: 1)
        }
    }
}
