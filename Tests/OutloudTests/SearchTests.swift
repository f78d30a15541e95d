import Foundation
import Testing
@testable import Outloud

/// The search index as the client reads it: manifest, shards and records, decoded.
struct DecodedIndex {
    var manifest: [String: Any]
    var firstTerms: [String]
    /// Per shard, its terms in order with their postings (note, score).
    var shards: [[(term: String, postings: [(note: Int, score: Int)])]]
    var records: [[String: Any]]

    struct Malformed: Error { var what: String }

    static func need<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw Malformed(what: what) }
        return value
    }

    static func json(_ bytes: [UInt8]?, _ what: String) throws -> [String: Any] {
        try need(try JSONSerialization.jsonObject(with: Data(try need(bytes, what))) as? [String: Any], what)
    }

    init(_ index: SearchIndex) async throws {
        let files = Dictionary(await index.allFiles().map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        manifest = try Self.json(files[SearchIndex.manifestPath], "the manifest")
        firstTerms = try Self.need(manifest["shards"] as? [String], "the shards' first terms")
        shards = try firstTerms.indices.map { number in
            let bytes = try Self.need(files[SearchIndex.shardPath(number)], "shard \(number)")
            var offset = 0, previous: [UInt8] = []
            var terms: [(String, [(Int, Int)])] = []
            func next() throws -> Int {
                let (value, after) = try Self.need(Varint.read(bytes, at: offset), "a number in shard \(number)")
                offset = after
                return value
            }
            while offset < bytes.count {
                let shared = try next(), length = try next()
                let term = Array(previous.prefix(shared)) + bytes[offset..<offset + length]
                offset += length
                var postings: [(Int, Int)] = []
                var note = 0
                for _ in 0..<(try next()) {
                    note += try next()
                    postings.append((note, try next()))
                }
                terms.append((String(decoding: term, as: UTF8.self), postings))
                previous = term
            }
            return terms
        }
        let count = try Self.need(manifest["notes"] as? Int, "the note count")
        records = try (0..<count).map { try Self.json(files[SearchIndex.notePath($0)], "record \($0)") }
    }

    /// The shard the client looks a term up in: the last whose first term is not after it.
    func shard(of term: String) -> Int? {
        firstTerms.lastIndex { !term.utf8.lexicographicallyPrecedes($0.utf8) }
    }

    func postings(_ term: String) -> [(note: Int, score: Int)] {
        guard let shard = shard(of: term) else { return [] }
        return shards[shard].first { $0.term == term }?.postings ?? []
    }

    func score(_ term: String, note: Int) -> Int? { postings(term).first { $0.note == note }?.score }
}

@Suite struct SearchTests {
    func site(_ files: [String: String]) async -> Site {
        let folder = TemporaryFolder()
        for (path, text) in files { folder.write("content/" + path, text) }
        var loader = ContentLoader(contentPath: folder.path + "/content", includeDrafts: false)
        loader.useGit = false
        return await Site(content: await loader.load(), today: Day(year: 2026, month: 11, day: 23)!)
    }

    func note(_ site: Site, titled title: String) -> Int { site.notes.firstIndex { $0.title == title }! }

    // MARK: Words

    @Test func wordsAreFoldedSplitFilteredAndStemmed() {
        #expect(SearchWords.terms(of: "Café au lait: MEETINGS & the team's 1-2-4-All, x") == ["cafe", "au", "lait", "meet", "team", "all"])
        #expect(SearchWords.terms(of: "Straße Ürün 東京 naïve") == ["straße", "urun", "東京", "naiv"])
        #expect(SearchWords.terms(of: "Ｆｕｌｌｗｉｄｔｈ ﬁle") == ["fullwidth", "file"], "compatibility forms fold")
        #expect(SearchWords.terms(of: String(repeating: "a", count: 41) + " " + String(repeating: "b", count: 40)) == [String(repeating: "b", count: 40)])
        #expect(SearchWords.terms(of: "the and of it") == [], "stop words")
    }

