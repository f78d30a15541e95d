import Foundation
import Testing
@testable import Outloud

/// The output folder is replaced whole, and only when Outloud made it.
@Suite struct OutputFolderTests {
    @Test func writesMarkerAndReplacesItsOwnFolder() async throws {
        let folder = TemporaryFolder()
        let output = OutputFolder(path: folder.path + "/out")
        #expect(output.check(contentPath: folder.path + "/content") == nil)
        _ = try await output.write(pages: [Page(path: "a/index.html", contents: "one")], files: [:])
        #expect(folder.exists("out/" + OutputFolder.markerName))
        #expect(output.check(contentPath: folder.path + "/content") == nil)
        _ = try await output.write(pages: [Page(path: "b/index.html", contents: "two")], files: [:])
        #expect(!folder.exists("out/a/index.html"), "the previous site is replaced, not merged")
        #expect(folder.read("out/b/index.html") == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".out.outloud-recycle", "out"],
                "the previous site is kept for the next build, and nothing else is left")
        #expect(folder.read(".out.outloud-recycle/a/index.html") == "one")
        #expect(folder.read(".out.outloud-recycle/.gitignore")?.hasSuffix("\n*\n") == true, "a repository ignores it")
    }

    /// Files in the kept site are rewritten in place; what the new site lacks goes.
    @Test func rewritesTheKeptSiteIntoExactlyTheNewOne() async throws {
        let folder = TemporaryFolder()
        let output = OutputFolder(path: folder.path + "/out")
        let builds: [[Page]] = [
            [Page(path: "index.html", contents: "home, long first version"), Page(path: "a/b/index.html", contents: "deep"),
             Page(path: "c/index.html", contents: "c")],
            [Page(path: "index.html", contents: "home 2"), Page(path: "c/index.html", contents: "c, second")],
            [Page(path: "index.html", contents: "home 3"), Page(path: "a/index.html", contents: "a is back"),
             Page(path: "c", contents: "c is a file now")],
            [Page(path: "index.html", contents: "home 4"), Page(path: "c/index.html", contents: "c is a folder again")],
        ]
        for pages in builds {
            _ = try await output.write(pages: pages, files: ["theme/style.css": Repository.themes.path + "/default/assets/style.css"])
            let expected = Set(pages.map(\.path) + ["theme/style.css", OutputFolder.markerName])
            #expect(Set(DurabilityTests.snapshot(folder.path + "/out").keys) == expected)
            for page in pages { #expect(folder.read("out/" + page.path) == page.contents) }
        }
        let folders = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/out")
            .filter { FileIO.disk.isDirectory(folder.path + "/out/" + $0) }
        #expect(folders.sorted() == ["c", "theme"], "folders the site no longer has are gone")
    }

    /// A page whose bytes did not change is compared, not written again, and given the time
    /// of the build as a write would have: a server's Last-Modified still moves with each
    /// build. A page of the same size but other bytes is written.
    @Test func unchangedPagesKeepTheirBytesAndGetTheBuildTime() async throws {
        let folder = TemporaryFolder()
        let output = OutputFolder(path: folder.path + "/out")
        let pages = [Page(path: "same/index.html", contents: "the same"), Page(path: "other/index.html", contents: "one")]
        _ = try await output.write(pages: pages, files: [:])
        _ = try await output.write(pages: pages, files: [:])
        let kept = folder.path + "/.out.outloud-recycle/same/index.html"
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: kept)
        let before = Date()
        _ = try await output.write(pages: [pages[0], Page(path: "other/index.html", contents: "two, longer")], files: [:])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/out/same/index.html")
        #expect(folder.read("out/same/index.html") == "the same")
        #expect((attributes[.modificationDate] as? Date ?? old).timeIntervalSince(before) > -1, "touched by the build")
        #expect(folder.read("out/other/index.html") == "two, longer")
        // The kept copy of other/index.html is now "one": same size, other bytes.
        _ = try await output.write(pages: [pages[0], Page(path: "other/index.html", contents: "six")], files: [:])
        #expect(folder.read("out/other/index.html") == "six")
    }

    /// A build that fails after pages were written leaves the output folder as it was.
    @Test func abandoningLeavesTheOutputAsItWas() async throws {
        let folder = TemporaryFolder()
        let output = OutputFolder(path: folder.path + "/out")
        let first = try output.begin(paths: ["index.html"])
        try first.write(Page(path: "index.html", contents: "never published"))
        first.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [], "a failed first build leaves nothing")

        _ = try await output.write(pages: [Page(path: "index.html", contents: "one")], files: [:])
        _ = try await output.write(pages: [Page(path: "index.html", contents: "two")], files: [:])
        let failing = try output.begin(paths: ["index.html", "new/index.html"])
        try failing.write(Page(path: "new/index.html", contents: "half a site"))
        failing.abandon()
        #expect(folder.read("out/index.html") == "two")
        #expect(!folder.exists("out/new"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".out.outloud-recycle", "out"])
        _ = try await output.write(pages: [Page(path: "index.html", contents: "three")], files: [:])
        #expect(Set(DurabilityTests.snapshot(folder.path + "/out").keys) == ["index.html", OutputFolder.markerName],
                "what the failed build wrote into the kept site is gone from the next one")
    }

    /// The kept site is written in place only where that cannot reach anything else.
    @Test func neverWritesThroughLinksInTheKeptSite() async throws {
        let folder = TemporaryFolder()
        let output = OutputFolder(path: folder.path + "/out")
        let pages = [Page(path: "index.html", contents: "home"), Page(path: "a/index.html", contents: "a"),
                     Page(path: "b/index.html", contents: "b")]
        _ = try await output.write(pages: pages, files: [:])
        _ = try await output.write(pages: pages, files: [:])
        let kept = folder.path + "/.out.outloud-recycle"
        folder.write("outside/file.html", "mine")
        folder.write("outside/b/index.html", "mine too")
        try FileManager.default.removeItem(atPath: kept + "/index.html")
        try FileManager.default.createSymbolicLink(atPath: kept + "/index.html", withDestinationPath: folder.path + "/outside/file.html")
        try FileManager.default.removeItem(atPath: kept + "/b")
        try FileManager.default.createSymbolicLink(atPath: kept + "/b", withDestinationPath: folder.path + "/outside/b")
        try FileManager.default.removeItem(atPath: kept + "/a/index.html")
        try FileManager.default.linkItem(atPath: folder.path + "/outside/file.html", toPath: kept + "/a/index.html")

        let next = pages.map { Page(path: $0.path, contents: $0.contents + " 2") }
        _ = try await output.write(pages: next, files: [:])
        #expect(folder.read("outside/file.html") == "mine", "neither a symbolic link nor a hard link is written through")
        #expect(folder.read("outside/b/index.html") == "mine too", "nor a linked folder")
        for page in next { #expect(folder.read("out/" + page.path) == page.contents) }
    }

    @Test func refusesDangerousFolders() {
        let folder = TemporaryFolder()
        folder.write("content/books/a.md", "x")
        folder.write("mine/file.txt", "x")
        let content = folder.path + "/content"
        #expect(OutputFolder(path: "/").check(contentPath: content) != nil)
        #expect(OutputFolder(path: FileManager.default.homeDirectoryForCurrentUser.path).check(contentPath: content) != nil)
        #expect(OutputFolder(path: FileManager.default.currentDirectoryPath).check(contentPath: content) != nil)
        #expect(OutputFolder(path: content).check(contentPath: content) != nil)
        #expect(OutputFolder(path: folder.path).check(contentPath: content) != nil, "a folder holding the content")
        #expect(OutputFolder(path: content + "/out").check(contentPath: content) == nil, "a folder inside the content, never read as content")
        #expect(OutputFolder(path: folder.path + "/mine").check(contentPath: content)?.message.contains("not made by Outloud") == true)
        #expect(OutputFolder(path: folder.path + "/mine/file.txt").check(contentPath: content) != nil)
        #expect(OutputFolder(path: folder.path + "/fresh").check(contentPath: content) == nil)
    }
}
