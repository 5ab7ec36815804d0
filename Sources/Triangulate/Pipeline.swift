import TriangulateText
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

/// Where the pipeline is, for a progress display: the stage, and how far through it.
public struct PipelineProgress: Sendable, Hashable {
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// Reading a web archive: `done` and `total` are bytes of the file.
        case archive
        case extract, annotate, cluster, corroborate
    }
    public var stage: Stage
    public var done: Int
    public var total: Int
}

/// Runs Ingest → Extract → Annotate → Cluster → Corroborate over paths. A bad input becomes a `Failure` naming it
/// (and the stage that refused it); the rest goes on. The result depends on the set of inputs, not on their order.
public struct Pipeline: Sendable {
    public var configuration: PipelineConfiguration

    public init(configuration: PipelineConfiguration = PipelineConfiguration()) {
        self.configuration = configuration
    }

    /// Ingest → Annotate → Cluster → Corroborate over the files under `paths`. `progress` is called as each stage
    /// advances, from any thread.
    public func analyze(paths: [String], progress: (@Sendable (PipelineProgress) -> Void)? = nil) -> AnalysisResult {
        var result = analyzeArticles(paths: paths, progress: progress)
        result.stories = stories(result.articles, progress: progress)
        return result
    }

    /// Ingest → Extract → Annotate over the files under `paths`, without forming stories: the articles by id (then
    /// origin), the failures by origin, what walks passed over.
    public func analyzeArticles(
        paths: [String], progress: (@Sendable (PipelineProgress) -> Void)? = nil
    )
        -> AnalysisResult
    {
        let scan = Ingest(configuration: configuration.ingest).scan(paths)
        let extracted = extract(
            scan: scan, progress: Self.reporter(progress, .extract), archiveProgress: Self.reporter(progress, .archive))
        var result = annotateExtracted(extracted, progress)
        result.skipped = scan.skipped
        return result
    }

    /// Files and documents already in memory (pages fetched from the web) as one batch: Ingest → Extract over the
    /// files, Extract over the documents (a feed document's items that carry their text), `failures` (inputs that
    /// could not be fetched) added, then Annotate over all of it with one name context. `amend` sees each article
    /// from a document after extraction.
    public func analyzeArticles(
        paths: [String], documents: [Document], failures: [Failure] = [], amend: ((inout Article) -> Void)? = nil,
        progress: (@Sendable (PipelineProgress) -> Void)? = nil
    ) -> AnalysisResult {
        let scan = Ingest(configuration: configuration.ingest).scan(paths)
        var extracted =
            paths.isEmpty
            ? []
            : extract(
                scan: scan, progress: Self.reporter(progress, .extract),
                archiveProgress: Self.reporter(progress, .archive))
        extracted += extractDocuments(documents, amend: amend)
        extracted += failures.map { .failure($0) }
        Self.assignUniqueIDs(&extracted)
        var result = annotateExtracted(extracted, progress)
        result.skipped = scan.skipped
        return result
    }

    /// Extract over documents in memory: a feed's items (those that carry their text), or one article each.
    public func extractDocuments(
        _ documents: [Document], amend: ((inout Article) -> Void)? = nil
    ) -> [Result<Article, Failure>] {
        let extract = Extract(configuration: configuration.extract)
        return documents.flatMap { document -> [Result<Article, Failure>] in
            if document.kind == .feed { return extractFeed(document) }
            do throws(ExtractError) {
                var article = try extract.article(from: document)
                amend?(&article)
                return [.success(article)]
            } catch {
                return [.failure(Failure(origin: error.origin, reason: error.reason))]
            }
        }
    }

    /// Extract → Annotate over documents already in memory (a request body, say), without forming stories: the
    /// same steps and order as `analyzeArticles(paths:)`. `amend` sees each article after extraction and before
    /// annotation, to set what the caller knows better than the page (its title, outlet, publication date).
    public func analyzeArticles(
        documents: [Document], amend: ((inout Article) -> Void)? = nil,
        progress: (@Sendable (PipelineProgress) -> Void)? = nil
    ) -> AnalysisResult {
        let extract = Extract(configuration: configuration.extract)
        var results = documents.map { document -> Result<Article, Failure> in
            do throws(ExtractError) {
                var article = try extract.article(from: document)
                amend?(&article)
                return .success(article)
            } catch {
                return .failure(Failure(origin: error.origin, reason: error.reason))
            }
        }
        Self.assignUniqueIDs(&results)
        return annotateExtracted(results, progress)
    }

