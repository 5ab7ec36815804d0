// Extraction quality on the ScrapingHub benchmark (../shared/bench/extraction): precision, recall and F1 as the
// benchmark defines them. Usage: extraction-eval [BENCH_DIR] [--worst N] [--predictions FILE.jsonl] [--name NAME]
// With --predictions, scores another extractor's output (JSON lines with "id" and "text") instead of Triangulate's.
import Foundation
import Triangulate

var directory = "../../shared/bench/extraction"
var worst = 0
var predictionsPath: String?
var name = "triangulate"
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--worst", let value = arguments.popFirst().flatMap(Int.init) {
        worst = value
    } else if argument == "--predictions", let value = arguments.popFirst() {
        predictionsPath = value
    } else if argument == "--name", let value = arguments.popFirst() {
        name = value
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
var predictions: [String: String]?
if let predictionsPath {
    guard let contents = try? String(contentsOfFile: predictionsPath, encoding: .utf8) else {
        FileHandle.standardError.write(Data("cannot read \(predictionsPath)\n".utf8))
        exit(1)
    }
    var table: [String: String] = [:]
    for line in contents.split(separator: "\n") {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let id = object["id"] as? String
        else { continue }
        table[id] = object["text"] as? String ?? ""
    }
    predictions = table
}
let ingest = Ingest()
let extract = Extract()
var pages: [(String, ExtractionScore.Page)] = []
for id in truth.keys.sorted() {
    let gold = truth[id]?["articleBody"] as? String ?? ""
    var predicted = ""
    if let predictions {
        predicted = predictions[id] ?? ""
    } else if case .success(let document) = ingest.read(directory + "/html/\(id).html.gz"),
        let article = try? extract.article(from: document)
    {
        predicted = article.text
    }
    pages.append((id, ExtractionScore.page(predicted: predicted, gold: gold)))
}
let summary = ExtractionScore.summarize(pages.map(\.1))
print(
    String(
        format: "%@  pages: %d  precision: %.4f  recall: %.4f  F1: %.4f", name, summary.pages, summary.precision,
        summary.recall,
        summary.f1))
for (id, page) in pages.sorted(by: { ($0.1.tp, $0.0) < ($1.1.tp, $1.0) }).prefix(worst) {
    print(String(format: "  %@ tp %.2f fp %.2f fn %.2f", id, page.tp, page.fp, page.fn))
}
