import Foundation

/// Every internal link and image of a built site, checked against the files written: what
/// linkchecker does for a site on disk, without a server.
enum SiteLinkCheck {
    struct Link: Hashable, CustomStringConvertible {
        var page: String
        var href: String
        var description: String { "\(page): \(href)" }
    }

    /// The `href` and `src` values of every HTML page under `output`, by page.
    static func links(in output: String) -> [Link] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        var links: [Link] = []
        for (page, data) in filesUnder(output) where page.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let href = String(html[Range(match.range(at: 1), in: html)!]).replacingOccurrences(of: "&amp;", with: "&")
                links.append(Link(page: page, href: href))
            }
        }
        return links.sorted { ($0.page, $0.href) < ($1.page, $1.href) }
    }

    /// Whether `href` is a link inside the site (relative, no scheme).
    static func isInternal(_ href: String) -> Bool {
        guard !href.isEmpty, !href.hasPrefix("#"), !href.hasPrefix("//") else { return false }
        if let colon = href.firstIndex(of: ":"), !href[..<colon].contains("/") { return false }
        return true
    }

    /// The internal links whose target is not a file of the site (a folder counts when it has `index.html`).
    static func broken(in output: String) -> [Link] {
        links(in: output).filter { link in
            guard isInternal(link.href) else { return false }
            var target = Substring(link.href)
            if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = target[..<cut] }
            guard let decoded = String(target).removingPercentEncoding else { return true }
            let folder = (link.page as NSString).deletingLastPathComponent
            var path = ((output as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent(decoded)
            if decoded.isEmpty || decoded.hasSuffix("/") { path = (path as NSString).appendingPathComponent("index.html") }
            let resolved = (path as NSString).standardizingPath
            guard resolved.hasPrefix((output as NSString).standardizingPath) else { return true }
            return !FileManager.default.fileExists(atPath: resolved)
        }
    }
}
