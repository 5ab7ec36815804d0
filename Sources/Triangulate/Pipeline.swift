import Foundation
import Synchronization

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

    /// Ingest → Annotate → Cluster → Corroborate over the files under `paths`. `progress` is called after each
    /// file is extracted with (done, total), from any thread.
    public func analyze(paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil) -> AnalysisResult {
        var articles: [Article] = []
        var failures: [Failure] = []
        for result in extract(paths: paths, progress: progress) {
            switch result {
            case .success(let article): articles.append(article)
            case .failure(let failure): failures.append(failure)
            }
        }
        let annotated = Annotate(configuration: configuration.annotate).annotate(batch: articles)
        return AnalysisResult(articles: annotated, stories: stories(annotated), failures: failures)
    }

    /// Ingest → Extract over the files under `paths`: one result per file, in input order. Files are read and
    /// extracted on all cores (`workers`, default the active processor count); the output does not depend on it.
    /// Two files with the same name in different folders keep distinct ids (`id~2`).
    public func extract(
        paths: [String], workers: Int? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [Result<Article, Failure>] {
        let ingest = Ingest(configuration: configuration.ingest)
        let extract = Extract(configuration: configuration.extract)
        let inputs = ingest.inputs(from: paths)
        let done = Mutex(0)
        let results = Parallel.map(
            count: inputs.count, workers: workers ?? ProcessInfo.processInfo.activeProcessorCount
        ) { _, index -> Result<Article, Failure> in
            let result: Result<Article, Failure>
            switch inputs[index].flatMap({ ingest.read($0.path, explicitlyNamed: $0.named) }) {
            case .failure(let error):
                result = .failure(Failure(origin: error.path, reason: error.reason))
            case .success(let document):
                do throws(ExtractError) {
                    result = .success(try extract.article(from: document))
                } catch {
                    result = .failure(Failure(origin: error.origin, reason: error.reason))
                }
            }
            if let progress {
                let count = done.withLock { value in
                    value += 1
                    return value
                }
                progress(count, inputs.count)
            }
            return result
        }
        var seen: [String: Int] = [:]
        return results.map { slot in
            guard case .success(var article) = slot else { return slot }
            let count = seen[article.id, default: 0] + 1
            seen[article.id] = count
            if count > 1 { article.id += "~\(count)" }
            return .success(article)
        }
    }

    /// Groups the articles into stories (Cluster) and corroborates each (Corroborate). Stories are numbered in the
    /// order of their first article.
    public func stories(_ articles: [AnnotatedArticle], grouping: (any StoryGrouping)? = nil) -> [Story] {
        var groups: [[Int]]
        var copies: [LineageEdge] = []
        if let grouping {
            groups = grouping.group(articles)
        } else {
            // The Cluster stage's own run also reports near-duplicates, which corroboration counts as copies.
            let result = Cluster(configuration: configuration.cluster).cluster(articles.map(ClusterItem.init))
            groups = Cluster.groups(result.stories)
            copies = result.duplicates.map { edge in
                LineageEdge(
                    copy: articles[edge.copy].article.id, original: articles[edge.source].article.id,
                    similarity: edge.similarity)
            }
        }
        let corroborate = Corroborate(configuration: configuration.corroborate)
        return groups.enumerated().map { number, members in
            corroborate.story(id: "story-\(number + 1)", articles: members.map { articles[$0] }, knownCopies: copies)
        }
    }
}
