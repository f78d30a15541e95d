/// The values of folder pages: a folder's list, the Sections page, breadcrumbs and the
/// header's links.
extension SiteRenderer {
    /// A folder's page: breadcrumbs, its landing page's text (on the first page), its folders
    /// and its notes, `pageSize` notes to a page.
    func folderValues(_ path: String, page: Int) -> any PageModel {
        guard let folder = site.folders.folders[path] else { return EmptyPage(template: "folder", title: path) }
        let size = site.catalog.config.pageSize
        let pageCount = Self.pageCount(folder.notes.count, size: size)
        let slice = Array(folder.notes.dropFirst((page - 1) * size).prefix(size))
        let root = relativeRoot(forURLPath: PageSpec.folder(path, page: page).urlPath(in: site))
        return FolderPage(
            title: page > 1 ? "\(folder.title) (page \(page) of \(pageCount))" : folder.title,
            heading: folder.title,
            breadcrumbs: models.breadcrumbs(to: path, current: nil),
            intro: page == 1 ? landingHTML(folder.landing) : nil,
            folders: page == 1 ? folder.children.compactMap(folderEntry) : [],
            notes: models.cards(slice, root: root),
            count: folder.notes.count,
            total: folder.total,
            pagination: Pagination(page: page, of: pageCount) { ViewModels.folderURL(folder.urlPath, page: $0) })
    }

    /// The Sections page: every top folder of ordinary notes with its summary, count and
    /// folders, `pageSize` top folders to a page.
    func sectionsValues(page: Int) -> SectionsPage {
        let tops = site.folders.topFolders
        let size = site.catalog.config.pageSize
        let pageCount = Self.pageCount(tops.count, size: size)
        let entries: [FolderEntry] = tops.dropFirst((page - 1) * size).prefix(size).compactMap { path in
            guard var entry = folderEntry(path) else { return nil }
            entry.children = descendants(of: path)
            return entry
        }
        return SectionsPage(
            title: page > 1 ? "Sections (page \(page) of \(pageCount))" : "Sections",
            sections: entries,
            count: tops.count,
            pagination: Pagination(page: page, of: pageCount) { ViewModels.folderURL("sections", page: $0) })
    }

    /// The home page's compact list of top folders: title, URL and count.
    func sectionsBlock() -> [FolderEntry] {
        site.folders.topFolders.compactMap(folderEntry)
    }

    /// A folder as a list entry: `title`, `url`, `count` (notes in it and below), `summary`.
    func folderEntry(_ path: String) -> FolderEntry? {
        guard let folder = site.folders.folders[path] else { return nil }
        return FolderEntry(
            title: folder.title,
            url: ViewModels.folderURL(folder.urlPath),
            count: folder.total,
            summary: folder.landing.map { site.notes[$0].summary }.flatMap { $0.isEmpty ? nil : $0 },
            depth: folder.depth - 1,
            landing: folder.landing)
    }

    /// The folders under `path`, depth first, each with its `depth` below the top folder.
    private func descendants(of path: String) -> [FolderEntry] {
        var entries: [FolderEntry] = []
        for child in site.folders.folders[path]?.children ?? [] {
            if let entry = folderEntry(child) { entries.append(entry) }
            entries += descendants(of: child)
        }
        return entries
    }

    /// A landing page's body, its links resolved, or nil.
    func landingHTML(_ landing: Int?) -> String? {
        guard let landing, !site.notes[landing].body.html.isEmpty else { return nil }
        return models.linkedHTML(landing)
    }

    /// The header's links: each kind's index, one "Sections" link when there are folders of
    /// ordinary notes, then the team's pages; the one at `currentURL` marked current. However
    /// many folders a site has, the header never has more than `Kind.listed` + 4 links.
    func navigation(currentURL: String?) -> [NavLink] {
        var links = site.folders.kindSections.map { (sectionTitle($0), ViewModels.sectionURL($0)) }
        if !site.folders.topFolders.isEmpty { links.append(("Sections", "sections/")) }
        if site.hasSkills { links.append(("Skills", "skills/")) }
        if site.hasSkills && site.hasPeople { links.append(("Matrix", "matrix/")) }
        if site.hasPeople { links.append(("People", "people/")) }
        return links.map { label, url in NavLink(label: label, url: url, current: url == currentURL) }
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
    func breadcrumbs(to path: String, current: String?) -> [Breadcrumb] {
        let trail = site.folders.trail(to: path)
        var items = [Breadcrumb(label: "Home", url: "", current: false)]
        for (position, folder) in trail.enumerated() {
            let isCurrent = current == nil && position == trail.count - 1
            items.append(Breadcrumb(label: folder.title, url: Self.folderURL(folder.urlPath), current: isCurrent))
        }
        if let current { items.append(Breadcrumb(label: current, url: nil, current: true)) }
        return items
    }
}
