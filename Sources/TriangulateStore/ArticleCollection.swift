import Triangulate

/// A newsroom's running collection: articles go in through the pipeline, stories are formed and kept in a `Store`.
public struct ArticleCollection: Sendable {
    public let store: any Store
    public let pipeline: Pipeline
    /// Group the whole collection anew on every write instead of adding new articles to the stored stories.
    public var regroupAll: Bool

    public init(store: any Store, pipeline: Pipeline = Pipeline(), regroupAll: Bool = false) {
        self.store = store
        self.pipeline = pipeline
        self.regroupAll = regroupAll
    }

    public struct Summary: Sendable, Hashable {
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        public var failures: [Failure] = []
        public var skipped: [SkippedInput] = []
        public var stories = 0
    }

    /// Extracts and annotates the files under `paths`, stores them (an article stored already with the same text
    /// is left alone), then groups the new ones into the stored stories and stores the stories that changed.
    /// On SQLite, articles are committed `chunkSize` at a time, and `stored` hears the ids of each chunk once it is
    /// durable: an ingest killed midway keeps every article it reported, and the next ingest forms the stories it
    /// did not. On a store whose exclusive writes are atomic (PostgreSQL) the whole ingest is one transaction, and
    /// `stored` hears every id once it has committed.
    /// `documents` (pages fetched from the web) and `failures` (URLs that could not be) join the files' batch;
    /// `amend` sees each article from a document after extraction.
    public func ingest(
        paths: [String], documents: [Document] = [], failures: [Failure] = [],
        amend: ((inout Article) -> Void)? = nil, progress: (@Sendable (PipelineProgress) -> Void)? = nil,
        stored: (([String]) -> Void)? = nil
    ) throws(StoreError)
        -> Summary
    {
        let fresh = pipeline.analyzeArticles(
            paths: paths, documents: documents, failures: failures, amend: amend, progress: progress)
        return try record(fresh, progress: progress, stored: stored)
    }

    /// Articles per write transaction.
    public static let chunkSize = 64

    /// Extracts and annotates documents already in memory (a request body, say) and stores them as
    /// `ingest(paths:)` does, grouping them into the stored stories. `amend` sees each article after extraction, before
    /// annotation (to set a title, outlet or date the caller knows). A document Extract or Annotate refuses is a
    /// failure in the summary, named by its origin; `store.storyID(ofArticle:)` then tells each new article's story.
    /// A long-lived writer passes the same `cache` to every call (see `GroupingCache`).
    public func add(
        documents: [Document], amend: ((inout Article) -> Void)? = nil,
        progress: (@Sendable (PipelineProgress) -> Void)? = nil, cache: GroupingCache? = nil
    ) throws(StoreError) -> Summary {
        try record(
            pipeline.analyzeArticles(documents: documents, amend: amend, progress: progress), progress: progress,
            cache: cache)
    }

    /// Stores articles extracted and annotated elsewhere (`Pipeline.analyzeArticles`), grouping them into the stored
    /// stories as `add(documents:)` does: for a writer that analyzes outside the transaction it writes in.
    public func add(analyzed: AnalysisResult, cache: GroupingCache? = nil) throws(StoreError) -> Summary {
        try record(analyzed, progress: nil, cache: cache)
    }

    /// Groups the whole stored collection anew, as `analyze` does (with the revision passes that online assignment
    /// leaves out), and writes every story: what workers run once the queue is idle.
    public func regroupEverything(progress: (@Sendable (PipelineProgress) -> Void)? = nil) throws(StoreError) {
        try store.exclusiveWrite { writer throws(StoreError) in
            try ArticleCollection(store: writer.store, pipeline: pipeline, regroupAll: regroupAll)
                .regroup(inserted: [], changed: true, cache: nil, progress: progress)
        }
    }

    /// Stores freshly annotated articles, then groups them into the stored stories (see `regroup`), as one
    /// exclusive write of the store. On a store that commits the write at once, `stored` hears the ids after it did.
    /// A write that fails leaves `cache` empty: what it kept may hold what was rolled back.
    private func record(
        _ fresh: AnalysisResult, progress: (@Sendable (PipelineProgress) -> Void)?,
        stored: (([String]) -> Void)? = nil, cache: GroupingCache? = nil
    ) throws(StoreError) -> Summary {
        var committedLater: [[String]] = []
        let summary: Summary
        do {
            summary = try store.exclusiveWrite { writer throws(StoreError) in
                try ArticleCollection(store: writer.store, pipeline: pipeline, regroupAll: regroupAll)
                    .recordExclusively(
                        fresh, progress: progress,
                        stored: { ids in writer.atomic ? committedLater.append(ids) : stored?(ids) }, cache: cache)
            }
        } catch {
            cache?.invalidate()
            throw error
        }
        for ids in committedLater { stored?(ids) }
        return summary
    }

