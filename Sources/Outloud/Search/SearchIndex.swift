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
/// The records are made while the index is written (`write(_:)`), a worker's buffer at a time,
/// never all held at once: they are most of the index's bytes.
///
/// Scores are BM25 (k1 = 1.2, b = 0.75 over the body) plus fixed boosts for a term in the
/// title, the note's skills, its headings, its authors and its summary, each weighted by the
/// term's idf; they are computed here and stored rounded to `1/scale`, so the client only adds.
/// Notes are numbered in the site's order (newest first), which breaks ties.
struct SearchIndex: Sendable {
    static let manifestPath = "search/index.json"
    static let facetsPath = "search/facets.bin"
    static let shardTarget = 8 * 1024
    static let scale = 8.0
    static let format = 1

    /// The shards and the facets, by output path.
    var files: [(path: String, bytes: [UInt8])] = []
    var postingCount = 0
    /// The notes the records are made from, in the site's order, and the manifest's lists.
    var site: Site?
    /// Per note, its skills by number in the catalog, each once, in the note's order.
    var skills: [[Int]] = []
    var firstTerms: [String] = []
    /// The hash of the shards and the facets; the records' is added as they are made.
    var hash = ContentHash()

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
    struct Batch: Sendable {
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
        /// Term → its number: words with one stem (`meeting`, `meetings`) share it.
        var numberOfTerm: [String: Int32] = [:]
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
                if let known = numberOfTerm[term] {
                    number = known
                } else {
                    number = Int32(terms.count)
                    numberOfTerm[term] = number
                    terms.append(term)
                    counts.append(Occurrence(term: 0))
                    lastNote.append(-1)
                    lastBatch.append(-1)
                    batchNumber.append(0)
                }
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
        let skills = notes.map { note in
            var seen = Set<Int>()
            return note.tags.compactMap { skillNumbers[$0] }.filter { seen.insert($0).inserted }
        }
        let batches = await Parallel.batches(count: notes.count, batchSize: 64, state: { Reader() }) { reader, range in
            var batch = Batch()
            for index in range {
                let note = notes[index]
                reader.read(note.title, at: .field(.title), note: index)
                for skill in skills[index] {
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
        return assemble(batches, site: site, skills: skills, shardTarget: shardTarget)
    }
}
