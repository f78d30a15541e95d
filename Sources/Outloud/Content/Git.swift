import Foundation

/// The `git` executable, found on `PATH`: the only code in Outloud that starts a process.
struct Git: Sendable {
    /// What a finished git command printed, and how it exited.
    struct Output: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: String
        /// From the start to the end of git's output: the time git itself took, whenever
        /// the task that waits for it gets to run again.
        var seconds: Double

        /// git's first message line without its `fatal: ` or `error: ` prefix.
        var message: String {
            let line = stderr.split(separator: "\n").first.map(String.init) ?? "exit status \(status)"
            for prefix in ["fatal: ", "error: ", "warning: "] where line.hasPrefix(prefix) {
                return String(line.dropFirst(prefix.count))
            }
            return line
        }
    }

    var executable: String
    var environment: [String: String]

    /// `git` in a folder of the environment's `PATH`, or nil when it is not installed.
    static func find(environment: [String: String]) -> Git? {
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for folder in folders where !folder.isEmpty {
            let candidate = FileIO.join(String(folder), "git")
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return Git(executable: candidate, environment: environment)
            }
        }
        return nil
    }

    /// The environment git runs in. A `GIT_DIR` or `GIT_WORK_TREE` inherited from a git hook
    /// would point git at another repository than the content folder's, so they are dropped;
    /// messages are in English, so they can be recognised.
    var runEnvironment: [String: String] {
        var environment = environment
        environment["GIT_DIR"] = nil
        environment["GIT_WORK_TREE"] = nil
        environment["LC_ALL"] = "C"
        return environment
    }

    /// Runs `git -C folder arguments…` to the end. Both pipes are read at once, each on its
    /// own thread, so neither can fill up and stall git, and no thread of the Swift
    /// concurrency pool is blocked while git works.
    func run(_ arguments: [String], in folder: String) async throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", folder] + arguments
        process.environment = runEnvironment
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        async let out = Self.onThread { (stdout.fileHandleForReading.readDataToEndOfFile(), clock.now) }
        async let err = Self.onThread { (stderr.fileHandleForReading.readDataToEndOfFile(), clock.now) }
        let ((outData, outEnd), (errData, errEnd)) = await (out, err)
        let status = await Self.onThread { process.waitUntilExit(); return process.terminationStatus }
        return Output(status: status, stdout: outData, stderr: String(decoding: errData, as: UTF8.self),
                      seconds: (max(outEnd, errEnd) - start).seconds)
    }

    /// Runs blocking work on a thread of its own and waits for it without blocking.
    private static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}
