import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Outloud

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it for preview and rebuild it when its files change.",
        discussion: """
            The site is built into a private folder (never into the output folder) and served \
            at http://127.0.0.1:8000/. When a note, site.yml, skills.yml, people.yml, an asset \
            or a template changes, the site is rebuilt and open pages reload themselves; a \
            failed build shows its problems in the terminal and over the page.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The address to listen on. Anything but loopback makes drafts and unpublished notes visible to the network.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8000

    @Option(name: .customLong("allow-host"), help: ArgumentHelp(
        "Also answer requests for this host name or address (repeatable). Requests for any host but localhost, the loopback addresses and --host are refused, so that other sites cannot read the preview through DNS rebinding.",
        valueName: "name"))
    var allowHosts: [String] = []

    @Flag(name: .long, help: "Watch files by polling instead of inotify.")
    var poll = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        for name in allowHosts where HostCheck.host(named: name) == nil {
            throw ValidationError("--allow-host \(name): give one exact host name or IP address, without a scheme, a port, a path or a wildcard, like --allow-host devbox.example.com")
        }
    }

    func run() async throws {
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
        if !loopback {
            FileHandle.standardError.write(Data("warning: serving on \(host), not loopback: anyone who can reach this machine sees the site, drafts included when --drafts is given; they reach it by its address, or by a name given with --allow-host\n".utf8))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outloud-serve-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        var options = site.buildOptions()
        options.outputPath = folder + "/site"
        options.memory = BuildMemory()
        // Feeds and the sitemap hold absolute URLs: here, the preview's.
        if options.baseURL == nil { options.baseURL = address }

        // Watching starts before the first build, so that a save during it is not missed.
        let watcher = try FileWatcher(roots: [options.contentPath, options.themesPath], polling: poll)
        let live = LiveReload()
        let builder = Rebuilder(options: options, live: live)
        await builder.build()

        var logger = Logger(label: "outloud-serve")
        logger.logLevel = .warning
        let watching = "\(options.contentPath)/ and \(options.themesPath)/ with \(watcher.mechanism)"
        let app = Application(
            responder: SiteResponder(root: options.outputPath, live: live, hosts: HostCheck(boundTo: host, allowing: allowHosts)),
            configuration: .init(address: .hostname(host, port: port), serverName: "outloud", reuseAddress: false),
            onServerRunning: { _ in
                Terminal.say("Serving \(address) (watching \(watching); Ctrl-C stops)")
            },
            logger: logger
        )
        // On Ctrl-C the server waits for open responses to end, and an open page's event
        // stream never would: end them first.
        let stopping = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { live.finish() }
            source.resume()
            return source
        }
        defer { stopping.forEach { $0.cancel() } }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.runService() }
                group.addTask {
                    await builder.warmUp()
                    for await changes in watcher.changes {
                        await builder.rebuild(changed: changes.paths)
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(15))
                        live.keepAlive()
                    }
                }
                // The server ends first (Ctrl-C, or a port already taken); the rest follow.
                defer { watcher.stop(); live.finish() }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            let text = "\(error)"
            if text.contains("Address already in use") || text.contains("errno: 98") {
                FileHandle.standardError.write(Data("error: \(host):\(port) is already in use; stop what is listening there or pass another --port\n".utf8))
            } else {
                FileHandle.standardError.write(Data("error: cannot serve on \(host):\(port): \(text)\n".utf8))
            }
            throw ExitCode(1)
        }
    }
}

/// Builds the site and tells the open pages; one build at a time.
actor Rebuilder {
    let options: BuildOptions
    let live: LiveReload

    init(options: BuildOptions, live: LiveReload) {
        self.options = options
        self.live = live
    }

    @discardableResult
    func build() async -> BuildReport {
        let report = await Build.run(options)
        Terminal.print(report)
        live.built(report)
        return report
    }

    /// Builds once more, quietly, right after the first build: the site it replaces is kept
    /// as the next build's staging folder, so the first rebuild after an edit rewrites files
    /// instead of creating every one (creating 24,000 files took 10 s on ext4 here).
    func warmUp() async {
        let report = await Build.run(options)
        // Files changed since the first build: its failure is said as any build's.
        if !report.succeeded {
            Terminal.print(report)
            live.built(report)
        }
    }

    /// Updates only what depends on the changed notes when `Build.update` can (an edit to a
    /// note's body); else builds again with the memory. Open pages reload as soon as the
    /// pages are written; the search index follows.
    func rebuild(changed paths: Set<String>) async {
        let names = paths.sorted().prefix(3).map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        Terminal.say("Changed: \(names)\(paths.count > 3 ? " and \(paths.count - 3) more" : "")")
        let live = self.live
        if let report = await Build.update(options, changed: paths, announce: { report in
            Terminal.print(report)
            live.built(report)
        }) {
            Terminal.say("  \(report.stageTimes)")
            return
        }
        let report = await build()
        if let memory = options.memory { Terminal.say("  \(report.stageTimes); \(memory.summary)") }
    }
}
