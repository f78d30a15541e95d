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
