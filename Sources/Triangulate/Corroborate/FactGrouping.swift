import Foundation
import TriangulateText
/// Claims → facts. Candidate pairs come from an inverted index over the claims' features (for each feature, its
/// latest `candidateFeatureCap` earlier holders), each claim keeping its `candidatesPerClaim` best earlier claims. Pairs scoring at least `alignThreshold` are merged strongest first, and two groups merge only when
/// their centroids stay alike (`groupCoherence`): a fact is a cluster of claims, not a chain of pairwise links.
struct FactGrouping {
    let space: ClaimSpace
    let claims: [Claim]
    let configuration: CorroborateConfiguration

    struct Edge {
        var score: Double
        var a: Int
        var b: Int
    }

    /// The similarity Corroborate aligns two claims on (claim indices into `claims`).
    func score(_ a: Int, _ b: Int) -> Double {
        let value = related(a, b)
        if a != b, QuantityAgreement.disagree(claims[a].quantities, claims[b].quantities) {
            return value * configuration.numberMismatchFactor
        }
        return value
    }

    /// The similarity before numbers are compared: claims about one slot that may fill it differently.
    func related(_ a: Int, _ b: Int) -> Double {
        if a == b { return 1 }
        // "Xiaomi denied" and "Ford denied" are two facts, however alike their words.
        for (kind, actors) in claims[a].actors {
            if let others = claims[b].actors[kind], actors.isDisjoint(with: others) { return 0 }
        }
        return space.lexical(a, b)
    }

    /// Whether two claims share `minimumShared` features, or every feature of the one with fewer.
    func sharesEnough(_ a: Int, _ b: Int) -> Bool {
        configuration.minimumShared <= 1 || space.sharedCount(a, b) >= sharedNeeded(a, b)
    }

    /// The shared features two claims need: `minimumShared`, or all of the features of the one with fewer.
    func sharedNeeded(_ a: Int, _ b: Int) -> Int {
        min(configuration.minimumShared, space.vectors[a].ids.count, space.vectors[b].ids.count)
    }

