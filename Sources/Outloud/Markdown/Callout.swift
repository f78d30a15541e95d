/// The callout types of Obsidian (with their aliases) and GitHub's alerts, each in one of
/// Obsidian's thirteen families, which give a callout its colour and icon.
enum Callout {
    /// The families, in Obsidian's order.
    static let families = ["note", "abstract", "info", "todo", "tip", "success", "question",
                           "warning", "failure", "danger", "bug", "example", "quote"]

    /// Aliases and GitHub's five types, by the family they belong to (GitHub's `important` is
    /// Obsidian's alias of `tip`, and `caution` of `warning`).
    static let aliases: [String: String] = [
        "summary": "abstract", "tldr": "abstract",
        "hint": "tip", "important": "tip",
        "check": "success", "done": "success",
        "help": "question", "faq": "question",
        "caution": "warning", "attention": "warning",
        "fail": "failure", "missing": "failure",
        "error": "danger",
        "cite": "quote",
    ]

    /// The family of a type as written, in any case; an unknown type is a `note`.
    static func family(of type: String) -> String {
        let type = type.lowercased()
        if families.contains(type) { return type }
        return aliases[type] ?? "note"
    }

    /// The title shown when none is written: the type as written, capitalised (`[!TLDR]` → "Tldr").
    static func defaultTitle(of type: String) -> String {
        let lower = type.lowercased().replacingOccurrences(of: "-", with: " ")
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    /// The family's icon: an inline SVG drawn with the text colour, hidden from assistive
    /// technology (the title says what the callout is).
    static func icon(_ family: String) -> String {
        let shapes = iconShapes[family] ?? iconShapes["note"]!
        return "<svg class=\"callout-icon\" aria-hidden=\"true\" focusable=\"false\" width=\"20\" height=\"20\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\(shapes)</svg>"
    }

    private static let iconShapes: [String: String] = [
        "note": #"<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="M13 7l4 4"/>"#,
        "abstract": #"<rect x="5" y="4" width="14" height="17" rx="2"/><path d="M9 9h6M9 13h6M9 17h3"/>"#,
        "info": #"<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.5"/>"#,
        "todo": #"<circle cx="12" cy="12" r="9"/><path d="M8 12l3 3 5-6"/>"#,
        "tip": #"<path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z"/>"#,
        "success": #"<path d="M5 12l5 5 9-10"/>"#,
        "question": #"<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17v.5"/>"#,
        "warning": #"<path d="M12 3l10 18H2z"/><path d="M12 10v5M12 18v.5"/>"#,
        "failure": #"<circle cx="12" cy="12" r="9"/><path d="M9 9l6 6M15 9l-6 6"/>"#,
        "danger": #"<path d="M13 2L4 14h7l-1 8 9-12h-7z"/>"#,
        "bug": #"<rect x="7" y="7" width="10" height="13" rx="5"/><path d="M12 11v9M3 13h4M17 13h4M4 8l3 2M20 8l-3 2M4 19l3-2M20 19l-3-2M9 4l1.5 3M15 4l-1.5 3"/>"#,
        "example": #"<path d="M9 6h11M9 12h11M9 18h11M4 6h.5M4 12h.5M4 18h.5"/>"#,
        "quote": #"<path d="M10 7H5v6h4l-2 4M19 7h-5v6h4l-2 4"/>"#,
    ]
}
