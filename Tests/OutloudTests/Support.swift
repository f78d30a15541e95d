import Foundation
@testable import Outloud

/// Paths of the repository, found from this file so tests run from any folder.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")
    static let themes = root.appendingPathComponent("themes")
}

/// A fresh temporary folder per test, removed when the value is released.
final class TemporaryFolder: @unchecked Sendable {
    let url: URL
    var path: String { url.path }

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("outloud-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `contents` at a relative path, creating folders.
    func write(_ relative: String, _ contents: String) {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(contents.utf8).write(to: file)
    }

    func read(_ relative: String) -> String? {
        try? String(contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path)
    }

    /// Every file under the relative folder `relative`, by its path there, with its bytes.
    func files(under relative: String) -> [String: Data] {
        filesUnder(url.appendingPathComponent(relative).path)
    }
}

/// Every file under `root`, by its path there, with its bytes.
func filesUnder(_ root: String) -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let path = enumerator?.nextObject() as? String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
            files[path] = FileManager.default.contents(atPath: root + "/" + path)
        }
    }
    return files
}

extension BuildOptions {
    /// Options for test sites. Fixtures live in this repository and temporary folders in
    /// none (or in whatever repository holds the temporary folder), so git history would
    /// make their dates and authors depend on where the tests run; the tests of git history
    /// make repositories of their own and turn it on.
    static func withoutGit() -> BuildOptions {
        var options = BuildOptions()
        options.useGit = false
        return options
    }

    /// Options that build `content/` of a temporary folder into its `output/`, with the
    /// repository's themes and without git.
    static func building(_ folder: TemporaryFolder) -> BuildOptions {
        var options = withoutGit()
        options.contentPath = folder.path + "/content"
        options.outputPath = folder.path + "/output"
        options.themesPath = Repository.themes.path
        return options
    }
}

/// Builds a fixture site (`Tests/Fixtures/<name>/content`) into a temporary folder, with the
/// repository's default theme plus any themes the fixture brings.
struct FixtureBuild {
    let folder = TemporaryFolder()
    let report: BuildReport
    var output: String { folder.path + "/output" }

    init(_ name: String, theme: String? = nil, configure: (inout BuildOptions) -> Void = { _ in }) async {
        let fixture = Repository.fixtures.appendingPathComponent(name)
        let themes = folder.url.appendingPathComponent("themes")
        try! FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try! FileManager.default.copyItem(at: Repository.themes.appendingPathComponent("default"), to: themes.appendingPathComponent("default"))
        let fixtureThemes = fixture.appendingPathComponent("themes")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: fixtureThemes.path)) ?? [] {
            try! FileManager.default.copyItem(at: fixtureThemes.appendingPathComponent(name), to: themes.appendingPathComponent(name))
        }
        var options = BuildOptions.withoutGit()
        options.contentPath = fixture.appendingPathComponent("content").path
        options.themesPath = themes.path
        options.themeName = theme
        options.outputPath = folder.path + "/output"
        configure(&options)
        report = await Build.run(options)
    }

    func page(_ relative: String) -> String? { folder.read("output/" + relative) }

    /// Diagnostics with the fixture's folder cut off the path, as `books/x.md:3:8: error: …`.
    var diagnostics: [String] {
        let prefix = Repository.fixtures.path + "/"
        return report.diagnostics.map { diagnostic in
            var text = diagnostic.description
            if text.hasPrefix(prefix) {
                text.removeFirst(prefix.count)
                if let slash = text.firstIndex(of: "/") { text = String(text[text.index(after: slash)...]) }
                if text.hasPrefix("content/") { text.removeFirst("content/".count) }
            }
            return text
        }
    }
}

/// How much longer than a plain debug build a time bound allows: under AddressSanitizer or
/// ThreadSanitizer (`scripts/sanitizers.sh` sets their options for the test process) code
/// runs 2–5 times slower, and only the bounds that guard against hangs are stretched; the
/// ratios that check growth stay as they are.
enum TimeBound {
    static let factor: Double = {
        let environment = ProcessInfo.processInfo.environment
        return environment["ASAN_OPTIONS"] != nil || environment["TSAN_OPTIONS"] != nil ? 4 : 1
    }()

    static func seconds(_ seconds: Double) -> Duration { .milliseconds(Int(seconds * factor * 1000)) }
}
