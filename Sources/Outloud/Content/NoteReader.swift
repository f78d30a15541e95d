import Foundation

/// Turns one Markdown file into a `Note`: front matter, fallbacks, kind fields, rendered body.
struct NoteReader: Sendable {
    var contentPath: String
    var fileIO: FileIO
    var markdown: MarkdownOptions
    /// Every file and folder under the content folder, for checking relative links.
    var files: Set<String> = []
    var folders: Set<String> = []
    /// `files` by lower-cased file name, for embeds found by name.
    var filesByName: [String: [String]] = [:]
    /// `kinds:` of site.yml: which folders hold which kind.
    var kinds = KindRules()
    /// `exclude:` of site.yml, so a link into an excluded folder is told apart from a mistake.
    var exclude = ExcludeRules([])
    /// The files that are their folder's landing page (`guides/README.md`, the top's `_index.md`).
    var landings: Set<String> = []

    /// The longest summary taken from a first paragraph, in characters.
    static let summaryLength = 220

    /// Reads the note, or returns only diagnostics when it cannot be read at all; a note whose
    /// text `cache` has seen before is taken from there.
    func read(_ file: ContentFile, cache: (any NoteCache)? = nil) -> NoteReadResult {
        let displayPath = FileIO.join(contentPath, file.relativePath)
        let text: String
        switch fileIO.readText(displayPath) {
        case .success(let contents): text = contents
        case .failure(let failure):
            return (nil, [.containedError(failure.message, at: SourceLocation(path: displayPath))])
        }
        guard let cache else { return parse(file, displayPath: displayPath, text: text) }
        if let known = cache.note(at: file.relativePath, text: text) { return known }
        let result = parse(file, displayPath: displayPath, text: text)
        cache.remember(note: result, at: file.relativePath, text: text)
        return result
    }

    private func parse(_ file: ContentFile, displayPath: String, text: String) -> (note: Note?, diagnostics: [Diagnostic]) {
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(text) {
        case .success(let value): split = value
        case .failure(let failure):
            return (nil, [.containedError(failure.message, at: SourceLocation(path: displayPath, line: failure.line, column: 1))])
        }
        var fields = YAMLValue(kind: .map([]), line: 1, column: 1)
        if let yaml = split.yaml {
            switch YAMLReader.parse(yaml, lineOffset: split.yamlFirstLine - 1) {
            case .success(let value) where value.isNull: break
            case .success(let value) where value.entries != nil: fields = value
            case .success(let value):
                return (nil, [.containedError("front matter must be a mapping of fields (`title: …`), not \(value.typeName)",
                                     at: SourceLocation(path: displayPath, line: value.line, column: value.column))])
            case .failure(let failure):
                return (nil, [.containedError(failure.message, at: SourceLocation(path: displayPath, line: failure.line, column: failure.column))])
            }
        }
        return build(file: file, displayPath: displayPath, fields: fields, split: split)
    }