    /// Annotate (within the limits) what extraction gave, in content order; articles by id, failures by origin.
    private func annotateExtracted(
        _ extracted: [Result<Article, Failure>], _ progress: (@Sendable (PipelineProgress) -> Void)?
    ) -> AnalysisResult {
        var articles: [Article] = []
        var failures: [Failure] = []
        for result in extracted {
            switch result {
            case .success(let article): articles.append(article)
            case .failure(let failure): failures.append(failure)
            }
        }
        // Everything order-sensitive downstream (name context, online clustering, tie-breaks) sees the articles in
        // an order derived from their content, so that naming the same files in another order changes nothing.
        articles = Self.contentOrder(articles).map { articles[$0] }
        let annotate = Annotate(configuration: configuration.annotate)
        var annotated: [AnnotatedArticle] = []
        let results = annotate.annotateWithinLimits(batch: articles, progress: Self.reporter(progress, .annotate))
        for result in results {
            switch result {
            case .success(let article): annotated.append(article)
            case .failure(let error): failures.append(Failure(origin: error.origin, reason: error.reason))
            }
        }
        annotated.sort { ($0.article.id, $0.article.origin) < ($1.article.id, $1.article.origin) }
        failures.sort { ($0.origin, $0.reason) < ($1.origin, $1.reason) }
        return AnalysisResult(articles: annotated, stories: [], failures: failures)
    }

    /// A (done, total) callback reporting `stage` to `progress`.
    static func reporter(
        _ progress: (@Sendable (PipelineProgress) -> Void)?, _ stage: PipelineProgress.Stage
    ) -> (@Sendable (Int, Int) -> Void)? {
        guard let progress else { return nil }
        return { done, total in progress(PipelineProgress(stage: stage, done: done, total: total)) }
    }

