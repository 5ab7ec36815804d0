import Foundation
import Testing
import Triangulate
import TriangulateStore

/// Both stores, SQLite on a real database file and PostgreSQL on a real server: idempotent re-ingesting, stories read
/// back as written, full-text search, named migrations. One test body, two stores.
@Suite("Store")
struct StoreTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let shared = ProcessInfo.processInfo.environment["TRIANGULATE_SHARED"] ?? root + "/../shared"
    static let seeds = shared + "/seeds/ford-xiaomi"

    func temporaryDatabase() throws -> (directory: String, path: String) {
        let directory = NSTemporaryDirectory() + "triangulate-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return (directory, directory + "/collection.sqlite")
    }

    @Test(arguments: Engine.allCases)
    func ingestingTwiceStoresEachArticleOnceAndTheStoriesMatchAnalyze(engine: Engine) throws {
        let database = try engine.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let collection = ArticleCollection(store: try database.open())
        let first = try collection.ingest(paths: [Self.seeds])
        #expect(first.inserted == 5 && first.unchanged == 0)
        let second = try collection.ingest(paths: [Self.seeds])
        #expect(second.inserted == 0 && second.updated == 0 && second.unchanged == 5)
        // Reopened from the file: the same collection, and the same stories `analyze` gives.
        let reopened = ArticleCollection(store: try database.open())
        let counts = try reopened.store.counts()
        #expect(counts.articles == 5)
        let direct = Pipeline().analyze(paths: [Self.seeds])
        #expect(counts.stories == direct.stories.count)
        let report = try reopened.report()
        #expect(report.stories == direct.stories)
        #expect(report.articles == direct.articles)
        #expect(JSONReport.render(report) == JSONReport.render(direct))
        let story = try #require(direct.stories.first)
        #expect(try reopened.store.story(id: story.id) == story)
        #expect(try reopened.store.story(id: "story-unknown") == nil)
    }

    @Test(arguments: Engine.allCases)
    func aChangedTextReplacesTheArticle(engine: Engine) throws {
        let database = try engine.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let store = try database.open()
        var article = Article(id: "harbor", origin: "harbor.txt", paragraphs: ["The harbor reopened on Monday."])
        let first = Annotate().annotate(article)
        #expect(try store.put([first]) == [.inserted])
        #expect(try store.put([first]) == [.unchanged])
        article.paragraphs = ["The harbor reopened on Tuesday, a day late."]
        #expect(try store.put([Annotate().annotate(article)]) == [.updated])
        #expect(try store.articles().first?.article.paragraphs == article.paragraphs)
    }

    @Test(arguments: Engine.allCases)
    func oneIDTwiceInOneWriteKeepsTheLastText(engine: Engine) throws {
        let database = try engine.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let store = try database.open()
        let first = Annotate().annotate(Article(id: "pier", origin: "a.txt", paragraphs: ["The pier opened."]))
        let second = Annotate().annotate(Article(id: "pier", origin: "b.txt", paragraphs: ["The pier closed."]))
        #expect(try store.put([first, first, second]) == [.inserted, .unchanged, .updated])
        #expect(try store.articles().map(\.article.paragraphs) == [["The pier closed."]])
        #expect(try store.counts().articles == 1)
    }

    @Test(arguments: Engine.allCases)
    func theStorySequenceGrowsWhenEveryStoryIsReplaced(engine: Engine) throws {
        let database = try engine.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let collection = ArticleCollection(store: try database.open())
        _ = try collection.ingest(paths: [Self.seeds])
        let first = try collection.store.clusterStateVersion().storySequence
        // Grouping everything anew replaces every story: the sequence still grows (it restarted at 1 before).
        try collection.regroupEverything()
        let second = try collection.store.clusterStateVersion().storySequence
        #expect(first >= 1 && second == first + 1)
    }

    @Test(arguments: Engine.allCases)
    func searchFindsTitlesAndTextsWithTheMatchMarked(engine: Engine) throws {
        let database = try engine.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let collection = ArticleCollection(store: try database.open())
        _ = try collection.ingest(paths: [Self.seeds])
        let hits = try collection.store.search("Xiaomi joint venture", limit: 10)
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.snippet.contains("[") && $0.snippet.contains("]") })
        #expect(hits.allSatisfy { $0.story?.hasPrefix("story-") == true })
        #expect(try collection.store.search("zzyzx-nothing-like-this", limit: 10).isEmpty)
        // Query syntax in the user's words is not an error.
        #expect(throws: Never.self) { try collection.store.search("\"unbalanced AND (", limit: 5) }
    }

    @Test(arguments: Engine.allCases)
    func migrationsAreNamedAndRunOnce(engine: Engine) throws {
        let database = try engine.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let names = try database.appliedMigrations()
        let shared = [
            "2026-12-02 articles and stories", "2026-12-02 article full-text index", "2026-12-03 cluster state",
            "2026-12-03 feeds",
        ]
        // The work queue is PostgreSQL's only.
        #expect(names == (engine == .postgresql ? shared + ["2026-12-03 work queue"] : shared))
        #expect(try database.appliedMigrations() == names)
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let (directory, path) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("this is not a database, just text that happens to be long enough".utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            guard case StoreError.cannotOpen(let failed, _) = error else { return false }
            return failed == path
        }
    }
}

/// Feed state for `watch`, on both stores.
@Suite("Store feeds")
struct StoreFeedTests {
    @Test(arguments: Engine.allCases)
    func feedStateAndSeenItemsAreKept(engine: Engine) throws {
        let database = try engine.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let store = try database.open()
        let url = "https://news.example/feed.xml"
        #expect(try store.feedState(url: url) == nil)
        let state = FeedState(url: url, etag: "\"v1\"", lastModified: nil, failures: 2, nextCheck: 1_800_000_000.5)
        try store.saveFeedState(state, seen: ["guid-1", "https://news.example/a"])
        #expect(try store.feedState(url: url) == state)
        // Saving again with an item seen twice is not an error.
        try store.saveFeedState(FeedState(url: url), seen: ["guid-1", "guid-2"])
        #expect(try store.feedState(url: url) == FeedState(url: url))
        #expect(try store.unseenItems(feed: url, keys: ["guid-1", "guid-2", "guid-3"]) == ["guid-3"])
        #expect(try store.unseenItems(feed: "https://other.example/rss", keys: ["guid-1"]) == ["guid-1"])
    }
}
