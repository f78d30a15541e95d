import Foundation

/// Related notes: those sharing the most skills, a rare skill counting more than a common
/// one (inverse document frequency), then shared authors, then recency, then path.
enum Related {
    static let limit = 5

    /// Up to `limit` related notes per note, computed in parallel over the notes.
    static func compute(notes: [Note], bySkill: [String: [Int]], byPerson: [String: [Int]]) async -> [[Int]] {
        let weights = bySkill.mapValues { weight(notes: notes.count, tagged: $0.count) }
        let batches = await Parallel.batches(count: notes.count, batchSize: 256, state: { Scorer(count: notes.count) }) { scorer, batch in
            batch.map { scorer.related(to: $0, notes: notes, bySkill: bySkill, byPerson: byPerson, weights: weights) }
        }
        return Array(batches.joined())
    }

    /// A skill's weight, `log(1 + notes / tagged)` in millionths. Whole numbers add up to the
    /// same score in any order; floating-point sums did not, so two notes tied in one build and
    /// not in the next, and the related notes changed with the order skills were added in.
    static func weight(notes: Int, tagged: Int) -> Int {
        Int((log(1 + Double(notes) / Double(max(tagged, 1))) * 1_000_000).rounded())
    }

    /// Dense score arrays reused from note to note, so each note costs only its candidates.
    struct Scorer {
        var skillScore: [Int]
        var authorScore: [Int]
        var touched: [Int] = []

        init(count: Int) {
            skillScore = [Int](repeating: 0, count: count)
            authorScore = [Int](repeating: 0, count: count)
        }

        mutating func related(to index: Int, notes: [Note], bySkill: [String: [Int]],
                              byPerson: [String: [Int]], weights: [String: Int]) -> [Int] {
            let note = notes[index]
            guard note.kind != .page else { return [] }
            for (position, tag) in note.tags.enumerated() where !note.tags[..<position].contains(tag) {
                guard let weight = weights[tag], let others = bySkill[tag] else { continue }
                for other in others where other != index {
                    if skillScore[other] == 0 && authorScore[other] == 0 { touched.append(other) }
                    skillScore[other] += weight
                }
            }
            for (position, author) in note.authors.enumerated() where !note.authors[..<position].contains(author) {
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
