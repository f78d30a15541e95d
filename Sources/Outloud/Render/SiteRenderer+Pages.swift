/// The values of each kind of page: which template, which title, which data.
extension SiteRenderer {
    /// How many notes the home page lists as latest.
    static let homeLatest = 12
    /// How many harvests and debates the home page lists.
    static let homeRecent = 4
    /// How many open asks the home page shows before "more asks".
    static let homeAsks = 6

    func pageValues(_ spec: PageSpec) -> (template: String, title: String, values: TemplateValue) {
        switch spec {
        case .home: homeValues()
        case .note(let index): ("note", site.notes[index].title, ["note": models.notePage(index)])
        case .section(let section, let page): sectionValues(section, page: page)
        case .folder(let path, let page): folderValues(path, page: page)
        case .sections(let page): sectionsValues(page: page)
        case .skills: ("skills", "Skills", ["groups": skillGroups()])
        case .skill(let id, let page): skillValues(id, page: page)
        case .people: peopleValues()
        case .person(let id): personValues(id)
        case .matrix: matrixValues()
        case .activity: activityValues()
        case .search: ("search", "Search", ["sections": .list(site.folders.kindSections.map { ["label": .string(sectionTitle($0)), "url": .string(ViewModels.sectionURL($0))] }
                + (site.folders.topFolders.isEmpty ? [] : [["label": "Sections", "url": "sections/"]]))])
        case .notFound: ("404", "Page not found", [:])
        }
    }

    private func homeValues() -> (String, String, TemplateValue) {
        guard case .list(let asks) = openAskValues() else { preconditionFailure("asks are a list") }
        let listed = site.notes.indices.filter { site.notes[$0].kind != .page }
        return ("home", site.catalog.config.title, [
            "description": .string(site.catalog.config.description),
            "intro": landingHTML(site.folders.homeLanding),
            "sections": sectionsBlock(),
            "latest": models.cards(Array(listed.prefix(Self.homeLatest)), root: ""),
            "harvests": models.cards(Array((site.byKind[.harvest] ?? []).prefix(Self.homeRecent))),
            "debates": models.cards(Array((site.byKind[.debate] ?? []).prefix(Self.homeRecent))),
            "openAsks": .list(Array(asks.prefix(Self.homeAsks))),
            "moreAsks": .list(Array(asks.dropFirst(Self.homeAsks))),
            "askCount": .int(asks.count),
            "openAsksWeeks": .int(site.catalog.config.openAsksWeeks),
            "skillGroups": skillGroups(),
            "noteCount": .int(listed.count),
            "skillCount": .int(site.catalog.skills.count),
            "peopleCount": .int(site.catalog.people.count),
        ])
    }

    private func sectionValues(_ section: String, page: Int) -> (String, String, TemplateValue) {
        let indexes = site.bySection[section] ?? []
        let size = site.catalog.config.pageSize
        let pageCount = Self.pageCount(indexes.count, size: size)
        let slice = Array(indexes.dropFirst((page - 1) * size).prefix(size))
        let folder = site.folders.folders[section]
        let title = folder?.title ?? sectionTitle(section)
        let kind = folder?.kindIndex ?? .note
        return ("list", page > 1 ? "\(title) (page \(page) of \(pageCount))" : title, [
            "heading": .string(title),
            "section": .string(section),
            "intro": page == 1 ? landingHTML(folder?.landing) : .null,
            "kind": .string(kind.rawValue),
            "notes": models.cards(slice, root: relativeRoot(forURLPath: PageSpec.section(section, page: page).urlPath(in: site))),
            "count": .int(indexes.count),
            "bookGroups": kind == .book && page == 1 ? bookGroupValues() : .list([]),
            "pagination": Self.pagination(page: page, of: pageCount) { ViewModels.sectionURL(section, page: $0) },
        ])
    }

    /// How many pages a list of `count` notes takes, `size` to a page; at least one.
    static func pageCount(_ count: Int, size: Int) -> Int {
        max(1, (count + size - 1) / size)
    }

    /// `{{#pagination}}` of a list's page: null when the list fits on one.
    static func pagination(page: Int, of pageCount: Int, url: (Int) -> String) -> TemplateValue {
        guard pageCount > 1 else { return .null }
        return [
            "current": .int(page),
            "total": .int(pageCount),
            "prevURL": page > 1 ? .string(url(page - 1)) : .null,
            "nextURL": page < pageCount ? .string(url(page + 1)) : .null,
        ]
    }

    /// The catalog by group (groups in order of first appearance), each skill with its note count.
    func skillGroups() -> TemplateValue {
        var order: [String] = []
        var groups: [String: [TemplateValue]] = [:]
        for skill in site.catalog.skills {
            if groups[skill.group] == nil { order.append(skill.group) }
            groups[skill.group, default: []].append([
                "id": .string(skill.id),
                "name": .string(skill.name),
                "url": .string(ViewModels.skillURL(skill.id)),
                "description": .string(skill.description),
                "count": .int(site.bySkill[skill.id]?.count ?? 0),
            ])
        }
        return .list(order.map { ["name": .string($0), "skills": .list(groups[$0] ?? [])] })
    }

