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
        /// Its place in the order the collection's articles were added.
        public var position: Int
        public var features: ClusterFeatures
    }
    public var stories: [Story]
    public var touchedArticles: Set<String>
    public var added: [Added]
}

/// A collection's grouping as the Cluster stage holds it between writes: the clusterer's session with every article
/// restored or added, each article's place in it, and the story the collection stores it in. Built from the stored
/// cluster state (`init(configuration:stored:nextPosition:)`) or by a first `Pipeline.regroup`; a long-lived writer
/// (the server) keeps it, so that a write costs what its own articles and stories cost, not a replay of the whole
/// collection. Not thread-safe: one writer owns it.
public final class CollectionGrouping {
    let session: ClusterSession
    /// Position in the session → article id, and → the id of the story it is stored in.
    var articles: [String] = []
    var stories: [String] = []
    /// The cluster-state position the next article added gets.
    public internal(set) var nextPosition: Int

    /// Articles in the grouping.
    public var count: Int { articles.count }

    public init(configuration: ClusterConfiguration, stored: [StoredClusterMember] = [], nextPosition: Int = 0) {
        session = ClusterSession(configuration: configuration)
        self.nextPosition = nextPosition
        articles.reserveCapacity(stored.count)
        for member in stored {
            session.restore(member.features, story: member.story)
            articles.append(member.article)
            stories.append(member.story)
        }
    }
}

extension Pipeline {
    /// Groups `fresh` articles into a collection. With `grouping` nil, the whole collection is `fresh` and this is
    /// `stories(_:)` exactly (content order, revision passes). Otherwise the new articles are assigned online, in
    /// content order, to the grouping (the stored stories, replayed from their cluster features or kept from the last
    /// write), stories that took new articles are merged where they converged, and only the stories that changed
    /// are corroborated again; `load` reads the stored articles of those stories. Returns what to write, and the
    /// grouping after it (the one given, grown) for the next write.
    public func regroup<E: Error>(
        _ grouping: CollectionGrouping?, fresh: [AnnotatedArticle],
        load: ([String]) throws(E) -> [AnnotatedArticle],
        progress: (@Sendable (PipelineProgress) -> Void)? = nil
    ) throws(E) -> (CollectionRegrouping, CollectionGrouping) {
        progress?(PipelineProgress(stage: .cluster, done: 0, total: 1))
        let grouping = grouping ?? CollectionGrouping(configuration: configuration.cluster)
        let base = grouping.count
        let order = Self.contentOrder(fresh.map(\.article))
        let features = grouping.session.features(order.map { ClusterItem(fresh[$0]) })
        grouping.session.add(features)
        // The stories that changed: every one on a first grouping; else those holding a new article (merges join
        // stories only through one that took a new article).
        let (changed, duplicates): ([[Int]], [DuplicateEdge])
        if base == 0 {
            let result = grouping.session.finish(revise: true)
            (changed, duplicates) = (Cluster.groups(result.stories), result.duplicates)
        } else {
            (changed, duplicates) = grouping.session.finishAdding(from: base)
        }
        for index in order { grouping.articles.append(fresh[index].article.id) }
        progress?(PipelineProgress(stage: .cluster, done: 1, total: 1))
        let copies = duplicates.map { edge in
            LineageEdge(
                copy: grouping.articles[edge.copy], original: grouping.articles[edge.source],
                similarity: edge.similarity)
        }
        var byID: [String: AnnotatedArticle] = [:]
        let needed = changed.flatMap { $0.filter { $0 < base }.map { grouping.articles[$0] } }
        for article in try load(needed) where byID[article.article.id] == nil { byID[article.article.id] = article }
        for index in order { byID[fresh[index].article.id] = fresh[index] }
        let stories = corroborate(
            changed.map { group in group.compactMap { byID[grouping.articles[$0]] } }, copies: copies,
            progress: progress)

        // The new stories' ids, for the next write's comparison.
        grouping.stories += repeatElement("", count: order.count)
        var storyOf: [String: String] = [:]
        for story in stories { for article in story.articles { storyOf[article] = story.id } }
        for position in changed.joined() { grouping.stories[position] = storyOf[grouping.articles[position]] ?? "" }
        let added = order.indices.map { offset in
            CollectionRegrouping.Added(
                article: fresh[order[offset]].article.id, position: grouping.nextPosition + offset,
                features: features[offset])
        }
        grouping.nextPosition += order.count
        let regrouping = CollectionRegrouping(
            stories: stories, touchedArticles: Set(changed.joined().map { grouping.articles[$0] }), added: added)
        return (regrouping, grouping)
    }
}
