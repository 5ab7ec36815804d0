import Foundation

/// Work spread over the cores, results in input order: Extract runs per file, Cluster's feature extraction per
/// article.
enum Parallel {
    /// `transform(worker, index)` for every index of `0..<count` on up to `workers` threads — worker `w` takes
    /// indices `w, w + workers, …`, so per-worker state (a stemmer) can be indexed by `worker` — in index order.
    static func map<T>(count: Int, workers: Int, _ transform: @Sendable (_ worker: Int, _ index: Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workerCount = max(1, min(workers, count))
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer  // each index is written by exactly one worker
            DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                for index in stride(from: worker, to: count, by: workerCount) {
                    slots[index] = transform(worker, index)
                }
            }
        }
        return results.map { $0! }
    }
}
