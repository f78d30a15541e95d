import Foundation
import Testing
@testable import Outloud

/// docs/themes.md lists every template key; the view models write them. These tests hold
/// the two to each other, so that a key added on one side alone fails.
@Suite struct TemplateKeysDocTests {
    /// Where each model's keys are documented: the heading of the docs section, and the
    /// path in that section's key tables of the object the model becomes (`""` for the
    /// section's top level, `pagination` for `pagination.current`, `bookGroups[]` for
    /// `bookGroups[].title`).
    static let documented: [(section: String, path: String, keys: [String])] = [
        ("Keys every template gets", "", PageContext.templateKeys),
        ("Keys every template gets", "site", SiteInfo.templateKeys),
        ("Keys every template gets", "page", PageInfo.templateKeys),
        ("Keys every template gets", "page.feeds[]", FeedLink.templateKeys),
        ("Keys every template gets", "nav[]", NavLink.templateKeys),
        ("home", "", HomePage.templateKeys),
        ("home", "openAsks[]", AskCard.templateKeys),
        ("list", "", ListPage.templateKeys),
        ("list", "pagination", Pagination.templateKeys),
        ("list", "bookGroups[]", BookGroupCard.templateKeys),
        ("list", "bookGroups[].readers[]", BookReader.templateKeys),
        ("list", "pathwayGroups[]", PathwayGroup.templateKeys),
        ("folder", "", FolderPage.templateKeys),
        ("folder", "breadcrumbs[]", Breadcrumb.templateKeys),
        ("sections", "", SectionsPage.templateKeys),
        ("note", "note", NotePage.templateKeys),
        ("note", "note.toc[]", TocEntry.templateKeys),
        ("note", "note.backlinks[]", BacklinkCard.templateKeys),
        ("note", "note.related[]", RelatedCard.templateKeys),
        ("note", "note.pathway", PathwayView.templateKeys),
        ("note", "note.pathway.steps[]", PathwayStepView.templateKeys),
        ("note", "note.pathways[]", PathwayPlaceView.templateKeys),
        ("note", "note.pathways[].previous", PathwayNeighbour.templateKeys),
        ("note", "note.pathways[].next", PathwayNeighbour.templateKeys),
        ("Panels", "book", BookPanel.templateKeys),
        ("Panels", "harvest", HarvestPanel.templateKeys),
        ("Panels", "harvest.actions[]", HarvestAction.templateKeys),
        ("Panels", "debate", DebatePanel.templateKeys),
        ("Panels", "log", LogPanel.templateKeys),
        ("Panels", "resource", ResourcePanel.templateKeys),
        ("skills", "groups[]", SkillGroup.templateKeys),
        ("skills", "groups[].skills[]", CatalogSkill.templateKeys),
        ("skills", "", SkillsPage.templateKeys),
        ("skill", "", SkillPage.templateKeys),
        ("skill", "skill", SkillInfo.templateKeys),
        ("skill", "kinds[]", KindCards.templateKeys),
        ("skill", "people[]", SkillPerson.templateKeys),
        ("skill", "helpers[]", Helper.templateKeys),
        ("skill", "learners[]", Learner.templateKeys),
        ("skill", "resourceLevels[]", ResourceLevel.templateKeys),
        ("skill", "resourceLevels[].resources[]", LeveledResource.templateKeys),
        ("people", "", PeoplePage.templateKeys),
        ("people", "people[]", PersonEntry.templateKeys),
        ("person", "", PersonPage.templateKeys),
        ("person", "person", PersonInfo.templateKeys),
        ("person", "skills[]", PersonSkill.templateKeys),
        ("person", "goals[]", GoalEntry.templateKeys),
        ("matrix", "", MatrixPage.templateKeys),
        ("matrix", "groups[]", MatrixGroup.templateKeys),
        ("matrix", "groups[].skills[]", MatrixSkill.templateKeys),
        ("matrix", "groups[].skills[].cells[]", MatrixCell.templateKeys),
        ("matrix", "levels[]", LevelKey.templateKeys),
        ("activity", "", ActivityPage.templateKeys),
        ("activity", "kinds[]", ActivityKind.templateKeys),
        ("activity", "months[]", ActivityMonth.templateKeys),
        ("activity", "months[].counts[]", MonthCount.templateKeys),
        ("search", "", SearchPage.templateKeys),
        ("search", "sections[]", SectionLink.templateKeys),
        ("Note card", "", NoteCard.templateKeys),
        ("Cards in lists", "", ListedCard.templateKeys),
        ("Pathway summary", "", PathwaySummary.templateKeys),
        ("Folder entry", "", FolderEntry.templateKeys),
        ("Skill link and person link", "", ItemLink.templateKeys),
    ]

