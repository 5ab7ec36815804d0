import TriangulateText
/// Revision's test of whether a story holds two events: 2-means over the unit vectors of its members (an article with
/// its near-duplicates is one member), where a member's similarity to its own group leaves the member out. The
/// partition is worth making when members are, on average, more like the rest of their own half than like the rest
/// of the whole story — leaving each member out keeps small groups from looking coherent just because they are small.
struct StorySplit {
    typealias Vector = [(key: UInt64, weight: Float)]

    /// The members' vectors over a vocabulary local to the story (dense indices).
    private let vectors: [[(index: Int32, weight: Float)]]
    private let dimensions: Int

    init(_ members: [Vector]) {
        var vocabulary = FeatureMap<Int32>()
        var next: Int32 = 0
        vectors = members.map { vector in
            vector.map { key, weight in
                if let index = vocabulary[key] { return (index, weight) }
                vocabulary.add(key, next)
                next += 1
                return (next - 1, weight)
            }
        }
        dimensions = Int(next)
    }

    /// The best partition found, how much it raises the members' mean leave-one-out cosine, and how alike its halves
    /// are.
    struct Partition {
        /// `true` for the members of the second half.
        var side: [Bool]
        var gain: Double
        /// Cosine of the two halves' centroids.
        var similarity: Double
    }

    /// Tries 2-means from a few seed pairs (the member least like the story and the one least like it; then pairs
    /// of mutually distant members found from the first and the middle member) and keeps the partition with the
    /// highest mean leave-one-out cosine. Nil for fewer than four members or when every attempt leaves a half empty.
    func bestPartition() -> Partition? {
        let count = vectors.count
        guard count >= 4 else { return nil }
        let whole = centroid(Array(repeating: false, count: count), side: false)
        let wholeScore = leaveOneOutMean(side: Array(repeating: false, count: count), centroids: [whole, whole])
        let leastLike = (0..<count).min { dot($0, whole) < dot($1, whole) }!
        var pairs = [(leastLike, farthest(from: leastLike))]
        for start in [0, count / 2] {
            let first = farthest(from: start)
            pairs.append((first, farthest(from: first)))
        }
        var best: (side: [Bool], score: Double, halves: [[Float]])?
        var tried: Set<[Int]> = []
        for (first, second) in pairs where first != second && tried.insert([first, second].sorted()).inserted {
            let side = twoMeans(first, second)
            let halves = [centroid(side, side: false), centroid(side, side: true)]
            let score = leaveOneOutMean(side: side, centroids: halves)
            if score > (best?.score ?? -2) { best = (side, score, halves) }
        }
        guard let best, best.side.contains(true), best.side.contains(false) else { return nil }
        var product: Float = 0
        for index in 0..<dimensions { product += best.halves[0][index] * best.halves[1][index] }
        let similarity = Double(product) / (Self.norm(best.halves[0]) * Self.norm(best.halves[1]))
        return Partition(side: best.side, gain: best.score - wholeScore, similarity: similarity)
    }

    /// 2-means from two seed members: after the first assignment a member compares the other half's centroid with
    /// its own half's centroid without it.
    private func twoMeans(_ first: Int, _ second: Int) -> [Bool] {
        let count = vectors.count
        var side = [Bool](repeating: false, count: count)
        var centroids = [seed(first), seed(second)]
        var norms = [1.0, 1.0]
        for iteration in 0..<8 {
            var changed = false
            for member in 0..<count {
                let scores = [dot(member, centroids[0]), dot(member, centroids[1])]
                var cosines = [scores[0] / norms[0], scores[1] / norms[1]]
                if iteration > 0 {
                    let own = side[member] ? 1 : 0
                    cosines[own] = Self.leaveOneOut(dot: scores[own], normSquared: norms[own] * norms[own])
                }
                let next = cosines[1] > cosines[0]
                changed = changed || next != side[member]
                side[member] = next
            }
            if iteration > 0 && !changed { break }
            centroids = [centroid(side, side: false), centroid(side, side: true)]
            norms = centroids.map { Self.norm($0) }
            if norms.contains(0) { break }
        }
        return side
    }

    private func seed(_ member: Int) -> [Float] {
        var centroid = [Float](repeating: 0, count: dimensions)
        for (index, weight) in vectors[member] { centroid[Int(index)] = weight }
        return centroid
    }

    private func centroid(_ sides: [Bool], side: Bool) -> [Float] {
        var centroid = [Float](repeating: 0, count: dimensions)
        for member in vectors.indices where sides[member] == side {
            for (index, weight) in vectors[member] { centroid[Int(index)] += weight }
        }
        return centroid
    }

    private func dot(_ member: Int, _ centroid: [Float]) -> Double {
        var sum: Float = 0
        for (index, weight) in vectors[member] { sum += weight * centroid[Int(index)] }
        return Double(sum)
    }

    private func farthest(from member: Int) -> Int {
        let single = seed(member)
        return vectors.indices.min { dot($0, single) < dot($1, single) }!
    }

    private static func normSquared(_ centroid: [Float]) -> Double {
        var sum: Float = 0
        for value in centroid { sum += value * value }
        return Double(sum)
    }

    private static func norm(_ centroid: [Float]) -> Double { normSquared(centroid).squareRoot() }

    /// Cosine of a unit vector with a group's sum without it, from the vector's dot with the sum.
    private static func leaveOneOut(dot: Double, normSquared: Double) -> Double {
        let rest = normSquared - 2 * dot + 1
        return rest > 1e-9 ? (dot - 1) / rest.squareRoot() : 0
    }

    private func leaveOneOutMean(side: [Bool], centroids: [[Float]]) -> Double {
        let squares = centroids.map(Self.normSquared)
        var total = 0.0
        for member in vectors.indices {
            let group = side[member] ? 1 : 0
            total += Self.leaveOneOut(dot: dot(member, centroids[group]), normSquared: squares[group])
        }
        return total / Double(vectors.count)
    }
}
