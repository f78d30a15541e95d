import Foundation
import Synchronization

/// Work spread over the cores by a few long-lived workers, one per core, each taking the next
/// batch not yet taken. A worker keeps state of its own across its batches: a scratch buffer,
/// or a private copy of the theme, so that no two cores bump the same reference counts.
enum Parallel {
    static var workerCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body` over `0..<count` cut into batches of `batchSize`, its results in batch order.
    /// `state` makes each worker's own state, once per worker.
    static func batches<State, Output: Sendable>(
        count: Int, batchSize: Int,
        state: @escaping @Sendable () -> State,
        _ body: @escaping @Sendable (inout State, Range<Int>) -> Output
    ) async -> [Output] {
        let ranges = stride(from: 0, to: count, by: max(1, batchSize)).map { $0..<min($0 + batchSize, count) }
        let workers = min(workerCount, ranges.count)
        var results = [Output?](repeating: nil, count: ranges.count)
        let next = Counter()
        await withTaskGroup(of: [(Int, Output)].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var own = state()
                    var done: [(Int, Output)] = []
                    while case let batch = next.take(), batch < ranges.count {
                        done.append((batch, body(&own, ranges[batch])))
                    }
                    return done
                }
            }
            for await done in group {
                for (batch, output) in done { results[batch] = output }
            }
        }
        return results.map { $0! }
    }

    /// `body` over `0..<count` in batches, with no state of its own.
    static func batches<Output: Sendable>(count: Int, batchSize: Int,
                                          _ body: @escaping @Sendable (Range<Int>) -> Output) async -> [Output] {
        await batches(count: count, batchSize: batchSize, state: {}) { _, range in body(range) }
    }
}

/// The next batch number, shared by the workers.
private final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}
