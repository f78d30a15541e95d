import Foundation

/// What a build reads, where it writes, and how strict it is.
public struct BuildOptions: Sendable {
    public var contentPath = "content"
    public var themesPath = "themes"
    /// The theme's name; nil means `site.yml`'s `theme`, else `default`.
    public var themeName: String?
    public var outputPath = "output"
    /// Write into the output folder itself instead of swapping a new one in (`--in-place`).
    public var outputInPlace = false
    /// Wait for another build writing the same output folder; false fails at once (`--no-wait`).
    public var waitForOutput = true
    /// Told once when the build waits for another one to finish writing the output folder.
    public var onWait: (@Sendable (String) -> Void)?
    /// Overrides `site.yml`'s `base_url`.
    public var baseURL: String?
    public var includeDrafts = false
    /// Warnings fail the build too.
    public var strict = false
    /// False for `check`: everything is validated and rendered, nothing is written.
    public var writeOutput = true
    /// The day open asks are counted back from; nil means `SOURCE_DATE_EPOCH` when it is
    /// set (reproducible builds), else the clock.
    var today: Day?
    /// Take dates and authors that front matter leaves out from git history; false
    /// (`--no-git`) uses file modification times and no authors instead.
    public var useGit = true
    /// False (`--no-search`) leaves out the search page and index; nil means `site.yml`'s `search`.
    public var search: Bool?
    /// How the content folder is read: the disk, or a stand-in in tests.
    var fileIO: FileIO = .disk
    /// What an earlier build in this process read and rendered, reused where nothing it was
    /// made from changed (`outloud serve`); nil builds everything.
    public var memory: BuildMemory?
    /// The environment the build reads: `PATH` to find `git`, `SOURCE_DATE_EPOCH`; nil means
    /// this process's.
    var environment: [String: String]?

    public init() {}
}

extension BuildOptions {
    public static func defaultToday(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
            return Day(Date(timeIntervalSince1970: epoch))
        }
        return Day(Date())
    }
}
