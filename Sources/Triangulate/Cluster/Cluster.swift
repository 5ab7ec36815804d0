import TriangulateText
import Foundation

/// How a batch is split into stories; the streaming clusterer of the scale stage implements the same protocol.
public protocol StoryGrouping: Sendable {
    /// Groups of indices into `articles`, each group in input order, groups ordered by their first article.
    func group(_ articles: [AnnotatedArticle]) -> [[Int]]
}

/// What clustering a stream gives: for each article (in input order), its story, named by the input position of the
/// story's first article — so a story keeps its name as the stream grows, and a story merged into an older one takes
/// the older one's name; and the near-duplicate edges found on the way.
public struct ClusterResult: Sendable, Hashable {
    public var stories: [Int]
    public var duplicates: [DuplicateEdge]
}

/// Stage 4: story clustering. Candidates come from an inverted index over each story's heaviest features and from
/// MinHash LSH over word shingles (near-duplicates); they are scored by TF-IDF cosine of stemmed content words and
/// names against the story centroid, within a publication-date window. `group` (a batch, for `analyze`) and
/// `ClusterSession` (a stream, for `triangulate cluster`) run the same code with the same defaults.
public struct Cluster: StoryGrouping {
    public var configuration: ClusterConfiguration

    public init(configuration: ClusterConfiguration = .default) {
        self.configuration = configuration
    }

    public func group(_ articles: [AnnotatedArticle]) -> [[Int]] {
        Self.groups(cluster(articles.map(ClusterItem.init)).stories)
    }

    /// Article indices per story, each in input order, stories ordered by their first article.
    public static func groups(_ stories: [Int]) -> [[Int]] {
        var groups: [Int: [Int]] = [:]
        for (index, story) in stories.enumerated() { groups[story, default: []].append(index) }
        return groups.values.sorted { $0[0] < $1[0] }
    }

    /// Clusters a whole batch as one stream in input order.
    public func cluster(_ items: [ClusterItem]) -> ClusterResult {
        let session = ClusterSession(configuration: configuration)
        session.add(items)
        return session.finish()
    }
}

/// A stream being clustered: `add` batches as they arrive (features are computed on all cores, assignment runs in
/// input order), then `finish`.
public final class ClusterSession {
    public let configuration: ClusterConfiguration
    private let stream: StoryStream
    private let workers: Int
    private var extractors: [StoryFeatureExtractor]

    public init(configuration: ClusterConfiguration = .default, workers: Int? = nil) {
        self.configuration = configuration
        self.stream = StoryStream(configuration: configuration)
        self.workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
        self.extractors = (0..<self.workers).map { _ in StoryFeatureExtractor(configuration: configuration) }
    }

    /// Articles added so far.
    public var count: Int { stream.assignments.count }

    public func add(_ items: [ClusterItem]) {
        add(features(items))
    }

    /// The features of `items`, computed on all cores: to add now, or to keep for `restore` later.
    public func features(_ items: [ClusterItem]) -> [ClusterFeatures] {
        guard !items.isEmpty else { return [] }
        nonisolated(unsafe) let extractors = self.extractors  // each worker uses its own
        return Parallel.map(count: items.count, workers: workers) { worker, index in
            let item = items[index]
            return ClusterFeatures(
                extractors[worker].features(title: item.title, text: item.text, day: item.published?.dayNumber))
        }
    }

    /// Articles in order, each assigned to a story as it comes.
    public func add(_ features: [ClusterFeatures]) {
        stream.add(features.map(\.value))
    }

    /// An article whose story is already decided (a stored collection's grouping, replayed in the order its articles
    /// were added): it counts towards term rarity and near-duplicates and joins the story named `story` (the first
    /// article restored with that name starts it), so that articles added after it are assigned as if the stream
    /// had never stopped.
    public func restore(_ features: ClusterFeatures, story: String) {
        stream.restore(features.value, story: story)
    }

    /// After articles were added to restored ones: a merge pass over the stories that took them, then each story
    /// holding an article from position `first` on (its articles' positions, in order), and the near-duplicate edges
    /// inside those stories. Costs what those stories hold, not what the session holds.
    public func finishAdding(from first: Int) -> (stories: [[Int]], duplicates: [DuplicateEdge]) {
        stream.finish(revise: false)
        var roots: [Int] = []
        var seen: Set<Int> = []
        for article in first..<stream.assignments.count {
            let root = stream.story(ofArticle: article)
            if seen.insert(root).inserted { roots.append(root) }
        }
        let groups = roots.map { stream.stories[$0].members.sorted() }
        let inside = Set(groups.joined())
        let duplicates = stream.lineage.filter { inside.contains($0.copy) && inside.contains($0.source) }
        return (groups, duplicates)
    }

    /// The story of every article added or restored, after a last merge pass over the stories that took new
    /// articles and, with `revise`, the revision passes (which may move any article).
    public func finish(revise: Bool = true) -> ClusterResult {
        stream.finish(revise: revise)
        var first: [Int: Int] = [:]
        var stories: [Int] = []
        stories.reserveCapacity(stream.assignments.count)
        for article in 0..<stream.assignments.count {
            let story = stream.story(ofArticle: article)
            if first[story] == nil { first[story] = article }
            stories.append(first[story]!)
        }
        return ClusterResult(stories: stories, duplicates: stream.lineage)
    }
}

extension ClusterItem {
    /// An extracted, annotated article as the clusterer reads it.
    public init(_ item: AnnotatedArticle) {
        self.init(
            id: item.article.id, title: item.article.title, text: item.article.text, published: item.article.published)
    }

    /// One `triangulate cluster` input line: `{"id", "text", "title"?, "published"?}`, other members ignored.
    /// `published` may be an ISO date or timestamp ("2026-01-31", "2026-01-31T09:30:00Z") or a written date.
    public static func parse(line: UnsafeBufferPointer<UInt8>, number: Int) throws(JSONLines.Failure) -> ClusterItem {
        let fields = try JSONLines.strings(in: line, keys: ["id", "text", "title", "published"], line: number)
        guard let id = fields["id"], !id.isEmpty else {
            throw .malformed(line: number, reason: "no \"id\" string")
        }
        guard let text = fields["text"] else { throw .malformed(line: number, reason: "no \"text\" string") }
        var published: CalendarDate?
        if let value = fields["published"]?.trimming(" ") {
            published = DateGrammar.parseISO(value) ?? DateGrammar.parseLeadingDate(value).map(\.0)
            if published?.isComplete != true { published = nil }
        }
        return ClusterItem(id: id, title: fields["title"], text: text, published: published)
    }
}
