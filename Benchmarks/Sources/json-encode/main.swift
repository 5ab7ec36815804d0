// The JSON contract written two ways from the same model values: JSONReport's byte writer (what `analyze` prints)
// and Foundation's JSONEncoder over the model's Codable conformance. Input: every ECB+ event of
// ../shared/bench/clustering/ecbplus.jsonl extracted, annotated and corroborated (982 articles, 86 stories), and
// the Examples corpus. Prints the median of 5 runs of each, the output sizes, and the ratio.
import EvalSupport
import Foundation
import Triangulate

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
let bench = ProcessInfo.processInfo.environment["TRIANGULATE_SHARED"].map { $0 + "/bench" } ?? root + "/../shared/bench"
let corpus = ECBPlus(path: bench + "/clustering/ecbplus.jsonl")
var articles: [AnnotatedArticle] = []
var stories: [Story] = []
for event in corpus.documents.keys.sorted() {
    let annotated = corpus.annotated(event)
    articles += annotated
    stories.append(Corroborate().story(id: event, articles: annotated))
}
let inputs: [(String, AnalysisResult)] = [
    ("ECB+ (982 articles, 86 stories)", AnalysisResult(articles: articles, stories: stories, failures: [])),
    ("Examples", Pipeline().analyze(paths: [root + "/Examples"])),
]

func median(_ body: () throws -> Int) rethrows -> (seconds: Double, bytes: Int) {
    var times: [Double] = []
    var bytes = 0
    for _ in 0..<5 {
        let start = ContinuousClock.now
        bytes = try body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return (times.sorted()[2], bytes)
}

for (name, result) in inputs {
    let writer = median { JSONReport.render(result).utf8.count }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let foundation = try median { try encoder.encode(result).count }
    let compact = JSONEncoder()
    let foundationCompact = try median { try compact.encode(result).count }
    let compactWriter = median { JSONReport.render(result, pretty: false).utf8.count }
    print(name)
    print(
        String(
            format:
                "  pretty:  byte writer %.1f ms (%d bytes), JSONEncoder %.1f ms (%d bytes): JSONEncoder %.2f× the time",
            writer.seconds * 1000, writer.bytes, foundation.seconds * 1000, foundation.bytes,
            foundation.seconds / writer.seconds))
    print(
        String(
            format:
                "  compact: byte writer %.1f ms (%d bytes), JSONEncoder %.1f ms (%d bytes): JSONEncoder %.2f× the time",
            compactWriter.seconds * 1000, compactWriter.bytes, foundationCompact.seconds * 1000,
            foundationCompact.bytes, foundationCompact.seconds / compactWriter.seconds))
}
