import Benchmark
import Foundation
import Triangulate

/// ordo-one/benchmark suite: wall time and allocations of annotating the bundled Examples corpus.
let benchmarks: @Sendable () -> Void = {
    let corpus: [Article] = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let examples = url.appendingPathComponent("Examples").path
        return Ingest().documents(from: [examples]).compactMap { result in
            guard case .success(let document) = result else { return nil }
            return try? Extract().article(from: document)
        }
    }()
    let bytes = corpus.reduce(0) { $0 + $1.text.utf8.count }

    Benchmark(
        "Annotate Examples corpus (\(bytes) bytes)",
        configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(5))
    ) { benchmark in
        let annotate = Annotate()
        for _ in benchmark.scaledIterations {
            for article in corpus { blackHole(annotate.annotate(article)) }
        }
    }

    Benchmark(
        "Extract Examples corpus",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(3))
    ) {
        benchmark in
        let documents = Ingest().documents(from: [
            URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Examples").path
        ]).compactMap { try? $0.get() }
        let extract = Extract()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for document in documents { blackHole(try? extract.article(from: document)) }
        }
    }
}
