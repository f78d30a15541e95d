import Foundation
import Testing
@testable import Outloud

/// The Obsidian vault fixture end to end: callouts, embeds of notes, sections, blocks and
/// files, block references, highlights, comments and inline tags on the built pages.
@Suite struct ObsidianVaultTests {
    @Test func theVaultBuildsWithAPagePerNoteAndNoWarnings() async throws {
        let build = await FixtureBuild("obsidian-vault")
        #expect(build.report.succeeded)
        #expect(build.diagnostics == [])
        for page in ["home", "onboarding/first-week", "onboarding/pairing-guide", "runbooks/restart-the-queue", "meetings/2026-11-20-retro"] {
            #expect(build.page(page + "/index.html") != nil, "\(page)")
        }
        #expect(build.report.notesByKind.values.reduce(0, +) == 5, "the note in .trash is not read")
        #expect(!build.folder.exists("output/.obsidian/app.json") && !build.folder.exists("output/.trash"))
        #expect(build.folder.exists("output/attachments/queue-dashboard.png"))
        #expect(build.folder.exists("output/attachments/incident-review.pdf"))
    }

    @Test func calloutsHighlightsCommentsAndTagsOnThePage() async throws {
        let build = await FixtureBuild("obsidian-vault")
        let week = try #require(build.page("onboarding/first-week/index.html"))
        #expect(week.contains("about <mark>getting a working laptop and a first pairing session</mark>, not"))
        #expect(week.contains(#"<aside class="callout callout-todo" data-callout="todo" role="note" aria-label="Before Monday">"#))
        #expect(week.contains(#"<li>Join the <a class="tag" href="../../skills/pairing/">#pairing</a> rota</li>"#))
        #expect(!week.contains("Noor keeps the rota"), "a comment never reaches the page")
        #expect(week.contains("<details>\n<summary class=\"callout-title\">"))
        #expect(week.contains(#"<p><img src="../../attachments/architecture.svg" alt="Queue, workers and the database" /></p>"#))
        #expect(week.contains(##"<a href="#day-two">what comes next</a>"##), "[[#Heading]] stays on the page")
        #expect(week.contains("Literal brackets: [[not a link]]."))
        #expect(week.contains(#"<span class="block-id" id="^laptop">Get your laptop"#))
        let runbook = try #require(build.page("runbooks/restart-the-queue/index.html"))
        #expect(runbook.contains(#"<aside class="callout callout-warning" data-callout="warning" role="note" aria-label="Warning">"#))
        #expect(runbook.contains(#"<img src="../../attachments/queue-dashboard.png" alt="queue-dashboard" width="400" />"#))
        #expect(runbook.contains(#"<a href="../../onboarding/pairing-guide/#%5Eroles">Pairing guide › ^roles</a>"#))
        let retro = try #require(build.page("meetings/2026-11-20-retro/index.html"))
        #expect(!retro.contains("Facilitator"))
        #expect(retro.contains(#"<a class="embed-file" href="../../attachments/incident-review.pdf">incident-review.pdf</a>"#))
    }

    @Test func inlineTagsAreSkillsOfTheNote() async throws {
        let build = await FixtureBuild("obsidian-vault")
        let pairing = try #require(build.page("skills/pairing/index.html"))
        #expect(pairing.contains("../../onboarding/first-week/"), "#pairing in the text puts the note on the skill's page")
        let learning = try #require(build.page("skills/team-learning/index.html"))
        #expect(learning.contains("../../home/"), "#team/learning is the skill team-learning")
    }

    @Test func embedsInlineNotesSectionsAndBlocksWrittenForTheEmbeddingPage() async throws {
        let build = await FixtureBuild("obsidian-vault")
        let retro = try #require(build.page("meetings/2026-11-20-retro/index.html"))
        #expect(retro.contains("<div class=\"embed\">\n<p class=\"embed-source\">From <a href=\"../../onboarding/first-week/#%5Elaptop\">First week</a></p>\n<div class=\"embed-body\">\n<p>Get your laptop set up with the team’s bootstrap script before anything else.</p>\n</div>\n</div>"))
        #expect(retro.contains("From <a href=\"../../onboarding/pairing-guide/#rotation\">Pairing guide › Rotation</a></p>\n<div class=\"embed-body\">\n<h2>Rotation</h2>\n<p>Swap roles every 25 minutes"))
        #expect(!retro.contains("The driver types"), "only the section is embedded")
        // Home sits one folder higher: the embedded section's own embed is written for it.
        let home = try #require(build.page("home/index.html"))
        #expect(home.contains(#"From <a href="../meetings/2026-11-20-retro/#actions">Retro, 20 November › Actions</a>"#))
        #expect(home.contains(#"From <a href="../onboarding/pairing-guide/#rotation">Pairing guide › Rotation</a>"#))
        #expect(home.contains(#"<li><span class="block-id">Teo writes down"#), "embedded ids are dropped")
        #expect(!home.contains("id=\"actions\""))
        #expect(home.contains("<h2>Actions</h2>"))
    }

    @Test func theVaultBuildsToTheSameBytesTwice() async {
        let first = await FixtureBuild("obsidian-vault"), second = await FixtureBuild("obsidian-vault")
        #expect(first.folder.files(under: "output") == second.folder.files(under: "output"))
    }
}

