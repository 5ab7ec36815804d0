import Triangulate

/// A running collection of articles and the stories they form, as the store keeps it. Designed for two engines
/// (SQLite now, PostgreSQL next): nothing here depends on one engine's semantics. Every method is safe to call from
/// any thread; writes are transactions.
public protocol Store: Sendable {
    /// Stores articles with their annotations. An article whose id is already stored with the same text is left
    /// as it is (re-ingesting is idempotent); with a different text it is replaced. One outcome per article.
    func put(_ articles: [AnnotatedArticle]) throws(StoreError) -> [PutOutcome]
    /// Every stored article, by id.
    func articles() throws(StoreError) -> [AnnotatedArticle]
    /// The stored articles with these ids (unknown ids are left out), by id.
    func articles(ids: [String]) throws(StoreError) -> [AnnotatedArticle]
    /// Replaces the stories of the given articles: stories holding any of `articleIDs` are deleted and `stories`
    /// are written in their place, with their facts, conflicts, quotes, flags and lineage; in the same transaction
    /// the cluster state changes as `clusterState` says.
    func replaceStories(
        touching articleIDs: Set<String>, with stories: [Story], clusterState: ClusterStateChange
    ) throws(StoreError)
    /// The Cluster stage's state: every article that has cluster features, in the order they were added, with the
    /// story holding it (nil when none does).
    func clusterState() throws(StoreError) -> [ClusterStateEntry]
    /// What changes with every write of stories or cluster state: a writer that keeps the grouping in memory checks
    /// it before trusting what it kept.
    func clusterStateVersion() throws(StoreError) -> ClusterStateVersion
    /// Stories, most recently updated first, `limit` from `offset`.
    func stories(limit: Int, offset: Int) throws(StoreError) -> [Story]
    func story(id: String) throws(StoreError) -> Story?
    /// The story `id` as the JSON contract writes it (`JSONReport.render(story:)`), read without decoding it.
    func storyDocument(id: String) throws(StoreError) -> String?
    /// The id of the story holding the article `id`, nil when no stored story holds it.
    func storyID(ofArticle id: String) throws(StoreError) -> String?
    /// How many stories and articles are stored.
    func counts() throws(StoreError) -> (articles: Int, stories: Int)
    /// How many stored articles no stored story holds (articles stored by an ingest that stopped before it formed
    /// the stories).
    func articlesWithoutStory() throws(StoreError) -> Int
    /// A watched feed's state; nil before its first check.
    func feedState(url: String) throws(StoreError) -> FeedState?
    /// Saves a feed's state and marks `seen` item keys as seen, in one transaction.
    func saveFeedState(_ state: FeedState, seen: [String]) throws(StoreError)
    /// Which of `keys` (item guids or links) the feed has not had yet.
    func unseenItems(feed url: String, keys: [String]) throws(StoreError) -> Set<String>
    /// Full-text search over titles and texts: best matches first.
    func search(_ query: String, limit: Int) throws(StoreError) -> [SearchHit]
    /// Runs a write that reads the grouping and writes what follows from it (storing articles, grouping them,
    /// writing stories) so that no other writer of the store interleaves: on a store several processes share
    /// (PostgreSQL) in one transaction under the store's grouping lock, with `atomic` set (nothing is durable before
    /// `body` returns). The default runs `body` on the store itself (SQLite: each transaction of the write has the file
    /// to itself, but two processes writing one file at once can still interleave their groupings).
    func exclusiveWrite<T>(_ body: (StoreWriter) throws(StoreError) -> T) throws(StoreError) -> T
}

extension Store {
    public func exclusiveWrite<T>(_ body: (StoreWriter) throws(StoreError) -> T) throws(StoreError) -> T {
        try body(StoreWriter(store: self, atomic: false))
    }
}

/// The store an exclusive write goes through, and whether the whole write commits at once (then nothing it writes
/// is durable before it returns).
public struct StoreWriter: Sendable {
    public var store: any Store
    public var atomic: Bool

    public init(store: any Store, atomic: Bool) {
        self.store = store
        self.atomic = atomic
    }
}

/// One article's stored cluster features and its place in the order articles were added.
public struct ClusterStateEntry: Sendable, Hashable {
    public var article: String
    public var position: Int
    public var story: String?
    public var features: [UInt8]

    public init(article: String, position: Int, story: String?, features: [UInt8]) {
        self.article = article
        self.position = position
        self.story = story
        self.features = features
    }
}

/// The size of the cluster state and the last story write's sequence number.
public struct ClusterStateVersion: Sendable, Hashable {
    public var members: Int
    public var lastPosition: Int
    public var storySequence: Int

    public init(members: Int, lastPosition: Int, storySequence: Int) {
        self.members = members
        self.lastPosition = lastPosition
        self.storySequence = storySequence
    }
}

/// How a write changes the cluster state: `resetAll` forgets every stored entry first (the collection was grouped
/// anew), then `entries` are written.
public struct ClusterStateChange: Sendable, Hashable {
    public var resetAll: Bool
    public var entries: [ClusterStateEntry]

    public init(resetAll: Bool, entries: [ClusterStateEntry]) {
        self.resetAll = resetAll
        self.entries = entries
    }
}

/// A watched feed: the validators of its last response (for a conditional request), its failures in a row, and when
/// to check it next (seconds since 1970; later after failures: backoff).
public struct FeedState: Sendable, Hashable, Codable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var failures: Int
    public var nextCheck: Double

    public init(url: String, etag: String? = nil, lastModified: String? = nil, failures: Int = 0, nextCheck: Double = 0)
    {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.failures = failures
        self.nextCheck = nextCheck
    }
}

public enum PutOutcome: String, Sendable, Hashable {
    case inserted, updated, unchanged
}

/// One article matching a search: its story (nil before stories are formed), title, and a snippet with the
/// matched words between `[` and `]`.
public struct SearchHit: Sendable, Hashable, Codable {
    public var article: String
    public var story: String?
    public var title: String?
    public var snippet: String

    public init(article: String, story: String?, title: String?, snippet: String) {
        self.article = article
        self.story = story
        self.title = title
        self.snippet = snippet
    }
}

/// What went wrong in the store, and on which database or operation.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case failed(operation: String, reason: String)
    case corrupt(what: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open the database \(path): \(reason)"
        case .failed(let operation, let reason): return "the database could not \(operation): \(reason)"
        case .corrupt(let what, let reason): return "stored \(what) cannot be read: \(reason)"
        }
    }
}
