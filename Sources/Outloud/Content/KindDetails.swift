/// A value from front matter with the place it was written, for diagnostics found later.
struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    var value: Value
    var line: Int
    var column: Int
}

/// The fields of each kind (DESIGN §2), read once, typed and checked, when the note is read.
enum KindDetails: Sendable, Hashable {
    case book(Book)
    case harvest(Harvest)
    case debate(Debate)
    case log(Log)
    case resource(Resource)
    case pathway(Pathway)
    case none

    struct Book: Sendable, Hashable {
        var title: Located<String>?
        var authors: [String] = []
        var year: String?
        var isbn: String?
        var url: String?
        var rating: Int?
        var status: String?
        var takeaways: [String] = []
    }

    struct Harvest: Sendable, Hashable {
        struct Action: Sendable, Hashable {
            var action: String
            var owner: Located<String>?
            var due: Day?
        }

        var event: String?
        var eventURL: String?
        var eventDate: Day?
        var presenters: [String] = []
        var takeaways: [String] = []
        var actions: [Action] = []
        var recommend: Bool?
    }

    struct Debate: Sendable, Hashable {
        var motion: String = ""
        var sourceTitle: String?
        var sourceURL: String?
        var participants: [Located<String>] = []
        var positionsFor: [String] = []
        var positionsAgainst: [String] = []
        var outcome: String?
        var decisions: [String] = []
    }

    struct Log: Sendable, Hashable {
        var week: ISOWeek?
        var asks: [String] = []
        var blockers: [String] = []
        var progress: [String] = []
    }

    struct Resource: Sendable, Hashable {
        var url: String = ""
        var type: String?
        var level: DreyfusLevel?
        var time: String?
        var cost: String?
        var curatedBy: Located<String>?
    }

    var book: Book? { if case .book(let value) = self { value } else { nil } }
    var harvest: Harvest? { if case .harvest(let value) = self { value } else { nil } }
    var debate: Debate? { if case .debate(let value) = self { value } else { nil } }
    var log: Log? { if case .log(let value) = self { value } else { nil } }
    var resource: Resource? { if case .resource(let value) = self { value } else { nil } }
    var pathway: Pathway? { if case .pathway(let value) = self { value } else { nil } }

    /// The people a note names besides its authors, with where, for checking against people.yml.
    var mentionedPeople: [(role: String, id: Located<String>)] {
        switch self {
        case .harvest(let harvest): harvest.actions.compactMap { $0.owner.map { ("action owner", $0) } }
        case .debate(let debate): debate.participants.map { ("participant", $0) }
        case .resource(let resource): resource.curatedBy.map { [("curator", $0)] } ?? []
        case .pathway(let pathway): pathway.curator.map { [("curator", $0)] } ?? []
        default: []
        }
    }
}

extension KindDetails {
    static let bookStatuses = ["reading", "finished", "abandoned"]
    static let resourceTypes = ["article", "video", "course", "book", "podcast", "tool", "community"]

    /// Reads and checks the fields of `kind`; every problem becomes a diagnostic in `reader`.
    /// `origin` says which folder chose the kind, for the advice a missing field's warning gives.
    static func read(_ kind: Kind, from reader: inout FieldReader, note: SourceLocation,
                     origin: KindRules.Origin = .none) -> KindDetails {
        switch kind {
        case .book: .book(readBook(&reader))
        case .harvest: .harvest(readHarvest(&reader))
        case .debate: .debate(readDebate(&reader, note: note, origin: origin))
        case .log: .log(readLog(&reader))
        case .resource: .resource(readResource(&reader, note: note, origin: origin))
        case .pathway: .pathway(readPathway(&reader, note: note, origin: origin))
        case .page, .note: .none
        }
    }

    /// "a resource needs a `url`", with which folder made it a resource: a warning, since the
    /// page is still built (without the field's part of the panel).
    static func missing(_ field: String, of kind: Kind, origin: KindRules.Origin) -> String {
        let advice = origin.advice(for: kind)
        let article = kind == .resource ? "a resource" : "a \(kind.rawValue)"
        return "\(article) needs a `\(field)`" + (advice.isEmpty ? "" : " (\(advice))")
    }

    private static func readBook(_ reader: inout FieldReader) -> Book {
        var book = Book()
        book.rating = reader.int("rating", in: 1...5)
        book.status = oneOf("status", bookStatuses, reader: &reader)
        book.takeaways = reader.stringList("takeaways")
        guard let value = reader.value("book") else { return book }
        guard value.entries != nil else {
            reader.ignored("`book` must be a mapping like `{title: Drive, authors: [Daniel H. Pink], year: 2009}`", at: value)
            return book
        }
        var fields = FieldReader(path: reader.path, map: value)
        if let title = fields.value("title"), let text = fields.scalarText(title, field: "book.title"), !text.isEmpty {
            book.title = Located(value: text, line: title.line, column: title.column)
        } else {
            fields.warning("`book` has no `title`; the note is listed under its own title", at: value)
        }
        book.authors = fields.value("authors")?.string.map { [$0] } ?? fields.stringList("authors")
        book.year = fields.string("year")
        book.isbn = fields.string("isbn")
        book.url = fields.url("url")
        reader.absorb(fields)
        return book
    }