    /// Why two claims score what they score: the rule that kept them apart, or their heaviest shared features.
    func explain(_ a: Int, _ b: Int) -> [String] {
        for (kind, actors) in claims[a].actors.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            if let others = claims[b].actors[kind], actors.isDisjoint(with: others) {
                return ["different actors of \(kind.rawValue): \(actors.sorted()) vs \(others.sorted())"]
            }
        }
        var notes: [String] = []
        if !sharesEnough(a, b) {
            notes.append(
                "only \(space.sharedCount(a, b)) shared features (aligning needs \(sharedNeeded(a, b)))")
        }
        if QuantityAgreement.disagree(claims[a].quantities, claims[b].quantities) {
            notes.append("different numbers for one unit: similarity × \(configuration.numberMismatchFactor)")
        }
        if !space.embeddings.isEmpty {
            let cosine = StaticEmbeddings.cosine(space.embeddings[a], space.embeddings[b])
            notes.append(
                "meaning: cosine \(String(format: "%.2f", cosine)) (\(String(format: "%.0f", 100 * configuration.weights.embedding))% of the score)"
            )
        }
        let shared = space.shared(a, b)
        let total = shared.reduce(Float(0)) { $0 + $1.weight }
        guard total > 0 else { return notes + ["nothing shared"] }
        return notes
            + shared.prefix(8).map { feature in
                "\(feature.key) \(Int((100 * feature.weight / total).rounded()))%"
            }
    }

    /// Candidate pairs at or above the threshold, strongest first (ties in claim order), and the pairs of claims of
    /// different articles whose similarity before numbers are compared reaches `conflictPairThreshold` (in claim
    /// order): the pairs conflicts are looked for in.
    func edges() -> (aligned: [Edge], related: [Edge]) {
        let count = space.vectors.count
        var accumulator = [Float](repeating: 0, count: count)
        var touched: [Int32] = []
        var edges: [Edge] = []
        var relatedPairs: [Edge] = []
        let cap = configuration.candidateFeatureCap
        for i in 0..<count {
            let vector = space.vectors[i]
            accumulator.withUnsafeMutableBufferPointer { sums in
                for (position, id) in vector.ids.enumerated() {
                    // The latest `cap` earlier holders of the feature: a claim a thousand outlets state still links
                    // to its fact through its most recent restatements, at bounded cost.
                    let weight = vector.weights[position] * vector.weights[position]
                    space.postings[Int(id)].withUnsafeBufferPointer { holders in
                        let end = Self.firstIndex(in: holders, notBelow: Int32(i))
                        for k in stride(from: end - 1, through: max(0, end - cap), by: -1) {
                            // Holders are claim indices below `count`: in bounds of `sums`.
                            let j = Int(holders[k])
                            if sums[j] == 0 { touched.append(holders[k]) }
                            sums[j] += weight
                        }
                    }
                }
            }
            let ranked = Self.best(
                touched.lazy.map { (accumulator[Int($0)], Int($0)) }, count: configuration.candidatesPerClaim)
            for j in touched { accumulator[Int(j)] = 0 }
            touched.removeAll(keepingCapacity: true)
            for (_, j) in ranked.sorted(by: { $0.1 < $1.1 }) {
                let before = related(j, i)
                if before >= configuration.conflictPairThreshold, claims[j].article != claims[i].article {
                    relatedPairs.append(Edge(score: before, a: j, b: i))
                }
                guard before >= configuration.alignThreshold, sharesEnough(j, i) else { continue }
                let value =
                    QuantityAgreement.disagree(claims[j].quantities, claims[i].quantities)
                    ? before * configuration.numberMismatchFactor : before
                if value >= configuration.alignThreshold { edges.append(Edge(score: value, a: j, b: i)) }
            }
        }
        edges.sort { x, y in
            x.score != y.score ? x.score > y.score : (x.a, x.b) < (y.a, y.b)
        }
        return (edges, relatedPairs)
    }

    /// The `count` best of `items` (highest score first, the lower index at a tie), without sorting them all: a claim
    /// of a long article may share features with thousands of earlier ones.
    static func best<S: Sequence>(_ items: S, count: Int) -> [(Float, Int)] where S.Element == (Float, Int) {
        guard count > 0 else { return [] }
        func better(_ x: (Float, Int), _ y: (Float, Int)) -> Bool { x.0 != y.0 ? x.0 > y.0 : x.1 < y.1 }
        var kept: [(Float, Int)] = []
        kept.reserveCapacity(count + 1)
        for item in items {
            if kept.count == count, let worst = kept.last, !better(item, worst) { continue }
            // Binary insertion keeps `kept` ordered best first.
            var low = 0
            var high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if better(kept[middle], item) { low = middle + 1 } else { high = middle }
            }
            kept.insert(item, at: low)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }

    /// The first position of a sorted list holding a value at least `value` (the list's count when none does).
    static func firstIndex<List: RandomAccessCollection<Int32>>(in list: List, notBelow value: Int32) -> Int
    where List.Index == Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The member most like the others (summed score with the group's first 24 members; the shorter text at a tie):
    /// the fact's statement.
    func central(of group: [Int]) -> Int {
        var central = group[0]
        var best = -1.0
        for candidate in group {
            let total = group.prefix(24).reduce(0.0) { $0 + score(candidate, $1) }
            if total > best || (total == best && claims[candidate].text.count < claims[central].text.count) {
                best = total
                central = candidate
            }
        }
        return central
    }

    /// Groups whose members each state what the fact's statement states: a member scoring below `memberSupport`
    /// with the group's central claim leaves it (and stands alone), so a chain of average links cannot carry a fact
    /// from one claim to a neighbouring one. Run to a fixed point (the centre may move when members leave), at most
    /// a few rounds.
    func refined(_ groups: [[Int]]) -> [[Int]] {
        let minimum = configuration.memberSupport
        guard minimum > 0 || configuration.memberWords > 0 else { return groups }
        var result: [[Int]] = []
        for group in groups {
            var members = group
            var left: [Int] = []
            for _ in 0..<4 where members.count >= 2 {
                let centre = central(of: members)
                let words = configuration.memberWords
                let weak = Set(
                    members.filter {
                        $0 != centre && (score($0, centre) < minimum || space.wordCosine($0, centre) < words)
                    })
                if weak.isEmpty { break }
                left += members.filter(weak.contains)
                members = members.filter { !weak.contains($0) }
            }
            result.append(members)
            result += left.map { [$0] }
        }
        return result.sorted { $0[0] < $1[0] }
    }

    /// Groups of claim indices (each sorted), in order of their first claim, from `edges().aligned`.
    func groups(_ edges: [Edge]) -> [[Int]] {
        let count = space.vectors.count
        var sets = DisjointSets(count: count)
        var members: [[Int]] = (0..<count).map { [$0] }
        var articles: [Set<String>] = claims.map { [$0.article] }
        // Sums of the members' sentence embeddings, when there are any: the average link blends both cosines.
        var meanings: [[Float]] = space.embeddings
        var centroids: [[Int32: Float]] = []
        var norms: [Float] = []
        centroids.reserveCapacity(count)
        for vector in space.vectors {
            let length = vector.mass.squareRoot()
            var centroid: [Int32: Float] = [:]
            if length > 0 {
                for (id, weight) in zip(vector.ids, vector.weights) { centroid[id] = weight / length }
            }
            centroids.append(centroid)
            norms.append(length > 0 ? 1 : 0)
        }
        for edge in edges {
            var a = sets.root(edge.a)
            var b = sets.root(edge.b)
            guard a != b else { continue }
            if members[a].count < members[b].count { swap(&a, &b) }
            var dot: Float = 0
            // In feature order: the same float sum on every run (dictionary order changes between processes).
            for id in centroids[b].keys.sorted() { dot += (centroids[b][id] ?? 0) * (centroids[a][id] ?? 0) }
            if members[a].count > 1 || members[b].count > 1 || !articles[a].isDisjoint(with: articles[b]) {
                // Average link: the mean cosine of every claim of one group with every claim of the other.
                // A second claim of one article joins only when it restates the first (headline and lede).
                var link = Double(dot) / Double(members[a].count * members[b].count)
                if !meanings.isEmpty {
                    var meaning: Float = 0
                    for k in meanings[a].indices { meaning += meanings[a][k] * meanings[b][k] }
                    let share = configuration.weights.embedding
                    link =
                        (1 - share) * link + share * Double(meaning) / Double(members[a].count * members[b].count)
                }
                let needed =
                    articles[a].isDisjoint(with: articles[b])
                    ? configuration.groupCoherence : configuration.sameArticleCoherence
                guard link >= needed else { continue }
            }
            for (id, weight) in centroids[b] { centroids[a][id, default: 0] += weight }
            let squared = norms[a] * norms[a] + norms[b] * norms[b] + 2 * dot
            norms[a] = max(0, squared).squareRoot()
            if !meanings.isEmpty {
                for k in meanings[a].indices { meanings[a][k] += meanings[b][k] }
                meanings[b] = []
            }
            members[a] += members[b]
            articles[a].formUnion(articles[b])
            articles[b] = []
            members[b] = []
            centroids[b] = [:]
            sets.attach(b, to: a)
        }
        return (0..<count).filter { sets.isRoot($0) }.map { members[$0].sorted() }.sorted { $0[0] < $1[0] }
    }
}
