import Foundation
import Mustache

/// The skeleton of a new note of each kind: front matter with the kind's fields ready to
/// fill in, and a body that says what belongs there.
///
/// A site overrides one with `archetypes/<kind>.md` next to its content folder, a theme with
/// `themes/<name>/archetypes/<kind>.md`. Archetypes are Mustache templates rendered as text:
/// `{{title}}` is a quoted YAML string, `{{date}}` today, `{{week}}` this ISO week,
/// `{{authors}}` a YAML list of people ids, `{{kind}}` and `{{slug}}` as they are; for a
/// pathway, `{{skill}}`, `{{from}}` and `{{to}}` as its title names them (`PathwayTitle`).
public enum Archetypes {
    /// The kinds `outloud new` makes, with the folder each goes in.
    public static let kinds: [Kind] = [.book, .harvest, .debate, .log, .resource, .pathway, .page, .note]

    static let builtIn: [Kind: String] = [
        .book: """
            ---
            title: {{title}}
            date: {{date}}
            authors: {{authors}}
            tags: []                 # skill ids from skills.yml
            book:
              title: {{title}}
              authors: []            # [Daniel H. Pink]
              year:
              isbn:
              url:
            status: reading          # reading, finished or abandoned
            rating:                  # 1 to 5, when you have finished
            takeaways: []            # ["One idea you will use", "Another"]
            ---

            Why you picked it up, what you are taking from it, and what you will do differently.

            """,
        .harvest: """
            ---
            title: {{title}}
            date: {{date}}
            authors: {{authors}}
            tags: []                 # skill ids from skills.yml
            event: {{title}}
            event_url:
            event_date: {{date}}
            presenters: []
            takeaways: []            # ["What you learnt, one line each"]
            actions: []              # [{owner: your-id, action: "What you will try", due: 2026-12-31}]
            recommend:               # true or false: should others go next time?
            ---

            What happened, what you learnt, and what the team should try.

            """,
        .debate: """
            ---
            title: {{title}}
            date: {{date}}
            authors: {{authors}}
            tags: []                 # skill ids from skills.yml
            motion: "This house believes that …"
            source:                  # the article debated: {title: "…", url: https://…}
            participants: {{authors}}
            positions:
              for: []
              against: []
            outcome:
            decisions: []
            ---

            How the debate went, and what changed minds.

            """,
        .log: """
            ---
            title: {{title}}
            week: {{week}}
            authors: {{authors}}
            tags: []                 # skill ids from skills.yml
            progress: []             # ["What moved this week"]
            blockers: []
            asks: []                 # ["A specific ask for help: who could help, with what"]
            ---

            What you worked on and learnt this week, out loud.

            """,
        .resource: """
            ---
            title: {{title}}
            date: {{date}}
            authors: {{authors}}
            tags: []                 # skill ids from skills.yml
            url:                     # required: the address of the resource
            type: article            # article, video, course, book, podcast, tool or community
            level: novice            # novice, advanced-beginner, competent, proficient or expert
            time:                    # "20 minutes", "6 weeks"
            cost:                    # "free", "£30"
            curated_by: {{author}}
            ---

            Who it is for and what they will get from it.

            """,
        .pathway: """
            ---
            title: {{title}}
            # The skill (an id from skills.yml) and the Dreyfus levels the pathway starts from and
            # leads to: novice, advanced-beginner, competent, proficient or expert. The curator
            # looks after it (a person id from people.yml).
            skill: {{skill}}
            from: {{from}}
            to: {{to}}
            curator: {{author}}
            date: {{date}}
            steps:
            # In order. A step names one resource, note or pathway (by path, slug or "[[Title]]")
            # or a task, and may say why, how long it takes and whether it is optional. A step's
            # `id` keeps readers' progress when steps move; left out, it is made from the target.
            #  - resource: resources/a-resource.md
            #    why: What the learner gets from it, and which parts matter most.
            #    minutes: 45            # else the resource's `time`
            #  - note: "[[A note of ours]]"
            #    why: How we do it here.
            #  - pathway: a-shorter-pathway
            #    optional: true
            #  - task: Pair with a mentor on one real piece of work, and write it up in your log.
            #    id: pair-on-it
            #    minutes: 120
            ---

            Who this pathway is for, what they will be able to do at the end, and how to work
            through it.

            """,
        .page: """
            ---
            title: {{title}}
            ---

            """,
        .note: """
            ---
            title: {{title}}
            date: {{date}}
            authors: {{authors}}
            tags: []
            ---

            """,
    ]

    /// The archetype for `kind`: the site's, else the theme's, else the built-in one.
    static func template(for kind: Kind, siteFolder: String, themeFolder: String?, fileIO: FileIO = .disk) -> (text: String, origin: String) {
        let candidates = [FileIO.join(siteFolder, "archetypes/\(kind.rawValue).md")] + (themeFolder.map { [FileIO.join($0, "archetypes/\(kind.rawValue).md")] } ?? [])
        for path in candidates {
            if case .success(let text) = fileIO.readText(path) { return (text, path) }
        }
        return (builtIn[kind] ?? builtIn[.note]!, "built-in")
    }

    /// Renders an archetype as plain text (nothing is HTML-escaped).
    static func render(_ archetype: String, values: [String: String]) throws -> String {
        let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + archetype)
        return template.render(values)
    }

    /// A YAML double-quoted string: safe for any title, colons and quotes included.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    quoted += String(format: "\\x%02X", scalar.value)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