    private static func readHarvest(_ reader: inout FieldReader) -> Harvest {
        var harvest = Harvest()
        harvest.event = reader.string("event")
        harvest.eventURL = reader.url("event_url")
        harvest.eventDate = reader.day("event_date")
        harvest.presenters = reader.value("presenters")?.string.map { [$0] } ?? reader.stringList("presenters")
        harvest.takeaways = reader.stringList("takeaways")
        harvest.recommend = reader.bool("recommend")
        if let actions = reader.value("actions") {
            for item in actions.items ?? [actions] {
                var fields = FieldReader(path: reader.path, map: item)
                guard item.entries != nil, let text = fields.string("action"), !text.isEmpty else {
                    reader.ignored("an action must be a mapping like `{owner: amara, action: …, due: 2026-12-01}`", at: item)
                    continue
                }
                let owner = fields.value("owner").flatMap { value in
                    fields.scalarText(value, field: "owner").map { Located(value: $0, line: value.line, column: value.column) }
                }
                harvest.actions.append(.init(action: text, owner: owner, due: fields.day("due")))
                reader.absorb(fields)
            }
        }
        return harvest
    }

    private static func readDebate(_ reader: inout FieldReader, note: SourceLocation, origin: KindRules.Origin) -> Debate {
        var debate = Debate()
        debate.motion = reader.string("motion") ?? ""
        if debate.motion.isEmpty { reader.diagnostics.append(.warning(missing("motion", of: .debate, origin: origin), at: note)) }
        if let source = reader.value("source") {
            if let title = source.string {
                debate.sourceTitle = title
            } else if source.entries != nil {
                var fields = FieldReader(path: reader.path, map: source)
                debate.sourceTitle = fields.string("title")
                debate.sourceURL = fields.url("url")
                reader.absorb(fields)
            } else {
                reader.ignored("`source` must be the article's title or `{title: …, url: …}`", at: source)
            }
        }
        if let participants = reader.value("participants") {
            if participants.items == nil { _ = reader.stringList("participants") }  // reports the fix
            for item in participants.items ?? [] {
                if let id = reader.scalarText(item, field: "participants") {
                    debate.participants.append(Located(value: id, line: item.line, column: item.column))
                }
            }
        }
        if let positions = reader.value("positions") {
            if positions.entries != nil {
                var fields = FieldReader(path: reader.path, map: positions)
                debate.positionsFor = fields.stringList("for")
                debate.positionsAgainst = fields.stringList("against")
                reader.absorb(fields)
            } else {
                reader.ignored("`positions` must be a mapping like `{for: […], against: […]}`", at: positions)
            }
        }
        debate.outcome = reader.string("outcome")
        debate.decisions = reader.stringList("decisions")
        return debate
    }

    private static func readLog(_ reader: inout FieldReader) -> Log {
        var log = Log()
        if let value = reader.value("week") {
            if let text = value.string, let week = ISOWeek(parsing: text) {
                log.week = week
            } else {
                reader.warning("`week` must be an ISO week like 2026-W47, not \(value.string.map { "\"\($0)\"" } ?? value.typeName); it is ignored", at: value)
            }
        }
        log.asks = reader.stringList("asks")
        log.blockers = reader.stringList("blockers")
        log.progress = reader.stringList("progress")
        return log
    }

    private static func readResource(_ reader: inout FieldReader, note: SourceLocation, origin: KindRules.Origin) -> Resource {
        var resource = Resource()
        if reader.value("url") != nil {
            resource.url = reader.url("url") ?? ""
        } else {
            reader.diagnostics.append(.warning(missing("url", of: .resource, origin: origin), at: note))
        }
        resource.type = oneOf("type", resourceTypes, reader: &reader)
        resource.level = reader.value("level").flatMap { reader.level($0, field: "level") }
        resource.time = reader.string("time")
        resource.cost = reader.string("cost")
        resource.curatedBy = reader.value("curated_by").flatMap { value in
            reader.scalarText(value, field: "curated_by").map { Located(value: $0, line: value.line, column: value.column) }
        }
        return resource
    }

    private static func oneOf(_ key: String, _ choices: [String], reader: inout FieldReader) -> String? {
        guard let value = reader.value(key), let text = reader.scalarText(value, field: key) else { return nil }
        guard choices.contains(text.lowercased()) else {
            reader.ignored("`\(key)` must be one of \(choices.joined(separator: ", ")), not \"\(text)\"", at: value)
            return nil
        }
        return text.lowercased()
    }
}

extension FieldReader {
    /// A link from front matter: `http:`, `https:`, `mailto:` or relative; anything else is an
    /// error and is dropped, so it can never reach an `href`.
    mutating func url(_ key: String) -> String? {
        guard let value = value(key), let text = scalarText(value, field: key) else { return nil }
        guard let safe = SafeURL.check(text) else {
            ignored("`\(key)` must be an http(s), mailto or relative URL, not \"\(text)\"", at: value)
            return nil
        }
        return safe
    }
}
