/// Settings of the whole pipeline: one configuration per stage.
public struct PipelineConfiguration: Sendable {
    public var ingest: IngestConfiguration
    public var extract: ExtractConfiguration
    public var annotate: AnnotateConfiguration
    public var cluster: ClusterConfiguration
    public var corroborate: CorroborateConfiguration

    public init(
        ingest: IngestConfiguration = .default, extract: ExtractConfiguration = .default,
        annotate: AnnotateConfiguration = .default, cluster: ClusterConfiguration = .default,
        corroborate: CorroborateConfiguration = .default
    ) {
        self.ingest = ingest
        self.extract = extract
        self.annotate = annotate
        self.cluster = cluster
        self.corroborate = corroborate
    }
}

/// Runs Ingest → Extract → Annotate over paths. A bad input becomes a `Failure` naming it; the rest goes on.
public struct Pipeline: Sendable {
    public var configuration: PipelineConfiguration

    public init(configuration: PipelineConfiguration = PipelineConfiguration()) {
        self.configuration = configuration
    }

    /// `progress` is called after each input with (done, total).
    public func analyze(paths: [String], progress: ((Int, Int) -> Void)? = nil) -> AnalysisResult {
        let ingest = Ingest(configuration: configuration.ingest)
        let extract = Extract(configuration: configuration.extract)
        let annotate = Annotate(configuration: configuration.annotate)
        let inputs = ingest.documents(from: paths)
        var articles: [Article] = []
        var failures: [Failure] = []
        var seen: [String: Int] = [:]
        for (done, input) in inputs.enumerated() {
            switch input {
            case .failure(let error):
                failures.append(Failure(origin: error.path, reason: error.reason))
            case .success(let document):
                do {
                    var article = try extract.article(from: document)
                    // Two files with the same name in different folders keep distinct ids.
                    let count = seen[article.id, default: 0] + 1
                    seen[article.id] = count
                    if count > 1 { article.id += "~\(count)" }
                    articles.append(article)
                } catch {
                    failures.append(Failure(origin: error.origin, reason: error.reason))
                }
            }
            progress?(done + 1, inputs.count)
        }
        let annotated = annotate.annotate(batch: articles)
        return AnalysisResult(articles: annotated, stories: stories(annotated), failures: failures)
    }

    /// Groups the articles into stories (Cluster) and corroborates each (Corroborate). Stories are numbered in the
    /// order of their first article.
    public func stories(_ articles: [AnnotatedArticle], grouping: (any StoryGrouping)? = nil) -> [Story] {
        let groups = (grouping ?? Cluster(configuration: configuration.cluster)).group(articles)
        let corroborate = Corroborate(configuration: configuration.corroborate)
        return groups.enumerated().map { number, members in
            corroborate.story(id: "story-\(number + 1)", articles: members.map { articles[$0] })
        }
    }
}