    @Test func everyKeyAModelWritesIsDocumentedAndNoOther() throws {
        let doc = try String(contentsOf: Repository.root.appendingPathComponent("docs/themes.md"), encoding: .utf8)
        let tables = Self.keyPaths(inMarkdown: doc)
        for (section, path, keys) in Self.documented {
            // `site.title` documents `site` too.
            let keysAndObjects = (tables[section] ?? []).flatMap(Self.selfAndAncestors)
            let listed = Set(keysAndObjects.compactMap { Self.split($0).parent == path ? Self.split($0).name : nil })
            #expect(listed == Set(keys), """
                docs/themes.md, "\(section)"\(path.isEmpty ? "" : ", under `\(path)`"): \
                not documented: \(Set(keys).subtracting(listed).sorted()); documented but not written: \(listed.subtracting(keys).sorted())
                """)
        }
        // A documented path under an object no model writes is documented and not produced.
        for (section, paths) in tables {
            let known = Set(Self.documented.filter { $0.section == section }.map(\.path))
            let strays = paths.filter { !known.contains(Self.split($0).parent) }.sorted()
            #expect(strays.isEmpty, "docs/themes.md, \"\(section)\": no model writes \(strays)")
        }
    }

    /// The parser finds a key table in every section a model is documented in, and in no other.
    @Test func theParserFindsEveryPageSection() throws {
        let doc = try String(contentsOf: Repository.root.appendingPathComponent("docs/themes.md"), encoding: .utf8)
        let sections = Set(Self.keyPaths(inMarkdown: doc).keys)
        #expect(sections == Set(Self.documented.map(\.section)))
    }

    /// A page's own keys sit beside the shared ones: one of the same name would hide one.
    @Test func noPageKeyHidesAKeyEveryTemplateGets() {
        let shared = Set(PageContext.templateKeys)
        for (section, path, keys) in Self.documented where path.isEmpty && section != "Keys every template gets" {
            #expect(shared.isDisjoint(with: keys), "\(section) writes \(shared.intersection(keys).sorted())")
        }
        #expect(shared.isDisjoint(with: ["note"]))
    }

    @Test func theParserReadsShorthandAndSkipsOtherTables() {
        let doc = """
            ### `list`

            | key | type | value |
            | --- | --- | --- |
            | `heading` | string | `Books` |
            | `bookGroups[].title`, `.authors` | string | from `book:` |

            | template | renders |
            | --- | --- |
            | `home` | the home page |
            """
        #expect(Self.keyPaths(inMarkdown: doc) == ["list": ["heading", "bookGroups[].title", "bookGroups[].authors"]])
    }

    /// `a[].b.c` → (`a[].b`, `c`); `a[]` → (``, `a`).
    static func split(_ path: String) -> (parent: String, name: String) {
        let name = path.hasSuffix("[]") ? String(path.dropLast(2)) : path
        guard let dot = name.lastIndex(of: ".") else { return ("", name) }
        return (String(name[..<dot]), String(name[name.index(after: dot)...]))
    }

    /// `a[].b.c` → `a[]`, `a[].b`, `a[].b.c`.
    static func selfAndAncestors(_ path: String) -> [String] {
        var paths: [String] = []
        var current = ""
        for component in path.split(separator: ".") {
            current += (current.isEmpty ? "" : ".") + component
            paths.append(current)
        }
        return paths
    }

    /// The key paths in the first column of each table headed `| key |`, by the `##`, `###` or
    /// `####` heading above it (its backticks dropped). `.b` after `a.x` in one cell is `a.b`.
    static func keyPaths(inMarkdown text: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var section = ""
        var inKeyTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") || line.hasPrefix("### ") || line.hasPrefix("#### ") {
                section = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "")
                inKeyTable = false
                continue
            }
            guard line.hasPrefix("|") else { inKeyTable = false; continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = cells.first else { continue }
            if first == "key" { inKeyTable = true; continue }
            guard inKeyTable, !first.hasPrefix("---") else { continue }
            var previous = ""
            for token in first.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter({ $0.offset % 2 == 1 }).map({ String($0.element) }) {
                let path = token.hasPrefix(".") ? (split(previous).parent.isEmpty ? String(token.dropFirst()) : split(previous).parent + token) : token
                result[section, default: []].append(path)
                previous = path
            }
        }
        return result
    }
}
