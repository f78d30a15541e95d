import Foundation
import Mustache

/// A loaded theme: its Mustache templates (the site's own, falling back to `default`) and
/// the asset files to copy.
struct Theme: Sendable {
    var name: String
    /// The theme's folder (`--themes-dir`/name), or `builtInPath` for the built-in default:
    /// where a problem found while rendering with it is reported.
    var folder: String
    var library: MustacheLibrary
    /// Template names available, for checks.
    var templateNames: Set<String>
    /// Asset files by output path (relative to `assets/`), the theme's own winning.
    var assets: [String: Asset]
    /// Each template's text, as registered (pragma included).
    var sources: [String: String] = [:]

    /// Where an asset's bytes are: a file of a theme folder, or the built-in default theme.
    enum Asset: Sendable, Hashable {
        case file(String)
        case builtIn([UInt8])
    }

    /// The templates every theme must end up with (its own or the default's).
    static let requiredTemplates = ["base", "home", "note", "list", "skills", "skill", "people", "person", "matrix", "activity", "search", "404", "folder", "sections"]

    /// Where diagnostics place the built-in default theme's files.
    static let builtInPath = "(built-in default theme)"

    /// Loads `themesPath/name`, filling in what it lacks from the default theme:
    /// `themesPath/default` when there is one, else the copy built into the binary (so a
    /// folder with only `content/` builds). `default` itself is the built-in copy unless
    /// `themesPath/default` exists.
    static func load(name: String, themesPath: String, files: FileIO = .disk) -> Result<Theme, LoadFailure> {
        let themePath = FileIO.join(themesPath, name)
        let defaultPath = FileIO.join(themesPath, "default")
        let defaultOnDisk = files.isDirectory(defaultPath)
        guard files.isDirectory(themePath) || name == "default" else {
            let known = Set(files.listFiles(themesPath).files.compactMap { $0.relativePath.split(separator: "/").first.map(String.init) }).sorted()
            let hint = known.isEmpty ? " (the built-in default theme is \"default\")" : " (themes found: \(known.joined(separator: ", ")))"
            return .failure(LoadFailure(diagnostics: [.error("theme \"\(name)\" not found\(hint)", at: SourceLocation(path: themePath))]))
        }

        var diagnostics: [Diagnostic] = []
        var sources: [String: (path: String, text: String)] = [:]
        var assets: [String: Asset] = [:]
        // Lowest layer first: the default theme, then the named one over it.
        func addFolder(_ layer: String) {
            for (templateName, path) in Self.files(in: FileIO.join(layer, "templates"), extension: "mustache", files: files) {
                switch files.readText(path) {
                case .success(let text): sources[templateName] = (path, text)
                case .failure(let failure): diagnostics.append(.error(failure.message, at: SourceLocation(path: path)))
                }
            }
            for (assetName, path) in Self.files(in: FileIO.join(layer, "assets"), extension: nil, files: files) {
                assets[assetName] = .file(path)
            }
        }
        if defaultOnDisk {
            addFolder(defaultPath)
        } else {
            for (templateName, text) in DefaultTheme.templates {
                sources[templateName] = (FileIO.join(builtInPath, "templates/\(templateName).mustache"), text)
            }
            for (assetName, bytes) in DefaultTheme.assets { assets[assetName] = .builtIn(bytes) }
        }
        if name != "default" { addFolder(themePath) }

        var library = MustacheLibrary()
        HTMLText.registered
        var registered: [String: String] = [:]
        for (templateName, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                let text = contentTypePragma + source.text
                library.register(try MustacheTemplate(string: text), named: templateName)
                registered[templateName] = text
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error("template syntax error: \(error.error)",
                                          at: SourceLocation(path: source.path, line: max(1, error.context.lineNumber - 1),
                                                             column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("template syntax error: \(error)", at: SourceLocation(path: source.path)))
            }
        }
        let names = Set(sources.keys)
        for required in requiredTemplates where !names.contains(required) {
            diagnostics.append(.error("theme has no \"\(required)\" template (templates/\(required).mustache)", at: SourceLocation(path: themePath)))
        }
        // swift-mustache renders a missing partial or parent as "": find them before rendering.
        for (templateName, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: source.text) where !names.contains(reference.name) {
                diagnostics.append(.error("template \"\(templateName)\" uses \"\(reference.name)\", which does not exist",
                                          at: SourceLocation(path: source.path, line: reference.line, column: reference.column)))
            }
        }
        guard diagnostics.isEmpty else { return .failure(LoadFailure(diagnostics: diagnostics)) }
        let folder = name == "default" && !defaultOnDisk ? builtInPath : themePath
        return .success(Theme(name: name, folder: folder, library: library, templateNames: names, assets: assets, sources: registered))
    }

    /// Put before every template: escape with `HTMLText`. A line of its own, which Mustache
    /// drops whole, so the template's output is unchanged and its line numbers are off by one.
    static let contentTypePragma = "{{% CONTENT_TYPE: \(HTMLText.name) }}\n"

    /// The same theme with templates parsed anew: a copy of its own for each thread, whose
    /// reference counts no other core touches. Templates are copied whole at every partial and
    /// section; shared between cores, their counts alone made each page a third dearer.
    func privateCopy() -> Theme {
        var copy = self
        var library = MustacheLibrary()
        for (templateName, text) in sources.sorted(by: { $0.key < $1.key }) {
            if let template = try? MustacheTemplate(string: text) { library.register(template, named: templateName) }
        }
        copy.library = library
        return copy
    }

    /// Renders a template, failing loudly where swift-mustache would return nothing.
    func render(_ template: String, _ context: TemplateValue) throws(RenderError) -> String {
        guard let output = library.render(context, withTemplate: template) else {
            throw RenderError(message: "theme has no \"\(template)\" template")
        }
        return output
    }

    /// Why a theme could not be loaded: every problem found, not just the first.
    struct LoadFailure: Error, Sendable {
        var diagnostics: [Diagnostic]
    }

    struct RenderError: Error, Sendable {
        var message: String
    }

    /// The one diagnostic for a template that failed while rendering `what` (a page's path,
    /// a partial's name), placed at the theme's folder.
    func renderFailure(_ message: String, rendering what: String) -> Diagnostic {
        .error("\(message) (rendering \(what))", at: SourceLocation(path: folder))
    }

    /// `{{> name}}` and `{{< name}}` tags with their positions.
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var references: [(String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let marker = afterOpen.first, marker == ">" || marker == "<" else {
                    rest = afterOpen
                    continue
                }
                guard let close = afterOpen.range(of: "}}") else { break }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, !name.hasPrefix("*") {
                    references.append((name, lineIndex + 1, line.distance(from: line.startIndex, to: open.lowerBound) + 1))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return references
    }

    /// Files under a folder by name relative to it (without `extension` when one is given),
    /// hidden ones left out.
    static func files(in folder: String, extension ext: String?, files: FileIO) -> [(String, String)] {
        guard files.isDirectory(folder) else { return [] }
        var found: [(String, String)] = []
        for file in files.listFiles(folder).files {
            let relative = file.relativePath, path = FileIO.join(folder, relative)
            if let ext {
                guard relative.hasSuffix("." + ext) else { continue }
                found.append((String(relative.dropLast(ext.count + 1)), path))
            } else {
                found.append((relative, path))
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }
}
