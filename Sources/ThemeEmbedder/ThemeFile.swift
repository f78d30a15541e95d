/// One file of the theme folder, classified as `Theme.load` reads it: a template (its name
/// is its path under `templates/` without `.mustache`) or an asset (its path under `assets/`).
struct ThemeFile {
    enum Role { case template, asset }

    /// Why a file cannot be part of the built-in theme.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    var role: Role
    /// The key in `DefaultTheme.templates` or `DefaultTheme.assets`.
    var name: String
    var bytes: [UInt8]

    init(relativePath: String, bytes: [UInt8]) throws(Refusal) {
        self.bytes = bytes
        if relativePath.hasPrefix("templates/") {
            guard relativePath.hasSuffix(".mustache") else {
                throw Refusal(description: "only .mustache files belong under templates/ (Outloud reads no others there)")
            }
            // A template is a String: text that is not UTF-8 would change on the way in.
            guard String(validating: bytes, as: UTF8.self) != nil else {
                throw Refusal(description: "a template must be UTF-8 text")
            }
            role = .template
            name = String(relativePath.dropFirst("templates/".count).dropLast(".mustache".count))
        } else if relativePath.hasPrefix("assets/") {
            role = .asset
            name = String(relativePath.dropFirst("assets/".count))
        } else {
            throw Refusal(description: "a theme file lies under templates/ or assets/")
        }
    }
}
