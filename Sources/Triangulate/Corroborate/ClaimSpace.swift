import TriangulateText
import Foundation

/// Claims as sparse weighted feature vectors, and the similarity Corroborate aligns them on.
///
/// Features are a claim's content stems, the story names it mentions, its quantities (unit and value), its calendar
/// dates and its predicate classes. A feature weighs by its rarity among the story's claims (inverse document
/// frequency); names, numbers and dates weigh more (`AlignmentWeights`). Two claims score the blend of their cosine
/// and of the share of the shorter claim's weight the longer one covers, so a long sentence that contains a short
/// claim is not diluted by its other clauses.
struct ClaimSpace {
    struct Vector {
        /// Feature ids in increasing order, with their weights.
        var ids: [Int32] = []
        var weights: [Float] = []
        /// Sum of squared weights.
        var mass: Float = 0
    }

    private(set) var vectors: [Vector] = []
    /// Feature id → claims holding it, in claim order.
    private(set) var postings: [[Int32]] = []
    /// Feature id → its key ("s:" stem, "n:" name, "q:" quantity, "d:" date, "c:" predicate class).
    private(set) var keys: [String] = []
    let configuration: CorroborateConfiguration
    /// Each claim's sentence embedding (L2-normalized), when a sentence encoder is configured.
    private(set) var embeddings: [[Float]] = []

