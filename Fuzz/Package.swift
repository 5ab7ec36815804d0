// swift-tools-version:6.1
import Foundation
import PackageDescription

// libFuzzer targets, in their own package so that `swift build` of the project never builds them: each is built
// alone with `--product` and the fuzzer and address sanitizers (see scripts/fuzz.sh and docs/fuzzing.md).
let core = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let targets = ["FuzzText", "FuzzHTML", "FuzzAnnotate", "FuzzJSONLines", "FuzzStory", "FuzzWARC", "FuzzFeed"]

let package = Package(
    name: "TriangulateFuzz",
    platforms: [.macOS(.v14)],
    products: targets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(path: "../")],
    targets: targets.map { name in
        .executableTarget(
            name: name, dependencies: [.product(name: "Triangulate", package: core)], path: "Sources/\(name)")
    },
    swiftLanguageModes: [.v6]
)
