import Foundation
import Testing
@testable import Outloud

/// Output folders as publishing setups make them: a link to a web root, a mounted volume,
/// and two builds started at once into one folder.
@Suite(.serialized) struct OutputFolderSafetyTests {
    static func isLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    /// `ln -s /srv/www/learning output`: every build lands in the link's target, swapped in
    /// beside it, and the link stays a link; nothing is ever written through one.
    @Test func aLinkedOutputFolderIsBuiltIntoItsTarget() async throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/www/learning", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/out", withDestinationPath: "www/learning")
        let output = OutputFolder(path: folder.path + "/out")
        for round in 1...3 {
            #expect(output.check(contentPath: folder.path + "/content") == nil)
            _ = try await output.write(pages: [Page(path: "index.html", contents: "round \(round)"),
                                               Page(path: "only-\(round)/index.html", contents: "x")], files: [:])
            #expect(Self.isLink(folder.path + "/out"), "round \(round): the link is still a link")
            #expect(folder.read("www/learning/index.html") == "round \(round)", "round \(round): the web root has the new site")
            #expect(!folder.exists("www/learning/only-\(round - 1)/index.html"), "round \(round): and only the new site")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out", "www"],
                "nothing is kept beside the link")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/www").sorted()
                == [".learning.outloud-recycle", "learning"], "the previous site is kept beside the target")
        #expect(!Self.isLink(folder.path + "/www/.learning.outloud-recycle"))
    }

    /// A link to a folder that is not there yet (a fresh web root) makes that folder.
    @Test func aDanglingLinkGetsItsTargetMade() async throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/www", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/out", withDestinationPath: folder.path + "/www/learning")
        _ = try await OutputFolder(path: folder.path + "/out").write(pages: [Page(path: "index.html", contents: "home")], files: [:])
        #expect(Self.isLink(folder.path + "/out"))
        #expect(folder.read("www/learning/index.html") == "home")
    }

    /// A recycle folder that is a link (left by an older build, or put there by hand) is
    /// never written through: the folder it points to keeps what it holds.
    @Test func aKeptSiteThatIsALinkIsNeverWrittenThrough() async throws {
        let folder = TemporaryFolder()
        folder.write("elsewhere/" + OutputFolder.markerName, "")
        folder.write("elsewhere/precious.txt", "keep me")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/.out.outloud-recycle", withDestinationPath: "elsewhere")
        let output = OutputFolder(path: folder.path + "/out")
        _ = try await output.write(pages: [Page(path: "index.html", contents: "one")], files: [:])
        _ = try await output.write(pages: [Page(path: "index.html", contents: "two")], files: [:])
        #expect(folder.read("out/index.html") == "two")
        #expect(folder.read("elsewhere/precious.txt") == "keep me")
        #expect(!folder.exists("elsewhere/index.html"))
    }

    /// A build started while another writes the same output folder waits for it; with
    /// `--no-wait` it fails at once, naming the other build.
    @Test(.timeLimit(.minutes(1))) func aSecondBuildWaitsForTheLockOnTheOutputFolder() throws {
        let folder = try CommandLineTests().workFolder()
        folder.write("content/pages/about.md", "---\ntitle: About\n---\nHello.\n")
        let lockPath = folder.path + "/.output.outloud-lock"
        let holder = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(holder >= 0)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)

        let refused = try CommandLineTests().outloud(["build", "--no-wait"], in: folder.path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("another build is writing"), "\(refused.stderr)")
        #expect(!folder.exists("output"), "nothing was written")

        let waiting = Process()
        waiting.executableURL = CommandLineTests.binary
        waiting.arguments = ["build"]
        waiting.currentDirectoryURL = folder.url
        let errors = Pipe()
        waiting.standardError = errors
        waiting.standardOutput = FileHandle.nullDevice
        try waiting.run()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(waiting.isRunning, "the second build waits while the lock is held")
        #expect(!folder.exists("output/index.html"))
        flock(holder, LOCK_UN)
        waiting.waitUntilExit()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(waiting.terminationStatus == 0, "\(said)")
        #expect(said.contains("waiting for another build"), "\(said)")
        #expect(folder.exists("output/about/index.html"))
    }

    /// The staging folder of a build that is still running is not a leftover: only folders
    /// whose process is gone are gathered.
    @Test func aRunningBuildsStagingFolderIsLeftAlone() async throws {
        let folder = TemporaryFolder()
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        defer { sleeper.terminate() }
        let running = ".out.outloud-staging-\(sleeper.processIdentifier)"
        folder.write(running + "/" + OutputFolder.markerName, "")
        folder.write(running + "/index.html", "being written")
        folder.write(".out.outloud-staging-999999999/" + OutputFolder.markerName, "")
        _ = try await OutputFolder(path: folder.path + "/out").write(pages: [Page(path: "index.html", contents: "mine")], files: [:])
        #expect(folder.read(running + "/index.html") == "being written")
        #expect(!folder.exists(".out.outloud-staging-999999999"), "a folder whose process is gone is gathered")
        #expect(folder.read("out/index.html") == "mine")
    }

    /// A mount point cannot be swapped for another folder: the build says so and names the
    /// ways that work; `--in-place` writes into it.
    @Test(.enabled(if: OutputFolderSafetyTests.canMount)) func aMountPointIsRefusedWithTheWaysThatWork() throws {
        let folder = try CommandLineTests().workFolder()
        folder.write("content/pages/about.md", "---\ntitle: About\n---\nHello.\n")
        folder.write("content/pages/gone.md", "---\ntitle: Gone\n---\nSoon removed.\n")
        try FileManager.default.createDirectory(atPath: folder.path + "/output", withIntermediateDirectories: true)
        let binary = CommandLineTests.binary.path
        let script = """
            mount -t tmpfs outloud-test output || exit 99
            "\(binary)" build; echo "status $?"
            "\(binary)" build --in-place; echo "status $?"
            rm content/pages/gone.md
            "\(binary)" build --in-place; echo "status $?"
            ls -A output; ls -A output/pages
            """
        let run = try CommandLineTests().outloud([], in: folder.path, command: ["/usr/bin/unshare", "-rm", "/bin/sh", "-c", script])
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let statuses = lines.filter { $0.hasPrefix("status ") }
        #expect(statuses.first == "status 1", "\(run.stdout)\n\(run.stderr)")
        #expect(run.stderr.contains("is a mount point"), "\(run.stderr)")
        #expect(run.stderr.contains("--in-place"), "\(run.stderr)")
        #expect(!run.stderr.contains("Success"), "\(run.stderr)")
        #expect(statuses.dropFirst() == ["status 0", "status 0"], "\(run.stdout)\n\(run.stderr)")
        #expect(lines.contains(OutputFolder.markerName) && lines.contains("index.html"), "\(run.stdout)")
        #expect(lines.contains("about") && !lines.contains("gone"), "stale pages go: \(run.stdout)")
    }

    /// Whether this machine lets an unprivileged user namespace mount a tmpfs.
    static let canMount: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-rm", "/bin/sh", "-c", "mount -t tmpfs test /tmp"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
}
