import Foundation
import Testing
@testable import Outloud

/// The log reader on its own, for the history shapes a repository rarely shows.
@Suite struct GitLogTests {
    /// A `git log -z --name-status` listing: commits newest first, as `(day, email, changes)`.
    func listing(_ commits: [(String, String, [String])]) -> Data {
        var text = ""
        for (index, commit) in commits.enumerated() {
            text += "\u{1}\(index)\0\(commit.0)\0\(commit.1)\0\n" + commit.2.map { $0 + "\0" }.joined()
        }
        return Data(text.utf8)
    }

    func summary(_ files: [String: GitHistory.File]) -> [String] {
        files.keys.sorted().map { "\($0) \(files[$0]!.created)…\(files[$0]!.updated) \(files[$0]!.authorEmails)" }
    }

    @Test func aNameDeletedAndAddedAgainStartsAFreshHistory() {
        let files = GitLog.files(in: listing([
            ("2026-03-01", "b@x", ["A", "a.md"]),
            ("2026-02-01", "a@x", ["D", "a.md"]),
            ("2026-01-01", "a@x", ["A", "a.md"]),
        ]), prefix: "")
        #expect(summary(files) == ["a.md 2026-03-01…2026-03-01 [\"b@x\"]"])
    }

    @Test func twoFilesSwappingNamesKeepTheirOwnHistories() {
        let files = GitLog.files(in: listing([
            ("2026-03-01", "c@x", ["R100", "a.md", "b.md", "R100", "b.md", "a.md"]),
            ("2026-02-01", "b@x", ["M", "b.md"]),
            ("2026-01-01", "a@x", ["A", "a.md", "A", "b.md"]),
        ]), prefix: "")
        #expect(summary(files) == [
            "a.md 2026-01-01…2026-02-01 [\"a@x\", \"b@x\"]",  // was b.md
            "b.md 2026-01-01…2026-01-01 [\"a@x\"]",
        ])
    }

    @Test func pathsOutsideThePrefixAndShallowBoundariesAreLeftOut() {
        let data = listing([
            ("2026-02-01", "a@x", ["M", "site/content/x.md", "M", "site/other.md"]),
            ("2026-01-01", "a@x", ["A", "site/content/x.md", "A", "site/content/y.md"]),
        ])
        #expect(summary(GitLog.files(in: data, prefix: "site/content/")) == [
            "x.md 2026-01-01…2026-02-01 [\"a@x\"]", "y.md 2026-01-01…2026-01-01 [\"a@x\"]",
        ])
        let cut = GitLog.files(in: data, prefix: "site/content/", boundary: ["1"])
        #expect(summary(cut) == ["x.md 2026-02-01…2026-02-01 [\"a@x\"]"])
        #expect(cut["x.md"]?.complete == false)
    }
}
