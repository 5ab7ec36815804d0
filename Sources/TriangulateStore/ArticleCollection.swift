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
    public func ingest(
        paths: [String], progress: (@Sendable (PipelineProgress) -> Void)? = nil
    ) throws(StoreError)
        -> Summary
    {
        try record(pipeline.analyzeArticles(paths: paths, progress: progress), progress: progress)
    }

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
        _ fresh: AnalysisResult, progress: (@Sendable (PipelineProgress) -> Void)?
    ) throws(StoreError) -> Summary {
        var summary = Summary(failures: fresh.failures, skipped: fresh.skipped)
        let outcomes = try store.put(fresh.articles)
        for outcome in outcomes {
            switch outcome {
            case .inserted: summary.inserted += 1
            case .updated: summary.updated += 1
            case .unchanged: summary.unchanged += 1
            }
        }
        // Nothing new and stories already formed: they are what forming them again would give (it is
        // deterministic), so the collection is neither read back nor regrouped.
        let stored = try store.counts()
        if summary.inserted + summary.updated == 0 && (stored.stories > 0 || stored.articles == 0) {
            summary.stories = stored.stories
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
