import TriangulateText
import Foundation
import Synchronization

/// Work spread over the cores, results in input order: Extract runs per file, Cluster's feature extraction per
/// article.
enum Parallel {
    /// `transform(worker, index)` for every index of `0..<count` on up to `workers` threads, in index order. Each
    /// thread takes the next index not yet taken (pages differ a lot in size, so a fixed share per thread would leave
    /// one idle); `worker` numbers the thread, so per-thread state (a stemmer) can be indexed by it. The results do
    /// not depend on which thread computed them.
    static func map<T>(count: Int, workers: Int, _ transform: @Sendable (_ worker: Int, _ index: Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workerCount = max(1, min(workers, count))
        var results = [T?](repeating: nil, count: count)
        let next = Atomic<Int>(0)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer  // each index is written by exactly one worker
            DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < count else { break }
                    slots[index] = transform(worker, index)
                }
            }
        }
        return results.map { $0! }
    }
}
