import Foundation

/// The whole pipeline, in the order it runs: load → resolve → index → render → write.
///
/// Each stage is a function of the one before (`Build+Stages.swift`); `run` is the list of
/// them, and `update` (`outloud serve`'s edits) calls the same functions on fewer notes and
/// pages. Pages are written into the staging folder while they are rendered, so the write
/// stage only adds the rest (search index, copied files) and swaps the folder in.
public enum Build {
    public static func run(_ options: BuildOptions) async -> BuildReport {
        var run = StageClock(report: BuildReport(strict: options.strict))
        // A build replaces what the last one left for `update`, if it gets that far.
        options.memory?.remember(last: nil)
        let environment = options.environment ?? ProcessInfo.processInfo.environment

        // The output folder: checked, then claimed; the kept site is walked while notes are read.
        let output = outputFolder(options)
        if options.writeOutput, let refusal = output.check(contentPath: options.contentPath) {
            run.report.diagnostics.append(.error(refusal.message, at: SourceLocation(path: options.outputPath)))
            return run.finish()
        }
        let claiming = options.writeOutput ? Task { Result { () throws(OutputFolder.Failure) in try output.claim() } } : nil
        /// Gives the staging folder back, for a build that stops before writing.
        func release() async {
            if let claiming, case .success(let claim) = await claiming.value { claim.release() }
        }

        // 1. Load: data files and notes, read and rendered to HTML in parallel.
        let content = await run.stage("load") { await load(options, environment: environment) }
        run.report.gitSeconds = content.gitSeconds
        guard options.fileIO.isDirectory(options.contentPath) else {
            await release()  // without a content folder there is nothing more to check or say
            return run.finish()
        }
        for note in content.notes { run.report.notesByKind[note.kind, default: 0] += 1 }

        // 2. Resolve: URLs, skills, people, links, and the indexes every page is drawn from.
        let today = options.today ?? BuildOptions.defaultToday(environment: environment)
        let site = await run.stage("resolve") { await resolve(content, today: today, cache: options.memory) }

        // 3. Index: the search index, from the notes as parsed.
        let search = site.catalog.config.search ? await run.stage("index") { await index(site) } : SearchIndex()

        // 4. Render: every page through the theme, in parallel, each written to the staging
        // folder as soon as it is rendered.
        guard let layout = await run.step({ lay(site, content: content, search: search, options: options) }) else {
            await release()
            return run.finish()
        }
        let writes = run.report.writesOutput
        let staging = await run.step { await stage(claiming, layout: layout, writes: writes, outputPath: options.outputPath) }
        let rendered = await run.stage("render") { await render(layout, into: staging) }
        run.report.templateTimes = rendered.times

        // 5. Write: the search index and the rest of the files, then the swap; only a build
        // without errors replaces the previous output.
        guard let staging else { return run.finish() }
        guard run.report.writesOutput else {
            staging.abandon()
            return run.finish()
        }
        let written = await run.stage("write") { await write(search, layout: layout, rendered: rendered, to: staging, hashing: options.memory != nil) }
        if let written {
            run.report.pagesWritten = rendered.pageCount
            run.report.filesWritten = written.files
        }
        let report = run.finish()
        if let memory = options.memory, let reading = content.reading, let written, report.succeeded {
            memory.remember(last: LastBuild(reading: reading, rendered: rendered, report: report, options: options,
                                            searchFiles: written.searchHashes))
        }
        return report
    }

    /// The output folder as the options describe it.
    static func outputFolder(_ options: BuildOptions) -> OutputFolder {
        var output = OutputFolder(path: options.outputPath)
        output.inPlace = options.outputInPlace
        output.waits = options.waitForOutput
        output.onWait = options.onWait
        return output
    }
}

/// Times the stages of a build and gathers their diagnostics into its report.
struct StageClock {
    var report: BuildReport
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var stageStart: ContinuousClock.Instant

    init(report: BuildReport) {
        self.report = report
        start = clock.now
        stageStart = start
    }

    /// Runs a stage, adds its diagnostics to the report and its time to `stages` under `name`.
    mutating func stage<Value>(_ name: String, _ body: () async -> Staged<Value>) async -> Value {
        let staged = await body()
        end(name, adding: staged.diagnostics)
        return staged.value
    }

    /// Ends the stage that ran since the last one ended, under `name`, with its diagnostics.
    mutating func end(_ name: String, adding diagnostics: [Diagnostic] = []) {
        report.diagnostics += diagnostics
        let now = clock.now
        report.stages.append((name, (now - stageStart).seconds))
        stageStart = now
    }

    /// Runs part of the next stage: its diagnostics are added, its time counts with that stage.
    mutating func step<Value>(_ body: () async -> Staged<Value>) async -> Value {
        let staged = await body()
        report.diagnostics += staged.diagnostics
        return staged.value
    }

    /// The report, diagnostics sorted, with the build's whole time.
    func finish() -> BuildReport {
        var report = report
        report.diagnostics = report.diagnostics.sortedForReport()
        report.seconds = (clock.now - start).seconds
        return report
    }
}

/// A stage's value and what it found on the way.
struct Staged<Value> {
    var value: Value
    var diagnostics: [Diagnostic]

    init(_ value: Value, _ diagnostics: [Diagnostic] = []) {
        self.value = value
        self.diagnostics = diagnostics
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
