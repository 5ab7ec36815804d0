import PostgresNIO
import TriangulateStore

/// The schema on PostgreSQL, as named migrations in the order of the SQLite store's (same names, same tables and
/// columns), plus the work queue, which only PostgreSQL has. A migration is never edited once it has shipped.
/// Applied under an advisory lock, so that workers starting together migrate once; each migration is its own
/// transaction, recorded in `migration`.
enum PostgresMigrations {
    static let lockKey: Int64 = 0x7472_6961_6e67_0001

    static let all: [(name: String, statements: [PostgresQuery])] = [
        (
            "2026-12-02 articles and stories",
            [
                """
                CREATE TABLE article (
                    id TEXT PRIMARY KEY NOT NULL, origin TEXT NOT NULL, outlet TEXT, title TEXT, byline TEXT,
                    published TEXT, text TEXT NOT NULL, "textHash" TEXT NOT NULL, document TEXT NOT NULL)
                """,
                """
                CREATE TABLE story (
                    id TEXT PRIMARY KEY NOT NULL, headline TEXT NOT NULL, "articleCount" BIGINT NOT NULL,
                    sequence BIGINT NOT NULL, document TEXT NOT NULL)
                """,
                "CREATE INDEX story_sequence ON story(sequence)",
                """
                CREATE TABLE "storyArticle" (
                    "storyID" TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                    "articleID" TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    PRIMARY KEY ("storyID", "articleID"))
                """,
                #"CREATE INDEX "storyArticle_article" ON "storyArticle"("articleID")"#,
                """
                CREATE TABLE fact (
                    "storyID" TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE, id TEXT NOT NULL,
                    statement TEXT NOT NULL, status TEXT NOT NULL, "independentSources" BIGINT NOT NULL,
                    PRIMARY KEY ("storyID", id))
                """,
                """
                CREATE TABLE conflict (
                    "storyID" TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE, id TEXT NOT NULL,
                    kind TEXT NOT NULL, subject TEXT NOT NULL, PRIMARY KEY ("storyID", id))
                """,
                """
                CREATE TABLE quote (
                    "storyID" TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE, position BIGINT NOT NULL,
                    speaker TEXT, role TEXT, text TEXT NOT NULL, "sourceCount" BIGINT NOT NULL,
                    PRIMARY KEY ("storyID", position))
                """,
                """
                CREATE TABLE flag (
                    "storyID" TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE, position BIGINT NOT NULL,
                    kind TEXT NOT NULL, "articleID" TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL,
                    PRIMARY KEY ("storyID", position))
                """,
                """
                CREATE TABLE lineage (
                    "storyID" TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE, position BIGINT NOT NULL,
                    "copyID" TEXT NOT NULL, "originalID" TEXT NOT NULL, similarity DOUBLE PRECISION NOT NULL,
                    passage BIGINT, PRIMARY KEY ("storyID", position))
                """,
            ]
        ),
        (
            "2026-12-02 article full-text index",
            [
                // 'simple': words as written, lower-cased, no stemming (as SQLite's unicode61 tokenizer).
                """
                ALTER TABLE article ADD COLUMN search tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', coalesce(title, '')), 'A') || to_tsvector('simple', text)) STORED
                """,
                "CREATE INDEX article_search ON article USING GIN (search)",
            ]
        ),
        (
            "2026-12-03 cluster state",
            [
                """
                CREATE TABLE "clusterMember" (
                    "articleID" TEXT PRIMARY KEY NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    position BIGINT NOT NULL, features BYTEA NOT NULL)
                """,
                #"CREATE INDEX "clusterMemberPosition" ON "clusterMember"(position)"#,
            ]
        ),
        (
            "2026-12-03 feeds",
            [
                """
                CREATE TABLE feed (
                    url TEXT PRIMARY KEY NOT NULL, etag TEXT, "lastModified" TEXT, failures BIGINT NOT NULL,
                    "nextCheck" DOUBLE PRECISION NOT NULL)
                """,
                """
                CREATE TABLE "feedItem" (
                    "feedURL" TEXT NOT NULL REFERENCES feed(url) ON DELETE CASCADE, "itemKey" TEXT NOT NULL,
                    PRIMARY KEY ("feedURL", "itemKey"))
                """,
            ]
        ),
        (
            "2026-12-03 work queue",
            [
                // One document to ingest per job. state: queued, running (leased until `leaseUntil`), done, failed
                // (parked after `WorkQueue.maximumAttempts` attempts, with its last error).
                """
                CREATE TABLE job (
                    id BIGSERIAL PRIMARY KEY, "documentID" TEXT NOT NULL, origin TEXT NOT NULL, kind TEXT NOT NULL,
                    body BYTEA NOT NULL, state TEXT NOT NULL, attempts BIGINT NOT NULL DEFAULT 0, worker TEXT,
                    "leaseUntil" TIMESTAMPTZ, error TEXT, queued TIMESTAMPTZ NOT NULL DEFAULT now(),
                    finished TIMESTAMPTZ)
                """,
                "CREATE INDEX job_waiting ON job(id) WHERE state IN ('queued', 'running')",
                "CREATE INDEX job_state ON job(state)",
                // The story write sequence after the last whole-collection regrouping (see Worker.revise).
                #"CREATE TABLE "groupingRevision" (id INTEGER PRIMARY KEY CHECK (id = 1), "storySequence" BIGINT NOT NULL)"#,
            ]
        ),
    ]

    /// Applies the migrations not yet applied, in order, and returns the names applied. A database already up to
    /// date is only read (a role without CREATE can open it); otherwise everything missing is applied in one
    /// transaction under a transaction-scoped advisory lock (which also holds behind a transaction-pooling proxy).
    @discardableResult
    static func migrate(_ pool: PostgresPool) throws -> [String] {
        try pool.withConnection { session in
            if let applied = try? appliedNames(session), applied.count == all.count { return applied }
            try session.execute("BEGIN")
            do {
                try session.execute("SELECT pg_advisory_xact_lock(\(lockKey))")
                try session.execute(
                    "CREATE TABLE IF NOT EXISTS migration (name TEXT PRIMARY KEY NOT NULL, applied TIMESTAMPTZ NOT NULL)"
                )
                let applied = Set(try appliedNames(session))
                for migration in all where !applied.contains(migration.name) {
                    for statement in migration.statements { try session.execute(statement) }
                    try session.execute("INSERT INTO migration (name, applied) VALUES (\(migration.name), now())")
                }
                try session.execute("COMMIT")
            } catch {
                try? session.execute("ROLLBACK")
                throw error
            }
            return try appliedNames(session)
        }
    }

    static func appliedNames(_ session: PostgresSession) throws -> [String] {
        let names = Set(try session.query("SELECT name FROM migration").map { try $0.decode(String.self) })
        return all.map(\.name).filter(names.contains)
    }
}
