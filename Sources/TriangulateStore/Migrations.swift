import GRDB

/// The schema, as named migrations. A migration is never edited once it has shipped: changes are new migrations.
/// Plain SQL types (TEXT, INTEGER, REAL) and foreign keys, so that the PostgreSQL store can follow the same steps;
/// only the full-text index is SQLite's own (FTS5).
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-12-02 articles and stories") { db in
            try db.execute(
                sql: """
                    CREATE TABLE article (
                        id TEXT PRIMARY KEY NOT NULL,
                        origin TEXT NOT NULL,
                        outlet TEXT,
                        title TEXT,
                        byline TEXT,
                        published TEXT,
                        text TEXT NOT NULL,
                        textHash TEXT NOT NULL,
                        document TEXT NOT NULL
                    );
                    CREATE TABLE story (
                        id TEXT PRIMARY KEY NOT NULL,
                        headline TEXT NOT NULL,
                        articleCount INTEGER NOT NULL,
                        sequence INTEGER NOT NULL,
                        document TEXT NOT NULL
                    );
                    CREATE INDEX story_sequence ON story(sequence);
                    CREATE TABLE storyArticle (
                        storyID TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                        articleID TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                        PRIMARY KEY (storyID, articleID)
                    );
                    CREATE INDEX storyArticle_article ON storyArticle(articleID);
                    CREATE TABLE fact (
                        storyID TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                        id TEXT NOT NULL,
                        statement TEXT NOT NULL,
                        status TEXT NOT NULL,
                        independentSources INTEGER NOT NULL,
                        PRIMARY KEY (storyID, id)
                    );
                    CREATE TABLE conflict (
                        storyID TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                        id TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        PRIMARY KEY (storyID, id)
                    );
                    CREATE TABLE quote (
                        storyID TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        speaker TEXT,
                        role TEXT,
                        text TEXT NOT NULL,
                        sourceCount INTEGER NOT NULL,
                        PRIMARY KEY (storyID, position)
                    );
                    CREATE TABLE flag (
                        storyID TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        articleID TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        PRIMARY KEY (storyID, position)
                    );
                    CREATE TABLE lineage (
                        storyID TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        copyID TEXT NOT NULL,
                        originalID TEXT NOT NULL,
                        similarity REAL NOT NULL,
                        passage INTEGER,
                        PRIMARY KEY (storyID, position)
                    );
                    """)
        }
        migrator.registerMigration("2026-12-02 article full-text index") { db in
            try db.create(virtualTable: "article_fts", using: FTS5()) { table in
                table.synchronize(withTable: "article")
                table.tokenizer = .unicode61()
                table.column("title")
                table.column("text")
            }
        }
        // The Cluster stage's state: each article's cluster features and its place in the order articles were
        // added, so that new articles are grouped against the stored stories without reading texts again.
        migrator.registerMigration("2026-12-03 cluster state") { db in
            try db.execute(
                sql: """
                    CREATE TABLE clusterMember (
                        articleID TEXT PRIMARY KEY NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        features BLOB NOT NULL
                    );
                    CREATE INDEX clusterMemberPosition ON clusterMember(position);
                    """)
        }
        // Feeds watched (`triangulate watch`): validators for conditional requests, backoff, and the items seen.
        migrator.registerMigration("2026-12-03 feeds") { db in
            try db.execute(
                sql: """
                    CREATE TABLE feed (
                        url TEXT PRIMARY KEY NOT NULL,
                        etag TEXT,
                        lastModified TEXT,
                        failures INTEGER NOT NULL,
                        nextCheck REAL NOT NULL
                    );
                    CREATE TABLE feedItem (
                        feedURL TEXT NOT NULL REFERENCES feed(url) ON DELETE CASCADE,
                        itemKey TEXT NOT NULL,
                        PRIMARY KEY (feedURL, itemKey)
                    );
                    """)
        }
        return migrator
    }
}
