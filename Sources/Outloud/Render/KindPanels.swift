/// The panel each kind shows above its body: the book card, a harvest's actions, a debate's
/// motion and outcome, a log's asks, a resource's details. Built from the note's front matter.
enum KindPanels {
    static func panel(for note: Note, catalog: Catalog) -> TemplateValue {
        let fields = note.fields
        switch note.kind {
        case .book:
            let book = fields["book"]
            let rating = fields["rating"]?.string.flatMap(Int.init).map { min(max($0, 0), 5) }
            return ["book": [
                "title": TemplateValue(book?["title"]?.string),
                "authors": TemplateValue(joined(book?["authors"])),
                "year": TemplateValue(book?["year"]?.string),
                "isbn": TemplateValue(book?["isbn"]?.string),
                "url": TemplateValue(SafeURL.check(book?["url"]?.string)),
                "rating": rating.map { .int($0) } ?? .null,
                "stars": rating.map { .string(String(repeating: "★", count: $0) + String(repeating: "☆", count: 5 - $0)) } ?? .null,
                "status": TemplateValue(fields["status"]?.string),
                "takeaways": strings(fields["takeaways"]),
            ]]
        case .harvest:
            let actions: [TemplateValue] = (fields["actions"]?.items ?? []).compactMap { action in
                guard let text = action["action"]?.string else { return nil }
                let owner = action["owner"]?.string
                return [
                    "action": .string(text),
                    "owner": owner.map { ViewModels.personLink($0, catalog: catalog) } ?? .null,
                    "due": TemplateValue(action["due"]?.string.flatMap(Day.init(parsing:))?.longText ?? action["due"]?.string),
                ]
            }
            let recommend = fields["recommend"]
            return ["harvest": [
                "event": TemplateValue(fields["event"]?.string),
                "eventURL": TemplateValue(SafeURL.check(fields["event_url"]?.string)),
                "eventDate": TemplateValue(fields["event_date"]?.string.flatMap(Day.init(parsing:))?.longText),
                "presenters": TemplateValue(joined(fields["presenters"])),
                "takeaways": strings(fields["takeaways"]),
                "actions": .list(actions),
                "hasRecommend": .bool(recommend?.string != nil),
                "recommend": .bool(["true", "yes"].contains(recommend?.string?.lowercased() ?? "")),
            ]]
        case .debate:
            let source = fields["source"]
            let positions = fields["positions"]
            return ["debate": [
                "motion": TemplateValue(fields["motion"]?.string),
                "sourceTitle": TemplateValue(source?["title"]?.string ?? source?.string),
                "sourceURL": TemplateValue(SafeURL.check(source?["url"]?.string)),
                "participants": .list((fields["participants"]?.items ?? []).compactMap(\.string).map { ViewModels.personLink($0, catalog: catalog) }),
                "for": strings(positions?["for"]),
                "against": strings(positions?["against"]),
                "outcome": TemplateValue(fields["outcome"]?.string),
                "decisions": strings(fields["decisions"]),
            ]]
        case .log:
            return ["log": [
                "week": TemplateValue(fields["week"]?.string),
                "progress": strings(fields["progress"]),
                "blockers": strings(fields["blockers"]),
                "asks": strings(fields["asks"]),
            ]]
        case .resource:
            let level = fields["level"]?.string.flatMap { DreyfusLevel(rawValue: $0.lowercased()) }
            return ["resource": [
                "url": TemplateValue(SafeURL.check(fields["url"]?.string)),
                "type": TemplateValue(fields["type"]?.string),
                "level": TemplateValue(level?.rawValue),
                "levelLabel": TemplateValue(level?.label),
                "time": TemplateValue(fields["time"]?.string),
                "cost": TemplateValue(fields["cost"]?.string),
                "curatedBy": fields["curated_by"]?.string.map { ViewModels.personLink($0, catalog: catalog) } ?? .null,
            ]]
        case .page, .note:
            return .null
        }
    }

    static func strings(_ value: YAMLValue?) -> TemplateValue {
        .list((value?.items ?? []).compactMap(\.string).map { .string($0) })
    }

    /// A list as "A, B and C", or a single value as it is.
    static func joined(_ value: YAMLValue?) -> String? {
        guard let value else { return nil }
        if let text = value.string { return text }
        let items = (value.items ?? []).compactMap(\.string)
        guard let last = items.last else { return nil }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}
