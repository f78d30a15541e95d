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
        subcommands: [BuildCommand.self],
        defaultSubcommand: nil
    )
}

/// Options shared by every command that reads a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content = "content"

    @Option(name: .long, help: "The theme (default: site.yml's `theme`, else `default`).")
    var theme: String?

    @Option(name: .customLong("themes-dir"), help: "The folder that holds themes.")
    var themesDir = "themes"

    @Option(name: .customLong("base-url"), help: "The site's public URL (overrides site.yml's `base_url`).")
    var baseURL: String?

    @Flag(name: .long, help: "Include notes marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .customLong("no-git"), help: "Do not read git history: missing dates come from file modification times, missing authors stay empty.")
    var noGit = false

    func buildOptions() -> BuildOptions {
        var options = BuildOptions()
        options.contentPath = content
        options.themeName = theme
        options.themesPath = themesDir
        options.baseURL = baseURL
        options.includeDrafts = drafts
        options.strict = strict
        options.useGit = !noGit
        return options
    }
}

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            The new site is written next to the output folder and swapped in only when the \
            build has no errors, so a failed build leaves the previous site as it was.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The folder to write the site to.")
    var output = "output"

    @Flag(name: .long, help: "Print how long each stage took (load, resolve, render, write) and git's share of load.")
    var timings = false

    func run() async throws {
        var options = site.buildOptions()
        options.outputPath = output
        let report = await Build.run(options)
        Terminal.print(report)
        if timings { Swift.print(report.stageTimes) }
        if !report.succeeded { throw ExitCode(1) }
    }
}

/// Diagnostics to standard error, the summary line to standard output.
enum Terminal {
    static func print(_ report: BuildReport) {
        var errors = ""
        for diagnostic in report.diagnostics { errors += diagnostic.description + "\n" }
        FileHandle.standardError.write(Data(errors.utf8))
        Swift.print(report.summary)
    }
}
