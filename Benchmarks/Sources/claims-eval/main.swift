// Facts, conflicts and quote speakers against hand-written gold for 12 real ECB+ events (gold/ecbplus-claims.json,
// written from the texts before any output was looked at; even topics only, so nothing was tuned on them). Each
// event's documents are corroborated as one story, and evidence sentences are mapped back to (doc, line).
// - Shared-claim recall: a gold claim (stated by two or more documents) is found when one fact holds, for at least
//   two of its documents, a sentence the gold lists as stating it; source recall is the share of its documents the
//   best such fact covers. "Found by a right fact" counts only facts that are right by the precision test below, so
//   a few large mixed facts cannot buy recall.
// - Corroborated-fact precision: a fact with two or more independent sources is right when one gold claim (or one
//   quotation the gold finds in two or more documents) accounts for the evidence of every document it counts (strict:
//   one stray document makes it wrong) and for at least half of its sentences.
// - Conflicts: a conflict is right when two of its positions hold sentences of two different positions of one gold
//   conflict; gold conflicts found that way count for recall.
// - Speakers: for each gold quote, the quote annotated in that document whose text holds the gold fragment; its
//   speaker is right when it names the gold speaker (same last word, one name contains the other, or one is the
//   other's acronym: "NYPD" for "New York Police Department").
// Usage: claims-eval [GOLD.json] [--verbose] [Corroborate settings as alignment-eval takes them]
import EvalSupport
import Foundation
import Triangulate

var goldPath = "gold/ecbplus-claims.json"
var verbose = false
var configuration = CorroborateConfiguration.default
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--verbose" {
        verbose = true
    } else if !corroborateOption(argument, &arguments, &configuration) {
        goldPath = argument
    }
}
guard let data = FileManager.default.contents(atPath: goldPath),
    let gold = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
    let events = gold["events"] as? [[String: Any]]
else {
    FileHandle.standardError.write(Data("cannot read \(goldPath)\n".utf8))
    exit(1)
}
let corpus = ECBPlus(path: "../../shared/bench/clustering/ecbplus.jsonl")
let corroborate = Corroborate(configuration: configuration)

func lines(_ list: Any?) -> Set<Line> { Set((list as? [Any] ?? []).compactMap { Line($0) }) }
func normalized(_ name: String) -> [String] { words(name).filter { !["the", "a", "an"].contains($0) } }
func sameSpeaker(_ found: String?, _ expected: String?) -> Bool {
    guard let expected else { return found == nil }
    guard let found else { return false }
    let x = normalized(found)
    let y = normalized(expected)
    if x.last != nil && x.last == y.last { return true }
    let a = x.joined(separator: " ")
    let b = y.joined(separator: " ")
    if !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a)) { return true }
    // An acronym of the other name ("NYPD", "New York Police Department"; "of" and "and" left out).
    func initials(_ words: [String]) -> String {
        String(words.filter { !["of", "and", "for"].contains($0) }.compactMap(\.first))
    }
    return (x.count == 1 && y.count >= 2 && x[0] == initials(y))
        || (y.count == 1 && x.count >= 2 && y[0] == initials(x))
}

