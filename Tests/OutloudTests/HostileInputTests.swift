import Foundation
import Testing
@testable import Outloud

/// Hostile and broken input, generated in a temporary folder: each case gets its diagnostic
/// (or, for a BOM and CRLF, the right page), within a time bound, and nothing is written
/// anywhere but the output folder.
@Suite(.serialized, .timeLimit(.minutes(2))) struct HostileInputTests {
    /// `<tmp>/site/{content,themes,output}`: after a build, `<tmp>` and `<tmp>/site` must hold
    /// nothing else.
    final class Site: @unchecked Sendable {
        let root = TemporaryFolder()
        var site: String { root.path + "/site" }

        init(_ files: [String: String] = [:]) throws {
            try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Repository.themes, to: URL(fileURLWithPath: site + "/themes"))
            write("site.yml", "title: Hostile\nbase_url: https://hostile.example/\n")
            for (path, text) in files { write(path, text) }
        }

        func write(_ relative: String, _ text: String) { root.write("site/content/" + relative, text) }
        func write(_ relative: String, bytes: [UInt8]) throws {
            let file = URL(fileURLWithPath: site + "/content/" + relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: site + "/content/" + relative))
        }

        func build(bound seconds: Double = 30) async -> [String] {
            var options = BuildOptions.withoutGit()
            options.contentPath = site + "/content"
            options.themesPath = site + "/themes"
            options.outputPath = site + "/output"
            let clock = ContinuousClock()
            let start = clock.now
            let report = await Build.run(options)
            #expect(clock.now - start < TimeBound.seconds(seconds), "the build took longer than \(seconds) s (× \(TimeBound.factor))")
            let top = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            #expect(top == ["site"], "nothing is written next to the site")
            let inside = Set((try? FileManager.default.contentsOfDirectory(atPath: site)) ?? [])
            // The previous site is kept beside the output to be rewritten by the next build.
            #expect(inside.isSubset(of: ["content", "themes", "output", ".output.outloud-recycle"]), "nothing but output/ is created: \(inside)")
            return report.diagnostics.map { $0.description.replacingOccurrences(of: site + "/content/", with: "") }
        }

        func page(_ relative: String) -> String? { root.read("site/output/" + relative) }
    }

    @Test func malformedYAML() async throws {
        let site = try Site(["books/a.md": "---\ntitle: [unclosed\n---\nBody.\n"])
        let diagnostics = await site.build()
        #expect(diagnostics.count == 1 && diagnostics[0].hasPrefix("books/a.md:") && diagnostics[0].contains("error: invalid YAML"))
    }

    @Test func aliasBombIsRefusedQuickly() async throws {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { yaml += "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) [" + Array(repeating: "*\(Character(UnicodeScalar(96 + level)!))", count: 10).joined(separator: ", ") + "]\n" }
        let site = try Site(["books/bomb.md": "---\n\(yaml)---\nBody.\n"])
        let diagnostics = await site.build(bound: 60)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains("books/bomb.md") == true && diagnostics.first?.contains("error:") == true, "\(diagnostics)")
    }

    @Test func deeplyNestedYAML() async throws {
        let site = try Site(["books/deep.md": "---\ntitle: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n---\nBody.\n"])
        let diagnostics = await site.build()
        #expect(diagnostics.count == 1 && diagnostics[0].contains("books/deep.md") && diagnostics[0].contains("error:"), "\(diagnostics)")
    }

    @Test func frontMatterThatNeverCloses() async throws {
        let site = try Site(["books/open.md": "---\ntitle: Open\n\nBody that never ends.\n"])
        #expect(await site.build() == ["books/open.md:1:1: error: front matter starts with `---` but never closes (add a `---` line after it)"])
    }

    @Test func invalidUTF8AndNULBytes() async throws {
        let site = try Site()
        try site.write("books/latin1.md", bytes: Array("caf".utf8) + [0xE9, 0x0A])
        try site.write("books/binary.md", bytes: [0x23, 0x20, 0x41, 0x00, 0x42])
        #expect(await site.build() == [
            "books/binary.md: error: file contains a NUL byte; is it a binary file?",
            "books/latin1.md: error: file is not valid UTF-8 text",
        ])
    }

    @Test func byteOrderMarkAndCRLFWorkNormally() async throws {
        let site = try Site()
        try site.write("books/windows.md", bytes: [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: From Windows\r\ntags: []\r\n---\r\n# Heading\r\n\r\nFirst line\r\nsame paragraph.\r\n".utf8))
        #expect(await site.build() == [])
        let page = try #require(site.page("books/windows/index.html"))
        #expect(page.contains("<h1>From Windows</h1>"))
        #expect(page.contains("<p>First line\nsame paragraph.</p>"))
        #expect(!page.contains("\r"))
    }

    @Test func aFiftyMegabyteNoteIsReportedNotRead() async throws {
        let site = try Site()
        let line = Array("A line of a very long note that someone pasted a log into.\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50 * 1_048_576 + line.count)
        while bytes.count < 50 * 1_048_576 { bytes += line }
        try site.write("books/huge.md", bytes: bytes)
        #expect(await site.build() == ["books/huge.md: error: file is 50 MB; notes larger than 16 MB are not read"])
    }

    @Test func hundredThousandLevelsOfNesting() async throws {
        let site = try Site([
            "books/quotes.md": String(repeating: ">", count: 100_000) + " deep\n",
            "books/lists.md": String(repeating: "- ", count: 100_000) + "deep\n",
            "books/brackets.md": String(repeating: "[", count: 100_000) + "\n",
        ])
        let diagnostics = await site.build(bound: 60)
        #expect(diagnostics == ["books/brackets.md:1:1: warning: `[[` has no closing `]]`; it is shown as text"])
        #expect(site.page("books/quotes/index.html")?.contains("deep") == true)
        #expect(site.page("books/lists/index.html")?.contains("deep") == true)
    }

    @Test func highlightedCodeStaysLinear() async throws {
        let megabyte = 1_100_000
        let site = try Site([
            "books/string.md": "```js\nlet s = \"" + String(repeating: "a", count: megabyte) + "\n```\n",
            "books/comment.md": "```c\n/* " + String(repeating: "x ", count: megabyte / 2) + "\n```\n",
            "books/operators.md": "```python\n" + String(repeating: "+= -= ** // != <> ~ ^ | & %\n", count: 100_000) + "```\n",
            "books/line.md": "```swift\n" + String(repeating: "a(\"\\(b) / c ", count: megabyte / 13) + "\n```\n",
        ])
        #expect(await site.build(bound: 60) == [])
        #expect(site.page("books/string/index.html")?.contains(#"<span class="tok-string">&quot;aaa"#) == true)
        #expect(site.page("books/comment/index.html")?.contains(#"<span class="tok-comment">/* x x"#) == true)
        #expect(site.page("books/operators/index.html")?.contains(#"<span class="tok-operator">+=</span>"#) == true)
    }

    @Test func hundredThousandFilesInOneFolder() async throws {
        let site = try Site(["books/a.md": "---\ntitle: A\n---\nBody.\n"])
        let folder = site.site + "/content/assets/many"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for number in 0..<100_000 {
            _ = FileManager.default.createFile(atPath: "\(folder)/\(number).txt", contents: nil)
        }
        #expect(await site.build(bound: 90) == [])
        #expect(FileManager.default.fileExists(atPath: site.site + "/output/assets/many/99999.txt"))
    }

    @Test func twoThousandFoldersAndOneTwoHundredDeep() async throws {
        let site = try Site()
        for number in 0..<2_000 { site.write("Topic \(number)/a.md", "# A\n") }
        let deep = (0..<200).map { "Level \($0)" }.joined(separator: "/")
        site.write(deep + "/deepest.md", "# Deepest\n")
        #expect(await site.build(bound: 90) == [])
        let home = try #require(site.page("index.html"))
        let nav = home.components(separatedBy: #"<nav id="site-nav""#).last?.components(separatedBy: "</nav>").first ?? ""
        #expect(nav.components(separatedBy: "<li>").count - 1 == 1)  // Sections (no skills or people data)
        let path = (0..<200).map { "level-\($0)" }.joined(separator: "/")
        let note = try #require(site.page(path + "/deepest/index.html"))
        #expect(note.components(separatedBy: #"class="breadcrumbs__item""#).count - 1 == 202)
    }

    @Test func excludeGlobsOfManyStarsAgainstLongNames() async throws {
        let pattern = String(repeating: "*a", count: 500) + "b"
        let site = try Site()
        site.write("site.yml", "title: Hostile\nbase_url: https://hostile.example/\nexclude: [\"\(pattern)\"]\n")
        for number in 0..<200 { site.write("notes/\(String(repeating: "a", count: 90))\(number).md", "# N\n") }
        #expect(await site.build(bound: 60) == [])
        #expect(site.page("notes/\(String(repeating: "a", count: 90))7/index.html") != nil)
    }

    @Test func anEmptyFileIsAWarningAndStillAPage() async throws {
        let site = try Site(["books/empty.md": ""])
        #expect(await site.build() == ["books/empty.md:1:1: warning: note is empty"])
        #expect(site.page("books/empty/index.html")?.contains("<h1>Empty</h1>") == true)
    }

    @Test func aFileThatCannotBeRead() async throws {
        let site = try Site(["books/fine.md": "Fine.\n"])
        // Root reads any file whatever its mode, so the disk seam stands in for the failure.
        let disk = FileIO.disk
        let files = FileIO(
            exists: disk.exists, isDirectory: disk.isDirectory,
            readData: { path, size in path.hasSuffix("locked.md") ? .failure(.init(message: "permission denied")) : disk.readData(path, size) },
            modified: disk.modified,
            listFiles: { root in
                var listing = disk.listFiles(root)
                listing.files.append(ContentFile(relativePath: "books/locked.md", modified: Date(timeIntervalSince1970: 0)))
                return listing
            })
        var loader = ContentLoader(contentPath: site.site + "/content", files: files)
        loader.useGit = false
        let content = await loader.load()
        #expect(content.diagnostics.map(\.description) == [site.site + "/content/books/locked.md: error: permission denied"])
        #expect(content.notes.map(\.sourcePath) == ["books/fine.md"])
        if getuid() != 0 {
            site.write("books/locked.md", "Secret.\n")
            chmod(site.site + "/content/books/locked.md", 0)
            #expect(await site.build().contains { $0.hasPrefix("books/locked.md: error:") })
        }
    }

    @Test func symlinkLoopsAndLinksOutOfTheContentFolder() async throws {
        let site = try Site(["books/a.md": "A.\n"])
        let content = site.site + "/content"
        try FileManager.default.createSymbolicLink(atPath: content + "/books/one.md", withDestinationPath: "two.md")
        try FileManager.default.createSymbolicLink(atPath: content + "/books/two.md", withDestinationPath: "one.md")
        try FileManager.default.createDirectory(atPath: content + "/loop", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: content + "/loop/again", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: content + "/books/passwd.md", withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: content + "/outside", withDestinationPath: site.root.path)
        let diagnostics = await site.build()
        #expect(diagnostics == [
            "books/one.md: warning: symlink is broken or loops; not followed",
            "books/passwd.md: warning: symlink points outside the content folder; not followed",
            "books/two.md: warning: symlink is broken or loops; not followed",
            "loop/again: warning: symlink loops back to a folder already read; not followed",
            "outside: warning: symlink points outside the content folder; not followed",
        ])
        #expect(site.page("books/passwd/index.html") == nil)
    }

    @Test func hostileSlugsStayInsideTheOutputFolder() async throws {
        let long = String(repeating: "x", count: 300)
        let site = try Site([
            "books/s1.md": "---\nslug: ../../etc/passwd\n---\nA.\n",
            "books/s2.md": "---\nslug: /abs\n---\nA.\n",
            "books/s3.md": "---\nslug: .\n---\nA.\n",
            "books/s4.md": "---\nslug: ..\n---\nA.\n",
            "books/s5.md": "---\nslug: \"\"\n---\nA.\n",
            "books/s6.md": "---\nslug: CON\n---\nA.\n",
            "books/s7.md": "---\nslug: \"nul\\0byte\"\n---\nA.\n",
            "books/s8.md": "---\nslug: a/b\n---\nA.\n",
            "books/s9.md": "---\nslug: \(long)\n---\nA.\n",
            "books/aux.md": "A.\n",
        ])
        let diagnostics = await site.build()
        #expect(diagnostics == [
            #"books/aux.md:1:1: warning: slug "aux" is a reserved file name on Windows; a site copied to a Windows server would lose this page (set another `slug:`)"#,
            #"books/s1.md:2:7: warning: slug "../../etc/passwd" is not lower-case letters, digits and dashes; the page's slug is "etc-passwd""#,
            #"books/s2.md:2:7: warning: slug "/abs" is not lower-case letters, digits and dashes; the page's slug is "abs""#,
            #"books/s3.md:2:7: error: slug "." has no letters or digits; the note is left out"#,
            #"books/s4.md:2:7: error: slug ".." has no letters or digits; the note is left out"#,
            #"books/s5.md:2:7: error: slug "" has no letters or digits; the note is left out"#,
            #"books/s6.md:2:7: warning: slug "CON" is not lower-case letters, digits and dashes; the page's slug is "con""#,
            #"books/s6.md:2:7: warning: slug "con" is a reserved file name on Windows; a site copied to a Windows server would lose this page (set another `slug:`)"#,
            #"books/s7.md:2:7: warning: slug "nul\0byte" is not lower-case letters, digits and dashes; the page's slug is "nul-byte""#,
            #"books/s8.md:2:7: warning: slug "a/b" is not lower-case letters, digits and dashes; the page's slug is "a-b""#,
            "books/s9.md:2:7: warning: slug is longer than 100 characters; it is cut to \"\(String(repeating: "x", count: 100))\"",
        ])
        // The errors stop the build; without them every page lands under output/books/.
        for name in ["s3", "s4", "s5"] { try FileManager.default.removeItem(atPath: site.site + "/content/books/\(name).md") }
        _ = await site.build()
        let books = try FileManager.default.contentsOfDirectory(atPath: site.site + "/output/books").sorted()
        #expect(books == ["a-b", "abs", "aux", "con", "etc-passwd", "feed.xml", "index.html", "nul-byte", String(repeating: "x", count: 100)])
    }

    @Test func twoNotesWithOneURLAndCaseOnlyDuplicates() async throws {
        let site = try Site([
            "books/Drive.md": "A.\n",
            "books/drive.md": "B.\n",
            "books/one.md": "---\nslug: same\n---\nA.\n",
            "books/two.md": "---\nslug: same\n---\nB.\n",
        ])
        let diagnostics = await site.build()
        #expect(diagnostics.count == 2)
        #expect(diagnostics.contains { $0.contains("books/Drive.md") && $0.contains("books/drive.md") && $0.contains("both have the URL /books/drive/") })
        #expect(diagnostics.contains { $0.contains("books/one.md") && $0.contains("books/two.md") && $0.contains("/books/same/") })
    }

    @Test func controlCharactersInMessagesAreShownNotSent() async throws {
        let site = try Site(["books/a.md": "---\ntags: [\"\\e[2J\\e[31mfake\\nerror\"]\n---\nA.\n"])
        #expect(await site.build() == [#"books/a.md:2:8: warning: tag "\u{1B}[2J\u{1B}[31mfake\nerror" is not a skill in skills.yml"#])
    }

    @Test func contentFilesCannotOverwriteGeneratedFiles() async throws {
        let site = try Site(["books/a.md": "A.\n", "books/feed.xml": "<mine/>", "theme/style.css": "a {}", "books/a/index.html": "<p>mine</p>"])
        #expect(await site.build() == [
            "books/a/index.html: error: this file would be written over the generated books/a/index.html; rename or move it",
            "books/feed.xml: error: this file would be written over the generated books/feed.xml; rename or move it",
            "theme/style.css: error: this file would be written over the theme's theme/style.css; rename or move it",
        ])
    }

    // MARK: GitHub-flavoured Markdown

    /// Renders inputs of size n/4 and n: a linear pass takes about 4 times as long, a
    /// quadratic one 16 times; the bounds leave room for a busy machine and a debug build
    /// (a release build is about ten times faster).
    func expectLinear(_ name: String, size: Int, _ make: (Int) -> String) {
        let clock = ContinuousClock()
        func time(_ count: Int, runs: Int) -> Duration {
            let text = make(count)
            return (0..<runs).map { _ in clock.measure { _ = MarkdownDocument.render(text) } }.min()!
        }
        let small = time(size / 4, runs: 3)
        var large = time(size, runs: 1)
        // One more try before calling it non-linear: another build on this machine may have
        // taken the CPU in the middle of the one run.
        if large / small >= 10 { large = min(large, time(size, runs: 1)) }
        #expect(large < TimeBound.seconds(20), "\(name): \(large)")
        #expect(large / small < 10, "\(name) grows faster than its input: \(small) for n/4, \(large) for n")
    }

    /// One step listed 20,000 times, and 20,000 tasks that begin with the same six words, get
    /// their `-2`, `-3`… ids in linear time.
    @Test func aPathwayRepeatingOneStepTwentyThousandTimes() async throws {
        let steps = String(repeating: "  - resource: resources/r.md\n", count: 20_000)
            + (0..<20_000).map { "  - task: Pair with Kofi on one audit, number \($0)\n" }.joined()
        let site = try Site([
            "resources/r.md": "---\ntitle: R\nurl: https://example.com/\n---\nBody.\n",
            "pathways/long.md": "---\ntitle: Long\nsteps:\n\(steps)---\nBody.\n",
        ])
        let diagnostics = await site.build(bound: 30)
        #expect(diagnostics.count == 20_000)
        #expect(diagnostics.first?.hasPrefix("pathways/long.md:1:1: warning: a pathway needs a `skill`") == true)
        #expect(diagnostics.last == "pathways/long.md:20003:15: warning: resources/r.md is already step 1 of this pathway; it is listed twice")
    }

    /// 4,000 pathways, each the first step of the one before and the last of the first: the
    /// cycle is found without a stack frame per pathway, and named by its ends.
    @Test func aCycleOfFourThousandNestedPathways() async throws {
        let count = 4_000
        var files: [String: String] = [:]
        for number in 0..<count {
            files["pathways/p\(number).md"] = "---\ntitle: P\(number)\nsteps:\n  - pathway: p\((number + 1) % count)\n---\nBody.\n"
        }
        let site = try Site(files)
        let diagnostics = await site.build(bound: 60)
        let errors = diagnostics.filter { $0.contains(": error: ") }
        #expect(errors.count == 1 && diagnostics.count == count + 1, "a `skill` warning per pathway and one cycle")
        #expect(errors.first?.contains(" includes itself through other pathways (p") == true)
        #expect(errors.first?.contains(" → … → ") == true && errors.first?.hasSuffix("); the step is shown without its link") == true)
        #expect(site.page("pathways/p0/index.html") != nil, "the site is still built")
    }

    @Test func tenThousandColumnTable() {
        expectLinear("columns", size: 10_000) { count in
            String(repeating: "| a ", count: count) + "|\n" + String(repeating: "|:-:", count: count) + "|\n"
                + String(repeating: "| *b* ", count: count) + "|\n"
        }
        let html = MarkdownDocument.render(String(repeating: "| a ", count: 10_000) + "|\n" + String(repeating: "|---", count: 10_000) + "|\n").html
        #expect(html.components(separatedBy: "<th>").count == 10_001)
    }

    @Test func hundredThousandFootnotes() {
        expectLinear("footnotes", size: 100_000) { count in
            (0..<count).map { "x[^\($0)] " }.joined() + "\n\n" + (0..<count).map { "[^\($0)]: note \($0)\n" }.joined()
        }
        let result = MarkdownDocument.render((0..<100_000).map { "x[^\($0 % 7)] " }.joined() + "\n\n[^3]: three\n")
        #expect(result.html.components(separatedBy: "class=\"footnote-backref\"").count == 14_287)
    }

    @Test func deeplyNestedEmphasisAroundTildes() {
        expectLinear("nested", size: 20_000) { count in
            String(repeating: "*~~_", count: count) + "x" + String(repeating: "_~~*", count: count) + "\n"
        }
        expectLinear("unmatched", size: 100_000) { count in
            String(repeating: "~a ", count: count) + String(repeating: "b~~ ", count: count) + "\n"
        }
    }

    @Test func hundredThousandAutolinkCandidates() {
        expectLinear("www", size: 100_000) { count in
            String(repeating: "www.a.com www. a@b http:// ", count: count) + "\n"
        }
        expectLinear("parentheses", size: 400_000) { count in
            "www.a.com/" + String(repeating: ")", count: count) + "\n"
        }
    }

    @Test func aMegabyteLineOfPipes() {
        expectLinear("pipes", size: 1_000_000) { count in
            String(repeating: "|", count: count) + "\n" + String(repeating: "|-", count: count / 2) + "|\n" + String(repeating: "\\|", count: count / 2) + "\n"
        }
    }
}

