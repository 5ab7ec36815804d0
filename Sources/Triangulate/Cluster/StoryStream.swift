import TriangulateText
import Foundation

/// One article as the clusterer reads it (`triangulate cluster` input line, or an extracted article).
public struct ClusterItem: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var text: String
    public var published: CalendarDate?

    public init(id: String, title: String? = nil, text: String, published: CalendarDate? = nil) {
        self.id = id
        self.title = title
        self.text = text
        self.published = published
    }
}

/// A near-duplicate pair: `copy` (the later article, by input order) repeats most of `source`'s wording.
public struct DuplicateEdge: Sendable, Hashable, Codable {
    public var copy: Int
    public var source: Int
    /// Estimated Jaccard similarity of the two articles' word 4-shingles.
    public var similarity: Double

    public init(copy: Int, source: Int, similarity: Double) {
        self.copy = copy
        self.source = source
        self.similarity = similarity
    }
}

/// The online clusterer: each article joins the most similar active story above the threshold or starts a new one;
/// stories keep their number as they grow (a merged story answers to the older number). Deterministic: the input
/// order alone decides, ties go to the older story. Not thread-safe; features may be computed in parallel.
final class StoryStream {
    let configuration: ClusterConfiguration

    struct Story {
        var centroid = FeatureMap<Float>()
        var normSquared: Double = 0
        var size = 0
        /// Articles in the story (revision moves them; a grown collection asks for the stories of new articles).
        var members: [Int] = []
        var firstDay: Int?
        var lastDay: Int?
        var lastArticle = 0
        var indexed: Set<UInt64> = []
        var retired = false
    }

    var stories: [Story] = []
    /// Merges: `parent[s] == s` for a live story; otherwise the story it was merged into.
    var parent: [Int] = []
    /// Feature → stories indexed under it (may hold retired or merged stories; filtered on read).
    var postings: [UInt64: [Int32]] = [:]
    var documentFrequency = FeatureMap<Int32>()
    var documents = 0
    /// Story of each article at the time it was assigned (resolve through `parent`).
    private(set) var assignments: [Int32] = []
    private(set) var lineage: [DuplicateEdge] = []
    /// LSH buckets (band, band hash) → articles, and the signatures of articles still in the window.
    var buckets: [UInt64: [Int32]] = [:]
    var signatures: [Int: [UInt32]] = [:]
    var signatureOrder: [(article: Int, day: Int?)] = []
    var signatureHead = 0
    var touched: Set<Int> = []
    var newestDay: Int?
    var retirementCursor = 0

    init(configuration: ClusterConfiguration) {
        self.configuration = configuration
    }

    /// The live story an article belongs to now.
    func story(ofArticle article: Int) -> Int { find(Int(assignments[article])) }

