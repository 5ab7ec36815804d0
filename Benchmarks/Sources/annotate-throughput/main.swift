// Annotation throughput on one core: MB of article text annotated per second.
// Usage: annotate-throughput [PATH ...] (default: ../Examples). Extracts every article once, then annotates the whole
// set repeatedly for at least `--seconds` (default 5) and prints the best and median pass.
import Foundation
import Triangulate

var paths: [String] = []
var seconds = 5.0
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--seconds", let value = arguments.popFirst().flatMap(Double.init) {
        seconds = value
    } else {
        paths.append(argument)
    }
}
if paths.isEmpty { paths = ["../Examples"] }

let ingest = Ingest()
let extract = Extract()
var articles: [Article] = []
for case .success(let document) in ingest.documents(from: paths) {
    if let article = try? extract.article(from: document) { articles.append(article) }
}
let bytes = articles.reduce(0) { $0 + $1.text.utf8.count }
guard bytes > 0 else {
    FileHandle.standardError.write(Data("no articles under \(paths)\n".utf8))
    exit(1)
}
let annotate = Annotate()
var passes: [Double] = []
var checksum = 0
let clock = ContinuousClock()
let deadline = clock.now.advanced(by: .seconds(seconds))
repeat {
    let start = clock.now
    for article in articles { checksum &+= annotate.annotate(article).annotations.sentences.count }
    let elapsed = start.duration(to: clock.now)
    passes.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
} while clock.now < deadline || passes.count < 3
passes.sort()
let megabytes = Double(bytes) / 1_000_000
let best = megabytes / passes[0]
let median = megabytes / passes[passes.count / 2]
print("articles: \(articles.count), text: \(bytes) bytes, passes: \(passes.count), checksum: \(checksum)")
print(String(format: "annotate throughput (one core): best %.2f MB/s, median %.2f MB/s", best, median))
