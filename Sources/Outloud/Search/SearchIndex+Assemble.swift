import Foundation

extension SearchIndex {
    /// Terms numbered for the whole site, postings scored, shards cut, the facets made.
    static func assemble(_ batches: [Batch], site: Site, skills: [[Int]], shardTarget: Int) -> SearchIndex {
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
        index.skills = skills
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
        for (note, own) in zip(site.notes, skills) {
            facets.append(UInt8(note.kind.position))
            Varint.append(own.count, to: &facets)
            for skill in own { Varint.append(skill, to: &facets) }
        }
        index.hash.add(facets)
        index.files.append((facetsPath, facets))
        return index
    }
}
