// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Triangulate",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Triangulate", targets: ["Triangulate"]),
        .executable(name: "triangulate", targets: ["TriangulateCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CDeflate", path: "Sources/CDeflate", providers: [.apt(["libdeflate-dev"])]),
        .target(name: "CHTML", dependencies: ["CLibXML2"], path: "Sources/CHTML"),
        .target(
            name: "Triangulate",
            dependencies: ["CStemmer", "CHTML", "CDeflate"],
            path: "Sources/Triangulate",
            resources: [
                .embedInCode("Annotate/Gazetteers/countries.txt"),
                .embedInCode("Annotate/Gazetteers/us-states.txt"),
                .embedInCode("Annotate/Gazetteers/cities.txt"),
                .embedInCode("Annotate/Gazetteers/regions.txt"),
                .embedInCode("Annotate/Gazetteers/outlets.txt"),
                .embedInCode("Annotate/Gazetteers/first-names.txt"),
                .embedInCode("Annotate/Gazetteers/surname-first.txt"),
                .embedInCode("Annotate/Gazetteers/common-words.txt"),
                .embedInCode("Annotate/Gazetteers/titles.txt"),
                .embedInCode("Annotate/Gazetteers/role-nouns.txt"),
                .embedInCode("Annotate/Gazetteers/org-suffixes.txt"),
                .embedInCode("Annotate/Gazetteers/org-cues.txt"),
                .embedInCode("Annotate/Gazetteers/speech-verbs.txt"),
                .embedInCode("Annotate/Gazetteers/product-nouns.txt"),
                .embedInCode("Annotate/Gazetteers/common-acronyms.txt"),
                .embedInCode("Annotate/Gazetteers/demonyms.txt"),
                .embedInCode("Annotate/Gazetteers/non-speakers.txt"),
            ]
        ),
        .executableTarget(
            name: "TriangulateCLI",
            dependencies: [
                "Triangulate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/triangulate"
        ),
        .testTarget(name: "TriangulateTests", dependencies: ["Triangulate"]),
        .testTarget(name: "TriangulateCLITests", dependencies: ["TriangulateCLI", "Triangulate"]),
    ],
    swiftLanguageModes: [.v6]
)
