import Foundation
@testable import Outloud

/// A small site held in memory for the pathway tests: three skills, two people, resources at
/// several levels and times, a book note and a draft, plus whatever files a test adds. Its
/// diagnostics are shown with the content folder cut off, as `pathways/a.md:5:13: warning: …`.
struct PathwaySite {
    static let today = Day(year: 2026, month: 12, day: 3)!

    static let base: [String: String] = [
        "skills.yml": """
            - {id: accessibility, name: Accessibility}
            - {id: testing, name: Automated testing}
            - {id: typescript, name: TypeScript}

            """,
        "people.yml": """
            - {id: kofi, name: Kofi Asante}
            - {id: amara, name: Amara Okafor}

            """,
        "resources/wcag.md": resource("WCAG at a glance", level: "novice", time: "45 min", skill: "accessibility"),
        "resources/screen-readers.md": resource("Screen readers in depth", level: "proficient", time: "3 weeks", skill: "accessibility"),
        "resources/inclusive-components.md": resource("Inclusive components", level: "competent", time: nil, skill: "accessibility"),
        "resources/ts-handbook.md": resource("The TypeScript Handbook", level: "novice", time: "2 h", skill: "typescript"),
        // 660 words: three minutes of reading at 220 words a minute.
        "books/inclusive-design.md": "---\ntitle: Inclusive design patterns\ndate: 2026-10-01\nauthors: [kofi]\ntags: [accessibility]\n---\n"
            + Array(repeating: "word", count: 660).joined(separator: " ") + "\n",
        "books/unfinished.md": "---\ntitle: Unfinished thoughts\ndate: 2026-10-02\nauthors: [kofi]\ndraft: true\n---\nNot yet.\n",
    ]

    static func resource(_ title: String, level: String, time: String?, skill: String) -> String {
        "---\ntitle: \(title)\ndate: 2026-09-01\nurl: https://example.com/\(Slug.make(title))\nlevel: \(level)\n"
            + (time.map { "time: \"\($0)\"\n" } ?? "") + "tags: [\(skill)]\n---\nWhy it is here.\n"
    }

    /// A pathway note whose front matter is `title: <title>` (line 2) followed by `fields`,
    /// so the first line of `fields` is line 3 of the file.
    static func pathway(_ fields: String, title: String = "Accessibility basics") -> String {
        "---\ntitle: \(title)\n\(fields)---\nThe introduction.\n"
    }

    let site: Site
    /// As `outloud check` prints them, in file order.
    let diagnostics: [String]
    /// The same, as the build reports them (severity, containment).
    let report: [Diagnostic]

    init(_ files: [String: String]) async {
        let root = "/pathway-site-\(UUID().uuidString)/content"
        var memory: [String: FileIO.MemoryFile] = [:]
        for (path, text) in Self.base.merging(files, uniquingKeysWith: { $1 }) {
            memory[root + "/" + path] = FileIO.MemoryFile(contents: Data(text.utf8), modified: Date(timeIntervalSince1970: 1_790_000_000))
        }
        var loader = ContentLoader(contentPath: root, includeDrafts: false, files: .memory(memory))
        loader.useGit = false
        let content = await loader.load()
        site = await Site(content: content, today: Self.today)
        report = (content.diagnostics + site.diagnostics).sortedForReport()
        diagnostics = report.map {
            $0.description.replacingOccurrences(of: root + "/", with: "")
        }
    }

    var pathways: Pathways { site.pathways }

    /// The route of the pathway at `path` (`pathways/a.md`).
    func route(_ path: String) -> Pathways.Route? {
        guard let index = site.notes.firstIndex(where: { $0.sourcePath == path }) else { return nil }
        return pathways.byNote[index].map { pathways.routes[$0] }
    }

    /// What a step leads to, as a test reads it: a note's path, `task: …` or `missing: …`.
    func target(_ step: Pathways.Step) -> String { Self.target(step, in: site) }

    static func target(_ step: Pathways.Step, in site: Site) -> String {
        switch step.target {
        case .note(let index): site.notes[index].sourcePath
        case .task(let text): "task: " + text
        case .missing(let text): "missing: " + text
        }
    }
}
