import ArgumentParser
import Foundation
import Outloud

@main
struct OutloudCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outloud",
        abstract: "Build a team learning site from Markdown notes.",
        discussion: """
            Outloud turns a content folder of book notes, harvests, debates, working-out-loud \
            logs and curated resources into a static site organised by skill.
            """,
        version: "outloud \(BuildInfo.version) (libcmark \(BuildInfo.cmarkVersion))",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, InitCommand.self, ThemeCommand.self],
        defaultSubcommand: nil
    )
}

/// Where a site's content and themes are: shared by every command that reads a site.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content = "content"

    @Option(name: .long, help: "The theme (default: site.yml's `theme`, else `default`).")
    var theme: String?

    @Option(name: .customLong("themes-dir"), help: "The folder that holds themes.")
    var themesDir = "themes"
}

/// Options shared by the commands that build a site (`build`, `check`).
struct SiteOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions

    @Option(name: .customLong("base-url"), help: "The site's public URL (overrides site.yml's `base_url`).")
    var baseURL: String?

    @Flag(name: .long, help: "Include notes marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .customLong("no-git"), help: "Do not read git history: missing dates come from file modification times, missing authors stay empty.")
    var noGit = false

    @Flag(name: .customLong("no-search"), help: "Leave out the search page and its index (as site.yml's `search: false`).")
    var noSearch = false

    func buildOptions() -> BuildOptions {
        var options = BuildOptions()
        options.contentPath = source.content
        options.themeName = source.theme
        options.themesPath = source.themesDir
        options.baseURL = baseURL
        options.includeDrafts = drafts
        options.strict = strict
        options.useGit = !noGit
        if noSearch { options.search = false }
        return options
    }
}

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            The new site is written next to the output folder and swapped in only when the \
            build has no errors, so a failed build leaves the previous site as it was. An \
            output folder that is a symbolic link is built at its target, and the link stays. \
            One build at a time writes an output folder; a second one waits for the first.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The folder to write the site to.")
    var output = "output"

    @Flag(name: .long, help: "Write into the output folder itself instead of swapping a new one in: for an output folder that is a mount point. Not atomic: while the build runs, a reader may see a half-written site.")
    var inPlace = false

    @Flag(name: .long, help: "Fail at once when another build is writing the same output folder, instead of waiting for it.")
    var noWait = false

    @Flag(name: .long, help: "Print how long each stage took (load, resolve, render and writing pages, the rest of the write), git's share of load, and the render time of each template.")
    var timings = false

    func run() async throws {
        var options = site.buildOptions()
        options.outputPath = output
        options.outputInPlace = inPlace
        options.waitForOutput = !noWait
        options.onWait = { message in FileHandle.standardError.write(Data("note: \(message)\n".utf8)) }
        let report = await Build.run(options)
        Terminal.print(report)
        if timings {
            Swift.print(report.stageTimes)
            Swift.print("render, per template (CPU time): " + report.templateTimes.summary)
        }
        if !report.succeeded { throw ExitCode(1) }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the site as a build would, without writing anything.",
        discussion: """
            Reads every note and data file, resolves every link and renders every page in \
            memory. Exits 1 when there is an error, or a warning under --strict.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "How to print problems: text (compiler style), github (Actions annotations) or json.")
    var format: DiagnosticFormat = .text

    func run() async throws {
        var options = site.buildOptions()
        options.writeOutput = false
        let report = await Build.run(options)
        switch format {
        case .text:
            FileHandle.standardError.write(Data(format.render(report.diagnostics).utf8))
            print(report.summary)
        case .github:
            // Workflow commands are read from standard output; the summary goes to the log too.
            print(format.render(report.diagnostics), terminator: "")
            print(report.summary)
        case .json:
            print(format.render(report.diagnostics), terminator: "")
        }
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a note from its kind's archetype and print its path.",
        discussion: """
            Kinds: book, harvest, debate, log, resource, pathway, page, note. The note gets today's \
            date and, when your git email is in people.yml, you as its author (a pathway's curator). \
            A log needs no title: it goes in logs/<you>/<year>-w<week>.md. A pathway takes its skill \
            and levels from a title like "Accessibility: from novice to competent". An existing file \
            is never overwritten. \
            Archetypes can be overridden in archetypes/<kind>.md next to the content folder, \
            or in themes/<theme>/archetypes/.
            """
    )

    @Argument(help: "The kind of note: book, harvest, debate, log, resource, pathway, page or note.")
    var kind: String

    @Argument(help: "The note's title.")
    var title: String = ""

    @OptionGroup var source: SourceOptions

    func run() throws {
        guard let kind = NewNote.kind(named: kind) else {
            throw ValidationError("unknown kind \"\(self.kind)\"; choose one of \(Archetypes.kinds.map(\.rawValue).joined(separator: ", "))")
        }
        var note = NewNote(kind: kind, title: title, today: BuildOptions.defaultToday(), gitEmail: GitConfig.value("user.email", in: source.content))
        note.contentPath = source.content
        note.themesPath = source.themesDir
        note.themeName = source.theme
        do {
            let created = try note.create()
            print(created.path)
            if let hint = created.hint { FileHandle.standardError.write(Data("note: \(hint)\n".utf8)) }
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a content folder with site.yml, skills.yml, people.yml and one example per kind.",
        discussion: "The folder must be new or empty (hidden files such as .git are fine). It builds with --strict as it is."
    )

    @Argument(help: "The folder to create.")
    var folder = "content"

    @Option(name: .long, help: "The site's title.")
    var title = "Team Learning"

    func run() throws {
        do {
            let written = try SiteScaffold.create(in: folder, title: title, today: BuildOptions.defaultToday())
            print("Created \(folder) with \(written.count) files. Next: outloud new book \"A Book You Read\" --content \(folder)")
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with themes.",
        subcommands: [EjectCommand.self]
    )

    struct EjectCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eject",
            abstract: "Write the built-in default theme out as a theme folder to change.",
            discussion: """
                Writes themes/<name>/ (templates, assets and the archetypes `outloud new` uses). \
                Ejected as "default", it replaces the built-in theme for every build; under \
                another name, set `theme: <name>` in site.yml (what it leaves out comes from the \
                default). An existing folder is never overwritten.
                """
        )

        @Argument(help: "The new theme's name.")
        var name = "default"

        @Option(name: .customLong("themes-dir"), help: "The folder that holds themes.")
        var themesDir = "themes"

        func run() throws {
            do {
                let written = try ThemeEject.eject(into: themesDir, name: name)
                print("Wrote \(written.count) files to \(FileIO.join(themesDir, name))/")
                if name != "default" { print("Next: set `theme: \(name)` in site.yml") }
            } catch {
                FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}

/// Diagnostics to standard error, the summary line to standard output.
enum Terminal {
    static func print(_ report: BuildReport) {
        var errors = ""
        for diagnostic in report.diagnostics { errors += diagnostic.description + "\n" }
        FileHandle.standardError.write(Data(errors.utf8))
        say(report.summary)
    }

    /// One line on standard output, written at once (`print` holds it back when the output is
    /// a pipe, as under `serve`, where each rebuild should show as it happens).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
