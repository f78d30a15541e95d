import Foundation
import Synchronization

/// The site's full-text search index, built from the parsed notes and written as files that
/// the client (`theme/search.js`) fetches piece by piece, as Pagefind does:
///
/// - `search/index.json`, the manifest: counts, kinds, skills, stop words, and the first term
///   of every shard;
/// - `search/terms/<n>.bin`, the shards: terms in UTF-8 byte order, each with its postings
///   (note and score), cut into files of about `shardTarget` bytes; a query loads only the
///   shards of its terms;
/// - `search/notes/<n>.json`, one per note: what a result shows (title, URL, kind, skills,
///   date, summary) and the text its snippet is cut from; loaded only for results shown;
/// - `search/facets.bin`: each note's kind and skills, for the search page's facet counts.
///
/// The records are made while the index is written (`write(to:)`), a worker's buffer at a time,
/// never all held at once: they are most of the index's bytes.
///
/// Scores are BM25 (k1 = 1.2, b = 0.75 over the body) plus fixed boosts for a term in the
/// title, the note's skills, its headings, its authors and its summary, each weighted by the
/// term's idf; they are computed here and stored rounded to `1/scale`, so the client only adds.
/// Notes are numbered in the site's order (newest first), which breaks ties.
struct SearchIndex: Sendable {
    static let folder = "search"
    static let manifestPath = "search/index.json"
    static let facetsPath = "search/facets.bin"
    static let shardTarget = 8 * 1024
    static let scale = 8.0
    static let format = 1

    /// The shards and the facets, by output path.
    var files: [(path: String, bytes: [UInt8])] = []
    var termCount = 0
    var postingCount = 0
    /// The notes the records are made from, in the site's order, and the manifest's lists.
    private var site: Site?
    private var skillNumbers: [String: Int] = [:]
    private var firstTerms: [String] = []
    /// The hash of the shards and the facets; the records' is added as they are made.
    private var hash = ContentHash()

    /// Every file the index has, the manifest last.
    var paths: [String] {
        guard let site else { return [] }
        return files.map(\.path) + site.notes.indices.map(Self.notePath) + [Self.manifestPath]
    }

    static func shardPath(_ number: Int) -> String { "search/terms/\(number).bin" }
    static func notePath(_ number: Int) -> String { "search/notes/\(number).json" }

    // MARK: Weights

    static let k1 = 1.2, b = 0.75
    /// Added to the body's BM25 part, times idf, when the term is in that field.
    static let titleBoost = 3.0, skillBoost = 2.0, headingBoost = 1.0, authorBoost = 1.0, summaryBoost = 0.5

    /// Where a term occurs in one note.
    struct Occurrence: Sendable {
        var term: UInt32
        var body: UInt16 = 0
        var headings: UInt8 = 0
        var fields: Fields = []
    }

    struct Fields: OptionSet, Sendable {
        let rawValue: UInt8
        static let title = Fields(rawValue: 1), skill = Fields(rawValue: 2), author = Fields(rawValue: 4), summary = Fields(rawValue: 8)
    }

