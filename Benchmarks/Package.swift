// swift-tools-version:6.1
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which differs between checkouts.
let core = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

// Benchmarks live in their own package so that `make test` never builds the benchmark harness.
let package = Package(
    name: "TriangulateBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "AnnotateBenchmark",
            dependencies: [
                .product(name: "Triangulate", package: core),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Annotate",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "extraction-eval",
            dependencies: [.product(name: "Triangulate", package: core)],
            path: "Sources/extraction-eval"
        ),
        .executableTarget(
            name: "cluster-eval",
            dependencies: [.product(name: "Triangulate", package: core)],
            path: "Sources/cluster-eval"
        ),
        .target(
            name: "EvalSupport",
            dependencies: [
                .product(name: "Triangulate", package: core), .product(name: "TriangulateMiniLM", package: core),
            ],
            path: "Sources/EvalSupport"
        ),
        .executableTarget(
            name: "alignment-eval",
            dependencies: ["EvalSupport", .product(name: "Triangulate", package: core)],
            path: "Sources/alignment-eval"
        ),
        .executableTarget(
            name: "claims-eval",
            dependencies: ["EvalSupport", .product(name: "Triangulate", package: core)],
            path: "Sources/claims-eval"
        ),
        .executableTarget(
            name: "minilm-check",
            dependencies: [.product(name: "TriangulateMiniLM", package: core)],
            path: "Sources/minilm-check"
        ),
        .executableTarget(
            name: "json-encode",
            dependencies: ["EvalSupport", .product(name: "Triangulate", package: core)],
            path: "Sources/json-encode"
        ),
        .executableTarget(
            name: "analyze-story",
            dependencies: [
                "EvalSupport", .product(name: "Triangulate", package: core), .product(name: "TriangulateMiniLM", package: core),
            ],
            path: "Sources/analyze-story"
        ),
        .executableTarget(
            name: "warc-read",
            dependencies: [.product(name: "Triangulate", package: core)],
            path: "Sources/warc-read"
        ),
        .executableTarget(
            name: "annotate-throughput",
            dependencies: [.product(name: "Triangulate", package: core)],
            path: "Sources/annotate-throughput"
        ),
    ],
    swiftLanguageModes: [.v6]
)
