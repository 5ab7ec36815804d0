import Foundation
import Testing
import Triangulate
import TriangulateStore

/// A collection that grows over several ingests: new articles join the stored stories through the cluster state
/// kept in the database, and only the stories that change are written again.
@Suite("Growing collection")
struct GrowingCollectionTests {
    static let examples = StoreTests.root + "/Examples"

    static func files(_ event: String) throws -> [String] {
        let directory = examples + "/" + event
        return try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
            .map { directory + "/" + $0 }
    }

    /// Each story as the set of its articles.
    static func grouping(_ stories: [Story]) -> Set<Set<String>> { Set(stories.map { Set($0.articles) }) }

    @Test(arguments: Engine.allCases)
    func newArticlesJoinTheStoredStoriesAndOnlyThoseAreWrittenAgain(engine: Engine) throws {
        let database = try engine.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let collection = ArticleCollection(store: try database.open())
        let fires = try Self.files("dayton-battery-plant-fire") + Self.files("tacoma-battery-warehouse-fire")
        let strike = try Self.files("sacramento-transit-strike")
        try #require(strike.count >= 3)

        _ = try collection.ingest(paths: fires)
        let before = try collection.store.stories(limit: 100, offset: 0)
        #expect(try collection.store.clusterState().count == fires.count)
        _ = try collection.ingest(paths: Array(strike.dropLast()))
        _ = try collection.ingest(paths: [strike[strike.count - 1]])

        let after = try collection.store.stories(limit: 100, offset: 0)
        // The grouping `analyze` gives for all the files at once: the two look-alike fires apart, the strike whole.
        let direct = Pipeline().analyze(paths: fires + strike)
        #expect(Self.grouping(after) == Self.grouping(direct.stories))
        // The strike's story was written last (listed first); the fires' stories are as they were, byte for byte.
        let strikeIDs = Set(
            try collection.store.articles().filter { item in
                strike.contains { $0.hasSuffix("/" + item.article.id + ".txt") }
            }.map(\.article.id))
        #expect(Set(after.first?.articles ?? []) == strikeIDs)
        for story in before {
            #expect(
                try collection.store.story(id: story.id).map { JSONReport.render(story: $0) }
                    == JSONReport.render(story: story))
        }
        // Every article has its cluster features, each at its own place in the order they were added.
        let state = try collection.store.clusterState()
        #expect(state.count == fires.count + strike.count)
        #expect(Set(state.map(\.position)).count == state.count)
        #expect(state.allSatisfy { $0.story != nil })
    }

    @Test(arguments: Engine.allCases)
    func aCollectionWithoutClusterStateIsGroupedAnewOnTheNextIngest(engine: Engine) throws {
        let database = try engine.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let store = try database.open()
        let collection = ArticleCollection(store: store)
        let fires = try Self.files("dayton-battery-plant-fire")
        _ = try collection.ingest(paths: Array(fires.dropLast()))
        // As a database written before the cluster state was kept: no features stored.
        try store.replaceStories(touching: [], with: [], clusterState: ClusterStateChange(resetAll: true, entries: []))
        #expect(try store.clusterState().isEmpty)
        let summary = try collection.ingest(paths: [fires[fires.count - 1]])
        #expect(summary.inserted == 1)
        #expect(try store.clusterState().count == fires.count)
        let direct = Pipeline().analyze(paths: fires)
        #expect(Self.grouping(try store.stories(limit: 100, offset: 0)) == Self.grouping(direct.stories))
    }

    @Test(arguments: Engine.allCases)
    func regroupingAllGivesWhatAnalyzeGives(engine: Engine) throws {
        let database = try engine.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let all = try Self.files("sacramento-transit-strike") + Self.files("tacoma-battery-warehouse-fire")
        var collection = ArticleCollection(store: try database.open())
        _ = try collection.ingest(paths: Array(all.prefix(3)))
        collection.regroupAll = true
        _ = try collection.ingest(paths: all)
        let direct = Pipeline().analyze(paths: all)
        #expect(Self.grouping(try collection.store.stories(limit: 100, offset: 0)) == Self.grouping(direct.stories))
    }
}
