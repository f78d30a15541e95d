/// `sitemap.xml` (sitemaps.org 0.9): every HTML page the build writes, at its absolute URL.
enum Sitemap {
    static let path = "sitemap.xml"

    /// The sitemap of `pages` (the rendered pages, feeds left out): one `<loc>` per HTML page
    /// but `404.html`, sorted by URL, with `<lastmod>` for note pages (`updated`, else `date`).
    static func page(for pages: [Page], site: Site, baseURL: String) -> Page {
        var lastChange: [String: Day] = [:]
        for (index, note) in site.notes.enumerated() {
            lastChange[PageSpec.note(index).outputPath(in: site)] = note.updated ?? note.date
        }
        let entries = pages.compactMap { page -> (loc: String, lastmod: Day?)? in
            guard let url = url(ofOutputPath: page.path) else { return nil }
            return (baseURL + ContentPath.encoded(url), lastChange[page.path])
        }.sorted { $0.loc < $1.loc }
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n
        """
        for entry in entries {
            xml += "  <url><loc>\(XML.escape(entry.loc))</loc>"
            if let day = entry.lastmod { xml += "<lastmod>\(day)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return Page(path: path, contents: xml)
    }

    /// `books/drive/index.html` → `books/drive/`, `index.html` → `""`; nil for `404.html`
    /// (a server shows it at missing URLs, it has none of its own) and for anything not HTML.
    static func url(ofOutputPath path: String) -> String? {
        if path == "index.html" { return "" }
        guard path != "404.html", path.hasSuffix(".html") else { return nil }
        return path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
    }
}
