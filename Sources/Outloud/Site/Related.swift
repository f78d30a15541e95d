import Foundation

/// Related notes: those sharing the most skills, a rare skill counting more than a common
/// one (inverse document frequency), then shared authors, then recency, then path.
enum Related {
    static let limit = 5

    /// Up to `limit` related notes per note, computed in parallel over the notes.
    static func compute(notes: [Note], bySkill: [String: [Int]], byPerson: [String: [Int]]) async -> [[Int]] {
        let weights = bySkill.mapValues { log(1 + Double(notes.count) / Double(max($0.count, 1))) }
        let chunkSize = max(256, notes.count / 16)
        var results = [[Int]](repeating: [], count: notes.count)
        await withTaskGroup(of: (Int, [[Int]]).self) { group in
            for start in stride(from: 0, to: notes.count, by: chunkSize) {
                let end = min(start + chunkSize, notes.count)
                group.addTask {
                    var scorer = Scorer(count: notes.count)
                    return (start, (start..<end).map { scorer.related(to: $0, notes: notes, bySkill: bySkill, byPerson: byPerson, weights: weights) })
                }
            }
            for await (start, chunk) in group {
                results.replaceSubrange(start..<start + chunk.count, with: chunk)
            }
        }
        return results
    }

    /// Dense score arrays reused from note to note, so each note costs only its candidates.
    struct Scorer {
        var skillScore: [Double]
        var authorScore: [Int]
        var touched: [Int] = []

        init(count: Int) {
            skillScore = [Double](repeating: 0, count: count)
            authorScore = [Int](repeating: 0, count: count)
        }

        mutating func related(to index: Int, notes: [Note], bySkill: [String: [Int]],
                              byPerson: [String: [Int]], weights: [String: Double]) -> [Int] {
            let note = notes[index]
            guard note.kind != .page else { return [] }
            for tag in Set(note.tags) {
                guard let weight = weights[tag], let others = bySkill[tag] else { continue }
                for other in others where other != index {
                    if skillScore[other] == 0 && authorScore[other] == 0 { touched.append(other) }
                    skillScore[other] += weight
                }
            }
            for author in Set(note.authors) {
                for other in byPerson[author] ?? [] where other != index {
                    if skillScore[other] == 0 && authorScore[other] == 0 { touched.append(other) }
                    authorScore[other] += 1
                }
            }
            var best: [Int] = []
            for candidate in touched where notes[candidate].kind != .page {
                insert(candidate, into: &best, notes: notes)
            }
            for candidate in touched {
                skillScore[candidate] = 0
                authorScore[candidate] = 0
            }
            touched.removeAll(keepingCapacity: true)
            return best
        }

        /// Keeps the best `limit` in order; a sorted insert is cheaper than sorting every candidate.
        private func insert(_ candidate: Int, into best: inout [Int], notes: [Note]) {
            if best.count == Related.limit, let last = best.last, !ranks(candidate, before: last, notes: notes) { return }
            let position = best.firstIndex { ranks(candidate, before: $0, notes: notes) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > Related.limit { best.removeLast() }
        }

        private func ranks(_ a: Int, before b: Int, notes: [Note]) -> Bool {
            if skillScore[a] != skillScore[b] { return skillScore[a] > skillScore[b] }
            if authorScore[a] != authorScore[b] { return authorScore[a] > authorScore[b] }
            let dateA = notes[a].date ?? Day(ordinal: 0), dateB = notes[b].date ?? Day(ordinal: 0)
            if dateA != dateB { return dateA > dateB }
            return notes[a].sourcePath < notes[b].sourcePath
        }
    }
}
