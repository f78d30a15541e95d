import Foundation
import Testing
@testable import Outloud

/// Nothing lost and nothing different: a build killed at any moment leaves the previous site
/// or the new one, whole; the same input always gives the same bytes.
@Suite(.serialized) struct DurabilityTests {
    /// Every file of a folder, by relative path, hidden files included.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }

    /// A site of `count` dated notes linking to each other, so every page has real work in it.
    static func writeSite(_ folder: TemporaryFolder, notes count: Int, title: String) throws {
        if !folder.exists("themes") {
            try FileManager.default.copyItem(at: Repository.themes, to: folder.url.appendingPathComponent("themes"))
        }
        folder.write("content/site.yml", "title: \(title)\nbase_url: https://durable.example/\n")
        folder.write("content/skills.yml", "- {id: swift, name: Swift}\n- {id: testing, name: Testing}\n")
        folder.write("content/people.yml", "- {id: ana, name: Ana, skills: {swift: expert}}\n")
        for number in 0..<count {
            let day = 1 + number % 28, month = 1 + number % 12
            folder.write("content/books/note-\(number).md", """
                ---
                title: Note \(number) of \(title)
                date: 2026-\(String(format: "%02d", month))-\(String(format: "%02d", day))
                authors: [ana]
                tags: [\(number % 2 == 0 ? "swift" : "testing")]
                ---
                A paragraph about note \(number), linking to [[Note \((number + 1) % count) of \(title)]].

                ## First part

                Text with *emphasis* and `code`.

                ## Second part

                - one
                - two

                ## Third part

                More text.
                """)
        }
    }

    func run(_ arguments: [String], in folder: String, cpus: String? = nil) throws -> Process {
        let process = Process()
        if let cpus {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
            process.arguments = ["-c", cpus, CommandLineTests.binary.path] + arguments
        } else {
            process.executableURL = CommandLineTests.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(.timeLimit(.minutes(3))) func aBuildKilledAtAnyMomentLeavesOneWholeSite() throws {
        let folder = TemporaryFolder()
        try Self.writeSite(folder, notes: 150, title: "Old")
        let first = try run(["build", "--no-git"], in: folder.path)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let old = Self.snapshot(folder.path + "/output")
        #expect(old.count > 150)

        // The new site, built once elsewhere, is what a finished build must leave.
        let reference = TemporaryFolder()
        try Self.writeSite(reference, notes: 150, title: "New")
        let referenceBuild = try run(["build", "--no-git"], in: reference.path)
        referenceBuild.waitUntilExit()
        let new = Self.snapshot(reference.path + "/output")
        #expect(new != old)

        try Self.writeSite(folder, notes: 150, title: "New")
        let clock = ContinuousClock()
        let timed = clock.now
        let full = try run(["build", "--no-git", "--output", "timing-output"], in: folder.path)
        full.waitUntilExit()
        let buildTime = clock.now - timed
        try FileManager.default.removeItem(atPath: folder.path + "/timing-output")

        var generator = SystemRandomNumberGenerator()
        var sawOld = 0, sawNew = 0
        for attempt in 0..<25 {
            let process = try run(["build", "--no-git"], in: folder.path)
            // Spread the kills over the whole build, the write stage included.
            let fraction = Double(attempt) / 25 + Double.random(in: 0..<0.04, using: &generator)
            Thread.sleep(forTimeInterval: max(0, (buildTime * fraction).seconds))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Self.snapshot(folder.path + "/output")
            let isOld = now == old, isNew = now == new
            #expect(isOld || isNew, "after a kill at \(Int(fraction * 100))% the output is neither site (\(now.count) files)")
            if isOld { sawOld += 1 }
            if isNew {
                sawNew += 1
                // Start again from the old site, so later kills test the swap again.
                try Self.writeSite(folder, notes: 150, title: "Old")
                let back = try run(["build", "--no-git"], in: folder.path)
                back.waitUntilExit()
                try Self.writeSite(folder, notes: 150, title: "New")
            }
        }
        #expect(sawOld > 0, "some kills came before the swap")
        // A later build cleans up whatever staging folders the killed ones left.
        let last = try run(["build", "--no-git"], in: folder.path)
        last.waitUntilExit()
        #expect(Self.snapshot(folder.path + "/output") == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("outloud-staging") }
        #expect(leftovers == [])
    }

    @Test func theSameInputGivesTheSameBytes() async throws {
        let folder = TemporaryFolder()
        try Self.writeSite(folder, notes: 60, title: "Same")
        folder.write("content/assets/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        var outputs: [[String: Data]] = []
        // Twice as usual, once on a single CPU, once with the files listed in reverse order.
        for variant in 0..<4 {
            var options = BuildOptions.withoutGit()
            options.contentPath = folder.path + "/content"
            options.themesPath = folder.path + "/themes"
            options.outputPath = folder.path + "/out-\(variant)"
            if variant == 2 {
                let process = try run(["build", "--no-git", "--output", "out-2"], in: folder.path, cpus: "0")
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
            } else if variant == 3 {
                let disk = FileIO.disk
                let reversed = FileIO(exists: disk.exists, isDirectory: disk.isDirectory, readData: disk.readData, modified: disk.modified) { root in
                    var listing = disk.listFiles(root)
                    listing.files.reverse()
                    return listing
                }
                var loader = ContentLoader(contentPath: options.contentPath, files: reversed)
                loader.useGit = false
                let content = await loader.load()
                let plain = await ContentLoader(contentPath: options.contentPath, files: disk).loadWithoutGit()
                #expect(content.notes.map(\.sourcePath) == plain.notes.map(\.sourcePath), "notes are read in path order whatever the listing")
                options.fileIO = reversed
                let report = await Build.run(options)
                #expect(report.succeeded)
            } else {
                let report = await Build.run(options)
                #expect(report.succeeded)
            }
            outputs.append(Self.snapshot(folder.path + "/out-\(variant)"))
        }
        #expect(outputs[0].count > 60)
        for variant in 1..<4 {
            #expect(outputs[variant] == outputs[0], "variant \(variant) differs: \(Set(outputs[variant].keys).symmetricDifference(outputs[0].keys).sorted().prefix(3)) \(outputs[0].keys.filter { outputs[variant][$0] != outputs[0][$0] }.sorted().prefix(3))")
        }
    }
}

extension ContentLoader {
    func loadWithoutGit() async -> Content {
        var loader = self
        loader.useGit = false
        return await loader.load()
    }
}