extension HostileInputTests {
    @Test func obsidianSyntaxAtScaleStaysLinear() async throws {
        let backticks = (1...1_400).map { String(repeating: "`", count: $0) }.joined(separator: " x ")
        let site = try Site([
            "skills.yml": "- {id: swift, name: Swift, group: Engineering}\n",
            "notes/highlights.md": String(repeating: "==a ", count: 100_000) + "\n\n" + String(repeating: "==a== ", count: 100_000) + "\n",
            "notes/comments.md": String(repeating: "%%a%% b ", count: 100_000) + "\n\n" + backticks + "\n\n%% never closed\n",
            "notes/tags.md": String(repeating: "#swift ", count: 100_000) + "\n",
            "notes/blocks.md": (0..<50_000).map { "p ^b\($0)\n\n" }.joined(),
            "notes/callouts.md": (0..<2_000).map { String(repeating: "> ", count: $0) + "[!tip] t\n" }.joined(),
            "notes/embeds.md": String(repeating: "![[Target]]\n", count: 20_000) + String(repeating: "![[gone.png]] ", count: 20_000) + "\n",
            "notes/target.md": "# Target\n\n" + String(repeating: "![[Leaf]]\n", count: 300),
            "notes/leaf.md": "# Leaf\n\nA leaf.\n",
            "notes/escapes.md": String(repeating: #"\[\[x\]\] "#, count: 100_000) + "\n",
        ])
        let diagnostics = await site.build(bound: 90)
        #expect(diagnostics.filter { $0.hasPrefix("notes/comments.md") } == ["notes/comments.md:5:1: warning: `%%` opens a comment that is never closed; the rest of the note is hidden"])
        #expect(diagnostics.filter { $0.contains("gone.png") }.count == 20_000)
        #expect(diagnostics.filter { $0.contains("more than 200 embedded notes") } == [
            "notes/target.md:203:1: warning: notes/target.md would show more than 200 embedded notes; ![[Leaf]] and the rest are shown as links there",
        ])
        #expect(site.page("notes/highlights/index.html")?.contains("<mark>a</mark> <mark>a</mark>") == true)
        #expect(site.page("notes/escapes/index.html")?.contains("[[x]] [[x]]") == true)
    }
}

