import Foundation
import Logging
import PostgresNIO
import Triangulate
import TriangulateStore
import TriangulateText

/// The `Store` on a PostgreSQL server (postgres-nio): the SQLite store's tables and migrations, full-text search
/// with a generated tsvector column and a GIN index, and a pool of connections so that several threads (a server's
/// requests) read at once. Every write is one transaction. Several processes may share one database: what needs one
/// writer at a time (grouping articles into stories) takes a transaction-scoped advisory lock (`exclusiveWrite`).
public final class PostgresStore: Store {
    /// The transaction-scoped advisory lock every grouping write takes (`exclusiveWrite`, workers).
    public static let groupingLockKey: Int64 = 0x7472_6961_6e67_0002

    public let url: DatabaseURL
    let pool: PostgresPool
    /// Set on the store `transaction(_:)` hands out: every call runs on that connection, inside that transaction.
    private let pinned: PostgresSession?
    private let owner: Bool

    /// Connects to the server at `url` (the password from the address, `PGPASSWORD` or `.pgpass`) and migrates the
    /// database. `connections` bounds the pool.
    public init(url: DatabaseURL, connections: Int = 4, logger: Logger? = nil) throws(StoreError) {
        self.url = url
        pool = try PostgresPool(url: url, capacity: connections, logger: logger ?? PostgresPool.quietLogger)
        pinned = nil
        owner = true
        do {
            try PostgresMigrations.migrate(pool)
        } catch {
            pool.shutdown()
            throw .cannotOpen(path: url.description, reason: Self.reason(error))
        }
    }

    /// Opens `text`, a `postgresql://` address.
    public convenience init(_ text: String, connections: Int = 4) throws(StoreError) {
        try self.init(url: try DatabaseURL(text), connections: connections)
    }

    private init(pool: PostgresPool, url: DatabaseURL, pinned: PostgresSession) {
        self.pool = pool
        self.url = url
        self.pinned = pinned
        owner = false
    }

    deinit {
        if owner { pool.shutdown() }
    }

    /// Runs `body` with a store whose every call is part of one transaction, committed when `body` returns and
    /// rolled back when it throws.
    public func transaction<T>(_ body: (PostgresStore) throws -> T) throws(StoreError) -> T {
        if pinned != nil { return try run("run a transaction") { _ in try body(self) } }
        return try write("run a transaction") { session in
            try body(PostgresStore(pool: pool, url: url, pinned: session))
        }
    }

    /// One transaction under the grouping lock: a writer (ingest, serve, watch, a worker) that reads the grouping
    /// and writes what follows from it never interleaves with another. Inside a transaction already (a worker's),
    /// the lock is taken again, which PostgreSQL counts and releases at that transaction's end.
    public func exclusiveWrite<T>(_ body: (StoreWriter) throws(StoreError) -> T) throws(StoreError) -> T {
        try transaction { transaction in
            try transaction.write("take the grouping lock") { session in
                try session.execute("SELECT pg_advisory_xact_lock(\(Self.groupingLockKey))")
            }
            return try body(StoreWriter(store: transaction, atomic: true))
        }
    }