    @Test func asciiAndUnicodeTextGiveTheSameTerms() {
        let ascii = "Running retrospectives: feedback, facilitation and 42 teams"
        #expect(SearchWords.terms(of: ascii) == SearchWords.terms(of: ascii + " —"), "a dash sends the text down the Unicode path")
        #expect(SearchWords.terms(of: ascii) == ["run", "retrospect", "feedback", "facilit", "42", "team"])
        // Smart punctuation and no-break spaces stay on the byte path, as separators.
        #expect(SearchWords.terms(of: "“Running” retrospectives—feedback… facilitation\u{A0}and 42 teams’") == SearchWords.terms(of: ascii))
        #expect(SearchWords.terms(of: "x\u{2070}y H\u{2082}O team…") == ["x0y", "h2o", "team"], "superscripts and subscripts fold to digits (the Unicode path)")
    }

    // MARK: Sharding

    /// Every term's postings are in the shard the client looks it up in, and they are every
    /// note the term occurs in; a prefix's shards hold every term that starts with it.
    @Test func aQuerysShardsHoldEveryPostingOfItsTerms() async throws {
        var generator = SplitMix(seed: 8)
        let vocabulary = (0..<400).map { number in
            String((0..<(3 + number % 9)).map { _ in Character(Unicode.Scalar(UInt8(97 + generator.next() % 26))) })
        } + ["élan", "zürich", "東京"]
        var files = ["skills.yml": "- {id: craft, name: Software craft}\n"]
        for number in 0..<150 {
            let body = (0..<(5 + Int(generator.next() % 60))).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
            let title = body.prefix(2).joined(separator: " ")
            files["books/n\(number).md"] = "---\ntitle: \(title) \(number)\ndate: 2026-01-0\(1 + number % 9)\ntags: [\(number % 3 == 0 ? "craft" : "")]\n---\n\(body.joined(separator: " "))\n\n## \(body.last!) heading\n"
        }
        let site = await site(files)
        let index = await SearchIndex.build(site: site, shardTarget: 300)
        let decoded = try await DecodedIndex(index)
        #expect(decoded.shards.count > 20, "small shards: many of them")

        // What each note holds, from scratch.
        var expected: [String: Set<Int>] = [:]
        for (number, note) in site.notes.enumerated() {
            let text = [note.title, note.summary, note.body.text] + note.body.headings.map(\.text)
                + note.tags.compactMap { site.catalog.skill($0).map { $0.name + " " + $0.id } }
            for term in text.flatMap(SearchWords.terms(of:)) { expected[term, default: []].insert(number) }
        }
        var seen = Set<String>()
        var postingCount = 0
        for (number, shard) in decoded.shards.enumerated() {
            for (term, postings) in shard {
                #expect(seen.insert(term).inserted, "\(term) is in one shard only")
                #expect(decoded.shard(of: term) == number, "\(term) is in the shard its lookup leads to")
                #expect(Set(postings.map(\.note)) == expected[term], "\(term): every note it occurs in")
                // One posting per note: strictly ascending.
                #expect(zip(postings, postings.dropFirst()).allSatisfy { $0.note < $1.note } && postings.allSatisfy { $0.score > 0 })
                postingCount += postings.count
            }
        }
        #expect(seen == Set(expected.keys), "every term is indexed")
        #expect(postingCount == index.postingCount)

        for prefix in ["a", "ab", "e", "zü", "東"] {
            guard let start = decoded.shard(of: prefix) ?? (decoded.firstTerms.isEmpty ? nil : 0) else { continue }
            var shards = [start]
            while let last = shards.last, last + 1 < decoded.firstTerms.count, decoded.firstTerms[last + 1].hasPrefix(prefix) { shards.append(last + 1) }
            let found = Set(shards.flatMap { decoded.shards[$0].map(\.term) }.filter { $0.hasPrefix(prefix) })
            #expect(found == Set(expected.keys.filter { $0.hasPrefix(prefix) }), "every term starting with \(prefix)")
        }
    }

    // MARK: Ranking

