/// The pathway models each page shows, from the resolved `Site.pathways`.
extension ViewModels {
    func pathwaySummary(_ route: Int) -> PathwaySummary {
        PathwaySummary(site.pathways.routes[route], site: site)
    }

    /// A pathway page's steps; nil for any other note.
    func pathwayView(of note: Int) -> PathwayView? {
        guard let position = site.pathways.byNote[note] else { return nil }
        let route = site.pathways.routes[position]
        return PathwayView(summary: pathwaySummary(position),
                           steps: route.steps.enumerated().map { PathwayStepView(number: $0.offset + 1, step: $0.element, site: site) })
    }

    /// Where a note is a step: each pathway with the steps around it. A note listed twice in
    /// one pathway (a warning) gets one box, at its first place.
    func pathwayPlaces(of note: Int) -> [PathwayPlaceView] {
        var seen = Set<Int>()
        return (site.pathways.places[note] ?? []).filter { seen.insert($0.route).inserted }.map { place in
            let steps = site.pathways.routes[place.route].steps
            return PathwayPlaceView(
                summary: pathwaySummary(place.route), number: place.step + 1, count: steps.count,
                previous: place.step > 0 ? PathwayNeighbour(number: place.step, step: steps[place.step - 1], site: site) : nil,
                next: place.step + 1 < steps.count ? PathwayNeighbour(number: place.step + 2, step: steps[place.step + 1], site: site) : nil)
        }
    }

    /// Every pathway by skill, in the catalog's order (skills it does not know last, by id);
    /// within a skill from the lowest starting level, then by title.
    func pathwayGroups() -> [PathwayGroup] {
        var bySkill: [String: [Int]] = [:]
        for route in site.pathways.routes.indices { bySkill[site.pathways.routes[route].skill ?? "", default: []].append(route) }
        let known = site.catalog.skills.map(\.id).filter { bySkill[$0] != nil }
        let unknown = bySkill.keys.filter { site.catalog.skill($0) == nil }.sorted()
        return (known + unknown).map { skill in
            PathwayGroup(skill: skill.isEmpty ? ItemLink(name: "No skill") : ItemLink(skill: skill, catalog: site.catalog),
                         pathways: ordered(bySkill[skill] ?? []).map(pathwaySummary))
        }
    }

    /// The pathways of `skill`, from the lowest starting level: one pass over the routes, not
    /// every group, since each skill page asks.
    func pathways(ofSkill skill: String) -> [PathwaySummary] {
        ordered(site.pathways.routes.indices.filter { site.pathways.routes[$0].skill == skill }).map(pathwaySummary)
    }

    /// Routes from the lowest starting level, then by title.
    private func ordered(_ routes: [Int]) -> [Int] {
        routes.sorted { a, b in
            let (x, y) = (site.pathways.routes[a], site.pathways.routes[b])
            let (xRank, yRank) = (x.from?.rank ?? 0, y.from?.rank ?? 0)
            if xRank != yRank { return xRank < yRank }
            return (site.notes[x.note].title, a) < (site.notes[y.note].title, b)
        }
    }

    /// The home page's pick: the most followed first, then the newest.
    func featuredPathways(_ count: Int) -> [PathwaySummary] {
        let routes = site.pathways.routes
        // Routes are in note order, newest first: among equals that order stays.
        let order = routes.indices.sorted { (-routes[$0].learners.count, $0) < (-routes[$1].learners.count, $1) }
        return order.prefix(count).map(pathwaySummary)
    }
}
