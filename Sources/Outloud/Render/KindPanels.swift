/// The panel each kind shows above its body: the book card, a harvest's actions, a debate's
/// motion and outcome, a log's asks, a resource's details. Built from the note's front matter.
enum KindPanels {
    static func panel(for note: Note, catalog: Catalog) -> TemplateValue {
        switch note.details {
        case .book(let book):
            return ["book": [
                "title": TemplateValue(book.title?.value),
                "authors": TemplateValue(joined(book.authors)),
                "year": TemplateValue(book.year),
                "isbn": TemplateValue(book.isbn),
                "url": TemplateValue(book.url),
                "rating": book.rating.map { .int($0) } ?? .null,
                "stars": TemplateValue(book.rating.map(stars)),
                "status": TemplateValue(book.status),
                "takeaways": strings(book.takeaways),
            ]]
        case .harvest(let harvest):
            return ["harvest": [
                "event": TemplateValue(harvest.event),
                "eventURL": TemplateValue(harvest.eventURL),
                "eventDate": TemplateValue(harvest.eventDate?.longText),
                "presenters": TemplateValue(joined(harvest.presenters)),
                "takeaways": strings(harvest.takeaways),
                "actions": .list(harvest.actions.map { action in [
                    "action": .string(action.action),
                    "owner": action.owner.map { ViewModels.personLink($0.value, catalog: catalog) } ?? .null,
                    "due": TemplateValue(action.due?.longText),
                    "dueDate": TemplateValue(action.due?.description),
                ] }),
                "hasRecommend": .bool(harvest.recommend != nil),
                "recommend": .bool(harvest.recommend ?? false),
            ]]
        case .debate(let debate):
            return ["debate": [
                "motion": .string(debate.motion),
                "sourceTitle": TemplateValue(debate.sourceTitle),
                "sourceURL": TemplateValue(debate.sourceURL),
                "participants": .list(debate.participants.map { ViewModels.personLink($0.value, catalog: catalog) }),
                "for": strings(debate.positionsFor),
                "against": strings(debate.positionsAgainst),
                "outcome": TemplateValue(debate.outcome),
                "decisions": strings(debate.decisions),
            ]]
        case .log(let log):
            return ["log": [
                "week": TemplateValue(log.week?.description),
                "progress": strings(log.progress),
                "blockers": strings(log.blockers),
                "asks": strings(log.asks),
            ]]
        case .resource(let resource):
            return ["resource": [
                "url": TemplateValue(resource.url.isEmpty ? nil : resource.url),
                "type": TemplateValue(resource.type),
                "level": TemplateValue(resource.level?.rawValue),
                "levelLabel": TemplateValue(resource.level?.label),
                "time": TemplateValue(resource.time),
                "cost": TemplateValue(resource.cost),
                "curatedBy": resource.curatedBy.map { ViewModels.personLink($0.value, catalog: catalog) } ?? .null,
            ]]
        case .none:
            return .null
        }
    }

    /// `★★★★☆` for a rating of 4.
    static func stars(_ rating: Int) -> String {
        let filled = min(max(rating, 0), 5)
        return String(repeating: "★", count: filled) + String(repeating: "☆", count: 5 - filled)
    }

    static func strings(_ values: [String]) -> TemplateValue {
        .list(values.map { .string($0) })
    }

    /// "A, B and C".
    static func joined(_ items: [String]) -> String? {
        guard let last = items.last else { return nil }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}