    /// A skill's page: who can help, who is learning it and its resources, then its other
    /// notes by kind, `paginate` to a page (the people and resources on the first).
    private func skillValues(_ id: String, page: Int) -> (String, String, TemplateValue) {
        guard let skill = site.catalog.skill(id) else { return ("skill", id, [:]) }
        let indexes = site.bySkill[id] ?? []
        let resources = indexes.filter { site.notes[$0].kind == .resource }
        let listing = site.skillListing(id)
        let size = site.catalog.config.pageSize
        let pageCount = Self.pageCount(listing.count, size: size)
        let slice = listing.dropFirst((page - 1) * size).prefix(size)
        let root = relativeRoot(forURLPath: PageSpec.skill(id, page: page).urlPath(in: site))
        var byKind: [TemplateValue] = []
        for kind in Kind.allCases where kind != .resource {
            let notes = slice.filter { site.notes[$0].kind == kind }
            if !notes.isEmpty {
                byKind.append(["label": .string(kind.pluralLabel), "notes": models.cards(notes, root: root)])
            }
        }
        var values: [String: TemplateValue] = [
            "firstPage": .bool(page == 1),
            "pagination": Self.pagination(page: page, of: pageCount) { ViewModels.skillURL(id, page: $0) },
            "skill": [
                "id": .string(skill.id), "name": .string(skill.name),
                "group": .string(skill.group), "description": .string(skill.description),
            ],
            "kinds": .list(byKind),
            "count": .int(indexes.count),
            "resources": .list([]), "resourceLevels": .list([]), "people": .list([]), "helpers": .list([]), "learners": .list([]),
        ]
        if page == 1 {
            let people: [TemplateValue] = site.catalog.people.compactMap { person in
                let level = person.skills.first { $0.skill == id }?.level
                let mentors = person.mentorFor.contains(id)
                guard level != nil || mentors else { return nil }
                return [
                    "name": .string(person.name), "url": .string(ViewModels.personURL(person.id)),
                    "levelLabel": TemplateValue(level?.label), "level": TemplateValue(level?.rawValue),
                    "mentor": .bool(mentors),
                ]
            }
            values["resources"] = models.cards(resources)
            values["resourceLevels"] = resourceLevelValues(resources)
            values["people"] = .list(people)
            values["helpers"] = helperValues(id)
            values["learners"] = learnerValues(id)
        }
        return ("skill", page > 1 ? "\(skill.name) (page \(page) of \(pageCount))" : skill.name, .object(values))
    }

    private func peopleValues() -> (String, String, TemplateValue) {
        let people: [TemplateValue] = site.catalog.people.map { person in
            [
                "name": .string(person.name), "url": .string(ViewModels.personURL(person.id)),
                "role": .string(person.role), "count": .int(site.byPerson[person.id]?.count ?? 0),
                "skills": .list(person.skills.sorted { $0.level > $1.level }.prefix(4).map { ViewModels.skillLink($0.skill, catalog: site.catalog) }),
            ]
        }
        return ("people", "People", ["people": .list(people)])
    }

    private func personValues(_ id: String) -> (String, String, TemplateValue) {
        guard let person = site.catalog.person(id) else { return ("person", id, [:]) }
        let catalog = site.catalog
        let indexes = site.byPerson[id] ?? []
        let skills: [TemplateValue] = person.skills.map { entry in
            guard case .object(var link) = ViewModels.skillLink(entry.skill, catalog: catalog) else { return .null }
            link["level"] = .string(entry.level.rawValue)
            link["levelLabel"] = .string(entry.level.label)
            return .object(link)
        }
        let goals: [TemplateValue] = person.goals.map { goal in
            [
                "skill": ViewModels.skillLink(goal.skill, catalog: catalog),
                "levelLabel": TemplateValue(goal.level?.label),
                "by": TemplateValue(goal.by?.longText),
            ]
        }
        return ("person", person.name, [
            "person": [
                "id": .string(person.id), "name": .string(person.name), "role": .string(person.role),
                "email": TemplateValue(person.email.flatMap { $0.isEmpty ? nil : $0 }),
            ],
            "skills": .list(skills),
            "goals": .list(goals),
            "mentorFor": .list(person.mentorFor.map { ViewModels.skillLink($0, catalog: catalog) }),
            "notes": models.cards(indexes.filter { site.notes[$0].kind != .log }, root: relativeRoot(forURLPath: PageSpec.person(id).urlPath(in: site))),
            "logs": models.cards(indexes.filter { site.notes[$0].kind == .log }),
        ])
    }
}
