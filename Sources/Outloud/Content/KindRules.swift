/// The rules for each kind's own fields (DESIGN §2): required fields and value types.
enum KindRules {
    static let bookStatuses = ["reading", "finished", "abandoned"]
    static let resourceTypes = ["article", "video", "course", "book", "podcast", "tool", "community"]

    static func check(_ note: Note, reader: inout FieldReader) {
        switch note.kind {
        case .book:
            _ = reader.int("rating", in: 1...5)
            oneOf("status", bookStatuses, reader: &reader)
            _ = reader.stringList("takeaways")
            if let book = reader.value("book") {
                if book.entries == nil {
                    reader.error("`book` must be a mapping like `{title: Drive, authors: [Daniel H. Pink], year: 2009}`", at: book)
                } else if book["title"]?.string?.isEmpty ?? true {
                    reader.error("`book` has no `title`", at: book)
                }
            }
        case .harvest:
            _ = reader.stringList("takeaways")
            _ = reader.stringList("presenters")
            _ = reader.day("event_date")
            _ = reader.bool("recommend")
            if let actions = reader.value("actions") {
                for action in actions.items ?? [actions] where action.entries == nil || action["action"] == nil {
                    reader.error("an action must be a mapping like `{owner: amara, action: …, due: 2026-12-01}`", at: action)
                }
            }
        case .debate:
            if reader.string("motion")?.isEmpty ?? true {
                reader.diagnostics.append(.error("a debate needs a `motion`", at: note.location()))
            }
            _ = reader.stringList("participants")
            _ = reader.stringList("decisions")
        case .log:
            _ = reader.stringList("asks")
            _ = reader.stringList("blockers")
            _ = reader.stringList("progress")
        case .resource:
            if reader.string("url")?.isEmpty ?? true {
                reader.diagnostics.append(.error("a resource needs a `url`", at: note.location()))
            }
            oneOf("type", resourceTypes, reader: &reader)
            if let level = reader.value("level") { _ = reader.level(level, field: "level") }
        case .page, .note:
            break
        }
    }

    private static func oneOf(_ key: String, _ choices: [String], reader: inout FieldReader) {
        guard let value = reader.value(key), let text = reader.scalarText(value, field: key) else { return }
        if !choices.contains(text) {
            reader.error("`\(key)` must be one of \(choices.joined(separator: ", ")), not \"\(text)\"", at: value)
        }
    }
}
