import Triangulate

/// A newsroom's running collection: articles go in through the pipeline, stories are formed and kept in a `Store`.
public struct ArticleCollection: Sendable {
    public let store: any Store
    public let pipeline: Pipeline

    public init(store: any Store, pipeline: Pipeline = Pipeline()) {
        self.store = store
        self.pipeline = pipeline
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
    /// is left alone), then forms the stories again over the whole collection and stores those that changed.
    /// Articles are committed `chunkSize` at a time, and `stored` hears the ids of each chunk once it is durable:
    /// an ingest killed midway keeps every article it reported, and the next ingest forms the stories it did not.
    public func ingest(
        paths: [String], progress: (@Sendable (PipelineProgress) -> Void)? = nil,
        stored: (([String]) -> Void)? = nil
    ) throws(StoreError)
        -> Summary
    {
        try record(pipeline.analyzeArticles(paths: paths, progress: progress), progress: progress, stored: stored)
    }

    /// Articles per write transaction.
    public static let chunkSize = 64

    /// Extracts and annotates documents already in memory (a request body, say) and stores them as
    /// `ingest(paths:)` does, forming the stories again. `amend` sees each article after extraction, before
    /// annotation (to set a title, outlet or date the caller knows). A document Extract or Annotate refuses is a
    /// failure in the summary, named by its origin; `store.storyID(ofArticle:)` then tells each new article's story.
    public func add(
        documents: [Document], amend: ((inout Article) -> Void)? = nil,
        progress: (@Sendable (PipelineProgress) -> Void)? = nil
    ) throws(StoreError) -> Summary {
        try record(pipeline.analyzeArticles(documents: documents, amend: amend, progress: progress), progress: progress)
    }

    /// Stores freshly annotated articles, then forms the stories over the whole collection and stores them when
    /// anything changed.
    private func record(
        _ fresh: AnalysisResult, progress: (@Sendable (PipelineProgress) -> Void)?,
        stored: (([String]) -> Void)? = nil
    ) throws(StoreError) -> Summary {
        var summary = Summary(failures: fresh.failures, skipped: fresh.skipped)
        var start = 0
        while start < fresh.articles.count {
            let chunk = Array(fresh.articles[start..<min(start + Self.chunkSize, fresh.articles.count)])
            start += chunk.count
            for outcome in try store.put(chunk) {
                switch outcome {
                case .inserted: summary.inserted += 1
                case .updated: summary.updated += 1
                case .unchanged: summary.unchanged += 1
                }
            }
            stored?(chunk.map(\.article.id))
        }
        // Nothing new and every article in a story: the stories are what forming them again would give (it is
        // deterministic), so the collection is neither read back nor regrouped.
        if summary.inserted + summary.updated == 0, try store.articlesWithoutStory() == 0 {
            summary.stories = try store.counts().stories
            return summary
        }
        let all = try store.articles()
        let stories = pipeline.stories(all, progress: progress)
        summary.stories = stories.count
        try store.replaceStories(touching: Set(all.map(\.article.id)), with: stories)
        return summary
    }

    /// The stored stories and the articles they hold, as `analyze` would report them.
    public func report(limit: Int = .max, offset: Int = 0) throws(StoreError) -> AnalysisResult {
        let stories = try store.stories(limit: limit, offset: offset)
        let ids = Set(stories.flatMap(\.articles))
        let articles = try store.articles(ids: ids.sorted())
        return AnalysisResult(articles: articles, stories: stories, failures: [])
    }
}
