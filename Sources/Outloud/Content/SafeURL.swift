import Foundation

/// URLs from front matter that may go into an `href`: http(s), mailto or relative.
enum SafeURL {
    static func check(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        let lowered = text.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:") { return text }
        // A relative URL has no scheme: no ":" before the first "/", "?" or "#".
        let head = lowered.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return head.contains(":") ? nil : text
    }
}

/// The site's public address (`base_url`, `--base-url`): it goes into every feed, the
/// sitemap, canonical links and the root of `404.html`'s links, so only an absolute http(s)
/// URL with a host, without credentials, control characters or anything a browser would
/// read as the end of an attribute (`"`, `'`, `<`, `>`, a backslash, a backtick, a space).
enum SiteAddress {
    /// The address with a closing `/`, or why it cannot be used.
    static func check(_ text: String) -> Result<String, SiteAddressProblem> {
        let forbidden: Set<Unicode.Scalar> = ["\"", "'", "<", ">", "\\", "`", " "]
        if text.unicodeScalars.contains(where: { forbidden.contains($0) || $0.properties.generalCategory == .control }) {
            return .failure(SiteAddressProblem(reason: "has a character that cannot stand in a URL (a quote, `<`, `>`, a backslash, a space or a control character)"))
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else {
            return .failure(SiteAddressProblem(reason: "is not an http:// or https:// address"))
        }
        guard let host = components.host, !host.isEmpty else { return .failure(SiteAddressProblem(reason: "has no host name")) }
        if components.user != nil || components.password != nil {
            return .failure(SiteAddressProblem(reason: "holds a user name or password, which every page would publish"))
        }
        if components.query != nil || components.fragment != nil {
            return .failure(SiteAddressProblem(reason: "has a `?query` or `#fragment`; give the folder the site is published under"))
        }
        return .success(text.hasSuffix("/") ? text : text + "/")
    }
}

/// Why a `base_url` cannot be used.
struct SiteAddressProblem: Error {
    var reason: String
}
