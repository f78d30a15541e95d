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
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
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
        #expect(OutputFolder(path: content + "/out").check(contentPath: content) != nil, "a folder inside the content")
        #expect(OutputFolder(path: folder.path + "/mine").check(contentPath: content)?.message.contains("not made by Outloud") == true)
        #expect(OutputFolder(path: folder.path + "/mine/file.txt").check(contentPath: content) != nil)
        #expect(OutputFolder(path: folder.path + "/fresh").check(contentPath: content) == nil)
    }
}