    private func recordExclusively(
        _ fresh: AnalysisResult, progress: (@Sendable (PipelineProgress) -> Void)?,
        stored: (([String]) -> Void)?, cache: GroupingCache?
    ) throws(StoreError) -> Summary {
        var summary = Summary(failures: fresh.failures, skipped: fresh.skipped)
        var inserted: [AnnotatedArticle] = []
        var start = 0
        while start < fresh.articles.count {
            let chunk = Array(fresh.articles[start..<min(start + Self.chunkSize, fresh.articles.count)])
            start += chunk.count
            for (article, outcome) in zip(chunk, try store.put(chunk)) {
                switch outcome {
                case .inserted:
                    summary.inserted += 1
                    inserted.append(article)
                case .updated: summary.updated += 1
                case .unchanged: summary.unchanged += 1
                }
            }
            stored?(chunk.map(\.article.id))
        }
        // Nothing new and every article in a story: the stories stand as stored.
        if summary.inserted + summary.updated == 0, try store.articlesWithoutStory() == 0 {
            summary.stories = try store.counts().stories
            return summary
        }
        try regroup(inserted: inserted, changed: summary.updated > 0, cache: cache, progress: progress)
        summary.stories = try store.counts().stories
        return summary
    }

    /// Groups the new articles into the stored stories: the stored grouping (replayed from the cluster state, or
    /// kept in `cache` since this writer's last write) takes the new articles, and only the stories that changed
    /// are corroborated again and written (with the new articles' cluster features, in one transaction). The whole
    /// collection is grouped anew instead when `regroupAll` is set, when nothing is grouped yet, when an article's
    /// text changed, or when some stored article has no cluster features or no story (a database from before the
    /// cluster state, or an ingest that stopped midway).
    private func regroup(
        inserted: [AnnotatedArticle], changed: Bool, cache: GroupingCache?,
        progress: (@Sendable (PipelineProgress) -> Void)?
    ) throws(StoreError) {
        var grouping: CollectionGrouping?
        if !changed && !regroupAll {
            let kept = cache?.grouping
            cache?.grouping = nil  // until the write below succeeds
            if let kept, let version = cache?.version, try store.clusterStateVersion() == version,
                kept.count + inserted.count == (try store.counts().articles)
            {
                grouping = kept
            } else {
                grouping = try storedGrouping(expecting: inserted.count)
            }
        }
        let (regrouping, grown) =
            grouping == nil
            ? pipeline.regroup(nil, fresh: try store.articles(), load: { _ in [] }, progress: progress)
            : try pipeline.regroup(
                grouping, fresh: inserted, load: { ids throws(StoreError) in try store.articles(ids: ids) },
                progress: progress)
        let entries = regrouping.added.map { added in
            ClusterStateEntry(
                article: added.article, position: added.position, story: nil, features: added.features.bytes)
        }
        try store.replaceStories(
            touching: regrouping.touchedArticles, with: regrouping.stories,
            clusterState: ClusterStateChange(resetAll: grouping == nil, entries: entries))
        if let cache {
            cache.grouping = grown
            cache.version = try store.clusterStateVersion()
        }
    }

    /// The stored grouping, when every stored article but the `newArticles` just inserted has readable cluster
    /// features and a story; nil otherwise.
    private func storedGrouping(expecting newArticles: Int) throws(StoreError) -> CollectionGrouping? {
        let state = try store.clusterState()
        guard !state.isEmpty, state.count + newArticles == (try store.counts().articles) else { return nil }
        var members: [StoredClusterMember] = []
        members.reserveCapacity(state.count)
        for entry in state {
            guard let story = entry.story, let features = try? ClusterFeatures(bytes: entry.features) else {
                return nil
            }
            members.append(StoredClusterMember(article: entry.article, story: story, features: features))
        }
        return CollectionGrouping(
            configuration: pipeline.configuration.cluster, stored: members,
            nextPosition: (state.last?.position ?? -1) + 1)
    }

    /// The stored stories and the articles they hold, as `analyze` would report them.
    public func report(limit: Int = .max, offset: Int = 0) throws(StoreError) -> AnalysisResult {
        let stories = try store.stories(limit: limit, offset: offset)
        let ids = Set(stories.flatMap(\.articles))
        let articles = try store.articles(ids: ids.sorted())
        return AnalysisResult(articles: articles, stories: stories, failures: [])
    }
}

/// The grouping a long-lived writer (the server's) keeps between its writes: without it every write replays the
/// whole stored grouping, a cost in proportion to the collection. It is used only while the store's cluster state is
/// the one this writer last wrote (`Store.clusterStateVersion()`); a write by anyone else makes the next write
/// replay the stored state. Owned by one writer at a time (the server's writer actor).
public final class GroupingCache: @unchecked Sendable {
    var grouping: CollectionGrouping?
    var version: ClusterStateVersion?

    public init() {}

    /// Forgets the kept grouping (after a write that was rolled back): the next write replays the stored one.
    public func invalidate() {
        grouping = nil
        version = nil
    }
}