/// Embeds and block references resolved against a whole site: what is broken is a warning
/// and a link, and what the page holds is relative to the page.
@Suite struct EmbedSiteTests {
    func build(_ files: [String: String]) async -> (folder: TemporaryFolder, report: BuildReport, diagnostics: [String]) {
        let folder = TemporaryFolder()
        for (path, text) in files { folder.write("content/" + path, text) }
        var options = BuildOptions.withoutGit()
        options.contentPath = folder.path + "/content"
        options.themesPath = Repository.themes.path
        options.outputPath = folder.path + "/output"
        let report = await Build.run(options)
        let prefix = folder.path + "/content/"
        let diagnostics = report.diagnostics.map(\.description).filter { !$0.contains("base_url") }.map {
            $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0
        }
        return (folder, report, diagnostics)
    }

    @Test func cyclesAndDeepNestingAreLinksWithAWarning() async throws {
        var files = ["a/one.md": "# One\n\n![[Two]]\n", "a/two.md": "# Two\n\n![[One]]\n"]
        for level in 1...6 { files["b/n\(level).md"] = "# N\(level)\n\nLevel \(level).\n\n" + (level < 6 ? "![[N\(level + 1)]]\n" : "") }
        let (folder, report, diagnostics) = await build(files)
        #expect(report.succeeded)
        #expect(diagnostics == [
            "a/one.md:3:1: warning: embed ![[Two]] would include a note it is already inside (a/one.md → a/two.md → a/one.md); it is shown as a link",
            "a/two.md:3:1: warning: embed ![[One]] would include a note it is already inside (a/two.md → a/one.md → a/two.md); it is shown as a link",
            "b/n5.md:5:1: warning: embeds nest more than 4 deep (b/n1.md → b/n2.md → b/n3.md → b/n4.md → b/n5.md → b/n6.md); ![[N6]] is shown as a link there",
        ])
        let one = try #require(folder.read("output/a/one/index.html"))
        #expect(one.contains("<div class=\"embed-body\">\n<p class=\"embed-link\"><a href=\"../../a/one/\">One</a></p>"))
        let n1 = try #require(folder.read("output/b/n1/index.html"))
        #expect(n1.contains("Level 5.") && !n1.contains("Level 6.") && n1.contains(#"<p class="embed-link"><a href="../../b/n6/">N6</a></p>"#))
        let n2 = try #require(folder.read("output/b/n2/index.html"))
        #expect(n2.contains("Level 6."), "from N2 the chain is short enough")
    }

    @Test func brokenEmbedsAndAnchorsAreWarningsAndLinks() async throws {
        let (folder, _, diagnostics) = await build([
            "a/host.md": "# Host\n\n![[Target#Nowhere]]\n\n![[Target#^nope]]\n\n[[Target#^fact]] and [[#Missing]].\n",
            "a/target.md": "# Target\n\n## Part\n\nA fact. ^fact\n",
        ])
        #expect(diagnostics == [
            "a/host.md:3:1: warning: a/target.md has no heading #Nowhere (its headings are #part)",
            "a/host.md:5:1: warning: a/target.md has no block #^nope (its block ids are ^fact)",
            "a/host.md:7:22: warning: a/host.md has no heading #Missing (it has no headings)",
        ])
        let host = try #require(folder.read("output/a/host/index.html"))
        #expect(host.contains(#"<p class="embed-link"><a href="../../a/target/">Target › Nowhere</a></p>"#))
        #expect(host.contains(#"<a href="../../a/target/#%5Efact">Target › ^fact</a>"#))
    }

    @Test func anEmbeddedBodysFilesAndLinksPointRightFromTheEmbeddingPage() async throws {
        let (folder, _, diagnostics) = await build([
            "skills.yml": "- {id: swift, name: Swift, group: Engineering}\n",
            "top.md": "# Top\n\n![[Deep]]\n",
            "a/b/deep.md": "# Deep\n\n## Setup\n\n![[pic.png]] [[Top]] #swift [up](#setup) ![img](pic.png)\n",
            "a/b/pic.png": "not really a png",
        ])
        #expect(diagnostics == [])
        let top = try #require(folder.read("output/top/index.html"))
        #expect(top.contains(#"<img src="../a/b/pic.png" alt="pic" /> <a href="../top/">Top</a> <a class="tag" href="../skills/swift/">#swift</a> <a href="../a/b/deep/#setup">up</a> <img src="../a/b/pic.png" alt="img" />"#))
        #expect(top.contains("<h2>Setup</h2>"))
    }

    @Test func aChangeToAnEmbeddedNoteIsLeftToAWholeBuild() async throws {
        let folder = TemporaryFolder()
        folder.write("content/a/host.md", "# Host\n\n![[Target]]\n")
        folder.write("content/a/target.md", "# Target\n\nFirst words.\n")
        folder.write("content/a/plain.md", "# Plain\n\nNothing embedded.\n")
        var options = BuildOptions.withoutGit()
        options.contentPath = folder.path + "/content"
        options.themesPath = Repository.themes.path
        options.outputPath = folder.path + "/output"
        options.memory = BuildMemory()
        #expect(await Build.run(options).succeeded)
        folder.write("content/a/target.md", "# Target\n\nNew words.\n")
        #expect(await Build.update(options, changed: [options.contentPath + "/a/target.md"]) { _ in } == nil)
        #expect(await Build.run(options).succeeded)
        #expect(folder.read("output/a/host/index.html")?.contains("New words.") == true)
        folder.write("content/a/plain.md", "# Plain\n\nStill nothing embedded.\n")
        #expect(await Build.update(options, changed: [options.contentPath + "/a/plain.md"]) { _ in } != nil, "other notes still update alone")
    }
}
