// Story clustering accuracy on ECB+ (../shared/bench/clustering/ecbplus.jsonl): B-cubed precision, recall, F1 and
// the adjusted Rand index at event level, on the odd-numbered topics (where the defaults were chosen), the even ones
// (held out) and all. Each set is clustered on its own, in file order, with ClusterConfiguration's defaults unless
// overridden (for tuning on the odd topics only).
// Usage: cluster-eval [FILE.jsonl] [--threshold X] [--merge X] [--name-weight X] [--place-weight X] [--refine N] [--split-gain X]
//        [--split-similarity X] [--min-split N] [--background N] [--set odd|even|all] [--dump PREFIX]
//        cluster-eval --score GOLD.jsonl PREDICTED.jsonl   (gold label: "event" or "story"; predicted: "story")
import Foundation
import Triangulate

var path = "../../shared/bench/clustering/ecbplus.jsonl"

/// id → label of every line of a JSON lines file (labels may be strings or numbers).
func labels(_ file: String, keys: [String]) -> [String: String] {
    guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
        exit(1)
    }
    var table: [String: String] = [:]
    for line in data.split(separator: 0x0A) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let id = object["id"] as? String
        else { continue }
        for key in keys {
            if let value = object[key] {
                table[id] = "\(value)"
                break
            }
        }
    }
    return table
}

if CommandLine.arguments.count == 4 && CommandLine.arguments[1] == "--score" {
    let gold = labels(CommandLine.arguments[2], keys: ["event", "story"])
    let predicted = labels(CommandLine.arguments[3], keys: ["story"])
    let ids = gold.keys.sorted()
    let score = ClusterScore.score(predicted: ids.map { predicted[$0] ?? "missing:" + $0 }, gold: ids.map { gold[$0]! })
    print(
        String(
            format: "articles %d  B3 P %.4f R %.4f F1 %.4f  ARI %.4f", ids.count, score.precision, score.recall,
            score.f1, score.adjustedRand))
    exit(0)
}
var configuration = ClusterConfiguration.default
var sets = ["odd", "even", "all"]
var dump: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--threshold": configuration.threshold = Double(arguments.popFirst() ?? "") ?? configuration.threshold
    case "--merge": configuration.mergeThreshold = Double(arguments.popFirst() ?? "") ?? configuration.mergeThreshold
    case "--name-weight": configuration.nameWeight = Double(arguments.popFirst() ?? "") ?? configuration.nameWeight
    case "--place-weight": configuration.placeWeight = Double(arguments.popFirst() ?? "") ?? configuration.placeWeight
    case "--refine": configuration.refinePasses = Int(arguments.popFirst() ?? "") ?? 0
    case "--split-gain": configuration.splitGain = Double(arguments.popFirst() ?? "") ?? 0
    case "--split-similarity":
        configuration.splitSimilarity = Double(arguments.popFirst() ?? "") ?? configuration.splitSimilarity
    case "--min-split": configuration.minimumSplitSize = Int(arguments.popFirst() ?? "") ?? 6
    case "--background":
        configuration.backgroundDocuments = Int(arguments.popFirst() ?? "") ?? configuration.backgroundDocuments
    case "--set": sets = [arguments.popFirst() ?? "all"]
    case "--dump": dump = arguments.popFirst()
    default: path = argument
    }
}
guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
    exit(1)
}
var rows: [(item: ClusterItem, topic: Int, event: String)] = []
try JSONLines.forEachLine(in: [UInt8](data)) { line, number in
    let fields = try JSONLines.strings(in: line, keys: ["id", "text", "topic", "event"], line: number)
    rows.append(
        (
            ClusterItem(id: fields["id"] ?? "", text: fields["text"] ?? ""), Int(fields["topic"] ?? "") ?? 0,
            fields["event"] ?? ""
        ))
}
for set in sets {
    let chosen = rows.filter { set == "all" || ($0.topic % 2 == 1) == (set == "odd") }
    let start = Date()
    let result = Cluster(configuration: configuration).cluster(chosen.map(\.item))
    let seconds = Date().timeIntervalSince(start)
    let score = ClusterScore.score(predicted: result.stories, gold: chosen.map(\.event))
    let events = Set(chosen.map(\.event)).count
    if let dump {
        let lines = zip(chosen, result.stories).map { "\($0.0.item.id)\t\($0.0.event)\t\($0.1)" }
        try lines.joined(separator: "\n").write(toFile: dump + "." + set, atomically: true, encoding: .utf8)
    }
    print(
        String(
            format: "%-4@ articles %4d events %3d stories %4d  B3 P %.4f R %.4f F1 %.4f  ARI %.4f  (%.0f ms)",
            set, chosen.count, events, Set(result.stories).count, score.precision, score.recall, score.f1,
            score.adjustedRand, seconds * 1000))
}