    private func build(file: ContentFile, displayPath: String, fields: YAMLValue,
                       split: FrontMatterSplit) -> (note: Note?, diagnostics: [Diagnostic]) {
        var reader = FieldReader(path: displayPath, map: fields)
        let components = file.relativePath.split(separator: "/").map(String.init)
        let folderNames = components.dropLast()
        let fileStem = String(ContentPath.markdownStem(components.last ?? "") ?? "")
        let section = folderNames.first ?? ""
        let isLanding = landings.contains(file.relativePath)
        // A landing page is its folder's text, not a note of the folder's kind.
        let (kind, kindOrigin) = isLanding ? (Kind.page, KindRules.Origin.none) : kinds.kind(of: folderNames)

        let top = SourceLocation(path: displayPath, line: 1, column: 1)
        var slug = Slug.make(fileStem)
        var slugValue: YAMLValue?
        if let slugField = reader.value("slug"), let given = reader.scalarText(slugField, field: "slug") {
            slugValue = slugField
            slug = Slug.make(given)
            if slug.isEmpty {
                reader.diagnostics.append(.containedError("slug \"\(given.debugEscaped)\" has no letters or digits; the note is left out", at: reader.location(of: slugField)))
            } else if slug != given {
                reader.warning("slug \"\(given.debugEscaped)\" is not lower-case letters, digits and dashes; the page's slug is \"\(Slug.limited(slug))\"", at: slugField)
            }
        } else if slug.isEmpty && !isLanding {
            reader.diagnostics.append(.containedError("file name \"\(fileStem)\" gives an empty URL; add a `slug:` field (the note is left out)", at: top))
        }
        if slug.count > Slug.maximumLength {
            slug = Slug.limited(slug)
            let message = "slug is longer than \(Slug.maximumLength) characters; it is cut to \"\(slug)\""
            if let slugValue { reader.warning(message, at: slugValue) } else { reader.diagnostics.append(.warning(message, at: top)) }
        }
        if Slug.reservedOnWindows.contains(slug) {
            let message = "slug \"\(slug)\" is a reserved file name on Windows; a site copied to a Windows server would lose this page (set another `slug:`)"
            if let slugValue { reader.warning(message, at: slugValue) } else { reader.diagnostics.append(.warning(message, at: top)) }
        }
        if split.yaml == nil, split.body.allSatisfy(\.isWhitespace) {
            reader.diagnostics.append(.warning("note is empty", at: top))
        }
        // Free pages live at the top of the site (`/about/`); everything else under its folders.
        let urlFolders = kind == .page && !isLanding ? Array(folderNames.dropFirst()) : Array(folderNames)
        let folderURL = Self.folderURLPath(urlFolders)
        let urlPath = isLanding ? folderURL : folderURL.isEmpty ? slug : folderURL + "/" + slug

        let givenTitle = reader.string("title").flatMap { $0.isEmpty ? nil : $0 }
        var options = markdown
        options.takeTitleFromHeading = givenTitle == nil
        options.linkBase = LinkBase(sourcePath: file.relativePath, pageURLPath: urlPath, files: files, folders: folders, exclude: exclude)
        options.linkBase?.filesByName = filesByName
        let body = MarkdownDocument.render(split.body, options: options)
        let title = givenTitle ?? body.title ?? Self.title(fromFileName: fileStem)
        for problem in body.problems {
            reader.diagnostics.append(Diagnostic(problem.severity, problem.message, at: SourceLocation(
                path: displayPath, line: problem.line + split.bodyLineOffset, column: problem.column)))
        }

        var authors = reader.stringList("authors")
        if authors.isEmpty, kind == .log, folderNames.count >= 2 { authors = [folderNames[1]] }
        let details = KindDetails.read(kind, from: &reader, note: SourceLocation(path: displayPath, line: 1, column: 1), origin: kindOrigin)
        // Without these, `NoteFallbacks` takes the date from git or the file once every note is read.
        let date = reader.day("date") ?? details.log?.week?.friday
        // `description:` is what Hugo, Jekyll and most front matter call the summary.
        let summary = reader.string("summary") ?? reader.string("description") ?? Self.cut(body.firstParagraph, to: Self.summaryLength)
        var tags = Self.merged(Self.once(reader.stringList("tags"), reader: &reader), inline: body.tags)
        // A pathway's skill is what it is filed under, as a tag is: its skill page lists it.
        if let skill = details.pathway?.skill?.value, !tags.contains(skill) { tags.append(skill) }
        let note = Note(
            sourcePath: file.relativePath, displayPath: displayPath, kind: kind, section: section,
            urlPath: urlPath, title: title, date: date, updated: reader.day("updated"),
            authors: authors, tags: tags, summary: summary,
            draft: reader.bool("draft") ?? false, fields: fields, details: details, body: body,
            bodyLineOffset: split.bodyLineOffset, landing: isLanding ? folderNames.joined(separator: "/") : nil)
        return (slug.isEmpty ? nil : note, reader.diagnostics)
    }

    /// The tags as listed, each once; one listed twice is a warning at `tags:`.
    static func once(_ tags: [String], reader: inout FieldReader) -> [String] {
        var seen = Set<String>()
        var kept: [String] = []
        for tag in tags {
            if seen.insert(tag).inserted {
                kept.append(tag)
            } else if let value = reader.value("tags") {
                reader.warning("tag \"\(tag)\" is listed twice; it is counted once", at: value)
            }
        }
        return kept
    }

    /// The front matter's tags, then the skills inline `#tags` named that it lacks.
    static func merged(_ tags: [String], inline: [String]) -> [String] {
        inline.isEmpty ? tags : tags + inline.filter { !tags.contains($0) }
    }

    /// A folder's URL path: each name slugged, names that slug to nothing left out
    /// (`Contributing to Obsidian/Tips` → `contributing-to-obsidian/tips`). Every list page,
    /// note URL and breadcrumb takes folders' URLs from here.
    static func folderURLPath(_ names: some Sequence<String>) -> String {
        names.map(Slug.make).filter { !$0.isEmpty }.joined(separator: "/")
    }

    /// `drive-kofi` → `Drive kofi`.
    static func title(fromFileName stem: String) -> String {
        let words = stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Cuts text at a word boundary, adding an ellipsis when anything was cut.
    static func cut(_ text: String, to length: Int) -> String {
        guard text.count > length else { return text }
        let prefix = text.prefix(length)
        let end = prefix.lastIndex(of: " ") ?? prefix.endIndex
        return prefix[..<end].trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