var claims = (total: 0, found: 0, foundRight: 0, sourceRecall: 0.0, rightSourceRecall: 0.0)
var facts = (total: 0, right: 0)
/// Corroborated facts by how many documents they count: (right, total).
var factsBySize: [Int: (right: Int, total: Int)] = [:]
var conflicts = (gold: 0, found: 0, predicted: 0, right: 0)
var speakers = (total: 0, located: 0, right: 0)
for event in events {
    guard let name = event["event"] as? String else { continue }
    let annotated = corpus.annotated(name)
    let story = corroborate.story(id: name, articles: annotated)
    let factLines: [[Line]] = story.facts.map { fact in
        fact.evidence.compactMap { corpus.locate($0.sentence, in: $0.article) }
    }
    let goldClaims = (event["claims"] as? [[String: Any]] ?? []).map { lines($0["evidence"]) }
    // A fact is right when one gold claim (or shared quotation, below) accounts for every document it counts and for
    // at least half of its sentences: a fact that swallows a whole story holds some line of every claim, so the
    // document test alone would call it right.
    func isRight(_ fact: Fact, _ located: [Line], among candidates: [Set<Line>]) -> Bool {
        let docs = Set(fact.sources)
        return candidates.contains { claim in
            docs.allSatisfy { doc in located.contains { $0.doc == doc && claim.contains($0) } }
                && 2 * located.filter(claim.contains).count >= located.count
        }
    }
    for claim in goldClaims {
        let docs = Set(claim.map(\.doc))
        var best = 0
        for located in factLines {
            best = max(best, Set(located.filter(claim.contains).map(\.doc)).count)
        }
        claims.total += 1
        if best >= 2 { claims.found += 1 }
        if verbose && best < 2 { print("\(name) claim not found: \(claim.sorted().map { "\($0.doc):\($0.line)" })") }
        claims.sourceRecall += Double(best) / Double(max(1, docs.count))
    }
    // A quotation two documents print is a shared claim too: the lines of each gold quote, grouped with the quotes
    // of other documents whose line holds its fragment (at least 80% of the fragment's words; annotators chose
    // different fragments of one quotation, and outlets spell it slightly differently).
    var quoted: [(line: Line, fragment: [String])] = []
    for quote in event["quotes"] as? [[String: Any]] ?? [] {
        guard let doc = quote["doc"] as? String, let line = quote["line"] as? Int, let text = quote["text"] as? String
        else { continue }
        quoted.append((Line(doc: doc, line: line), words(text)))
    }
    var group = Array(quoted.indices)
    func root(_ x: Int) -> Int { group[x] == x ? x : root(group[x]) }
    func holds(_ line: Line, _ fragment: [String]) -> Bool {
        guard let table = corpus.lines[line.doc], line.line >= 0, line.line < table.count, !fragment.isEmpty else {
            return false
        }
        let lineWords = Set(table[line.line])
        return 5 * fragment.filter(lineWords.contains).count >= 4 * fragment.count
    }
    for x in quoted.indices {
        for y in quoted.indices where y > x {
            let same =
                quoted[x].fragment == quoted[y].fragment
                || (quoted[x].line.doc != quoted[y].line.doc
                    && (holds(quoted[y].line, quoted[x].fragment) || holds(quoted[x].line, quoted[y].fragment)))
            if same { group[root(y)] = root(x) }
        }
    }
    var quoteLines: [Int: Set<Line>] = [:]
    for index in quoted.indices { quoteLines[root(index), default: []].insert(quoted[index].line) }
    let sharedQuotes = quoteLines.values.filter { Set($0.map(\.doc)).count >= 2 }
    let rightFacts = zip(story.facts, factLines).filter { fact, located in
        fact.independentSources >= 2 && isRight(fact, located, among: goldClaims + sharedQuotes)
    }.map(\.1)
    for claim in goldClaims {
        let best = rightFacts.map { Set($0.filter(claim.contains).map(\.doc)).count }.max() ?? 0
        if best >= 2 { claims.foundRight += 1 }
        claims.rightSourceRecall += Double(best) / Double(max(1, Set(claim.map(\.doc)).count))
    }
    for (fact, located) in zip(story.facts, factLines) where fact.independentSources >= 2 {
        facts.total += 1
        let right = isRight(fact, located, among: goldClaims + sharedQuotes)
        if right { facts.right += 1 }
        let size = min(fact.sources.count, 6)
        factsBySize[size, default: (0, 0)].total += 1
        if right { factsBySize[size, default: (0, 0)].right += 1 }
        if verbose && !right {
            print("\(name) wrong fact [\(fact.sources.count)]: \(fact.statement.prefix(120))")
            // The gold claim that accounts for the most of the fact's documents, and each member sentence: "+" when
            // that claim lists its line, "-" when not.
            let best = (goldClaims + sharedQuotes).max { x, y in
                Set(located.filter(x.contains).map(\.doc)).count < Set(located.filter(y.contains).map(\.doc)).count
            }
            for evidence in fact.evidence {
                let line = corpus.locate(evidence.sentence, in: evidence.article)
                let mark = line.map { best?.contains($0) == true } == true ? "+" : "-"
                let place = line.map { "\($0.doc):\($0.line)" } ?? "\(evidence.article):?"
                print("    \(mark) \(place) \(evidence.sentence.prefix(110))")
            }
        }
    }
    let goldConflicts = (event["conflicts"] as? [[String: Any]] ?? []).map { conflict in
        (conflict["positions"] as? [[String: Any]] ?? []).map { lines($0["evidence"]) }
    }
    var matched: Set<Int> = []
    for conflict in story.conflicts {
        conflicts.predicted += 1
        let sides = conflict.positions.map { position in
            Set(
                position.evidence.flatMap { sentence in position.sources.compactMap { corpus.locate(sentence, in: $0) }
                })
        }
        let hit = goldConflicts.indices.first { index in
            let positions = goldConflicts[index]
            return sides.indices.contains { p in
                sides.indices.contains { q in
                    p != q
                        && positions.indices.contains { x in
                            positions.indices.contains { y in
                                x != y && !sides[p].isDisjoint(with: positions[x])
                                    && !sides[q].isDisjoint(with: positions[y])
                            }
                        }
                }
            }
        }
        if let hit {
            conflicts.right += 1
            matched.insert(hit)
            if verbose { print("\(name) right conflict: \(conflict.subject) \(conflict.positions.map(\.statement))") }
        } else if verbose {
            print("\(name) wrong conflict: \(conflict.subject) \(conflict.positions.map(\.statement))")
            for (position, side) in zip(conflict.positions, sides) {
                print("    \(position.statement): \(side.sorted().map { "\($0.doc):\($0.line)" })")
            }
        }
    }
    conflicts.gold += goldConflicts.count
    if verbose {
        let subjects = (event["conflicts"] as? [[String: Any]] ?? []).map { $0["subject"] as? String ?? "?" }
        for index in goldConflicts.indices where !matched.contains(index) {
            let sides = goldConflicts[index].map { side in side.sorted().map { "\($0.doc):\($0.line)" } }
            print("\(name) missed conflict: \(subjects[index]) \(sides)")
        }
    }
    conflicts.found += matched.count
    for quote in event["quotes"] as? [[String: Any]] ?? [] {
        guard let doc = quote["doc"] as? String, let text = quote["text"] as? String else { continue }
        speakers.total += 1
        let fragment = words(text).joined(separator: " ")
        guard let item = annotated.first(where: { $0.article.id == doc }),
            let found = item.annotations.quotes.first(where: {
                words($0.text).joined(separator: " ").contains(fragment)
            })
        else {
            if verbose { print("\(name) quote not located: \(doc) “\(text.prefix(60))”") }
            continue
        }
        speakers.located += 1
        let expected = quote["speaker"] as? String
        if sameSpeaker(found.speaker, expected) {
            speakers.right += 1
        } else if verbose {
            print("\(name) speaker: “\(text.prefix(50))” → \(found.speaker ?? "nil"), gold \(expected ?? "nil")")
        }
    }
}
func ratio(_ a: Int, _ b: Int) -> String { String(format: "%.3f", b == 0 ? 0 : Double(a) / Double(b)) }
print("events: \(events.count)")
print(
    "shared claims: recall \(ratio(claims.found, claims.total)) (\(claims.found)/\(claims.total)), mean source recall "
        + String(format: "%.3f", claims.sourceRecall / Double(max(1, claims.total)))
        + ", found by a right fact \(ratio(claims.foundRight, claims.total)) (\(claims.foundRight)/\(claims.total))"
        + ", mean source recall of right facts "
        + String(format: "%.3f", claims.rightSourceRecall / Double(max(1, claims.total))))
print("corroborated facts: precision \(ratio(facts.right, facts.total)) (\(facts.right)/\(facts.total))")
if verbose {
    let sizes = factsBySize.keys.sorted().map { size in
        "\(size == 6 ? "6+" : String(size)) documents \(factsBySize[size]?.right ?? 0)/\(factsBySize[size]?.total ?? 0)"
    }
    print("corroborated facts right by documents counted: " + sizes.joined(separator: ", "))
}
print(
    "conflicts: precision \(ratio(conflicts.right, conflicts.predicted)) (\(conflicts.right)/\(conflicts.predicted)), "
        + "recall \(ratio(conflicts.found, conflicts.gold)) (\(conflicts.found)/\(conflicts.gold))")
print(
    "speakers: right \(ratio(speakers.right, speakers.located)) (\(speakers.right)/\(speakers.located) located quotes), "
        + "quotes located \(ratio(speakers.located, speakers.total)) (\(speakers.located)/\(speakers.total))")
