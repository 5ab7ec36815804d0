import TriangulateText

/// A stored article as grouping a growing collection needs it: the story holding it and its cluster features, in
/// the order the collection's articles were added.
public struct StoredClusterMember: Sendable {
    public var article: String
    public var story: String
    public var features: ClusterFeatures

    public init(article: String, story: String, features: ClusterFeatures) {
        self.article = article
        self.story = story
        self.features = features
    }
}

/// What grouping new articles into a collection gives: the stories to write (new, grown or merged ones; the others
/// are left as stored), every article those stories hold (the stored stories holding any of them are the ones they
/// replace), and the new articles' cluster features in the order they were added.
public struct CollectionRegrouping: Sendable {
    public struct Added: Sendable {
        public var article: String
        public var features: ClusterFeatures
    }
    public var stories: [Story]
    public var touchedArticles: Set<String>
    public var added: [Added]
}

extension Pipeline {
    /// Groups `fresh` articles into a collection. With `stored` empty, the whole collection is `fresh` and this is
    /// `stories(_:)` exactly (content order, revision passes). Otherwise the stored grouping is replayed from its
    /// cluster features (`ClusterSession.restore`), the new articles are assigned to it online in content order,
    /// stories that took new articles are merged where they converged, and only the stories that changed are
    /// corroborated again; `load` reads the stored articles of those stories.
    public func regroup<E: Error>(
        stored: [StoredClusterMember], fresh: [AnnotatedArticle],
        load: ([String]) throws(E) -> [AnnotatedArticle],
        progress: (@Sendable (PipelineProgress) -> Void)? = nil
    ) throws(E) -> CollectionRegrouping {
        progress?(PipelineProgress(stage: .cluster, done: 0, total: 1))
        let session = ClusterSession(configuration: configuration.cluster)
        for member in stored { session.restore(member.features, story: member.story) }
        let order = fresh.indices.sorted { Self.contentOrder(fresh[$0].article, fresh[$1].article) }
        let features = session.features(order.map { ClusterItem(fresh[$0]) })
        session.add(features)
        let result = session.finish(revise: stored.isEmpty)
        progress?(PipelineProgress(stage: .cluster, done: 1, total: 1))

        // Position i of the session: a stored member, then the fresh articles in content order.
        func id(_ position: Int) -> String {
            position < stored.count ? stored[position].article : fresh[order[position - stored.count]].article.id
        }
        let copies = result.duplicates.map { edge in
            LineageEdge(copy: id(edge.copy), original: id(edge.source), similarity: edge.similarity)
        }
        // A group changed when it holds a new article or the members of more than one stored story.
        let changed = Cluster.groups(result.stories).filter { group in
            group.contains { $0 >= stored.count }
                || Set(group.lazy.filter { $0 < stored.count }.map { stored[$0].story }).count > 1
        }
        let needed = changed.flatMap { $0.filter { $0 < stored.count }.map(id) }
        var byID: [String: AnnotatedArticle] = [:]
        for article in try load(needed) where byID[article.article.id] == nil { byID[article.article.id] = article }
        for position in order.indices { byID[fresh[order[position]].article.id] = fresh[order[position]] }
        let groups = changed.map { group in group.compactMap { byID[id($0)] } }
        return CollectionRegrouping(
            stories: corroborate(groups, copies: copies, progress: progress),
            touchedArticles: Set(changed.flatMap { $0.map(id) }),
            added: order.indices.map { .init(article: fresh[order[$0]].article.id, features: features[$0]) })
    }
}
