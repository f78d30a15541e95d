/// One Atom feed of the site: every note, one folder section's notes, or one skill's notes.
enum Feed: Sendable, Hashable {
    case site
    case section(String)
    case skill(String)

    /// The file, relative to the site root: `feed.xml`, `books/feed.xml`, `skills/swift/feed.xml`.
    var path: String { pageURL + "feed.xml" }

    /// The HTML page the feed follows, relative to the site root: `""` (home), `books/`, `skills/swift/`.
    var pageURL: String {
        switch self {
        case .site: ""
        case .section(let section): ViewModels.sectionURL(section)
        case .skill(let id): ViewModels.skillURL(id)
        }
    }
}

/// Atom feeds, written in Swift rather than through the theme: a feed is data for a reader,
/// not a page, and XML needs its own escaping. Every URL in a feed is absolute (`base_url`),
/// because feed readers do not resolve relative links reliably.
extension SiteRenderer {
    /// Entries per feed, newest first. Readers fetch a feed again and again, so it carries
    /// the recent notes only; older ones stay on the site and in the sitemap.
    static let feedEntryLimit = 50

    /// Every feed, in a fixed order: the site, each folder section with a list page, each skill.
    var feeds: [Feed] {
        [.site] + site.sections.map { .section($0) } + site.catalog.skills.map { .skill($0.id) }
    }

    func feedTitle(_ feed: Feed) -> String {
        let title = site.catalog.config.title
        switch feed {
        case .site: return title
        case .section(let section): return "\(title) — \(sectionTitle(section))"
        case .skill(let id): return "\(title) — \(site.catalog.skill(id)?.name ?? id)"
        }
    }

    /// The notes a feed holds, newest first and at most `feedEntryLimit`: free pages never.
    func feedNotes(_ feed: Feed) -> [Int] {
        let indexes: [Int] = switch feed {
        case .site: Array(site.notes.indices)
        case .section(let section): site.bySection[section] ?? []
        case .skill(let id): site.bySkill[id] ?? []
        }
        return Array(indexes.lazy.filter { site.notes[$0].kind != .page }.prefix(Self.feedEntryLimit))
    }

    /// The `page.feeds` a page links to with `<link rel="alternate">`, its own feed first, and
    /// `page.feed`, the feed a list shows a link to. Both empty without `base_url`: no feeds then.
    func feedValues(for spec: PageSpec) -> (all: [FeedLink], own: FeedLink?) {
        guard site.catalog.config.baseURL != nil else { return ([], nil) }
        let linked: [Feed] = switch spec {
        case .section(let section, _): [.section(section), .site]
        case .folder(let path, _) where site.folders.topFolders.contains(path): [.section(path), .site]
        case .skill(let id, _): [.skill(id)]
        default: [.site]
        }
        func value(_ feed: Feed) -> FeedLink { FeedLink(title: feedTitle(feed), url: feed.path) }
        let own: FeedLink? = switch spec {
        case .section, .skill: value(linked[0])
        case .folder where linked.count > 1: value(linked[0])
        default: nil
        }
        return (linked.map(value), own)
    }

