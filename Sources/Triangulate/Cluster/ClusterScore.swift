import TriangulateText
/// Scores a clustering against gold labels: B-cubed precision, recall and F1 over items (Bagga and Baldwin), and the
/// adjusted Rand index (Hubert and Arabie). Used by the clustering benchmark and its tests.
public enum ClusterScore {
    public struct Summary: Sendable, Hashable {
        public var items: Int
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var adjustedRand: Double
    }

    public static func score<P: Hashable, G: Hashable>(predicted: [P], gold: [G]) -> Summary {
        precondition(predicted.count == gold.count, "one predicted label per gold label")
        let n = predicted.count
        guard n > 0 else { return Summary(items: 0, precision: 1, recall: 1, f1: 1, adjustedRand: 1) }
        var predictedSize: [P: Int] = [:]
        var goldSize: [G: Int] = [:]
        var joint: [Pair<P, G>: Int] = [:]
        for index in 0..<n {
            predictedSize[predicted[index], default: 0] += 1
            goldSize[gold[index], default: 0] += 1
            joint[Pair(predicted[index], gold[index]), default: 0] += 1
        }
        // B³: per item, |its cluster ∩ its class| / |its cluster| (precision) and / |its class| (recall).
        var precision = 0.0
        var recall = 0.0
        for (pair, count) in joint {
            precision += Double(count * count) / Double(predictedSize[pair.a]!)
            recall += Double(count * count) / Double(goldSize[pair.b]!)
        }
        precision /= Double(n)
        recall /= Double(n)
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        func pairs(_ k: Int) -> Double { Double(k) * Double(k - 1) / 2 }
        let index = joint.values.reduce(0) { $0 + pairs($1) }
        let rows = predictedSize.values.reduce(0) { $0 + pairs($1) }
        let columns = goldSize.values.reduce(0) { $0 + pairs($1) }
        let expected = rows * columns / pairs(n)
        let maximum = (rows + columns) / 2
        let ari = maximum == expected ? 1 : (index - expected) / (maximum - expected)
        return Summary(items: n, precision: precision, recall: recall, f1: f1, adjustedRand: ari)
    }

    struct Pair<A: Hashable, B: Hashable>: Hashable {
        var a: A
        var b: B
        init(_ a: A, _ b: B) {
            self.a = a
            self.b = b
        }
    }
}
