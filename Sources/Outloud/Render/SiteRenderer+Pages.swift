/// The values of each kind of page: which template, which title, which data.
extension SiteRenderer {
    /// How many notes the home page lists as latest.
    static let homeLatest = 12
    /// How many harvests and debates the home page lists.
    static let homeRecent = 4
    /// How many open asks the home page shows before "more asks".
    static let homeAsks = 6

    /// The model of the page `spec` plans.
    func pageValues(_ spec: PageSpec) -> any PageModel {
        switch spec {
        case .home: homeValues()
        case .note(let index): models.notePage(index)
        case .section(let section, let page): sectionValues(section, page: page)
        case .folder(let path, let page): folderValues(path, page: page)
        case .sections(let page): sectionsValues(page: page)
        case .skills: SkillsPage(groups: skillGroups())
        case .skill(let id, let page): skillValues(id, page: page)
        case .people: peopleValues()
        case .person(let id): personValues(id)
        case .matrix: matrixValues()
        case .activity: ActivityPage(site.activity)
        case .search: SearchPage(sections: site.folders.kindSections.map { SectionLink(label: sectionTitle($0), url: ViewModels.sectionURL($0)) }
                + (site.folders.topFolders.isEmpty ? [] : [SectionLink(label: "Sections", url: "sections/")]))
        case .notFound: EmptyPage(template: "404", title: "Page not found")
        }
    }

    private func homeValues() -> HomePage {
        let asks = openAskValues()
        let listed = site.notes.indices.filter { site.notes[$0].kind != .page }
        return HomePage(
            title: site.catalog.config.title,
            description: site.catalog.config.description,
            intro: landingHTML(site.folders.homeLanding),
            sections: sectionsBlock(),
            latest: models.cards(Array(listed.prefix(Self.homeLatest)), root: ""),
            harvests: models.cards(Array((site.byKind[.harvest] ?? []).prefix(Self.homeRecent))),
            debates: models.cards(Array((site.byKind[.debate] ?? []).prefix(Self.homeRecent))),
            pathways: models.featuredPathways(Self.homeRecent),
            openAsks: Array(asks.prefix(Self.homeAsks)),
            moreAsks: Array(asks.dropFirst(Self.homeAsks)),
            openAsksWeeks: site.catalog.config.openAsksWeeks,
            skillGroups: skillGroups(),
            noteCount: listed.count,
            skillCount: site.catalog.skills.count,
            peopleCount: site.catalog.people.count,
            landing: site.folders.homeLanding)
    }

    private func sectionValues(_ section: String, page: Int) -> ListPage {
        let indexes = site.bySection[section] ?? []
        let size = site.catalog.config.pageSize
        let pageCount = Self.pageCount(indexes.count, size: size)
        let slice = Array(indexes.dropFirst((page - 1) * size).prefix(size))
        let folder = site.folders.folders[section]
        let title = folder?.title ?? sectionTitle(section)
        let kind = folder?.kindIndex ?? .note
        return ListPage(
            title: page > 1 ? "\(title) (page \(page) of \(pageCount))" : title,
            heading: title,
            section: section,
            intro: page == 1 ? landingHTML(folder?.landing) : nil,
            kind: kind,
            notes: models.cards(slice, root: relativeRoot(forURLPath: PageSpec.section(section, page: page).urlPath(in: site))),
            count: indexes.count,
            bookGroups: kind == .book && page == 1 ? bookGroupValues() : [],
            pathwayGroups: kind == .pathway && page == 1 ? models.pathwayGroups() : [],
            pagination: Pagination(page: page, of: pageCount) { ViewModels.sectionURL(section, page: $0) })
    }

    /// How many pages a list of `count` notes takes, `size` to a page; at least one.
    static func pageCount(_ count: Int, size: Int) -> Int {
        max(1, (count + size - 1) / size)
    }

