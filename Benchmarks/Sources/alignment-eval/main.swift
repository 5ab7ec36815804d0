// Claim alignment on ECB+ (../shared/bench/alignment/): for every gold event, its documents of
// ../shared/bench/clustering/ecbplus.jsonl are extracted, annotated and corroborated as one story; each fact's
// evidence sentences are mapped back to (doc, line), and every two evidence sentences of one fact from different
// documents are a predicted pair. Scored as the folder's README suggests: pair recall over all gold pairs (and over
// seminal ones), pair precision over predicted pairs whose two sentences are both annotated, pooled and per-event
// macro averages. `--set odd|even|all` restricts to odd or even topics (tuning on odd, reporting on even).
// Usage: alignment-eval [--set odd|even|all] [--threshold X] [--coherence X] [--coverage X] [--name-weight X]
//        [--number-weight X] [--predicate-weight X] [--member-support X] [--mismatch X] [--embeddings FILE]
//        [--embedding-weight X] [--dump FILE]
// Environment: SHOW_EVENT=ID prints that event's annotated sentences with the fact each landed in; SHOW_CONFLICTS=1
// prints every event's conflicts.
import Foundation
import EvalSupport
import Triangulate

let bench = "../../shared/bench"
var set = "all"
var configuration = CorroborateConfiguration.default
var dump: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--set": set = arguments.popFirst() ?? set
    case "--dump": dump = arguments.popFirst()
    default:
        guard corroborateOption(argument, &arguments, &configuration) else {
            FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
            exit(64)
        }
    }
}

struct Pair: Hashable {
    var a: Line
    var b: Line
    init(_ x: Line, _ y: Line) {
        a = min(x, y)
        b = max(x, y)
    }
}

func keep(_ event: String, _ set: String) -> Bool {
    guard set != "all" else { return true }
    let topic = Int(event.prefix { $0.isNumber }) ?? 0
    return (topic % 2 == 1) == (set == "odd")
}

let corpus = ECBPlus(path: bench + "/clustering/ecbplus.jsonl")
var gold: [String: Set<Pair>] = [:]
var seminal: [String: Set<Pair>] = [:]
for object in jsonLines(bench + "/alignment/ecbplus-sentence-pairs.jsonl") {
    guard let event = object["event"] as? String, let a = Line(object["a"]), let b = Line(object["b"]) else { continue }
    gold[event, default: []].insert(Pair(a, b))
    if object["seminal"] as? Bool == true { seminal[event, default: []].insert(Pair(a, b)) }
}
var annotated: Set<Line> = []
for object in jsonLines(bench + "/alignment/ecbplus-sentence-chains.jsonl") {
    for mention in object["mentions"] as? [Any] ?? [] { if let l = Line(mention) { annotated.insert(l) } }
}

let corroborate = Corroborate(configuration: configuration)
var totals = (gold: 0, hit: 0, seminal: 0, seminalHit: 0, predicted: 0, scored: 0, correct: 0)
var macroRecall: [Double] = []
var macroPrecision: [Double] = []
var dumpLines: [String] = []
let clock = ContinuousClock()
let start = clock.now
for event in gold.keys.sorted(by: { ($0.count, $0) < ($1.count, $1) }) where keep(event, set) {
    let docs = corpus.documents[event] ?? []
    let story = corroborate.story(id: event, articles: corpus.annotated(event))
    var predicted: Set<Pair> = []
    for fact in story.facts {
        let located = fact.evidence.compactMap { evidence -> Line? in
            corpus.locate(evidence.sentence, in: evidence.article)
        }
        for (i, x) in located.enumerated() {
            for y in located[(i + 1)...] where x.doc != y.doc { predicted.insert(Pair(x, y)) }
        }
    }
    if let show = ProcessInfo.processInfo.environment["SHOW_EVENT"], show == event {
        var factOf: [Line: Int] = [:]
        for (number, fact) in story.facts.enumerated() {
            for evidence in fact.evidence {
                if let line = corpus.locate(evidence.sentence, in: evidence.article) { factOf[line] = number }
            }
        }
        for doc in docs {
            for (index, text) in doc.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where annotated.contains(Line(doc: doc.id, line: index)) {
                print(
                    "\(factOf[Line(doc: doc.id, line: index)].map(String.init) ?? "-")\t\(doc.id):\(index)\t\(text.prefix(150))"
                )
            }
        }
    }
    if ProcessInfo.processInfo.environment["SHOW_CONFLICTS"] != nil {
        for conflict in story.conflicts {
            print("\(event)\t\(conflict.kind.rawValue)\t\(conflict.subject)")
            for position in conflict.positions {
                print("    \(position.statement) \(position.sources): \(position.evidence.first?.prefix(110) ?? "")")
            }
        }
    }
    let goldPairs = gold[event] ?? []
    let scored = predicted.filter { annotated.contains($0.a) && annotated.contains($0.b) }
    let correct = scored.filter(goldPairs.contains)
    let hits = predicted.intersection(goldPairs)
    totals.gold += goldPairs.count
    totals.hit += hits.count
    totals.seminal += seminal[event, default: []].count
    totals.seminalHit += hits.intersection(seminal[event, default: []]).count
    totals.predicted += predicted.count
    totals.scored += scored.count
    totals.correct += correct.count
    macroRecall.append(Double(hits.count) / Double(max(1, goldPairs.count)))
    if !scored.isEmpty { macroPrecision.append(Double(correct.count) / Double(scored.count)) }
    if dump != nil {
        for pair in scored.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
            dumpLines.append(
                "\(event)\t\(goldPairs.contains(pair) ? "gold" : "WRONG")\t\(pair.a.doc):\(pair.a.line)\t\(pair.b.doc):\(pair.b.line)"
            )
        }
    }
}
let elapsed = start.duration(to: clock.now)
func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
print(
    "set \(set): \(macroRecall.count) events, \(totals.gold) gold pairs, \(totals.predicted) predicted, \(totals.scored) scored"
)
print(
    String(
        format: "pooled: recall %.3f (seminal %.3f), precision %.3f | macro: recall %.3f, precision %.3f | %.2f s",
        ratio(totals.hit, totals.gold), ratio(totals.seminalHit, totals.seminal), ratio(totals.correct, totals.scored),
        mean(macroRecall), mean(macroPrecision),
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
if let dump { try? dumpLines.joined(separator: "\n").write(toFile: dump, atomically: true, encoding: .utf8) }
