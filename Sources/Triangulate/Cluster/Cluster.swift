import Foundation

/// Settings of the Cluster stage; the defaults here are the ones `analyze` uses.
public struct ClusterConfiguration: Sendable, Hashable {
    /// Average-linkage similarity two groups need to merge.
    public var threshold: Double
    /// Weight of the shared-name (people, organizations) similarity; the rest is TF-IDF cosine of content words.
    public var entityWeight: Double
    /// Articles published further apart than this (when both dates are known) never share a story.
    public var windowDays: Int

    public init(threshold: Double = 0.15, entityWeight: Double = 0.45, windowDays: Int = 10) {
        self.threshold = threshold
        self.entityWeight = entityWeight
        self.windowDays = windowDays
    }

    public static let `default` = ClusterConfiguration()
}

/// How a batch is split into stories; the streaming clusterer of the scale stage implements the same protocol.
public protocol StoryGrouping: Sendable {
    /// Groups of indices into `articles`, each group in input order, groups ordered by their first article.
    func group(_ articles: [AnnotatedArticle]) -> [[Int]]
}

/// Stage 4 (batch form): average-linkage agglomerative clustering over a blend of TF-IDF cosine of stemmed content
/// words and the overlap of named people and organizations, with a publication-date window.
public struct Cluster: StoryGrouping {
    public var configuration: ClusterConfiguration

    public init(configuration: ClusterConfiguration = .default) {
        self.configuration = configuration
    }

    public func group(_ articles: [AnnotatedArticle]) -> [[Int]] {
        let count = articles.count
        guard count > 1 else { return count == 1 ? [[0]] : [] }
        let similarity = similarityMatrix(articles)
        var groups: [[Int]] = (0..<count).map { [$0] }
        while groups.count > 1 {
            var best = (score: -1.0, a: 0, b: 0)
            for a in 0..<groups.count {
                for b in (a + 1)..<groups.count {
                    var total = 0.0
                    for i in groups[a] { for j in groups[b] { total += similarity[i][j] } }
                    let score = total / Double(groups[a].count * groups[b].count)
                    if score > best.score { best = (score, a, b) }
                }
            }
            guard best.score >= configuration.threshold else { break }
            groups[best.a] = (groups[best.a] + groups[best.b]).sorted()
            groups.remove(at: best.b)
        }
        return groups.sorted { $0[0] < $1[0] }
    }

    static let backgroundDocuments = 20.0

    func similarityMatrix(_ articles: [AnnotatedArticle]) -> [[Double]] {
        let stemmer = Stemmer()
        let documents = articles.map { item -> [String: Double] in
            var counts: [String: Double] = [:]
            let text = (item.article.title.map { $0 + "\n" } ?? "") + item.article.text
            for stem in Terms.contentStems(text, stemmer: stemmer) { counts[stem, default: 0] += 1 }
            return counts
        }
        var documentFrequency: [String: Double] = [:]
        for document in documents { for term in document.keys { documentFrequency[term, default: 0] += 1 } }
        let total = Double(articles.count)
        // Sparse vectors as sorted (term, weight) pairs: sums in a fixed order give the same bits on every run.
        let vectors = documents.map { document -> [(String, Double)] in
            var vector: [(String, Double)] = []
            var norm = 0.0
            for term in document.keys.sorted() {
                // A background of pseudo-documents keeps words that every article of a one-story batch shares from
                // weighing nothing.
                let weight =
                    (1 + log(document[term]!)) * log((total + Self.backgroundDocuments) / documentFrequency[term]!)
                vector.append((term, weight))
                norm += weight * weight
            }
            norm = norm.squareRoot()
            return norm > 0 ? vector.map { ($0.0, $0.1 / norm) } : vector
        }
        let names = articles.map(Self.names)
        var matrix = Array(repeating: Array(repeating: 0.0, count: articles.count), count: articles.count)
        for i in 0..<articles.count {
            for j in (i + 1)..<articles.count {
                var cosine = 0.0
                var x = 0
                var y = 0
                let a = vectors[i]
                let b = vectors[j]
                while x < a.count && y < b.count {
                    if a[x].0 < b[y].0 {
                        x += 1
                    } else if b[y].0 < a[x].0 {
                        y += 1
                    } else {
                        cosine += a[x].1 * b[y].1
                        x += 1
                        y += 1
                    }
                }
                let shared = names[i].intersection(names[j]).count
                let union = names[i].union(names[j]).count
                let entity = union == 0 ? 0 : Double(shared) / Double(union)
                var score = (1 - configuration.entityWeight) * cosine + configuration.entityWeight * entity
                if let a = articles[i].article.published?.dayNumber, let b = articles[j].article.published?.dayNumber,
                    abs(a - b) > configuration.windowDays
                {
                    score = 0
                }
                matrix[i][j] = score
                matrix[j][i] = score
            }
        }
        return matrix
    }

    /// People (by surname) and organizations (by first word) of an article: keys that survive naming variants.
    static func names(_ item: AnnotatedArticle) -> Set<String> {
        var keys: Set<String> = []
        for person in item.annotations.people {
            if let last = person.name.split(separator: " ").last { keys.insert("p:" + last.lowercased()) }
        }
        for organization in item.annotations.organizations {
            if let first = organization.name.split(separator: " ").first { keys.insert("o:" + first.lowercased()) }
        }
        for place in item.annotations.places { keys.insert("l:" + place.name.lowercased()) }
        return keys
    }
}
