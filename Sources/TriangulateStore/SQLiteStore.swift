import Foundation
import GRDB
import Triangulate
import TriangulateText

/// The `Store` in one SQLite file (GRDB 7): write-ahead logging (readers never wait for the writer), foreign keys,
/// named migrations run on open, FTS5 over titles and texts.
public final class SQLiteStore: Store {
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating it if needed) and migrates the database at `path`.
    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator.migrate(pool)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    /// The names of the migrations applied, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read("list migrations") { db in try Migrations.migrator.appliedMigrations(db) }
    }

    public func put(_ articles: [AnnotatedArticle]) throws(StoreError) -> [PutOutcome] {
        let encoder = Self.encoder
        return try write("store articles") { db in
            try articles.map { item -> PutOutcome in
                let text = item.article.text
                let hash = FNV1a.hex(text)
                let existing = try String.fetchOne(
                    db, sql: "SELECT textHash FROM article WHERE id = ?", arguments: [item.article.id])
                if existing == hash { return .unchanged }
                let record = ArticleRecord(
                    id: item.article.id, origin: item.article.origin, outlet: item.article.outlet,
                    title: item.article.title, byline: item.article.byline, published: item.article.published?.iso,
                    text: text, textHash: hash,
                    document: String(decoding: try encoder.encode(item), as: UTF8.self))
                if existing == nil {
                    try record.insert(db)
                    return .inserted
                }
                // The stories holding the old text go with it, so that a crash before the stories are formed again
                // leaves none built on a text no longer stored (the next ingest finds the article without a story).
                try db.execute(
                    sql: "DELETE FROM story WHERE id IN (SELECT storyID FROM storyArticle WHERE articleID = ?)",
                    arguments: [item.article.id])
                try db.execute(sql: "DELETE FROM clusterMember WHERE articleID = ?", arguments: [item.article.id])
                try record.update(db)
                return .updated
            }
        }
    }

    public func articles() throws(StoreError) -> [AnnotatedArticle] {
        let records = try read("read articles") { db in try ArticleRecord.order(Column("id")).fetchAll(db) }
        return try records.map(decodeArticle)
    }

    public func articles(ids: [String]) throws(StoreError) -> [AnnotatedArticle] {
        let records = try read("read articles") { db in
            try ArticleRecord.filter(ids.contains(Column("id"))).order(Column("id")).fetchAll(db)
        }
        return try records.map(decodeArticle)
    }

    public func replaceStories(
        touching articleIDs: Set<String>, with stories: [Story], clusterState: ClusterStateChange
    ) throws(StoreError) {
        try write("store stories") { db in
            if clusterState.resetAll { try db.execute(sql: "DELETE FROM clusterMember") }
            for entry in clusterState.entries {
                try ClusterMemberRecord(
                    articleID: entry.article, position: entry.position, features: Data(entry.features)
                )
                .save(db)
            }
            let stale = try String.fetchAll(
                db,
                sql: "SELECT DISTINCT storyID FROM storyArticle WHERE articleID IN (SELECT value FROM json_each(?))",
                arguments: [String(decoding: try JSONEncoder().encode(articleIDs.sorted()), as: UTF8.self)])
            let replaced = Set(stories.map(\.id))
            // One write, one sequence number: stories written together list by id. Read before the deletes, so that
            // it grows even when every story is replaced.
            let sequence = (try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM story") ?? 0) + 1
            for id in Set(stale).union(replaced) {
                try db.execute(sql: "DELETE FROM story WHERE id = ?", arguments: [id])
            }
            for story in stories {
                try StoryRecord(
                    id: story.id, headline: story.headline, articleCount: story.articles.count, sequence: sequence,
                    document: JSONReport.render(story: story)
                ).insert(db)
                for article in story.articles {
                    try StoryArticleRecord(storyID: story.id, articleID: article).insert(db)
                }
                for fact in story.facts {
                    try FactRecord(
                        storyID: story.id, id: fact.id, statement: fact.statement, status: fact.status.rawValue,
                        independentSources: fact.independentSources
                    ).insert(db)
                }
                for conflict in story.conflicts {
                    try ConflictRecord(
                        storyID: story.id, id: conflict.id, kind: conflict.kind.rawValue, subject: conflict.subject
                    ).insert(db)
                }
                for (position, quote) in story.quotes.enumerated() {
                    try QuoteRecord(
                        storyID: story.id, position: position, speaker: quote.speaker, role: quote.role,
                        text: quote.text, sourceCount: quote.sources.count
                    ).insert(db)
                }
                for (position, flag) in story.flags.enumerated() {
                    try FlagRecord(
                        storyID: story.id, position: position, kind: flag.kind, articleID: flag.article,
                        subject: flag.subject, detail: flag.detail
                    ).insert(db)
                }
                for (position, edge) in story.lineage.enumerated() {
                    try LineageRecord(
                        storyID: story.id, position: position, copyID: edge.copy, originalID: edge.original,
                        similarity: edge.similarity, passage: edge.passage
                    ).insert(db)
                }
            }
        }
    }

    public func stories(limit: Int, offset: Int) throws(StoreError) -> [Story] {
        let records = try read("read stories") { db in
            try StoryRecord.order(Column("sequence").desc, Column("id")).limit(max(0, limit), offset: max(0, offset))
                .fetchAll(db)
        }
        return try records.map(decodeStory)
    }

    public func story(id: String) throws(StoreError) -> Story? {
        let record = try read("read a story") { db in try StoryRecord.fetchOne(db, key: id) }
        return try record.map(decodeStory)
    }

    public func storyDocument(id: String) throws(StoreError) -> String? {
        try read("read a story") { db in
            try String.fetchOne(db, sql: "SELECT document FROM story WHERE id = ?", arguments: [id])
        }
    }

    public func storyID(ofArticle id: String) throws(StoreError) -> String? {
        try read("find an article's story") { db in
            try String.fetchOne(
                db, sql: "SELECT storyID FROM storyArticle WHERE articleID = ? ORDER BY storyID LIMIT 1",
                arguments: [id])
        }
    }

    public func counts() throws(StoreError) -> (articles: Int, stories: Int) {
        try read("count") { db in (try ArticleRecord.fetchCount(db), try StoryRecord.fetchCount(db)) }
    }

    public func clusterState() throws(StoreError) -> [ClusterStateEntry] {
        try read("read the cluster state") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT clusterMember.articleID AS article, clusterMember.position AS position,
                        clusterMember.features AS features,
                        (SELECT storyID FROM storyArticle WHERE articleID = clusterMember.articleID LIMIT 1) AS story
                    FROM clusterMember ORDER BY clusterMember.position, clusterMember.articleID
                    """
            ).map { row in
                ClusterStateEntry(
                    article: row["article"], position: row["position"], story: row["story"],
                    features: Array((row["features"] as Data?) ?? Data()))
            }
        }
    }

    public func clusterStateVersion() throws(StoreError) -> ClusterStateVersion {
        try read("read the cluster state's version") { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM clusterMember) AS members,
                        (SELECT COALESCE(MAX(position), -1) FROM clusterMember) AS lastPosition,
                        (SELECT COALESCE(MAX(sequence), 0) FROM story) AS storySequence
                    """)
            return ClusterStateVersion(
                members: row?["members"] ?? 0, lastPosition: row?["lastPosition"] ?? -1,
                storySequence: row?["storySequence"] ?? 0)
        }
    }

    public func feedState(url: String) throws(StoreError) -> FeedState? {
        try read("read a feed's state") { db in
            try FeedRecord.fetchOne(db, key: url).map { record in
                FeedState(
                    url: record.url, etag: record.etag, lastModified: record.lastModified, failures: record.failures,
                    nextCheck: record.nextCheck)
            }
        }
    }

    public func saveFeedState(_ state: FeedState, seen: [String]) throws(StoreError) {
        try write("save a feed's state") { db in
            try FeedRecord(
                url: state.url, etag: state.etag, lastModified: state.lastModified, failures: state.failures,
                nextCheck: state.nextCheck
            ).save(db)
            for key in seen { try FeedItemRecord(feedURL: state.url, itemKey: key).save(db) }
        }
    }

    public func unseenItems(feed url: String, keys: [String]) throws(StoreError) -> Set<String> {
        try read("read a feed's items") { db in
            let seen = try String.fetchSet(
                db,
                sql: "SELECT itemKey FROM feedItem WHERE feedURL = ? AND itemKey IN (SELECT value FROM json_each(?))",
                arguments: [url, String(decoding: try JSONEncoder().encode(keys), as: UTF8.self)])
            return Set(keys).subtracting(seen)
        }
    }

    public func articlesWithoutStory() throws(StoreError) -> Int {
        try read("count articles without a story") { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM article WHERE id NOT IN (SELECT articleID FROM storyArticle)") ?? 0
        }
    }

    public func search(_ query: String, limit: Int) throws(StoreError) -> [SearchHit] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query) else { return [] }
        return try read("search") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT article.id AS id, article.title AS title,
                        snippet(article_fts, 1, '[', ']', '…', 16) AS snippet,
                        (SELECT storyID FROM storyArticle WHERE articleID = article.id LIMIT 1) AS story
                    FROM article_fts JOIN article ON article.rowid = article_fts.rowid
                    WHERE article_fts MATCH ? ORDER BY rank LIMIT ?
                    """, arguments: [pattern, max(0, limit)])
            return rows.map { row in
                SearchHit(article: row["id"], story: row["story"], title: row["title"], snippet: row["snippet"] ?? "")
            }
        }
    }

    // MARK: Plumbing

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private func decodeArticle(_ record: ArticleRecord) throws(StoreError) -> AnnotatedArticle {
        do {
            return try JSONDecoder().decode(AnnotatedArticle.self, from: Data(record.document.utf8))
        } catch {
            throw .corrupt(what: "article \(record.id)", reason: Self.reason(error))
        }
    }

    private func decodeStory(_ record: StoryRecord) throws(StoreError) -> Story {
        do {
            return try JSONDecoder().decode(Story.self, from: Data(record.document.utf8))
        } catch {
            throw .corrupt(what: "story \(record.id)", reason: Self.reason(error))
        }
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw .failed(operation: operation, reason: Self.reason(error)) }
    }

    private func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch { throw .failed(operation: operation, reason: Self.reason(error)) }
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error)" }
        return "\(error)"
    }
}