    /// The content order of `articles` (indices): by a hash of the text (title and paragraphs), then id and
    /// origin. Each article's text is hashed once, not at every comparison.
    static func contentOrder(_ articles: [Article]) -> [Int] {
        let keys = articles.map(contentKey)
        return articles.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return (articles[a].id, articles[a].origin) < (articles[b].id, articles[b].origin)
        }
    }

    static func contentKey(_ article: Article) -> UInt64 {
        var hash = FNV1a.offset
        func mix(_ text: String) { hash = FNV1a.mix(0xFF, into: FNV1a.hash(text, continuing: hash)) }
        mix(article.title ?? "")
        for paragraph in article.paragraphs { mix(paragraph) }
        return hash
    }

    /// Ingest → Extract over the files under `paths`: one result per file, in input order (each file once, however
    /// many paths reach it). Files are read and extracted on all cores (`workers`, default the active processor
    /// count); the output does not depend on it.
    public func extract(
        paths: [String], workers: Int? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [Result<Article, Failure>] {
        extract(scan: Ingest(configuration: configuration.ingest).scan(paths), workers: workers, progress: progress)
    }

    /// Two files with the same name in different folders keep distinct ids: the one whose path sorts first keeps
    /// the name, the others get `~2`, `~3` … — never an id another input already has.
    public func extract(
        scan: Ingest.Scan, workers: Int? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil,
        archiveProgress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [Result<Article, Failure>] {
        let ingest = Ingest(configuration: configuration.ingest)
        let extract = Extract(configuration: configuration.extract)
        let workers = workers ?? ProcessInfo.processInfo.activeProcessorCount
        // Web archives are read record by record, after the other files.
        let archives = scan.inputs.compactMap { try? $0.get() }.filter { Self.isWARC($0.path) }.map(\.path)
        let inputs = scan.inputs.filter { input in (try? input.get()).map { !Self.isWARC($0.path) } ?? true }
        let done = Mutex(0)
        let nested = Parallel.map(count: inputs.count, workers: workers) { _, index -> [Result<Article, Failure>] in
            let result: [Result<Article, Failure>]
            switch inputs[index].flatMap({ ingest.read($0.path, explicitlyNamed: $0.named) }) {
            case .failure(let error):
                result = [.failure(Failure(origin: error.path, reason: error.reason))]
            case .success(let document) where document.kind == .feed:
                result = extractFeed(document)
            case .success(let document):
                do throws(ExtractError) {
                    result = [.success(try extract.article(from: document))]
                } catch {
                    result = [.failure(Failure(origin: error.origin, reason: error.reason))]
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
        var results = nested.flatMap { $0 }
        for archive in archives {
            results += extractWARC(path: archive, workers: workers, progress: archiveProgress)
        }
        Self.assignUniqueIDs(&results)
        return results
    }

    static func assignUniqueIDs(_ results: inout [Result<Article, Failure>]) {
        var taken = Set<String>()
        var byID: [String: [(origin: String, slot: Int)]] = [:]
        for (slot, result) in results.enumerated() {
            guard case .success(let article) = result else { continue }
            taken.insert(article.id)
            byID[article.id, default: []].append((article.origin, slot))
        }
        for id in byID.keys.sorted() {
            guard let holders = byID[id], holders.count > 1 else { continue }
            var suffix = 1
            for holder in holders.sorted(by: { $0.origin < $1.origin }).dropFirst() {
                guard case .success(var article) = results[holder.slot] else { continue }
                repeat { suffix += 1 } while taken.contains("\(id)~\(suffix)")
                article.id = "\(id)~\(suffix)"
                taken.insert(article.id)
                results[holder.slot] = .success(article)
            }
        }
    }

    /// Groups the articles into stories (Cluster) and corroborates each (Corroborate). Stories are numbered in the
    /// order of their first article.
    public func stories(
        _ articles: [AnnotatedArticle], grouping: (any StoryGrouping)? = nil,
        progress: (@Sendable (PipelineProgress) -> Void)? = nil
    ) -> [Story] {
        progress?(PipelineProgress(stage: .cluster, done: 0, total: 1))
        var groups: [[Int]]
        var copies: [LineageEdge] = []
        if let grouping {
            groups = grouping.group(articles)
        } else {
            // The Cluster stage's own run also reports near-duplicates, which corroboration counts as copies. It
            // sees the articles in content order (online clustering is order-sensitive), whatever order they came in.
            let order = Self.contentOrder(articles.map(\.article))
            let result = Cluster(configuration: configuration.cluster).cluster(order.map { ClusterItem(articles[$0]) })
            groups = Cluster.groups(result.stories).map { $0.map { order[$0] } }
            copies = result.duplicates.map { edge in
                LineageEdge(
                    copy: articles[order[edge.copy]].article.id, original: articles[order[edge.source]].article.id,
                    similarity: edge.similarity)
            }
        }
        progress?(PipelineProgress(stage: .cluster, done: 1, total: 1))
        return corroborate(groups.map { $0.map { articles[$0] } }, copies: copies, progress: progress)
    }

    /// Corroborates each group as one story. Within a story its articles go by id (then origin), stories by their
    /// first article: the listing reads in a familiar order whatever order clustering saw them in.
    func corroborate(
        _ groups: [[AnnotatedArticle]], copies: [LineageEdge], progress: (@Sendable (PipelineProgress) -> Void)?
    ) -> [Story] {
        func precedes(_ a: AnnotatedArticle, _ b: AnnotatedArticle) -> Bool {
            (a.article.id, a.article.origin) < (b.article.id, b.article.origin)
        }
        let groups = groups.map { $0.sorted(by: precedes) }.sorted { a, b in
            guard let x = a.first, let y = b.first else { return a.count > b.count }
            return precedes(x, y)
        }
        let corroborate = Corroborate(configuration: configuration.corroborate)
        return groups.enumerated().map { number, chosen in
            defer { progress?(PipelineProgress(stage: .corroborate, done: number + 1, total: groups.count)) }
            return corroborate.story(
                id: StableIDs.storyID(chosen.map(\.article)), articles: chosen, knownCopies: copies)
        }
    }
}