    /// The names of the migrations applied, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read("list migrations") { session in try PostgresMigrations.appliedNames(session) }
    }

    public func put(_ articles: [AnnotatedArticle]) throws(StoreError) -> [PutOutcome] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try write("store articles") { session in
            // Row locks on the stored ones: two writers storing one id at once take turns.
            var known: [String: String] = [:]
            for row in try session.query(
                #"SELECT id, "textHash" FROM article WHERE id = ANY(\#(articles.map(\.article.id))) ORDER BY id FOR UPDATE"#
            ) {
                let (id, hash) = try row.decode((String, String).self)
                known[id] = hash
            }
            var outcomes: [PutOutcome] = []
            var rows: [String: ArticleRow] = [:]
            var changed: [String] = []
            for item in articles {
                let article = item.article
                let hash = FNV1a.hex(article.text)
                let existing = known[article.id]
                if existing == hash {
                    outcomes.append(.unchanged)
                    continue
                }
                if existing != nil { changed.append(article.id) }
                outcomes.append(existing == nil ? .inserted : .updated)
                known[article.id] = hash
                rows[article.id] = ArticleRow(
                    id: article.id, origin: article.origin, outlet: article.outlet, title: article.title,
                    byline: article.byline, published: article.published?.iso, text: article.text, textHash: hash,
                    document: String(decoding: try encoder.encode(item), as: UTF8.self))
            }
            if !changed.isEmpty {
                // The stories built on an old text go with it (see SQLiteStore.put).
                try session.execute(
                    #"DELETE FROM story WHERE id IN (SELECT "storyID" FROM "storyArticle" WHERE "articleID" = ANY(\#(changed)))"#
                )
                try session.execute(#"DELETE FROM "clusterMember" WHERE "articleID" = ANY(\#(changed))"#)
            }
            try ArticleRow.upsert(rows.keys.sorted().compactMap { rows[$0] }, session)
            return outcomes
        }
    }

    public func articles() throws(StoreError) -> [AnnotatedArticle] {
        try decodeArticles(
            read("read articles") { session in
                try session.query(#"SELECT id, document FROM article ORDER BY id COLLATE "C""#)
            })
    }

    public func articles(ids: [String]) throws(StoreError) -> [AnnotatedArticle] {
        try decodeArticles(
            read("read articles") { session in
                try session.query(#"SELECT id, document FROM article WHERE id = ANY(\#(ids)) ORDER BY id COLLATE "C""#)
            })
    }

    public func replaceStories(
        touching articleIDs: Set<String>, with stories: [Story], clusterState: ClusterStateChange
    ) throws(StoreError) {
        try write("store stories") { session in
            if clusterState.resetAll { try session.execute(#"DELETE FROM "clusterMember""#) }
            for entry in clusterState.entries {
                try session.execute(
                    """
                    INSERT INTO "clusterMember" ("articleID", position, features)
                    VALUES (\(entry.article), \(entry.position), \(Data(entry.features)))
                    ON CONFLICT ("articleID") DO UPDATE SET position = excluded.position, features = excluded.features
                    """)
            }
            let ids = articleIDs.sorted()
            let stale = try session.query(
                #"SELECT DISTINCT "storyID" FROM "storyArticle" WHERE "articleID" = ANY(\#(ids))"#
            ).map { try $0.decode(String.self) }
            let replaced = Array(Set(stale).union(stories.map(\.id))).sorted()
            // Read before the deletes, so that it grows even when every story is replaced.
            let sequence = (try session.scalar("SELECT MAX(sequence) FROM story", as: Int.self) ?? 0) + 1
            try session.execute("DELETE FROM story WHERE id = ANY(\(replaced))")
            try StoryRows(stories, sequence: sequence).insert(session)
        }
    }

    public func stories(limit: Int, offset: Int) throws(StoreError) -> [Story] {
        let rows = try read("read stories") { session in
            try session.query(
                #"SELECT id, document FROM story ORDER BY sequence DESC, id COLLATE "C" LIMIT \#(max(0, limit)) OFFSET \#(max(0, offset))"#
            )
        }
        return try decodeStories(rows)
    }

    public func story(id: String) throws(StoreError) -> Story? {
        try decodeStories(
            read("read a story") { session in try session.query("SELECT id, document FROM story WHERE id = \(id)") }
        ).first
    }

    public func storyDocument(id: String) throws(StoreError) -> String? {
        try read("read a story") { session in
            try session.scalar("SELECT document FROM story WHERE id = \(id)", as: String.self)
        }
    }

    public func storyID(ofArticle id: String) throws(StoreError) -> String? {
        try read("find an article's story") { session in
            try session.scalar(
                #"SELECT "storyID" FROM "storyArticle" WHERE "articleID" = \#(id) ORDER BY "storyID" COLLATE "C" LIMIT 1"#,
                as: String.self)
        }
    }

    public func counts() throws(StoreError) -> (articles: Int, stories: Int) {
        try read("count") { session in
            (
                try session.scalar("SELECT COUNT(*) FROM article", as: Int.self) ?? 0,
                try session.scalar("SELECT COUNT(*) FROM story", as: Int.self) ?? 0
            )
        }
    }

    public func clusterState() throws(StoreError) -> [ClusterStateEntry] {
        try read("read the cluster state") { session in
            try session.query(
                """
                SELECT m."articleID", m.position, m.features,
                    (SELECT "storyID" FROM "storyArticle" WHERE "articleID" = m."articleID" LIMIT 1)
                FROM "clusterMember" m ORDER BY m.position, m."articleID" COLLATE "C"
                """
            ).map { row in
                let (article, position, features, story) = try row.decode((String, Int, Data, String?).self)
                return ClusterStateEntry(article: article, position: position, story: story, features: Array(features))
            }
        }
    }

    public func clusterStateVersion() throws(StoreError) -> ClusterStateVersion {
        try read("read the cluster state's version") { session in
            let row = try session.query(
                """
                SELECT (SELECT COUNT(*) FROM "clusterMember"), (SELECT COALESCE(MAX(position), -1) FROM "clusterMember"),
                    (SELECT COALESCE(MAX(sequence), 0) FROM story)
                """
            ).first
            let (members, last, sequence) = try row?.decode((Int, Int, Int).self) ?? (0, -1, 0)
            return ClusterStateVersion(members: members, lastPosition: last, storySequence: sequence)
        }
    }

    public func articlesWithoutStory() throws(StoreError) -> Int {
        try read("count articles without a story") { session in
            try session.scalar(
                #"SELECT COUNT(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM "storyArticle" s WHERE s."articleID" = a.id)"#,
                as: Int.self) ?? 0
        }
    }

    // MARK: Plumbing

    private func decodeArticles(_ rows: [PostgresRow]) throws(StoreError) -> [AnnotatedArticle] {
        try decodeDocuments(rows, as: AnnotatedArticle.self, what: "article")
    }

    private func decodeStories(_ rows: [PostgresRow]) throws(StoreError) -> [Story] {
        try decodeDocuments(rows, as: Story.self, what: "story")
    }

    /// Rows of (id, contract JSON) decoded; a document that does not decode is named by its id.
    private func decodeDocuments<T: Decodable>(
        _ rows: [PostgresRow], as type: T.Type, what: String
    )
        throws(StoreError) -> [T]
    {
        var decoded: [T] = []
        decoded.reserveCapacity(rows.count)
        for row in rows {
            let (id, document) = try decodeRow(row)
            do {
                decoded.append(try JSONDecoder().decode(T.self, from: Data(document.utf8)))
            } catch {
                throw .corrupt(what: "\(what) \(id)", reason: Self.reason(error))
            }
        }
        return decoded
    }

    private func decodeRow(_ row: PostgresRow) throws(StoreError) -> (String, String) {
        do { return try row.decode((String, String).self) } catch {
            throw .corrupt(what: "row", reason: Self.reason(error))
        }
    }

    func read<T>(_ operation: String, _ body: (PostgresSession) throws -> T) throws(StoreError) -> T {
        if let pinned { return try run(operation) { _ in try body(pinned) } }
        return try run(operation) { pool in try pool.withConnection(body) }
    }

    func write<T>(_ operation: String, _ body: (PostgresSession) throws -> T) throws(StoreError) -> T {
        if let pinned { return try run(operation) { _ in try body(pinned) } }
        return try run(operation) { pool in try pool.transaction(body) }
    }

    private func run<T>(_ operation: String, _ body: (PostgresPool) throws -> T) throws(StoreError) -> T {
        do { return try body(pool) } catch let error as StoreError { throw error } catch {
            throw .failed(operation: operation, reason: Self.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            // The cause below postgres-nio's code (a refused connection, a TLS handshake); it never holds the
            // connection's configuration.
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
        return "\(error)"
    }
}
