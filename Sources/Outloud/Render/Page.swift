/// One file the build writes, with its path relative to the output folder.
public struct Page: Sendable, Hashable {
    public var path: String
    public var contents: String
}

/// A page the site will have, before it is rendered.
enum PageSpec: Sendable, Hashable {
    case home
    case note(Int)
    case section(String, page: Int)
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
        case .section(let section, let page): page <= 1 ? section : "\(section)/page/\(page)"
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
        case .section(let section, _): "the \(section)/ list"
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