/// Every common Markdown ending is a note: none is copied to the output as a raw file with
/// its front matter (a draft's included).
@Suite struct MarkdownEndingTests {
    @Test func everyMarkdownEndingIsReadAsANoteNeverCopiedRaw() async throws {
        let folder = TemporaryFolder()
        for ending in ["md", "markdown", "mdown", "MKD"] {
            folder.write("content/books/\(ending.lowercased())-note.\(ending)", "---\ntitle: Note \(ending)\ndate: 2026-01-02\n---\nBody.\n")
            folder.write("content/books/\(ending.lowercased())-draft.\(ending)", "---\ntitle: Secret \(ending)\ndraft: true\n---\nNot yet.\n")
        }
        let report = await Build.run(BuildOptions.building(folder))
        #expect(report.succeeded)
        #expect(report.notesByKind[.book] == 4, "md, markdown, mdown and mkd, in any case")
        let copied = folder.files(under: "output").keys.filter { $0.hasPrefix("books/") && !$0.hasSuffix(".html") && !$0.hasSuffix(".xml") }
        #expect(copied.isEmpty, "no note is copied as it is: \(copied.sorted())")
        #expect(!folder.files(under: "output").values.contains { String(decoding: $0, as: UTF8.self).contains("Not yet.") })
    }
}

