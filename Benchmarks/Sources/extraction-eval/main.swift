// Extraction quality on the ScrapingHub benchmark (../shared/bench/extraction): precision, recall and F1 as the
// benchmark defines them. Usage: extraction-eval [BENCH_DIR] [--worst N]
import Foundation
import Triangulate

var directory = "../../shared/bench/extraction"
var worst = 0
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--worst", let value = arguments.popFirst().flatMap(Int.init) {
        worst = value
    } else {
        directory = argument
    }
}
guard let data = FileManager.default.contents(atPath: directory + "/ground-truth.json"),
    let truth = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
else {
    FileHandle.standardError.write(Data("cannot read \(directory)/ground-truth.json\n".utf8))
    exit(1)
}
let ingest = Ingest()
let extract = Extract()
var pages: [(String, ExtractionScore.Page)] = []
for id in truth.keys.sorted() {
    let gold = truth[id]?["articleBody"] as? String ?? ""
    var predicted = ""
    if case .success(let document) = ingest.read(directory + "/html/\(id).html.gz"),
        let article = try? extract.article(from: document)
    {
        predicted = article.text
    }
    pages.append((id, ExtractionScore.page(predicted: predicted, gold: gold)))
}
let summary = ExtractionScore.summarize(pages.map(\.1))
print(
    String(
        format: "pages: %d  precision: %.4f  recall: %.4f  F1: %.4f", summary.pages, summary.precision, summary.recall,
        summary.f1))
for (id, page) in pages.sorted(by: { ($0.1.tp, $0.0) < ($1.1.tp, $1.0) }).prefix(worst) {
    print(String(format: "  %@ tp %.2f fp %.2f fn %.2f", id, page.tp, page.fp, page.fn))
}
