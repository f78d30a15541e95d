import Foundation

/// `outloud new <kind> "Title"`: writes a note from the kind's archetype, never over a file.
public struct NewNote: Sendable {
    var kind: Kind
    var title: String
    public var contentPath = "content"
    public var themesPath = "themes"
    public var themeName: String?
    var today: Day
    /// The git user's email, to find the author in people.yml; nil when git has none.
    var gitEmail: String?

    public init(kind: Kind, title: String, today: Day, gitEmail: String?) {
        self.kind = kind
        self.title = title
        self.today = today
        self.gitEmail = gitEmail
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The kind named on the command line: `book`, `books` or any kind's label.
    public static func kind(named name: String) -> Kind? {
        let lowered = name.lowercased()
        return Archetypes.kinds.first { kind in
            [kind.rawValue, kind.rawValue + "s", kind.label.lowercased(), kind.pluralLabel.lowercased()].contains(lowered)
        }
    }

    /// The folder a kind's notes go in.
    static func folder(of kind: Kind) -> String {
        switch kind {
        case .note: "notes"
        default: Kind.byFolder.first { $0.value == kind }!.key
        }
    }

    /// What `create` made, and a hint when the author could not be found.
    public struct Created: Sendable {
        public var path: String
        public var hint: String?
    }

    /// Creates the file and returns its path (the content folder joined with the note's path).
    public func create(fileIO: FileIO = .disk) throws(Failure) -> Created {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        let week = ISOWeek(containing: today)
        var ignored: [Diagnostic] = []  // a broken data file is `check`'s business, not `new`'s
        let catalog = Catalog.load(from: fileIO, contentPath: contentPath, diagnostics: &ignored)
        let author = gitEmail.flatMap { email in
            catalog.people.first { $0.email?.caseInsensitiveCompare(email) == .orderedSame }?.id
        }
        let effectiveTitle = title.isEmpty && kind == .log ? "Week \(week.week)" : title
        guard !effectiveTitle.isEmpty else { throw Failure(description: "a \(kind.rawValue) needs a title: outloud new \(kind.rawValue) \"Title\"") }
        let slug = kind == .log ? "\(week.year)-w\(String(format: "%02d", week.week))" : Slug.make(effectiveTitle)
        guard !slug.isEmpty else {
            throw Failure(description: "title \"\(effectiveTitle)\" has no letters or digits to make a file name from")
        }
        var folder = Self.folder(of: kind)
        if kind == .log, let author { folder += "/" + author }
        let relative = "\(folder)/\(slug).md"
        let path = FileIO.join(contentPath, relative)
        guard fileIO.isDirectory(contentPath) else {
            throw Failure(description: "\(contentPath): no content folder here (create one with `outloud init`, or pass --content)")
        }
        if fileIO.exists(path) { throw Failure(description: "\(path) already exists; nothing was written") }

        let siteFolder = (contentPath as NSString).deletingLastPathComponent
        let theme = themeName ?? catalog.config.theme ?? "default"
        let archetype = Archetypes.template(for: kind, siteFolder: siteFolder.isEmpty ? "." : siteFolder,
                                            themeFolder: FileIO.join(themesPath, theme), fileIO: fileIO)
        var values = [
            "title": Archetypes.yamlQuoted(effectiveTitle),
            "date": today.description,
            "week": week.description,
            "authors": author.map { "[\($0)]" } ?? "[]",
            "author": author ?? "",
            "kind": kind.rawValue,
            "slug": slug,
        ]
        if kind == .pathway {
            let named = PathwayTitle(effectiveTitle, skills: catalog.skills)
            values["skill"] = named.skill ?? ""
            values["from"] = named.from.rawValue
            values["to"] = named.to.rawValue
        }
        let text: String
        do {
            text = try Archetypes.render(archetype.text, values: values)
        } catch {
            throw Failure(description: "\(archetype.origin): the archetype is not a valid Mustache template (\(error))")
        }
        do throws(FileIO.Failure) {
            try NewFile.create(path, contents: text)
        } catch {
            throw Failure(description: "\(path): \(error.message)")
        }
        // A pathway has a curator where other notes have authors.
        let (whom, field) = kind == .pathway ? ("curator", "curator") : ("author", "authors")
        let hint: String? = if author != nil { nil } else if let gitEmail {
            "your git email \(gitEmail) is not in people.yml, so the note has no \(whom); add `email: \(gitEmail)` to your entry or fill in `\(field)`"
        } else {
            "git has no user.email, so the note has no \(whom); fill in `\(field)`"
        }
        return Created(path: path, hint: hint)
    }
}

extension ISOWeek {
    /// The ISO week a day falls in.
    init(containing day: Day) {
        // The week's Thursday decides its year.
        let thursday = Day(ordinal: day.ordinal - (day.weekday - 1) + 3)
        let january4 = Day(year: thursday.year, month: 1, day: 4)!
        let firstMonday = january4.ordinal - (january4.weekday - 1)
        self.init(year: thursday.year, week: (thursday.ordinal - firstMonday) / 7 + 1)
    }

    init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }
}

/// Creating a file only when it does not exist yet, atomically: two `new`s never overwrite.
enum NewFile {
    static func create(_ path: String, contents: String) throws(FileIO.Failure) {
        try create(path, bytes: Array(contents.utf8))
    }

    /// Writes a file that must not exist yet, creating its folders.
    static func create(_ path: String, bytes: [UInt8]) throws(FileIO.Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw FileIO.Failure(message: "cannot create the folder \(folder)")
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw FileIO.Failure(message: errno == EEXIST ? "already exists; nothing was written" : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else { throw FileIO.Failure(message: String(cString: strerror(errno))) }
            written += result
        }
    }
}

/// A folder that `init` or `theme eject` fills: it must be new, or empty but for hidden files
/// such as `.git`, and every file in it is created, never replaced.
enum NewFolder {
    enum Occupied: Error {
        case file
        case holds([String])
    }

    /// Throws when `folder` is a file or holds visible entries (sorted).
    static func checkEmpty(_ folder: String) throws(Occupied) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw .file }
        let visible = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
        guard visible.isEmpty else { throw .holds(visible.sorted()) }
    }

    /// Creates each file (a path relative to `folder`); returns the paths written. Stops at
    /// the first that fails, naming it.
    static func write(_ files: [(String, [UInt8])], into folder: String) throws(FileIO.Failure) -> [String] {
        var written: [String] = []
        for (relative, bytes) in files {
            let path = FileIO.join(folder, relative)
            do throws(FileIO.Failure) {
                try NewFile.create(path, bytes: bytes)
            } catch {
                throw FileIO.Failure(message: "\(path): \(error.message)")
            }
            written.append(path)
        }
        return written
    }
}