/// Small content rules: a tag listed twice counts once.
@Suite struct SmallContentRuleTests {
    @Test func aTagListedTwiceIsOneSkillAndAWarning() async throws {
        let folder = TemporaryFolder()
        folder.write("content/skills.yml", "- {id: typescript, name: TypeScript}\n")
        folder.write("content/books/a.md", "---\ntitle: A\ndate: 2026-01-02\ntags: [typescript, typescript]\n---\nBody.\n")
        let report = await Build.run(BuildOptions.building(folder))
        #expect(report.diagnostics.map(\.message).contains(#"tag "typescript" is listed twice; it is counted once"#), "\(report.diagnostics)")
        let page = try #require(folder.read("output/books/a/index.html"))
        #expect(page.components(separatedBy: ">TypeScript</a>").count - 1 == 1, "one chip")
    }

    /// A kind folder's README is the text of its list page, never a note of that kind.
    @Test func aKindFoldersReadmeIsItsLandingPageNotABook() async throws {
        let folder = TemporaryFolder()
        folder.write("content/books/README.md", "# Books\n\nWhat we read together, and why.\n")
        folder.write("content/books/a.md", "---\ntitle: A\ndate: 2026-01-02\n---\nBody.\n")
        var options = BuildOptions.building(folder)
        options.baseURL = "https://learn.example/"
        let report = await Build.run(options)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.notesByKind[.book] == 1, "the README is not counted as a book")
        #expect(!folder.exists("output/books/readme/index.html"))
        let books = try #require(folder.read("output/books/index.html"))
        #expect(books.contains("<p>What we read together, and why.</p>"))
        #expect(!books.contains(#"href="readme/""#))
        #expect(folder.read("output/books/feed.xml")?.contains("readme") == false, "nor in the feed")
    }
}