    /// Every feed (or those of `only`) as a page of the output, entries shared between feeds
    /// rendered once, in parallel.
    func renderFeeds(baseURL: String, only: Set<Feed>? = nil) async -> [Page] {
        let config = site.catalog.config
        // A note without a date is as new as the newest note; an empty feed is that new too.
        let siteUpdated = site.notes.lazy.filter { $0.kind != .page }.compactMap { $0.updated ?? $0.date }.max() ?? Day(ordinal: 0)
        let feeds = only.map { only in self.feeds.filter(only.contains) } ?? self.feeds
        let notes = feeds.map(feedNotes)
        let needed = Array(Set(notes.joined())).sorted()
        let rendered = await Parallel.batches(count: needed.count, batchSize: 32) { batch in
            needed[batch].map { entry($0, baseURL: baseURL, fallback: siteUpdated) }
        }
        let entries = Dictionary(uniqueKeysWithValues: zip(needed, rendered.joined()))
        return zip(feeds, notes).map { feed, indexes in
            let updated = indexes.map { lastChange(site.notes[$0]) ?? siteUpdated }.max() ?? siteUpdated
            let subtitle: String = switch feed {
            case .site: config.description
            case .section: ""
            case .skill(let id): site.catalog.skill(id)?.description ?? ""
            }
            var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(config.language))">
              <title>\(XML.escape(feedTitle(feed)))</title>\n
            """
            if !subtitle.isEmpty { xml += "  <subtitle>\(XML.escape(subtitle))</subtitle>\n" }
            xml += """
              <link rel="self" type="application/atom+xml" href="\(XML.escape(absolute(feed.path, baseURL)))"/>
              <link rel="alternate" type="text/html" href="\(XML.escape(absolute(feed.pageURL, baseURL)))"/>
              <id>\(XML.escape(absolute(feed.path, baseURL)))</id>
              <updated>\(XML.timestamp(updated))</updated>
              <author><name>\(XML.escape(config.title))</name></author>
              <generator version="\(XML.escape(BuildInfo.version))">Outloud</generator>\n
            """
            for index in indexes { xml += entries[index] ?? "" }
            xml += "</feed>\n"
            return Page(path: feed.path, contents: xml)
        }
    }

    /// The day a note last changed: its `updated`, else its `date`.
    func lastChange(_ note: Note) -> Day? { note.updated ?? note.date }

    private func entry(_ index: Int, baseURL: String, fallback: Day) -> String {
        let note = site.notes[index]
        let url = XML.escape(absolute(ViewModels.noteURL(note), baseURL))
        var xml = """
          <entry>
            <title>\(XML.escape(note.title))</title>
            <link rel="alternate" type="text/html" href="\(url)"/>
            <id>\(url)</id>\n
        """
        if let date = note.date { xml += "    <published>\(XML.timestamp(date))</published>\n" }
        xml += "    <updated>\(XML.timestamp(lastChange(note) ?? fallback))</updated>\n"
        for author in note.authors {
            xml += "    <author><name>\(XML.escape(site.catalog.person(author)?.name ?? author))</name></author>\n"
        }
        for tag in note.tags {
            let label = site.catalog.skill(tag).map { " label=\"\(XML.escape($0.name))\"" } ?? ""
            xml += "    <category term=\"\(XML.escape(tag))\"\(label)/>\n"
        }
        if !note.summary.isEmpty { xml += "    <summary>\(XML.escape(note.summary))</summary>\n" }
        let html = AbsoluteLinks.rewrite(models.linkedHTML(index), pageURL: ViewModels.noteURL(note), baseURL: baseURL)
        xml += "    <content type=\"html\">\(XML.escape(html))</content>\n  </entry>\n"
        return xml
    }

    /// `base_url` + a site-root-relative URL, percent-encoded where a path needs it.
    func absolute(_ url: String, _ baseURL: String) -> String { baseURL + ContentPath.encoded(url) }
}

/// Makes the relative `href` and `src` URLs of a note's HTML absolute, for a feed entry: the
/// HTML is read outside the site, where `../../books/drive/` means nothing.
enum AbsoluteLinks {
    /// Rewrites every ` href="…"` and ` src="…"` in `html`, written for the page at `pageURL`
    /// (site-root-relative, `books/drive/`). cmark escapes `"` in text as `&quot;`, so the
    /// pattern only ever matches an attribute.
    static func rewrite(_ html: String, pageURL: String, baseURL: String) -> String {
        // Searched on UTF-8 bytes: Foundation's `range(of:)` on a long note took longer than
        // rendering it.
        html.withUTF8Bytes { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 256)
            var copiedUpTo = 0, index = 0
            while let equals = bytes.offset(of: UInt8(ascii: "="), from: index) {
                index = equals + 1
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""),
                      bytes.matches(href, at: equals - href.count) || bytes.matches(src, at: equals - src.count)
                else { continue }
                let valueStart = index + 1
                guard let close = bytes.offset(of: UInt8(ascii: "\""), from: valueStart) else { break }
                output.append(contentsOf: bytes[copiedUpTo..<valueStart])
                let url = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<close]), as: UTF8.self)
                output.append(contentsOf: resolve(url, pageURL: pageURL, baseURL: baseURL).utf8)
                copiedUpTo = close
                index = close
            }
            output.append(contentsOf: bytes[copiedUpTo...])
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static let href = Array(" href".utf8)
    private static let src = Array(" src".utf8)

    /// `../../books/drive/#mastery` from `books/fifth/` → `<base>books/drive/#mastery`. URLs
    /// with a scheme (`https:`, `mailto:`) or from the server root (`/x`) are left alone.
    static func resolve(_ url: String, pageURL: String, baseURL: String) -> String {
        let head = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if head.contains(":") || url.hasPrefix("/") { return url }
        var folders = ContentPath.encoded(pageURL).split(separator: "/").map(String.init)
        var rest = Substring(url)
        while true {
            if rest.hasPrefix("../") || rest == ".." {
                if !folders.isEmpty { folders.removeLast() }
                rest = rest.dropFirst(min(3, rest.count))
            } else if rest.hasPrefix("./") || rest == "." {
                rest = rest.dropFirst(min(2, rest.count))
            } else {
                break
            }
        }
        return baseURL + folders.map { $0 + "/" }.joined() + rest
    }
}
