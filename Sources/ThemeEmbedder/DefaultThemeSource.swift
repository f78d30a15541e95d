import Foundation

/// The Swift source of the `DefaultTheme` enum for a set of theme files.
enum DefaultThemeSource {
    /// The whole file: templates as `String`s, assets as `[UInt8]`, each in key order.
    static func generate(_ files: [ThemeFile]) -> String {
        var lines = [
            "// Generated at build time by Plugins/DefaultThemePlugin (Sources/ThemeEmbedder) from",
            "// themes/default/; not kept in git.",
            "",
            "/// The default theme, carried in the binary: used when the themes folder has no",
            "/// `default`, and written out by `outloud theme eject`.",
            "enum DefaultTheme {",
            "    /// Template name (`partials/header`) → its text.",
            "    static let templates: [String: String] = [",
        ]
        let templates = files.filter { $0.role == .template }.sorted { $0.name < $1.name }
        for file in templates {
            let value = rawLiteral(file.bytes) ?? "String(decoding: \(base64Bytes(file.bytes)), as: UTF8.self)"
            lines.append("        \(quoted(file.name)): \(value),")
        }
        lines += [
            "    ]",
            "",
            "    /// Asset path (`style.css`) → its bytes.",
            "    static let assets: [String: [UInt8]] = [",
        ]
        let assets = files.filter { $0.role == .asset }.sorted { $0.name < $1.name }
        for file in assets {
            let value = rawLiteral(file.bytes).map { "Array(\($0).utf8)" } ?? "Array(\(base64Bytes(file.bytes)))"
            lines.append("        \(quoted(file.name)): \(value),")
        }
        lines += ["    ]", "}", ""]
        var source = lines.joined(separator: "\n")
        if source.contains("Data(base64Encoded:") {
            source = "import Foundation\n\n" + source
        }
        return source
    }

    /// A raw multi-line string literal whose value is exactly `bytes`, or nil when they
    /// cannot be one: not UTF-8, or holding a control character other than tab and line feed
    /// (Swift turns a carriage return in a literal into a line feed and refuses the others).
    static func rawLiteral(_ bytes: [UInt8]) -> String? {
        guard let text = String(validating: bytes, as: UTF8.self),
              !bytes.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F }) else { return nil }
        var hashes = "#"
        while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) {
            hashes += "#"
        }
        // The line breaks after the opening and before the closing delimiter are not part of
        // the value, so a text's own final line break stays.
        return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
    }

    /// An expression for bytes no literal can hold.
    static func base64Bytes(_ bytes: [UInt8]) -> String {
        "Data(base64Encoded: \"\(Data(bytes).base64EncodedString())\")!"
    }

    /// A file name as an ordinary string literal (names are paths: no quotes or backslashes
    /// in practice, escaped all the same).
    static func quoted(_ name: String) -> String {
        var result = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
