/// Every page the site will have, decided before anything is rendered, with URL clashes found.
struct SitePlan: Sendable {
    var pages: [PageSpec] = []
    var diagnostics: [Diagnostic] = []

    init(site: Site) {
        pages.append(.home)
        let size = site.catalog.config.pageSize
        for section in site.folders.kindSections {
            for page in 1...SiteRenderer.pageCount(site.bySection[section]?.count ?? 0, size: size) {
                pages.append(.section(section, page: page))
            }
        }
        if !site.folders.topFolders.isEmpty {
            for page in 1...SiteRenderer.pageCount(site.folders.topFolders.count, size: size) {
                pages.append(.sections(page: page))
            }
        }
        for path in site.folders.listPages {
            for page in 1...SiteRenderer.pageCount(site.folders.folders[path]?.notes.count ?? 0, size: size) {
                pages.append(.folder(path, page: page))
            }
        }
        // The team's pages exist when the team has described itself in skills.yml and people.yml.
        if site.hasSkills { pages.append(.skills) }
        for skill in site.catalog.skills {
            for page in 1...SiteRenderer.pageCount(site.skillListing(skill.id).count, size: site.catalog.config.pageSize) {
                pages.append(.skill(skill.id, page: page))
            }
        }
        if site.hasPeople { pages.append(.people) }
        pages += site.catalog.people.map { .person($0.id) }
        if site.hasSkills && site.hasPeople { pages.append(.matrix) }
        pages.append(.activity)
        if site.catalog.config.search { pages.append(.search) }
        pages.append(.notFound)
        // Generated pages first: a note that takes one of their URLs is the one reported.
        // A landing page is shown on its folder's page, not on one of its own.
        pages += site.notes.indices.filter { site.notes[$0].landing == nil }.map { .note($0) }

        var owners: [String: PageSpec] = [:]
        var kept: [PageSpec] = []
        for page in pages {
            let path = page.outputPath(in: site)
            // Compare case-insensitively: on a case-insensitive disk or server they would clash.
            if let owner = owners[path.lowercased()] {
                let location: SourceLocation? = if case .note(let index) = page { site.notes[index].location(of: "slug") } else { nil }
                diagnostics.append(.error("\(page.origin(in: site)) and \(owner.origin(in: site)) both have the URL /\(page.urlPath(in: site))/", at: location))
                continue
            }
            owners[path.lowercased()] = page
            kept.append(page)
        }
        pages = kept
    }
}
