import Foundation
import Testing
@testable import Outloud

/// Every page, feed and the sitemap of the `valid` fixture site, byte for byte, against the
/// files in `Tests/Fixtures/valid/expected/`. A change to a template, a view model or the
/// Markdown stage shows here as a diff of whole pages.
///
/// To record them again after a change meant to alter the output:
///
///     OUTLOUD_RECORD=1 swift test --filter ExpectedOutputTests
///
/// which writes the files (and fails, so a recording run is never taken for a pass); review
/// the diff with `git diff Tests/Fixtures/valid/expected` and commit it.
@Suite struct ExpectedOutputTests {
    static let expected = Repository.fixtures.appendingPathComponent("valid/expected")

    /// The files compared: pages, feeds and the sitemap. Theme assets, copied files and the
    /// search index have tests of their own.
    static func compared(_ path: String) -> Bool {
        !path.hasPrefix("theme/") && !path.hasPrefix("assets/") && !path.hasPrefix("search/") && path != OutputFolder.markerName
    }

    @Test func theValidSiteIsExactlyTheRecordedOne() async throws {
        let build = await FixtureBuild("valid") { options in
            options.today = Day(year: 2026, month: 12, day: 3)!
            options.baseURL = "https://learn.example/team/"
        }
        #expect(build.report.succeeded, "\(build.diagnostics)")
        let built = build.folder.files(under: "output").filter { Self.compared($0.key) }
        #expect(built.count > 30)
        if ProcessInfo.processInfo.environment["OUTLOUD_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: Self.expected)
            for (path, bytes) in built {
                let file = Self.expected.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: file)
            }
            Issue.record("recorded \(built.count) files in \(Self.expected.path); run again without OUTLOUD_RECORD")
            return
        }
        let recorded = filesUnder(Self.expected.path)
        #expect(built.keys.sorted() == recorded.keys.sorted(), "pages added or gone: record again (see the comment above)")
        for path in built.keys.sorted() where built[path] != recorded[path] {
            let got = String(decoding: built[path] ?? Data(), as: UTF8.self), want = String(decoding: recorded[path] ?? Data(), as: UTF8.self)
            Issue.record("\(path) differs from the recorded page at line \(Self.firstDifferentLine(got, want)): record again if the change is meant")
        }
    }

    /// The first line (from 1) where two texts differ.
    static func firstDifferentLine(_ a: String, _ b: String) -> Int {
        let (left, right) = (a.split(separator: "\n", omittingEmptySubsequences: false), b.split(separator: "\n", omittingEmptySubsequences: false))
        return (Array(zip(left, right)).firstIndex { $0 != $1 } ?? min(left.count, right.count)) + 1
    }
}
