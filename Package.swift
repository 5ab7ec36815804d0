// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Triangulate",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Triangulate", targets: ["Triangulate"]),
        .library(name: "TriangulateModel", targets: ["TriangulateModel"]),
        .library(name: "TriangulateMiniLM", targets: ["TriangulateMiniLM"]),
        .executable(name: "triangulate", targets: ["TriangulateCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        // Tests only: reads openapi.yaml to check live responses against it.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CDeflate", path: "Sources/CDeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", providers: [.apt(["libopenblas-dev"])]),
        .target(name: "CHTML", dependencies: ["CLibXML2"], path: "Sources/CHTML"),
        // The contract's value types and errors: plain Sendable structs, no C, no stage code.
        .target(name: "TriangulateModel", path: "Sources/TriangulateModel"),
        // Text machinery every stage shares: tokenizer, stemmer, date grammar, term lists, gazetteers.
        .target(
            name: "TriangulateText",
            dependencies: ["TriangulateModel", "CStemmer"],
            path: "Sources/TriangulateText",
            resources: [
                .embedInCode("Gazetteers/countries.txt"),
                .embedInCode("Gazetteers/us-states.txt"),
                .embedInCode("Gazetteers/cities.txt"),
                .embedInCode("Gazetteers/regions.txt"),
                .embedInCode("Gazetteers/place-abbreviations.txt"),
                .embedInCode("Gazetteers/outlets.txt"),
                .embedInCode("Gazetteers/first-names.txt"),
                .embedInCode("Gazetteers/surname-first.txt"),
                .embedInCode("Gazetteers/common-words.txt"),
                .embedInCode("Gazetteers/titles.txt"),
                .embedInCode("Gazetteers/role-nouns.txt"),
                .embedInCode("Gazetteers/org-suffixes.txt"),
                .embedInCode("Gazetteers/org-cues.txt"),
                .embedInCode("Gazetteers/speech-verbs.txt"),
                .embedInCode("Gazetteers/product-nouns.txt"),
                .embedInCode("Gazetteers/common-acronyms.txt"),
                .embedInCode("Gazetteers/demonyms.txt"),
                .embedInCode("Gazetteers/non-speakers.txt"),
                .embedInCode("Gazetteers/annotate-words.txt"),
                .embedInCode("Gazetteers/extract-words.txt"),
                .embedInCode("Gazetteers/corroborate-words.txt"),
                .embedInCode("Gazetteers/stop-words.txt"),
                .embedInCode("Gazetteers/predicates.txt"),
                .embedInCode("Gazetteers/currencies.txt"),
            ]
        ),
        // The stages and Pipeline.
        .target(
            name: "Triangulate",
            dependencies: [
                "TriangulateModel", "TriangulateText", "CHTML", "CDeflate", "CZlib",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Sources/Triangulate",
            resources: [
                .embedInCode("Report/Templates/story.mustache"),
                .embedInCode("Report/Templates/report.mustache"),
            ]
        ),
        // The all-MiniLM-L6-v2 sentence encoder run by our code (OpenBLAS): an optional SentenceEncoder for
        // Corroborate. Only the CLI, the evals and tests depend on it.
        .target(name: "TriangulateMiniLM", dependencies: ["Triangulate", "CBLAS"], path: "Sources/TriangulateMiniLM"),
        // The running collection: a Store protocol for two engines and its SQLite (GRDB) implementation.
        .target(
            name: "TriangulateStore",
            dependencies: ["Triangulate", "TriangulateText", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/TriangulateStore"
        ),
        // The same Store on a PostgreSQL server (postgres-nio), with a work queue for worker processes. Only the CLI
        // and its tests depend on it.
        .target(
            name: "TriangulatePostgres",
            dependencies: [
                "Triangulate", "TriangulateText", "TriangulateStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/TriangulatePostgres"
        ),
        // Reading the web: article URLs and feeds fetched safely (async-http-client). Only the CLI depends on it, so
        // the core library stays free of networking.
        .target(
            name: "TriangulateWeb",
            dependencies: [
                "Triangulate", "TriangulateText", "TriangulateStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/TriangulateWeb"
        ),
        // The collection over HTTP (Hummingbird 2): JSON routes and a small server-rendered page. Only the CLI and
        // its tests depend on it, so the core targets stay free of the server stack.
        .target(
            name: "TriangulateServer",
            dependencies: [
                "TriangulateStore", "Triangulate", "TriangulateText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Sources/TriangulateServer",
            resources: [
                .embedInCode("Templates/page.mustache"),
                .embedInCode("Templates/index.mustache"),
                .embedInCode("Templates/article.mustache"),
                .embedInCode("Templates/search.mustache"),
                .embedInCode("Templates/missing.mustache"),
                .embedInCode("openapi.yaml"),
            ]
        ),
        .executableTarget(
            name: "TriangulateCLI",
            dependencies: [
                "Triangulate",
                "TriangulateMiniLM",
                "TriangulateText",
                "TriangulateStore",
                "TriangulateServer",
                "TriangulateWeb",
                "TriangulatePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/triangulate"
        ),
        .testTarget(
            name: "TriangulateTests",
            dependencies: ["Triangulate", "TriangulateModel", "TriangulateText", "CDeflate", "TriangulateMiniLM"]),
        .testTarget(
            name: "TriangulateCLITests",
            dependencies: ["TriangulateCLI", "Triangulate", "TriangulateStore", "TriangulatePostgres"]),
        .testTarget(
            name: "TriangulateStoreTests", dependencies: ["TriangulateStore", "TriangulatePostgres", "Triangulate"]),
        .testTarget(
            name: "TriangulateWebTests",
            dependencies: [
                "TriangulateWeb", "Triangulate", "TriangulateStore", "CDeflate",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "TriangulateServerTests",
            dependencies: [
                "TriangulateServer", "TriangulateStore", "TriangulatePostgres", "Triangulate",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