    @Test func scoresFollowBM25WithFieldBoosts() async throws {
        let filler = Array(repeating: "plain words about other things", count: 30).joined(separator: " ")
        let site = await site([
            "skills.yml": "- {id: feedback, name: Giving feedback}\n- {id: other, name: Other}\n",
            "books/title.md": "---\ntitle: Feedback\ndate: 2026-01-01\n---\nSomething else entirely, said once.\n",
            "books/often.md": "---\ntitle: Often\ndate: 2026-01-02\n---\nFeedback, feedback and feedback again.\n",
            "books/short.md": "---\ntitle: Short\ndate: 2026-01-03\n---\nFeedback given.\n",
            "books/long.md": "---\ntitle: Long\ndate: 2026-01-04\n---\nFeedback given. \(filler)\n",
            "books/tagged.md": "---\ntitle: Tagged\ndate: 2026-01-05\ntags: [feedback]\n---\nFeedback given.\n",
            "books/heading.md": "---\ntitle: Heading\ndate: 2026-01-06\n---\nFeedback given.\n\n## Feedback\n\nMore.\n",
            "books/rare.md": "---\ntitle: Rare\ndate: 2026-01-07\n---\nZeppelin given.\n",
        ])
        let decoded = try await DecodedIndex(await SearchIndex.build(site: site))
        func score(_ term: String, _ title: String) throws -> Int { try #require(decoded.score(term, note: note(site, titled: title))) }
        #expect(try score("feedback", "Feedback") > score("feedback", "Often"), "a title match beats the body saying it thrice")
        #expect(try score("feedback", "Often") > score("feedback", "Short"), "more often, more score")
        #expect(try score("feedback", "Short") > score("feedback", "Long"), "the same count in a longer body scores less")
        #expect(try score("feedback", "Tagged") > score("feedback", "Short"), "the note's skill matches")
        #expect(try score("feedback", "Heading") > score("feedback", "Short"), "a heading matches")
        #expect(try score("zeppelin", "Rare") > score("feedback", "Short"), "a rarer term weighs more")
        #expect(decoded.score("feedback", note: note(site, titled: "Rare")) == nil)
    }

    @Test func formsOfOneWordAreOneTermCountedTogether() async throws {
        let site = await site([
            "books/forms.md": "---\ntitle: Meetings\ndate: 2026-01-01\n---\nA meeting about meetings, then more meetings.\n",
            "books/same.md": "---\ntitle: Meetings\ndate: 2026-01-02\n---\nA meeting about meeting, then more meeting.\n",
            "books/other.md": "---\ntitle: Other\ndate: 2026-01-03\n---\nA meeting.\n",
        ])
        let decoded = try await DecodedIndex(await SearchIndex.build(site: site))
        let postings = decoded.postings("meet")
        #expect(postings.map(\.note).sorted() == [0, 1, 2], "one posting per note: \(postings)")
        // Three forms of a word count as three of one term, exactly as three of one form do.
        #expect(decoded.score("meet", note: note(site, titled: "Other")) != nil)
        let forms = site.notes.firstIndex { $0.sourcePath == "books/forms.md" }!, same = site.notes.firstIndex { $0.sourcePath == "books/same.md" }!
        #expect(decoded.score("meet", note: forms) == decoded.score("meet", note: same))
    }

    @Test func notesAreNumberedInTheSitesOrderAndRecordsSayWhatAResultShows() async throws {
        let site = await site([
            "skills.yml": "- {id: craft, name: Software craft}\n",
            "books/old.md": "---\ntitle: \"Old \\\"quoted\\\" note\"\ndate: 2025-01-01\ntags: [craft]\nsummary: \"Line\\nbreak and a tab\\t.\"\n---\nSame text.\n",
            "books/new.md": "---\ntitle: New note\ndate: 2026-01-01\nsummary: Other words.\n---\nSame text.\n",
        ])
        let index = await SearchIndex.build(site: site)
        let decoded = try await DecodedIndex(index)
        #expect(decoded.records.map { $0["title"] as? String } == ["New note", "Old \"quoted\" note"], "newest first, as the site lists them")
        #expect(decoded.postings("same").map(\.note) == [0, 1] && Set(decoded.postings("same").map(\.score)).count == 1,
                "equal scores: the client breaks the tie by note number, newest first")
        let old = decoded.records[1]
        #expect(old["url"] as? String == "books/old/")
        #expect(old["kind"] as? Int == Kind.allCases.firstIndex(of: .book))
        #expect(old["skills"] as? [Int] == [0])
        #expect(old["date"] as? String == "2025-01-01")
        #expect(old["summary"] as? String == "Line\nbreak and a tab\t.")
        #expect(old["text"] as? String == "Same text.")
        let again = await SearchIndex.build(site: site).allFiles(), first = await index.allFiles()
        #expect(again.map(\.path) == first.map(\.path) && again.map(\.bytes) == first.map(\.bytes), "same input, same bytes")
        #expect(Set(first.map(\.path)) == Set(index.paths), "paths name every file written")
        let manifest = decoded.manifest
        #expect(manifest["stopWords"] as? [String] == SearchWords.stopWords)
        #expect((manifest["skills"] as? [[String]])?.first == ["craft", "Software craft"])
    }

