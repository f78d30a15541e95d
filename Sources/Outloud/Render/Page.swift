/// One file the build writes, with its path relative to the output folder.
struct Page: Sendable, Hashable {
    var path: String
    var contents: String
}

/// A page the site will have, before it is rendered.
enum PageSpec: Sendable, Hashable {
    case home
    case note(Int)
    /// A kind's index: the list page of a kind's top folder (`books/`).
    case section(String, page: Int)
    /// The list page of any other folder (`guides/`, `guides/onboarding/`), by its path.
    case folder(String, page: Int)
    /// Every top folder of ordinary notes, with its folders under it.
    case sections(page: Int)
    case skills
    case skill(String, page: Int)
    case people
    case person(String)
    case matrix
    case activity
    case search
    case notFound

    /// The URL path, without leading or trailing slash (`books/drive`).
    func urlPath(in site: Site) -> String {
        switch self {
        case .home: ""
        case .note(let index): site.notes[index].urlPath
        case .section(let path, let page), .folder(let path, let page):
            Self.paged(site.folders.folders[path]?.urlPath ?? NoteReader.folderURLPath(path.split(separator: "/").map(String.init)), page)
        case .sections(let page): Self.paged("sections", page)
        case .skills: "skills"
        case .skill(let id, let page): page <= 1 ? "skills/\(id)" : "skills/\(id)/page/\(page)"
        case .people: "people"
        case .person(let id): "people/\(id)"
        case .matrix: "matrix"
        case .activity: "activity"
        case .search: "search"
        case .notFound: ""
        }
    }

    private static func paged(_ urlPath: String, _ page: Int) -> String {
        page <= 1 ? urlPath : "\(urlPath)/page/\(page)"
    }

    /// The file written for it.
    func outputPath(in site: Site) -> String {
        if case .notFound = self { return "404.html" }
        let url = urlPath(in: site)
        return url.isEmpty ? "index.html" : url + "/index.html"
    }

    /// What a diagnostic about this page's URL names.
    func origin(in site: Site) -> String {
        switch self {
        case .note(let index): site.notes[index].displayPath
        case .skill(let id, _): "skill \"\(id)\""
        case .person(let id): "person \"\(id)\""
        case .section(let path, _), .folder(let path, _): "the \(path)/ list"
        default: "the \(urlPath(in: site).isEmpty ? "home" : urlPath(in: site))/ page"
        }
    }
}

/// `../../` for a page at `books/drive/`: the way back to the site's root.
func relativeRoot(forURLPath urlPath: String) -> String {
    guard !urlPath.isEmpty else { return "" }
    let depth = urlPath.split(separator: "/").count
    return String(repeating: "../", count: depth)
}