    /// The score of a term in one note, before scaling.
    static func score(_ occurrence: Occurrence, idf: Double, length: Int, averageLength: Double) -> Double {
        let tf = Double(occurrence.body)
        var weight = tf == 0 ? 0 : tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(length) / averageLength))
        if occurrence.fields.contains(.title) { weight += titleBoost }
        if occurrence.fields.contains(.skill) { weight += skillBoost }
        if occurrence.fields.contains(.author) { weight += authorBoost }
        if occurrence.fields.contains(.summary) { weight += summaryBoost }
        weight += headingBoost * Double(min(occurrence.headings, 2)) / 2
        return idf * weight
    }

    static func idf(documents: Int, containing: Int) -> Double {
        log(1 + (Double(documents - containing) + 0.5) / (Double(containing) + 0.5))
    }

    // MARK: Building

    /// One batch of notes, read in parallel: its own term table, every note's occurrences
    /// (by the batch's term numbers) and body length, and the notes' result records.
    private struct Batch: Sendable {
        var terms: [String] = []
        var occurrences: [Occurrence] = []
        /// Where each note's occurrences end in `occurrences`.
        var ends: [Int] = []
        var lengths: [Int] = []
    }

    /// Where in a note a word was read.
    private enum Place {
        case body, heading, field(Fields)
    }

    /// A worker's memory across batches: each word's term, and counts per term for the note
    /// being read.
    private struct Reader {
        /// Word → number in `terms`, or -1 for a word that is not indexed.
        var termOfWord = WordTable()
        var terms: [String] = []
        var counts: [Occurrence] = []
        /// The terms of the note being read, in the order first met.
        var touched: [Int32] = []
        /// Per term, the last note it was met in, and its number in the last batch it was in.
        var lastNote: [Int] = []
        var lastBatch: [Int] = []
        var batchNumber: [UInt32] = []

        mutating func termNumber(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
            if let known = termOfWord.value(of: word, hash: hash) { return known }
            var number: Int32 = -1
            if let term = SearchWords.term(String(decoding: word, as: UTF8.self)) {
                number = Int32(terms.count)
                terms.append(term)
                counts.append(Occurrence(term: 0))
                lastNote.append(-1)
                lastBatch.append(-1)
                batchNumber.append(0)
            }
            termOfWord.insert(word, hash: hash, value: number)
            return number
        }

        /// Counts the terms of `text`, a part of note `note`; returns how many there were.
        @discardableResult
        mutating func read(_ text: String, at place: Place, note: Int) -> Int {
            var total = 0
            SearchWords.forEachWord(in: text) { word, hash in
                let number = termNumber(word, hash: hash)
                guard number >= 0 else { return }
                total += 1
                let term = Int(number)
                if lastNote[term] != note {
                    lastNote[term] = note
                    touched.append(number)
                }
                switch place {
                case .body: if counts[term].body < .max { counts[term].body += 1 }
                case .heading: if counts[term].headings < .max { counts[term].headings += 1 }
                case .field(let field): counts[term].fields.formUnion(field)
                }
            }
            return total
        }
    }

    /// The index of `site`'s notes; shards close once they reach `shardTarget` bytes.
    static func build(site: Site, shardTarget: Int = shardTarget) async -> SearchIndex {
        let notes = site.notes
        let catalog = site.catalog
        let skillNumbers = Dictionary(uniqueKeysWithValues: catalog.skills.enumerated().map { ($1.id, $0) })
        let batches = await Parallel.batches(count: notes.count, batchSize: 64, state: { Reader() }) { reader, range in
            var batch = Batch()
            for index in range {
                let note = notes[index]
                let skills = uniqueSkills(note, numbers: skillNumbers)
                reader.read(note.title, at: .field(.title), note: index)
                for skill in skills {
                    reader.read(catalog.skills[skill].name + " " + catalog.skills[skill].id, at: .field(.skill), note: index)
                }
                for author in note.authors { reader.read(catalog.person(author)?.name ?? author, at: .field(.author), note: index) }
                reader.read(note.summary, at: .field(.summary), note: index)
                for heading in note.body.headings { reader.read(heading.text, at: .heading, note: index) }
                let length = reader.read(note.body.text, at: .body, note: index)
                for number in reader.touched {
                    let term = Int(number)
                    if reader.lastBatch[term] != range.lowerBound {
                        reader.lastBatch[term] = range.lowerBound
                        reader.batchNumber[term] = UInt32(batch.terms.count)
                        batch.terms.append(reader.terms[term])
                    }
                    var occurrence = reader.counts[term]
                    occurrence.term = reader.batchNumber[term]
                    batch.occurrences.append(occurrence)
                    reader.counts[term] = Occurrence(term: 0)
                }
                reader.touched.removeAll(keepingCapacity: true)
                batch.ends.append(batch.occurrences.count)
                batch.lengths.append(length)
            }
            return batch
        }
        return assemble(batches, site: site, skillNumbers: skillNumbers, shardTarget: shardTarget)
    }

    /// The note's catalog skills, each once, in the note's order.
    private static func uniqueSkills(_ note: Note, numbers: [String: Int]) -> [Int] {
        var seen = Set<Int>()
        return note.tags.compactMap { numbers[$0] }.filter { seen.insert($0).inserted }
    }

    /// Terms numbered for the whole site, postings scored, shards cut, the manifest written.
    private static func assemble(_ batches: [Batch], site: Site, skillNumbers: [String: Int], shardTarget: Int) -> SearchIndex {
        var globalNumber: [String: Int] = [:]
        var terms: [String] = []
        var maps: [[Int]] = []
        var containing: [Int] = []
        var totalLength = 0
        for batch in batches {
            var map: [Int] = []
            map.reserveCapacity(batch.terms.count)
            for term in batch.terms {
                if let known = globalNumber[term] {
                    map.append(known)
                } else {
                    globalNumber[term] = terms.count
                    map.append(terms.count)
                    terms.append(term)
                    containing.append(0)
                }
            }
            for occurrence in batch.occurrences { containing[map[Int(occurrence.term)]] += 1 }
            totalLength += batch.lengths.reduce(0, +)
            maps.append(map)
        }
        let documents = site.notes.count
        let averageLength = max(1, Double(totalLength) / Double(max(documents, 1)))
        let idfs = containing.map { idf(documents: documents, containing: $0) }

        // Postings, in note order within each term, encoded as they are scored: each term's
        // (note gap, score) pairs as varints, about two bytes a posting.
        var postings = [[UInt8]](repeating: [], count: terms.count)
        for term in terms.indices { postings[term].reserveCapacity(containing[term] * 2) }
        var lastNote = [Int](repeating: 0, count: terms.count)
        var note = 0
        for (batch, map) in zip(batches, maps) {
            var start = 0
            for (end, length) in zip(batch.ends, batch.lengths) {
                for occurrence in batch.occurrences[start..<end] {
                    let term = map[Int(occurrence.term)]
                    let value = score(occurrence, idf: idfs[term], length: length, averageLength: averageLength)
                    Varint.append(note - lastNote[term], to: &postings[term])
                    Varint.append(max(1, Int((value * scale).rounded())), to: &postings[term])
                    lastNote[term] = note
                }
                start = end
                note += 1
            }
        }

        var index = SearchIndex()
        index.site = site
        index.skillNumbers = skillNumbers
        index.termCount = terms.count
        index.postingCount = containing.reduce(0, +)

        // Shards: terms in byte order, a shard closed once it reaches the target size.
        let order = terms.indices.sorted { terms[$0].utf8.lexicographicallyPrecedes(terms[$1].utf8) }
        var shard: [UInt8] = []
        var previous: [UInt8] = []
        func closeShard() {
            guard !shard.isEmpty else { return }
            index.hash.add(shard)
            index.files.append((shardPath(index.firstTerms.count - 1), shard))
            shard = []
        }
        for term in order {
            if shard.isEmpty {
                index.firstTerms.append(terms[term])
                previous = []
            }
            let bytes = Array(terms[term].utf8)
            let shared = zip(bytes, previous).prefix { $0 == $1 }.count
            Varint.append(shared, to: &shard)
            Varint.append(bytes.count - shared, to: &shard)
            shard += bytes[shared...]
            Varint.append(containing[term], to: &shard)
            shard += postings[term]
            postings[term] = []
            previous = bytes
            if shard.count >= shardTarget { closeShard() }
        }
        closeShard()

        // Facets: per note, its kind and its skills.
        var facets: [UInt8] = []
        for note in site.notes {
            facets.append(UInt8(Kind.allCases.firstIndex(of: note.kind)!))
            let skills = uniqueSkills(note, numbers: skillNumbers)
            Varint.append(skills.count, to: &facets)
            for skill in skills { Varint.append(skill, to: &facets) }
        }
        index.hash.add(facets)
        index.files.append((facetsPath, facets))
        return index
    }

    // MARK: Writing

    /// Writes the shards, the facets, every note's record and the manifest with `write`, which
    /// any thread may call. The records are made in parallel, each worker reusing one buffer.
    func write(_ write: @escaping @Sendable (String, [UInt8]) throws(OutputFolder.Failure) -> Void) async throws(OutputFolder.Failure) {
        guard let site else { return }
        for (path, bytes) in files { try write(path, bytes) }
        let skillNumbers = self.skillNumbers
        let batches = await Parallel.batches(count: site.notes.count, batchSize: 128, state: { JSONBytes() }) { json, batch -> Result<ContentHash, OutputFolder.Failure> in
            var hash = ContentHash()
            for number in batch {
                json.bytes.removeAll(keepingCapacity: true)
                Self.record(for: site.notes[number], skills: Self.uniqueSkills(site.notes[number], numbers: skillNumbers), into: &json)
                hash.add(json.bytes)
                do throws(OutputFolder.Failure) { try write(Self.notePath(number), json.bytes) } catch { return .failure(error) }
            }
            return .success(hash)
        }
        var version = hash
        for batch in batches { version.add(try batch.get().value) }
        try write(Self.manifestPath, Self.manifest(site: site, firstTerms: firstTerms, hash: version.value))
    }

    /// Every file with its bytes, in memory.
    func allFiles() async -> [(path: String, bytes: [UInt8])] {
        let collected = Mutex<[(path: String, bytes: [UInt8])]>([])
        try? await write { path, bytes in collected.withLock { $0.append((path, bytes)) } }
        return collected.withLock { $0 }.sorted { $0.path < $1.path }
    }

    /// What a result shows, as JSON: `{"url":…,"title":…,"kind":0,"skills":[2,5],"date":…,
    /// "dateText":…,"summary":…,"text":…}`; kind and skills by number in the manifest's lists.
    private static func record(for note: Note, skills: [Int], into json: inout JSONBytes) {
        json.raw("{\"url\":")
        json.string(note.urlPath.isEmpty ? "" : note.urlPath + "/")
        json.raw(",\"title\":")
        json.string(note.title)
        json.raw(",\"kind\":\(Kind.allCases.firstIndex(of: note.kind)!),\"skills\":[")
        json.raw(skills.map(String.init).joined(separator: ","))
        json.raw("]")
        if let date = note.date {
            json.raw(",\"date\":")
            json.string(date.description)
            json.raw(",\"dateText\":")
            json.string(date.longText)
        }
        json.raw(",\"summary\":")
        json.string(note.summary)
        json.raw(",\"text\":")
        json.string(note.body.text)
        json.raw("}")
    }

    private static func manifest(site: Site, firstTerms: [String], hash: UInt64) -> [UInt8] {
        var json = JSONBytes()
        json.raw("{\"format\":\(format),\"version\":")
        json.string(String(hash, radix: 16))
        json.raw(",\"notes\":\(site.notes.count),\"scale\":\(Int(scale)),\"maxLength\":\(SearchWords.maxLength),\"stopWords\":")
        json.strings(SearchWords.stopWords)
        json.raw(",\"kinds\":[")
        for (number, kind) in Kind.allCases.enumerated() {
            if number > 0 { json.raw(",") }
            json.strings([kind.rawValue, kind.label, kind.pluralLabel])
        }
        json.raw("],\"skills\":[")
        for (number, skill) in site.catalog.skills.enumerated() {
            if number > 0 { json.raw(",") }
            json.strings([skill.id, skill.name])
        }
        json.raw("],\"shards\":")
        json.strings(firstTerms)
        json.raw("}\n")
        return json.bytes
    }
}

