import Foundation

/// `outloud init <folder>`: a new content folder with the data files, one example note per
/// kind and a README for contributors, that builds with `--strict` as it is.
public enum SiteScaffold {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes the starter files into `folder` (created if missing; refused if it holds anything
    /// but hidden files such as `.git`). Returns the paths written.
    public static func create(in folder: String, title: String, today: Day) throws(Failure) -> [String] {
        do throws(NewFolder.Occupied) {
            try NewFolder.checkEmpty(folder)
        } catch {
            guard case .holds(let visible) = error else { throw Failure(description: "\(folder) is a file, not a folder") }
            throw Failure(description: "\(folder) is not empty (\(visible.prefix(3).joined(separator: ", "))\(visible.count > 3 ? ", …" : "")); choose a new folder, nothing was written")
        }
        do throws(FileIO.Failure) {
            return try NewFolder.write(files(title: title, today: today).map { ($0.0, Array($0.1.utf8)) }, into: folder)
        } catch {
            throw Failure(description: error.message)
        }
    }

    /// The starter files, relative to the content folder.
    static func files(title: String, today: Day) -> [(String, String)] {
        let date = today.description
        let week = ISOWeek(containing: today)
        let weekFile = "\(week.year)-w\(String(format: "%02d", week.week))"
        return [
            ("site.yml", """
                title: \(Archetypes.yamlQuoted(title))
                description: "What our team is reading, learning, debating and asking for help with."
                base_url: https://intranet.example/learning/   # where the site is published: change it (feeds and the sitemap use it)
                # repo_url: https://git.example/team/learning    # adds "Edit this note" links
                language: en
                open_asks_weeks: 4

                """),
            ("skills.yml", """
                # The skill catalog: notes use these ids in `tags`.
                - id: facilitation
                  name: Facilitation
                  group: Collaboration
                  description: Running meetings, workshops and retrospectives that people want to attend.
                - id: feedback
                  name: Giving and receiving feedback
                  group: Collaboration
                  description: Saying the useful thing kindly, and hearing it without defending.
                - id: automated-testing
                  name: Automated testing
                  group: Engineering
                  description: Tests that catch regressions and make change cheap.
                - id: systems-thinking
                  name: Systems thinking
                  group: Ways of working
                  description: Seeing the loops and delays behind recurring problems.

                """),
            ("people.yml", """
                # The team. `email` maps git commits to people; levels are Dreyfus levels:
                # novice, advanced-beginner, competent, proficient, expert.
                - id: alex
                  name: Alex Example
                  role: Engineering Manager
                  email: alex@example.com
                  skills: {facilitation: proficient, feedback: competent}
                  goals:
                    - {skill: systems-thinking, level: competent, by: \(Day(ordinal: today.ordinal + 182).description)}
                  mentor_for: [facilitation]
                - id: sam
                  name: Sam Example
                  role: Software Engineer
                  email: sam@example.com
                  skills: {automated-testing: proficient, facilitation: novice}
                  goals:
                    - {skill: facilitation, level: competent, by: \(Day(ordinal: today.ordinal + 120).description)}
                  mentor_for: [automated-testing]

                """),
            ("README.md", """
                # \(title): how to contribute

                This folder is a learning site built with [Outloud](https://outloud.example/).
                Every note is a Markdown file with a little YAML at the top.

                1. Scaffold a note: `outloud new book "Thinking in Systems"` (or `harvest`,
                   `debate`, `log`, `resource`). It prints the file it made.
                2. Fill in the fields and write the body in your editor.
                3. Check and build: `outloud check`, then `outloud build` (the site is in `output/`).

                | folder | what goes there |
                | --- | --- |
                | `books/` | a book you are reading or have read |
                | `harvests/` | what you brought back from a conference, course or meetup |
                | `debates/` | the summary of a team debate |
                | `logs/<your-id>/` | your weekly working-out-loud log, with asks for help |
                | `resources/` | something you recommend, for a skill and a level |
                | `pages/` | pages such as "about" |

                Tags are skill ids from `skills.yml`; authors are people ids from `people.yml`.
                Link notes with `[[Their Title]]` or a relative link to their file.

                """),
            ("books/thinking-in-systems.md", """
                ---
                title: "Thinking in Systems"
                date: \(date)
                authors: [alex]
                tags: [systems-thinking]
                book: {title: "Thinking in Systems: A Primer", authors: [Donella H. Meadows], year: 2008}
                status: reading
                rating: 4
                takeaways:
                  - "A system's behaviour comes from its structure: stocks, flows and feedback loops."
                  - "Delays in a balancing loop cause oscillation; our release queue does exactly this."
                ---

                I picked this up after our third retro in a row about the same bottleneck. The chapter
                on stocks and flows gave us words for it; see the [[Retro formats harvest]] for what
                we will try.

                """),
            ("harvests/retro-formats.md", """
                ---
                title: "Retro formats harvest"
                date: \(date)
                authors: [sam]
                tags: [facilitation, feedback]
                event: "Agile meetup: retro formats"
                event_date: \(date)
                presenters: [Jo Host]
                takeaways:
                  - "Change the format every few retros, or people stop thinking."
                  - "Start from data: a timeline of the sprint beats a blank board."
                actions:
                  - {owner: sam, action: "Run a timeline retro next sprint", due: \(Day(ordinal: today.ordinal + 14).description)}
                recommend: true
                ---

                Three formats we had not tried, and one we will try next sprint.

                """),
            ("debates/pairing-by-default.md", """
                ---
                title: "Debate: should we pair by default?"
                date: \(date)
                authors: [alex]
                tags: [automated-testing]
                motion: "This house would pair on every change by default."
                source: {title: "On Pair Programming", url: "https://martinfowler.com/articles/on-pair-programming.html"}
                participants: [alex, sam]
                positions:
                  for: ["Fewer review round trips", "Knowledge spreads faster"]
                  against: ["Tiring all day", "Some work needs quiet focus"]
                outcome: "Motion carried for risky changes only."
                decisions: ["Pair on anything touching billing or auth"]
                ---

                Forty minutes, six people, and a narrower motion by the end.

                """),
            ("logs/sam/\(weekFile).md", """
                ---
                title: "Week \(week.week): first timeline retro"
                week: \(week.description)
                tags: [facilitation]
                progress: ["Prepared the sprint timeline for the retro"]
                blockers: []
                asks: ["Could someone experienced watch my timeline retro and give me feedback afterwards?"]
                ---

                Working out loud: what I did and learnt this week.

                """),
            ("resources/liberating-structures.md", """
                ---
                title: "Liberating Structures"
                date: \(date)
                authors: [alex]
                tags: [facilitation]
                url: https://www.liberatingstructures.com/
                type: tool
                level: advanced-beginner
                time: "15 minutes per structure"
                cost: free
                curated_by: alex
                ---

                A menu of simple meeting formats that get everyone talking. Start with 1-2-4-All.

                """),
            ("pages/about.md", """
                ---
                title: About this site
                ---

                What \(title) is reading, learning, debating and asking for help with, written out
                loud. See the README in the content folder to contribute.

                """),
        ]
    }
}