/// Dates no one could have written a note on: warned about, and kept off the activity page,
/// whose months then span only the notes' real dates.
@Suite struct ImplausibleDateTests {
    @Test func aFarFutureOrFarPastDateIsAWarningAndLeavesTheActivityPageSmall() async throws {
        let folder = TemporaryFolder()
        folder.write("content/books/typo.md", "---\ntitle: Typo\ndate: 9999-12-31\n---\nBody.\n")
        folder.write("content/books/ancient.md", "---\ntitle: Ancient\ndate: 0001-01-01\nupdated: 2026-11-02\n---\nBody.\n")
        folder.write("content/books/fine.md", "---\ntitle: Fine\ndate: 2026-03-02\nupdated: 3026-03-02\n---\nBody.\n")
        folder.write("content/books/recent.md", "---\ntitle: Recent\ndate: 2026-11-30\n---\nBody.\n")
        var options = BuildOptions.building(folder)
        options.today = Day(year: 2026, month: 12, day: 3)!
        options.baseURL = "https://learn.example/"
        let report = await Build.run(options)
        let warnings = report.diagnostics.filter { $0.severity == .warning }.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
        #expect(warnings.contains("3:7 date 9999-12-31 is more than a year after the build day (2026-12-03); the note is built, but left out of the activity page"), "\(warnings)")
        #expect(warnings.contains("3:7 date 0001-01-01 is before 1970; the note is built, but left out of the activity page"), "\(warnings)")
        #expect(warnings.contains("4:10 updated 3026-03-02 is more than a year after the build day (2026-12-03)"), "\(warnings)")
        #expect(warnings.count == 3, "\(warnings)")
        #expect(report.succeeded, "warnings only")
        let activity = try #require(folder.read("output/activity/index.html"))
        #expect(activity.utf8.count < 40_000, "\(activity.utf8.count) bytes")
        #expect(activity.contains(">Mar 2026<") && activity.contains(">Nov 2026<"))
        #expect(!activity.contains("9999") && !activity.contains(">0001"))
        #expect(folder.exists("output/books/typo/index.html"), "the note is still built")
    }
}