    /// The catalog by group (groups in order of first appearance), each skill with its note count.
    func skillGroups() -> [SkillGroup] {
        var order: [String] = []
        var groups: [String: [CatalogSkill]] = [:]
        for skill in site.catalog.skills {
            if groups[skill.group] == nil { order.append(skill.group) }
            groups[skill.group, default: []].append(CatalogSkill(skill: skill, count: site.bySkill[skill.id]?.count ?? 0))
        }
        return order.map { SkillGroup(name: $0, skills: groups[$0] ?? []) }
    }

    /// A skill's page: who can help, who is learning it and its resources, then its other
    /// notes by kind, `paginate` to a page (the people and resources on the first).
    private func skillValues(_ id: String, page: Int) -> any PageModel {
        guard let skill = site.catalog.skill(id) else { return EmptyPage(template: "skill", title: id) }
        let indexes = site.bySkill[id] ?? []
        let resources = indexes.filter { site.notes[$0].kind == .resource }
        let listing = site.skillListing(id)
        let size = site.catalog.config.pageSize
        let pageCount = Self.pageCount(listing.count, size: size)
        let slice = listing.dropFirst((page - 1) * size).prefix(size)
        let root = relativeRoot(forURLPath: PageSpec.skill(id, page: page).urlPath(in: site))
        var byKind: [KindCards] = []
        for kind in Kind.allCases where kind != .resource {
            let notes = slice.filter { site.notes[$0].kind == kind }
            if !notes.isEmpty {
                byKind.append(KindCards(label: kind.pluralLabel, notes: models.cards(notes, root: root)))
            }
        }
        var model = SkillPage(
            title: page > 1 ? "\(skill.name) (page \(page) of \(pageCount))" : skill.name,
            skill: skill,
            firstPage: page == 1,
            pagination: Pagination(page: page, of: pageCount) { ViewModels.skillURL(id, page: $0) },
            kinds: byKind,
            count: indexes.count,
            resources: [], resourceLevels: [], people: [], helpers: [], learners: [], pathways: [])
        if page == 1 {
            model.people = site.catalog.people.compactMap { person in
                let level = person.skills.first { $0.skill == id }?.level
                let mentors = person.mentorFor.contains(id)
                guard level != nil || mentors else { return nil }
                return SkillPerson(person: person, level: level, mentor: mentors)
            }
            model.resources = models.cards(resources)
            model.resourceLevels = resourceLevelValues(resources)
            model.helpers = helperValues(id)
            model.learners = learnerValues(id)
            model.pathways = models.pathways(ofSkill: id)
        }
        return model
    }

    private func peopleValues() -> PeoplePage {
        PeoplePage(people: site.catalog.people.map { person in
            PersonEntry(person: person, count: site.byPerson[person.id]?.count ?? 0,
                        skills: person.skills.sorted { $0.level > $1.level }.prefix(4).map { ItemLink(skill: $0.skill, catalog: site.catalog) })
        })
    }

    private func personValues(_ id: String) -> any PageModel {
        guard let person = site.catalog.person(id) else { return EmptyPage(template: "person", title: id) }
        let catalog = site.catalog
        let indexes = site.byPerson[id] ?? []
        return PersonPage(
            person: person,
            skills: person.skills.map { PersonSkill(skill: ItemLink(skill: $0.skill, catalog: catalog), level: $0.level) },
            goals: person.goals.map { GoalEntry(skill: ItemLink(skill: $0.skill, catalog: catalog), level: $0.level, by: $0.by) },
            mentorFor: person.mentorFor.map { ItemLink(skill: $0, catalog: catalog) },
            notes: models.cards(indexes.filter { site.notes[$0].kind != .log }, root: relativeRoot(forURLPath: PageSpec.person(id).urlPath(in: site))),
            logs: models.cards(indexes.filter { site.notes[$0].kind == .log }),
            pathways: (site.pathways.byPerson[id] ?? []).map(models.pathwaySummary),
            curates: site.pathways.routes.indices.filter { site.pathways.routes[$0].curator == id }.map(models.pathwaySummary))
    }
}
