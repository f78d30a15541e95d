import Synchronization

/// The index's files: written one by one through a closure (the staging folder, or memory).
extension SearchIndex {
    /// Writes the shards, the facets, every note's record and the manifest with `write`, which
    /// any thread may call. The records are made in parallel, each worker reusing one buffer.
    func write(_ write: @escaping @Sendable (String, [UInt8]) throws(OutputFolder.Failure) -> Void) async throws(OutputFolder.Failure) {
        guard let site else { return }
        for (path, bytes) in files { try write(path, bytes) }
        let skills = self.skills
        let batches = await Parallel.batches(count: site.notes.count, batchSize: 128, state: { JSONBytes() }) { json, batch -> Result<ContentHash, OutputFolder.Failure> in
            var hash = ContentHash()
            for number in batch {
                json.bytes.removeAll(keepingCapacity: true)
                Self.record(for: site.notes[number], skills: skills[number], into: &json)
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
        // Collecting into memory cannot fail.
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
        json.raw(",\"kind\":\(note.kind.position),\"skills\":[")
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