/// Unsigned LEB128: seven bits a byte, low bits first, the high bit set on all but the last.
enum Varint {
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        var value = UInt(value)
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The value at `offset`, and the offset after it; nil past the end.
    static func read(_ bytes: [UInt8], at offset: Int) -> (value: Int, next: Int)? {
        var value = 0, shift = 0, offset = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            value |= Int(byte & 0x7F) << shift
            offset += 1
            if byte < 0x80 { return (value, offset) }
            shift += 7
        }
        return nil
    }
}

/// The index's version, which changes whenever any of its files does: FNV-1a's step taken a
/// word (eight bytes) at a time, quick enough for the 60 MB of records of a 10,000-note site.
struct ContentHash: Sendable {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    mutating func add(_ word: UInt64) {
        value = (value ^ word) &* 0x100000001b3
        value ^= value >> 29
    }

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                add(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            var tail: UInt64 = UInt64(raw.count) << 56
            for (shift, byte) in raw[offset...].enumerated() { tail |= UInt64(byte) << (8 * shift) }
            add(tail)
        }
    }
}

/// JSON text appended as UTF-8 bytes: the search files are written for every note, and
/// escaping a note's text byte by byte is several times quicker than `JSONEncoder`.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes += text.utf8 }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs that need no escape are copied whole.
            var run = 0
            for (offset, byte) in utf8.enumerated() where byte < 32 || byte == UInt8(ascii: "\"") || byte == 92 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<offset]))
                escape(byte)
                run = offset + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 10: bytes += [92, UInt8(ascii: "n")]
        case 9: bytes += [92, UInt8(ascii: "t")]
        case 13: bytes += [92, UInt8(ascii: "r")]
        case 0..<32: bytes += [92, UInt8(ascii: "u"), 48, 48, hexDigit(byte >> 4), hexDigit(byte & 15)]
        default: bytes += [92, byte]
        }
    }

    mutating func strings(_ texts: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (number, text) in texts.enumerated() {
            if number > 0 { bytes.append(UInt8(ascii: ",")) }
            string(text)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 87 + value }
}