    @Test func withoutSearchTheBodiesTextIsNotKept() async {
        let folder = TemporaryFolder()
        folder.write("content/books/a.md", "---\ntitle: A\n---\nSome words here.\n\n```\ncode too\n```\n")
        for search in [nil, false] as [Bool?] {
            var loader = ContentLoader(contentPath: folder.path + "/content")
            loader.useGit = false
            loader.search = search
            let note = await loader.load().notes[0]
            #expect(note.body.text == (search == false ? "" : "Some words here.\ncode too"))
            #expect(note.body.wordCount == 5, "words are counted either way")
        }
    }

    // MARK: The built site

    @Test func theSiteLinksItsSearchAndNoSearchLeavesItOut() async throws {
        let build = await FixtureBuild("valid")
        let home = try #require(build.page("index.html"))
        #expect(home.contains(#"<form class="site-search" role="search" action="search/" method="get" data-search="header">"#))
        #expect(home.contains(#"<script src="theme/search.js" defer></script>"#))
        let note = try #require(build.page("books/drive/index.html"))
        #expect(note.contains(#"<script src="../../theme/search.js" defer></script>"#), "the script's own URL leads the client to the site's root")
        let page = try #require(build.page("search/index.html"))
        #expect(page.contains("<noscript>") && page.contains(#"<a href="../skills/">skill</a>"#))
        #expect(build.folder.exists("output/search/index.json"))

        let without = await FixtureBuild("valid") { $0.search = false }
        #expect(without.report.succeeded)
        #expect(!without.folder.exists("output/search"))
        let plain = try #require(without.page("index.html"))
        #expect(!plain.contains("site-search") && !plain.contains("<script"))
    }
}

@Suite struct WordTableTests {
    /// Thousands of words through a table that grows many times: each found again with its
    /// own number, none found before it is inserted.
    @Test func everyWordKeepsItsNumberAsTheTableGrows() {
        var table = WordTable()
        var generator = SplitMix(seed: 3)
        let words = Array(Set((0..<5000).map { _ in
            String((0..<(1 + Int(generator.next() % 12))).map { _ in Character(Unicode.Scalar(UInt8(97 + generator.next() % 6))) })
        })).sorted()
        for (number, word) in words.enumerated() {
            var word = word
            word.withUTF8 { bytes in
                let hash = WordTable.hash(bytes)
                #expect(table.value(of: bytes, hash: hash) == nil)
                table.insert(bytes, hash: hash, value: Int32(number))
            }
        }
        #expect(table.count == words.count)
        for (number, word) in words.enumerated() {
            var word = word
            #expect(word.withUTF8 { table.value(of: $0, hash: WordTable.hash($0)) } == Int32(number), "\(word)")
        }
    }
}