    init(_ claims: [Claim], configuration: CorroborateConfiguration, encoder: (any SentenceEncoder)? = nil) {
        self.configuration = configuration
        if let encoder {
            let encoded = encoder.encode(claims.map(\.text))
            // One vector per claim, all of one width, or none: an encoder that breaks its contract is not used.
            let width = encoded.first?.count ?? 0
            if encoded.count == claims.count, width > 0, encoded.allSatisfy({ $0.count == width }) {
                embeddings = encoded
            }
        }
        var vocabulary: [String: Int32] = [:]
        var keyed: [[(Int32, Float)]] = []  // per claim: feature id, boost
        var frequency: [Int] = []
        for claim in claims {
            var features: [Int32: Float] = [:]
            for (key, boost) in Self.features(of: claim, configuration) {
                let id: Int32
                if let known = vocabulary[key] {
                    id = known
                } else {
                    id = Int32(vocabulary.count)
                    vocabulary[key] = id
                    frequency.append(0)
                    keys.append(key)
                }
                if features[id] == nil { frequency[Int(id)] += 1 }
                features[id] = max(features[id] ?? 0, boost)
            }
            keyed.append(features.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        let total = Double(max(claims.count, 1))
        // Smoothed: in a story of a handful of claims, a word two of them share is not yet common.
        let smoothing = configuration.weights.raritySmoothing
        let rarity = frequency.map { Float(log((total + smoothing) / (Double($0) + 1))) }
        postings = Array(repeating: [], count: vocabulary.count)
        vectors.reserveCapacity(keyed.count)
        for (index, features) in keyed.enumerated() {
            var vector = Vector()
            vector.ids.reserveCapacity(features.count)
            vector.weights.reserveCapacity(features.count)
            for (id, boost) in features {
                let weight = boost * rarity[Int(id)]
                vector.ids.append(id)
                vector.weights.append(weight)
                vector.mass += weight * weight
                postings[Int(id)].append(Int32(index))
            }
            vectors.append(vector)
        }
    }

    /// Feature keys of a claim with their boosts.
    static func features(of claim: Claim, _ configuration: CorroborateConfiguration) -> [(String, Float)] {
        let weights = configuration.weights
        var result: [(String, Float)] = claim.sortedStems.map { ("s:" + $0, 1) }
        // A quotation is aligned on its words: the speaker named beside it ("…, Judge Ames said") would tie it to
        // every other claim about that person.
        let nameWeight = claim.quoted ? weights.quotedName : weights.name
        for name in claim.sortedNames { result.append(("n:" + name, nameWeight)) }
        for quantity in claim.quantities {
            result.append(("q:\(quantity.unit):\(quantity.value)", weights.number))
        }
        for date in claim.dates {
            guard let value = date.value, let month = value.month, let day = value.day else { continue }
            result.append(("d:\(month)-\(day)", weights.date))
        }
        // Sorted: feature ids follow first appearance, so every run must list features in one order.
        for kind in claim.classes.map(\.rawValue).sorted() { result.append(("c:" + kind, weights.predicate)) }
        return result
    }

    /// Calls `body` with each feature two claims share and the product of their weights, in feature order.
    func forEachShared(_ a: Int, _ b: Int, _ body: (Int32, Float) -> Void) {
        let x = vectors[a]
        let y = vectors[b]
        var i = 0
        var j = 0
        while i < x.ids.count && j < y.ids.count {
            if x.ids[i] < y.ids[j] {
                i += 1
            } else if y.ids[j] < x.ids[i] {
                j += 1
            } else {
                body(x.ids[i], x.weights[i] * y.weights[j])
                i += 1
                j += 1
            }
        }
    }

    /// How many features two claims share.
    func sharedCount(_ a: Int, _ b: Int) -> Int {
        var count = 0
        forEachShared(a, b) { _, _ in count += 1 }
        return count
    }

    /// Sum of the products of the weights two claims share.
    func dot(_ a: Int, _ b: Int) -> Float {
        var sum: Float = 0
        forEachShared(a, b) { _, product in sum += product }
        return sum
    }

    /// The shared features of two claims, heaviest first, with the product of their weights.
    func shared(_ a: Int, _ b: Int) -> [(key: String, weight: Float)] {
        var result: [(key: String, weight: Float)] = []
        forEachShared(a, b) { id, product in result.append((keys[Int(id)], product)) }
        return result.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.key < $1.key }
    }

    /// Cosine of two claims over their words alone (no names, numbers, dates or predicate classes): what they say
    /// about whom they name.
    func wordCosine(_ a: Int, _ b: Int) -> Double {
        func wordMass(_ vector: Vector) -> Float {
            zip(vector.ids, vector.weights).reduce(0) { keys[Int($1.0)].hasPrefix("s:") ? $0 + $1.1 * $1.1 : $0 }
        }
        let x = wordMass(vectors[a])
        let y = wordMass(vectors[b])
        guard x > 0, y > 0 else { return 0 }
        var shared: Float = 0
        forEachShared(a, b) { id, product in if keys[Int(id)].hasPrefix("s:") { shared += product } }
        return Double(shared) / Double(x * y).squareRoot()
    }

    /// Lexical similarity of two claims in 0...1: cosine blended with the shorter claim's coverage.
    func lexical(_ a: Int, _ b: Int) -> Double {
        let x = vectors[a].mass
        let y = vectors[b].mass
        guard x > 0, y > 0 else { return 0 }
        let shared = Double(dot(a, b))
        let cosine = shared / Double(x * y).squareRoot()
        // Coverage counts only when the shorter claim says enough to be a claim on its own.
        let shorter = Double(min(x, y))
        let coverage = vectors[a].ids.count >= 3 && vectors[b].ids.count >= 3 ? min(1, shared / shorter) : cosine
        let blend = configuration.weights.coverage
        let score = (1 - blend) * cosine + blend * coverage
        guard !embeddings.isEmpty else { return score }
        let meaning = Double(max(0, StaticEmbeddings.cosine(embeddings[a], embeddings[b])))
        let share = configuration.weights.embedding
        return (1 - share) * score + share * meaning
    }
}

/// How much each kind of evidence weighs when two claims are compared (multiples of a stem's rarity).
public struct AlignmentWeights: Sendable, Hashable {
    public var name: Float
    /// Names in a claim that is mostly quoted speech (the speaker beside the quotation, mostly).
    public var quotedName: Float
    public var number: Float
    public var date: Float
    public var predicate: Float
    /// Share of the similarity that comes from coverage of the shorter claim (the rest is cosine).
    public var coverage: Double
    /// Share of the similarity that comes from the claims' sentence-embedding cosine (when a table is loaded).
    public var embedding: Double
    /// Pseudo-claims added to the story's count when rarity is computed (idf = log((claims + this) / (holders + 1))).
    public var raritySmoothing: Double

    public init(
        name: Float = 1.5, quotedName: Float = 0.5, number: Float = 1.5, date: Float = 1.5, predicate: Float = 1,
        coverage: Double = 0.5,
        raritySmoothing: Double = 10, embedding: Double = 0.3
    ) {
        self.embedding = embedding
        self.raritySmoothing = raritySmoothing
        self.name = name
        self.quotedName = quotedName
        self.number = number
        self.date = date
        self.predicate = predicate
        self.coverage = coverage
    }
}