    func find(_ story: Int) -> Int {
        var root = story
        while parent[root] != root { root = parent[root] }
        var node = story
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    /// Adds articles in order: each counts towards term rarity, then is assigned. Nothing later changes how an
    /// earlier article was assigned (only merges, which keep the older id).
    func add(_ batch: [StoryFeatures]) {
        for features in batch {
            count(features)
            assign(features)
        }
    }

    /// Final pass: merges the stories that converged, then (with `revise`) the revision passes.
    func finish(revise: Bool = true) {
        mergePass()
        if revise { for _ in 0..<configuration.refinePasses { refine() } }
    }

    /// Stream stories of restored articles, by the name their collection gives them.
    var restoredStories: [String: Int] = [:]

    /// Replays an article whose story is known: the same counting, near-duplicate and indexing steps as `assign`,
    /// but it joins `name`'s story instead of choosing one, and nothing merges.
    func restore(_ features: StoryFeatures, story name: String) {
        count(features)
        let article = assignments.count
        let vector = vector(features)
        let top = topKeys(vector)
        if let day = features.day { newestDay = max(newestDay ?? day, day) }
        if let (source, similarity) = nearestDuplicate(features.signature) {
            lineage.append(DuplicateEdge(copy: article, source: source, similarity: similarity))
        }
        let target: Int
        if let known = restoredStories[name] {
            target = find(known)
        } else {
            target = stories.count
            stories.append(Story())
            parent.append(target)
            restoredStories[name] = target
        }
        join(target, vector: vector, day: features.day, article: article, top: top)
        assignments.append(Int32(target))
        remember(features.signature, article: article, day: features.day)
        if (article + 1) % max(1, configuration.mergeInterval) == 0 { retire() }
    }

    /// Vectors (and days) of the articles whose stories are live, for `refine`.
    /// For revision: the first article of each live near-duplicate's group of copies.
    var copySource: [Int: Int] = [:]
    var liveVectors: [Int: (vector: [(key: UInt64, weight: Float)], day: Int?, top: [UInt64])] = [:]

    /// Revisits the articles of live stories in input order: one that is now closer to another story's centroid
    /// (above the threshold) than to its own story without it moves there. Story numbers do not change; a story
    /// left empty is gone.
    func refine() {
        if configuration.splitGain > 0 { splitMixedStories() }
        for article in liveVectors.keys.sorted() {
            guard let (vector, day, top) = liveVectors[article] else { continue }
            let own = find(Int(assignments[article]))
            guard !stories[own].retired else { continue }
            var ownScore = -1.0
            if stories[own].size > 1 {
                let dot = Self.dot(vector, stories[own].centroid)
                let rest = stories[own].normSquared - 2 * dot + 1
                ownScore = rest > 1e-9 ? (dot - 1) / rest.squareRoot() : -1
            }
            guard let best = closestStory(vector, top: top, day: day, excluding: own),
                best.score >= configuration.threshold, best.score > ownScore
            else { continue }
            leave(own, vector: vector, article: article)
            join(best.story, vector: vector, day: day, article: article, top: top)
            assignments[article] = Int32(best.story)
        }
    }

    /// A live story whose members fall into two groups (two events of the same kind that were merged) is split in
    /// two (`StorySplit`): the group holding its first article keeps the number. Near-duplicates (copies, wire text)
    /// count as one member: a story made of a few articles and their copies is not split along the copies.
    func splitMixedStories() {
        var members: [Int: [Int]] = [:]
        for article in liveVectors.keys.sorted() {
            members[find(Int(assignments[article])), default: []].append(article)
        }
        for story in members.keys.sorted() {
            let members = members[story]!
            guard members.count >= configuration.minimumSplitSize else { continue }
            // Units: each article with its near-duplicates in the story, as one averaged vector.
            var unitOf: [Int: Int] = [:]
            var units: [[Int]] = []
            for article in members {
                if let source = copySource[article], let unit = unitOf[source] {
                    unitOf[article] = unit
                    units[unit].append(article)
                } else {
                    unitOf[article] = units.count
                    units.append([article])
                }
            }
            guard units.count >= configuration.minimumSplitSize else { continue }
            let vectors = units.map { unit -> StorySplit.Vector in
                if unit.count == 1 { return liveVectors[unit[0]]!.vector }
                var sum = FeatureMap<Float>()
                for article in unit { for (key, weight) in liveVectors[article]!.vector { sum.add(key, weight) } }
                let length = sum.reduce(Float(0)) { $0 + $1.value * $1.value }.squareRoot()
                return sum.map { ($0.key, $0.value / length) }
            }
            guard let partition = StorySplit(vectors).bestPartition(), partition.gain > configuration.splitGain,
                partition.similarity < configuration.splitSimilarity,
                partition.side.filter({ $0 }).count >= 2, partition.side.filter({ !$0 }).count >= 2
            else { continue }
            // The side without the story's first article moves to a new story.
            let leaving = !partition.side[0]
            let target = stories.count
            stories.append(Story())
            parent.append(target)
            for index in units.indices where partition.side[index] == leaving {
                for article in units[index] {
                    let (vector, day, top) = liveVectors[article]!
                    leave(story, vector: vector, article: article)
                    join(target, vector: vector, day: day, article: article, top: top)
                    assignments[article] = Int32(target)
                }
            }
        }
    }

    func leave(_ source: Int, vector: [(key: UInt64, weight: Float)], article: Int) {
        var story = stories[source]
        stories[source] = Story()
        for (key, weight) in vector {
            guard let old = story.centroid[key] else { continue }
            let new = old - weight
            story.normSquared += Double(new * new - old * old)
            story.centroid.add(key, abs(new) < 1e-6 ? -old : -weight)
        }
        story.size -= 1
        if let position = story.members.firstIndex(of: article) { story.members.remove(at: position) }
        if story.size <= 0 {
            story = Story()
            story.retired = true
        }
        stories[source] = story
    }

    func count(_ features: StoryFeatures) {
        documents += 1
        for (key, _) in features.counts { documentFrequency.add(key, 1) }
    }

    /// Dot product of an article's vector with a centroid.
    static func dot(_ vector: [(key: UInt64, weight: Float)], _ centroid: FeatureMap<Float>) -> Double {
        var dot: Double = 0
        for (key, weight) in vector { if let value = centroid[key] { dot += Double(weight * value) } }
        return dot
    }

    /// The candidate story (live, within the date window) whose centroid is most similar to the article, by cosine;
    /// ties go to the older story (candidates come in story order).
    func closestStory(
        _ vector: [(key: UInt64, weight: Float)], top: [UInt64], day: Int?, excluding: Int? = nil
    ) -> (story: Int, score: Double)? {
        var best: (story: Int, score: Double)?
        for candidate in candidates(top: top) where candidate != excluding {
            let story = stories[candidate]
            guard compatible(story, day: day), story.normSquared > 0 else { continue }
            let score = Self.dot(vector, story.centroid) / story.normSquared.squareRoot()
            if score > (best?.score ?? -1) { best = (candidate, score) }
        }
        return best
    }

    /// TF-IDF weights, normalized; names weigh `nameWeight` times more.
    func vector(_ features: StoryFeatures) -> [(key: UInt64, weight: Float)] {
        var vector: [(key: UInt64, weight: Float)] = []
        vector.reserveCapacity(features.counts.count)
        var norm: Float = 0
        let total = Float(documents) + Float(configuration.backgroundDocuments)
        for (key, count) in features.counts {
            let df = Float(documentFrequency[key] ?? 1)
            let idf: Float = logf((1 + total) / (1 + df)) + 1
            var weight: Float = (1 + logf(count)) * idf
            if StoryFeatures.isName(key) {
                weight *= Float(StoryFeatures.isPlace(key) ? configuration.placeWeight : configuration.nameWeight)
            }
            vector.append((key, weight))
            norm += weight * weight
        }
        norm = norm.squareRoot()
        if norm > 0 { for index in vector.indices { vector[index].weight /= norm } }
        return vector
    }

    func compatible(_ story: Story, day: Int?) -> Bool {
        guard let day, let first = story.firstDay, let last = story.lastDay else { return true }
        return day >= first - configuration.windowDays && day <= last + configuration.windowDays
    }

    func assign(_ features: StoryFeatures) {
        let article = assignments.count
        let vector = vector(features)
        let top = topKeys(vector)
        if let day = features.day { newestDay = max(newestDay ?? day, day) }

        // Near-duplicates first: a copy belongs with its source.
        var duplicateStory: Int?
        if let (source, similarity) = nearestDuplicate(features.signature) {
            lineage.append(DuplicateEdge(copy: article, source: source, similarity: similarity))
            if configuration.refinePasses > 0 { copySource[article] = copySource[source] ?? source }
            let story = find(Int(assignments[source]))
            if !stories[story].retired && compatible(stories[story], day: features.day) { duplicateStory = story }
        }

        let best = duplicateStory.map { (story: $0, score: 1.0) } ?? closestStory(vector, top: top, day: features.day)
        let target: Int
        if let best, best.score >= configuration.threshold {
            target = best.story
        } else {
            target = stories.count
            stories.append(Story())
            parent.append(target)
        }
        join(target, vector: vector, day: features.day, article: article, top: top)
        assignments.append(Int32(target))
        if configuration.refinePasses > 0 { liveVectors[article] = (vector, features.day, top) }
        remember(features.signature, article: article, day: features.day)
        touched.insert(target)
        if (article + 1) % max(1, configuration.mergeInterval) == 0 {
            mergePass()
            retire()
        }
    }

    func join(
        _ target: Int, vector: [(key: UInt64, weight: Float)], day: Int?, article: Int, top: [UInt64]
    ) {
        var story = stories[target]
        stories[target] = Story()  // keep the dictionaries uniquely referenced while they change
        for (key, weight) in vector {
            let old = story.centroid.add(key, weight)
            story.normSquared += Double(2 * old * weight + weight * weight)
        }
        story.size += 1
        story.members.append(article)
        story.lastArticle = max(story.lastArticle, article)
        if let day {
            story.firstDay = min(story.firstDay ?? day, day)
            story.lastDay = max(story.lastDay ?? day, day)
        }
        // Index the story under the article's heaviest features.
        for key in top where story.indexed.insert(key).inserted {
            postings[key, default: []].append(Int32(target))
        }
        stories[target] = story
    }

    /// The article's heaviest features, the ones it is retrieved and indexed by.
    func topKeys(_ vector: [(key: UInt64, weight: Float)]) -> [UInt64] {
        vector.sorted(by: { ($0.weight, $0.key) > ($1.weight, $1.key) }).prefix(max(0, configuration.candidateTerms))
            .map(\.key)
    }

    /// Per-story hit counters for `candidates`, zero between calls.
    var hitCounts: [Int32] = []

    /// Live stories sharing the article's heaviest features, most shared first, at most `maxCandidates`, in story
    /// order. Posting lists that are mostly retired stories are compacted on the way.
    func candidates(top: [UInt64]) -> [Int] {
        if hitCounts.count < stories.count {
            hitCounts += repeatElement(0, count: stories.count - hitCounts.count)
        }
        var touched: [Int] = []
        for key in top {
            guard let list = postings[key], list.count <= configuration.maxPostings else { continue }
            var stale = 0
            for raw in list {
                let story = find(Int(raw))
                if stories[story].retired {
                    stale += 1
                    continue
                }
                if hitCounts[story] == 0 { touched.append(story) }
                hitCounts[story] += 1
            }
            if stale * 2 > list.count {
                let live = list.filter { !stories[find(Int($0))].retired }
                postings[key] = live.isEmpty ? nil : live
            }
        }
        var found = touched.map { (story: $0, hits: hitCounts[$0]) }
        for story in touched { hitCounts[story] = 0 }
        if found.count > configuration.maxCandidates {
            found.sort { ($0.hits, -$0.story) > ($1.hits, -$1.story) }
            found.removeLast(found.count - configuration.maxCandidates)
        }
        return found.map(\.story).sorted()
    }
}
