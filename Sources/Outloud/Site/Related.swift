import Foundation

/// Related notes: those sharing the most skills, a rare skill counting more than a common
/// one (inverse document frequency), then shared authors, then the newest (the site's order).
///
/// Scoring every note that shares a skill costs, per note, the length of its skills' lists:
/// on 10,000 notes a common skill is on half of them. Instead the lists are walked together in
/// the site's order, the way search engines find their top results ("MaxScore"): once the
/// fifth best score so far is higher than the weights of the commonest skills added up, a
/// note found only in those lists cannot reach the top five, so they are no longer walked
/// (notes found in the others still count them). Notes sharing only authors count only when
/// fewer than five notes share a skill. The result is the same as scoring every candidate.
enum Related {
    static let limit = 5

    /// All that `compute` reads: a rebuild whose inputs are equal reuses its result.
    struct Inputs: Equatable, Sendable {
        var skills: [[String]], authors: [[String]], pages: [Bool]
        var bySkill: [String: [Int]], byPerson: [String: [Int]]

        init(notes: [Note], bySkill: [String: [Int]], byPerson: [String: [Int]]) {
            skills = notes.map(\.tags)
            authors = notes.map(\.authors)
            pages = notes.map { $0.kind == .page }
            self.bySkill = bySkill
            self.byPerson = byPerson
        }
    }

    /// Up to `limit` related notes per note, computed in parallel over the notes.
    static func compute(notes: [Note], bySkill: [String: [Int]], byPerson: [String: [Int]]) async -> [[Int]] {
        let index = Index(notes: notes, bySkill: bySkill, byPerson: byPerson)
        let batches = await Parallel.batches(count: notes.count, batchSize: 256, state: { Scorer(count: notes.count) }) { scorer, batch in
            batch.map { scorer.related(to: $0, index: index) }
        }
        return Array(batches.joined())
    }

    /// A skill's weight, `log(1 + notes / tagged)` in millionths. Whole numbers add up to the
    /// same score in any order; floating-point sums did not, so two notes tied in one build and
    /// not in the next, and the related notes changed with the order skills were added in.
    static func weight(notes: Int, tagged: Int) -> Int {
        Int((log(1 + Double(notes) / Double(max(tagged, 1))) * 1_000_000).rounded())
    }

    /// What scoring reads: each note's skills and authors once, as small integers.
    struct Index: Sendable {
        /// Per note: its distinct known skills (numbers, ascending) and distinct known authors.
        var skills: [[Int]]
        var authors: [[Int]]
        var weights: [Int]
        /// Per skill number and per author number: notes in site order.
        var bySkill: [[Int]]
        var byAuthor: [[Int]]
        var isPage: [Bool]

        init(notes: [Note], bySkill skillLists: [String: [Int]], byPerson personLists: [String: [Int]]) {
            let skillIDs = skillLists.keys.sorted(), personIDs = personLists.keys.sorted()
            let skillNumber = Dictionary(uniqueKeysWithValues: skillIDs.enumerated().map { ($1, $0) })
            let personNumber = Dictionary(uniqueKeysWithValues: personIDs.enumerated().map { ($1, $0) })
            weights = skillIDs.map { Related.weight(notes: notes.count, tagged: skillLists[$0]?.count ?? 0) }
            bySkill = skillIDs.map { skillLists[$0] ?? [] }
            byAuthor = personIDs.map { personLists[$0] ?? [] }
            skills = notes.map { Array(Set($0.tags.compactMap { skillNumber[$0] })).sorted() }
            authors = notes.map { Array(Set($0.authors.compactMap { personNumber[$0] })).sorted() }
            isPage = notes.map { $0.kind == .page }
        }
    }

    /// Scratch space reused from note to note.
    struct Scorer {
        var seen: [Bool]
        var candidates: [Int] = []
        /// The current note's skill weights by skill number, 0 for skills it lacks.
        var shared: [Int] = []

        init(count: Int) {
            seen = [Bool](repeating: false, count: count)
        }

        typealias Entry = (note: Int, skill: Int, author: Int)

        mutating func related(to note: Int, index: Index) -> [Int] {
            guard !index.isPage[note] else { return [] }
            let skills = index.skills[note], authors = index.authors[note]
            if shared.count != index.weights.count { shared = [Int](repeating: 0, count: index.weights.count) }
            for skill in skills { shared[skill] = index.weights[skill] }
            defer { for skill in skills { shared[skill] = 0 } }
            // The note's skills, commonest (lightest) first, and what the first i weigh together.
            let lists = skills.sorted { index.weights[$0] != index.weights[$1] ? index.weights[$0] < index.weights[$1] : $0 < $1 }
            var lightest = [0]
            for skill in lists { lightest.append(lightest.last! + index.weights[skill]) }
            var cursors = [Int](repeating: 0, count: lists.count)
            var skipped = 0  // lists[..<skipped] are no longer walked
            var best: [Entry] = []

            while true {
                // The next note in the site's order among the lists still walked.
                var next = Int.max
                for list in skipped..<lists.count where cursors[list] < index.bySkill[lists[list]].count {
                    next = min(next, index.bySkill[lists[list]][cursors[list]])
                }
                guard next != Int.max else { break }
                for list in skipped..<lists.count where cursors[list] < index.bySkill[lists[list]].count
                    && index.bySkill[lists[list]][cursors[list]] == next {
                    cursors[list] += 1
                }
                guard next != note, !index.isPage[next] else { continue }
                var weight = 0
                for skill in index.skills[next] { weight += shared[skill] }
                // Below the fifth best, shared authors cannot lift it: they only break ties.
                if best.count == Related.limit, weight < best[Related.limit - 1].skill { continue }
                consider((next, weight, Self.sharedCount(authors, index.authors[next])), in: &best)
                if best.count == Related.limit {
                    while skipped < lists.count, lightest[skipped + 1] < best[Related.limit - 1].skill { skipped += 1 }
                }
            }
            // Notes sharing only authors score no skill: they matter only to fill the list.
            if best.count < Related.limit || best.last?.skill == 0 {
                for author in authors {
                    for other in index.byAuthor[author] where other != note && !index.isPage[other] && !seen[other] {
                        seen[other] = true
                        candidates.append(other)
                        if !index.skills[other].contains(where: { shared[$0] > 0 }) {
                            consider((other, 0, Self.sharedCount(authors, index.authors[other])), in: &best)
                        }
                    }
                }
                for candidate in candidates { seen[candidate] = false }
                candidates.removeAll(keepingCapacity: true)
            }
            return best.map(\.note)
        }

        /// Keeps the best `limit` in order; a sorted insert is cheaper than sorting every candidate.
        private func consider(_ entry: Entry, in best: inout [Entry]) {
            if best.count == Related.limit, let last = best.last, !Self.ranks(entry, before: last) { return }
            let position = best.firstIndex { Self.ranks(entry, before: $0) } ?? best.count
            best.insert(entry, at: position)
            if best.count > Related.limit { best.removeLast() }
        }

        /// Most shared skill weight, then most shared authors, then the site's order (newest first).
        private static func ranks(_ a: Entry, before b: Entry) -> Bool {
            if a.skill != b.skill { return a.skill > b.skill }
            if a.author != b.author { return a.author > b.author }
            return a.note < b.note
        }

        private static func sharedCount(_ a: [Int], _ b: [Int]) -> Int {
            var count = 0, i = 0, j = 0
            while i < a.count && j < b.count {
                if a[i] == b[j] { count += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
            }
            return count
        }
    }
}
