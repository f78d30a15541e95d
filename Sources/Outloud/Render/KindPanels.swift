/// The panel each kind shows above its body (`note.panel`): the book card, a harvest's
/// actions, a debate's motion and outcome, a log's asks, a resource's details. One key,
/// named after the kind; built from the note's front matter.
enum KindPanel: TemplateConvertible {
    case book(BookPanel)
    case harvest(HarvestPanel)
    case debate(DebatePanel)
    case log(LogPanel)
    case resource(ResourcePanel)

    /// The note's panel; nil for free pages and generic notes.
    init?(_ note: Note, catalog: Catalog) {
        switch note.details {
        case .book(let book): self = .book(BookPanel(book: book))
        case .harvest(let harvest):
            self = .harvest(HarvestPanel(harvest: harvest, actions: harvest.actions.map { HarvestAction($0, catalog: catalog) }))
        case .debate(let debate):
            self = .debate(DebatePanel(debate: debate, participants: debate.participants.map { ItemLink(person: $0.value, catalog: catalog) }))
        case .log(let log): self = .log(LogPanel(log: log))
        case .resource(let resource):
            self = .resource(ResourcePanel(resource: resource, curatedBy: resource.curatedBy.map { ItemLink(person: $0.value, catalog: catalog) }))
        // A pathway's steps are resolved against the whole site: `PathwayView` shows them.
        case .pathway, .none: return nil
        }
    }

    var templateValue: TemplateValue {
        switch self {
        case .book(let panel): ["book": panel.templateValue]
        case .harvest(let panel): ["harvest": panel.templateValue]
        case .debate(let panel): ["debate": panel.templateValue]
        case .log(let panel): ["log": panel.templateValue]
        case .resource(let panel): ["resource": panel.templateValue]
        }
    }

    /// `★★★★☆` for a rating of 4.
    static func stars(_ rating: Int) -> String {
        let filled = min(max(rating, 0), 5)
        return String(repeating: "★", count: filled) + String(repeating: "☆", count: 5 - filled)
    }

    /// "A, B and C".
    static func joined(_ items: [String]) -> String? {
        guard let last = items.last else { return nil }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}

/// `note.panel.book`.
struct BookPanel: TemplateFields {
    var book: KindDetails.Book

    enum Key: String, CaseIterable { case title, authors, year, isbn, url, rating, stars, status, takeaways }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .title: TemplateValue(book.title?.value)
        case .authors: TemplateValue(KindPanel.joined(book.authors))
        case .year: TemplateValue(book.year)
        case .isbn: TemplateValue(book.isbn)
        case .url: TemplateValue(book.url)
        case .rating: TemplateValue(number: book.rating)
        case .stars: TemplateValue(book.rating.map(KindPanel.stars))
        case .status: TemplateValue(book.status)
        case .takeaways: TemplateValue(strings: book.takeaways)
        }
    }
}

/// `note.panel.harvest`.
struct HarvestPanel: TemplateFields {
    var harvest: KindDetails.Harvest
    var actions: [HarvestAction]

    enum Key: String, CaseIterable { case event, eventURL, eventDate, presenters, takeaways, actions, hasRecommend, recommend }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .event: TemplateValue(harvest.event)
        case .eventURL: TemplateValue(harvest.eventURL)
        case .eventDate: TemplateValue(harvest.eventDate?.longText)
        case .presenters: TemplateValue(KindPanel.joined(harvest.presenters))
        case .takeaways: TemplateValue(strings: harvest.takeaways)
        case .actions: actions.templateValue
        case .hasRecommend: .bool(harvest.recommend != nil)
        case .recommend: .bool(harvest.recommend ?? false)
        }
    }
}

/// One of a harvest's `actions`.
struct HarvestAction: TemplateFields {
    var action: KindDetails.Harvest.Action
    var owner: ItemLink?

    init(_ action: KindDetails.Harvest.Action, catalog: Catalog) {
        self.action = action
        owner = action.owner.map { ItemLink(person: $0.value, catalog: catalog) }
    }

    enum Key: String, CaseIterable { case action, owner, due, dueDate }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .action: .string(action.action)
        case .owner: owner.templateValue
        case .due: TemplateValue(action.due?.longText)
        case .dueDate: TemplateValue(action.due?.description)
        }
    }
}

/// `note.panel.debate`.
struct DebatePanel: TemplateFields {
    var debate: KindDetails.Debate
    var participants: [ItemLink]

    enum Key: String, CaseIterable { case motion, sourceTitle, sourceURL, participants, `for`, against, outcome, decisions }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .motion: .string(debate.motion)
        case .sourceTitle: TemplateValue(debate.sourceTitle)
        case .sourceURL: TemplateValue(debate.sourceURL)
        case .participants: participants.templateValue
        case .for: TemplateValue(strings: debate.positionsFor)
        case .against: TemplateValue(strings: debate.positionsAgainst)
        case .outcome: TemplateValue(debate.outcome)
        case .decisions: TemplateValue(strings: debate.decisions)
        }
    }
}

/// `note.panel.log`.
struct LogPanel: TemplateFields {
    var log: KindDetails.Log

    enum Key: String, CaseIterable { case week, progress, blockers, asks }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .week: TemplateValue(log.week?.description)
        case .progress: TemplateValue(strings: log.progress)
        case .blockers: TemplateValue(strings: log.blockers)
        case .asks: TemplateValue(strings: log.asks)
        }
    }
}

/// `note.panel.resource`.
struct ResourcePanel: TemplateFields {
    var resource: KindDetails.Resource
    var curatedBy: ItemLink?

    enum Key: String, CaseIterable { case url, type, level, levelLabel, time, cost, curatedBy }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .url: TemplateValue(resource.url.isEmpty ? nil : resource.url)
        case .type: TemplateValue(resource.type)
        case .level: TemplateValue(resource.level?.rawValue)
        case .levelLabel: TemplateValue(resource.level?.label)
        case .time: TemplateValue(resource.time)
        case .cost: TemplateValue(resource.cost)
        case .curatedBy: curatedBy.templateValue
        }
    }
}
