/// The values of folder pages: a folder's list, the Sections page, breadcrumbs and the
/// header's links.
extension SiteRenderer {
    /// A folder's page: breadcrumbs, its landing page's text (on the first page), its folders
    /// and its notes, `pageSize` notes to a page.
    func folderValues(_ path: String, page: Int) -> (String, String, TemplateValue) {
        guard let folder = site.folders.folders[path] else { return ("folder", path, [:]) }
        let size = site.catalog.config.pageSize
        let pageCount = Self.pageCount(folder.notes.count, size: size)
        let slice = Array(folder.notes.dropFirst((page - 1) * size).prefix(size))
        let root = relativeRoot(forURLPath: PageSpec.folder(path, page: page).urlPath(in: site))
        return ("folder", page > 1 ? "\(folder.title) (page \(page) of \(pageCount))" : folder.title, [
            "heading": .string(folder.title),
            "breadcrumbs": models.breadcrumbs(to: path, current: nil),
            "intro": page == 1 ? landingHTML(folder.landing) : .null,
            "folders": page == 1 ? .list(folder.children.compactMap(folderEntry)) : .list([]),
            "notes": models.cards(slice, root: root),
            "count": .int(folder.notes.count),
            "total": .int(folder.total),
            "pagination": Self.pagination(page: page, of: pageCount) { ViewModels.folderURL(folder.urlPath, page: $0) },
        ])
    }

    /// The Sections page: every top folder of ordinary notes with its summary, count and
    /// folders, `pageSize` top folders to a page.
    func sectionsValues(page: Int) -> (String, String, TemplateValue) {
        let tops = site.folders.topFolders
        let size = site.catalog.config.pageSize
        let pageCount = Self.pageCount(tops.count, size: size)
        let entries: [TemplateValue] = tops.dropFirst((page - 1) * size).prefix(size).compactMap { path in
            guard case .object(var entry) = folderEntry(path) else { return nil }
            entry["children"] = .list(descendants(of: path))
            return .object(entry)
        }
        return ("sections", page > 1 ? "Sections (page \(page) of \(pageCount))" : "Sections", [
            "sections": .list(entries),
            "count": .int(tops.count),
            "pagination": Self.pagination(page: page, of: pageCount) { ViewModels.folderURL("sections", page: $0) },
        ])
    }

    /// The home page's compact list of top folders: title, URL and count.
    func sectionsBlock() -> TemplateValue {
        .list(site.folders.topFolders.compactMap(folderEntry))
    }

    /// A folder as a list entry: `title`, `url`, `count` (notes in it and below), `summary`.
    func folderEntry(_ path: String) -> TemplateValue? {
        guard let folder = site.folders.folders[path] else { return nil }
        return [
            "title": .string(folder.title),
            "url": .string(ViewModels.folderURL(folder.urlPath)),
            "count": .int(folder.total),
            "summary": TemplateValue(folder.landing.map { site.notes[$0].summary }.flatMap { $0.isEmpty ? nil : $0 }),
            "depth": .int(folder.depth - 1),
        ]
    }

    /// The folders under `path`, depth first, each with its `depth` below the top folder.
    private func descendants(of path: String) -> [TemplateValue] {
        var entries: [TemplateValue] = []
        for child in site.folders.folders[path]?.children ?? [] {
            if let entry = folderEntry(child) { entries.append(entry) }
            entries += descendants(of: child)
        }
        return entries
    }

    /// A landing page's body, its links resolved, or null.
    func landingHTML(_ landing: Int?) -> TemplateValue {
        guard let landing, !site.notes[landing].body.html.isEmpty else { return .null }
        return .html(models.linkedHTML(landing))
    }

    /// The header's links: each kind's index, one "Sections" link when there are folders of
    /// ordinary notes, then the team's pages; the one at `currentURL` marked current. However
    /// many folders a site has, the header never has more than `Kind.listed` + 4 links.
    func navigation(currentURL: String?) -> TemplateValue {
        var links = site.folders.kindSections.map { (sectionTitle($0), ViewModels.sectionURL($0)) }
        if !site.folders.topFolders.isEmpty { links.append(("Sections", "sections/")) }
        if site.hasSkills { links.append(("Skills", "skills/")) }
        if site.hasSkills && site.hasPeople { links.append(("Matrix", "matrix/")) }
        if site.hasPeople { links.append(("People", "people/")) }
        return .list(links.map { label, url in ["label": .string(label), "url": .string(url), "current": .bool(url == currentURL)] })
    }

    /// The header link a page belongs under: its kind's index, or Sections for folders of notes.
    func navigationURL(ofFolder path: String) -> String? {
        guard let top = path.split(separator: "/").first.map(String.init), let folder = site.folders.folders[top] else { return nil }
        return folder.kindIndex != nil ? ViewModels.sectionURL(top) : "sections/"
    }

    /// A kind index's label in the header: the kind's name (`Books`), whatever its folder is called.
    func sectionTitle(_ section: String) -> String {
        guard let folder = site.folders.folders[section] else { return NoteReader.title(fromFileName: section) }
        return folder.kindIndex?.pluralLabel ?? folder.title
    }
}

extension ViewModels {
    /// `Home › Guides › Onboarding`: the folders down to `path`, each linked, then `current`
    /// (a note's title) or, without it, the folder itself as the current page.
    func breadcrumbs(to path: String, current: String?) -> TemplateValue {
        let trail = site.folders.trail(to: path)
        var items: [TemplateValue] = [["label": "Home", "url": "", "current": false]]
        for (position, folder) in trail.enumerated() {
            let isCurrent = current == nil && position == trail.count - 1
            items.append(["label": .string(folder.title), "url": .string(Self.folderURL(folder.urlPath)), "current": .bool(isCurrent)])
        }
        if let current { items.append(["label": .string(current), "url": .null, "current": true]) }
        return .list(items)
    }
}
