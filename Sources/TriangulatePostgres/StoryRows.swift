import Foundation
import PostgresNIO
import Triangulate

/// The rows of a write of stories, sent table by table as one JSON array each (`json_to_recordset`): seven
/// statements per write however many stories, facts, quotes, flags and lineage edges it holds, where one statement
/// per row made writing stories most of a worker's time.
struct StoryRows {
    struct StoryRow: Encodable {
        var id, headline: String
        var articleCount, sequence: Int
        var document: String
    }
    struct MemberRow: Encodable { var story, article: String }
    struct FactRow: Encodable {
        var story, id, statement, status: String
        var sources: Int
    }
    struct ConflictRow: Encodable { var story, id, kind, subject: String }
    struct QuoteRow: Encodable {
        var story: String
        var position: Int
        var speaker, role: String?
        var text: String
        var sources: Int
    }
    struct FlagRow: Encodable {
        var story: String
        var position: Int
        var kind, article, subject, detail: String
    }
    struct LineageRow: Encodable {
        var story: String
        var position: Int
        var copy, original: String
        var similarity: Double
        var passage: Int?
    }

    var stories: [StoryRow] = []
    var members: [MemberRow] = []
    var facts: [FactRow] = []
    var conflicts: [ConflictRow] = []
    var quotes: [QuoteRow] = []
    var flags: [FlagRow] = []
    var lineage: [LineageRow] = []

    init(_ written: [Story], sequence: Int) {
        for story in written {
            let id = story.id
            stories.append(
                StoryRow(
                    id: id, headline: story.headline, articleCount: story.articles.count, sequence: sequence,
                    document: JSONReport.render(story: story)))
            members += story.articles.map { MemberRow(story: id, article: $0) }
            facts += story.facts.map { fact in
                FactRow(
                    story: id, id: fact.id, statement: fact.statement, status: fact.status.rawValue,
                    sources: fact.independentSources)
            }
            conflicts += story.conflicts.map { conflict in
                ConflictRow(story: id, id: conflict.id, kind: conflict.kind.rawValue, subject: conflict.subject)
            }
            quotes += story.quotes.enumerated().map { position, quote in
                QuoteRow(
                    story: id, position: position, speaker: quote.speaker, role: quote.role, text: quote.text,
                    sources: quote.sources.count)
            }
            flags += story.flags.enumerated().map { position, flag in
                FlagRow(
                    story: id, position: position, kind: flag.kind, article: flag.article, subject: flag.subject,
                    detail: flag.detail)
            }
            lineage += story.lineage.enumerated().map { position, edge in
                LineageRow(
                    story: id, position: position, copy: edge.copy, original: edge.original,
                    similarity: edge.similarity, passage: edge.passage)
            }
        }
    }

    func insert(_ session: PostgresSession) throws {
        try Self.send(
            stories, session,
            #"""
            INSERT INTO story (id, headline, "articleCount", sequence, document)
            SELECT id, headline, "articleCount", sequence, document FROM json_to_recordset($1::json)
                AS x(id TEXT, headline TEXT, "articleCount" BIGINT, sequence BIGINT, document TEXT)
            """#)
        try Self.send(
            members, session,
            #"""
            INSERT INTO "storyArticle" ("storyID", "articleID")
            SELECT story, article FROM json_to_recordset($1::json) AS x(story TEXT, article TEXT)
            """#)
        try Self.send(
            facts, session,
            #"""
            INSERT INTO fact ("storyID", id, statement, status, "independentSources")
            SELECT story, id, statement, status, sources FROM json_to_recordset($1::json)
                AS x(story TEXT, id TEXT, statement TEXT, status TEXT, sources BIGINT)
            """#)
        try Self.send(
            conflicts, session,
            #"""
            INSERT INTO conflict ("storyID", id, kind, subject)
            SELECT story, id, kind, subject FROM json_to_recordset($1::json)
                AS x(story TEXT, id TEXT, kind TEXT, subject TEXT)
            """#)
        try Self.send(
            quotes, session,
            #"""
            INSERT INTO quote ("storyID", position, speaker, role, text, "sourceCount")
            SELECT story, position, speaker, role, text, sources FROM json_to_recordset($1::json)
                AS x(story TEXT, position BIGINT, speaker TEXT, role TEXT, text TEXT, sources BIGINT)
            """#)
        try Self.send(
            flags, session,
            #"""
            INSERT INTO flag ("storyID", position, kind, "articleID", subject, detail)
            SELECT story, position, kind, article, subject, detail FROM json_to_recordset($1::json)
                AS x(story TEXT, position BIGINT, kind TEXT, article TEXT, subject TEXT, detail TEXT)
            """#)
        try Self.send(
            lineage, session,
            #"""
            INSERT INTO lineage ("storyID", position, "copyID", "originalID", similarity, passage)
            SELECT story, position, copy, original, similarity, passage FROM json_to_recordset($1::json)
                AS x(story TEXT, position BIGINT, copy TEXT, original TEXT, similarity DOUBLE PRECISION,
                    passage BIGINT)
            """#)
    }

    /// One statement with the rows as its one parameter; nothing is sent for no rows.
    static func send<Row: Encodable>(_ rows: [Row], _ session: PostgresSession, _ sql: String) throws {
        guard !rows.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(String(decoding: try encoder.encode(rows), as: UTF8.self))
        try session.execute(PostgresQuery(unsafeSQL: sql, binds: bindings))
    }
}

/// Articles stored by one `put`, in one statement.
struct ArticleRow: Encodable {
    var id, origin: String
    var outlet, title, byline, published: String?
    var text, textHash, document: String

    static func upsert(_ rows: [ArticleRow], _ session: PostgresSession) throws {
        try StoryRows.send(
            rows, session,
            #"""
            INSERT INTO article (id, origin, outlet, title, byline, published, text, "textHash", document)
            SELECT id, origin, outlet, title, byline, published, text, "textHash", document
            FROM json_to_recordset($1::json) AS x(id TEXT, origin TEXT, outlet TEXT, title TEXT, byline TEXT,
                published TEXT, text TEXT, "textHash" TEXT, document TEXT)
            ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, outlet = excluded.outlet,
                title = excluded.title, byline = excluded.byline, published = excluded.published,
                text = excluded.text, "textHash" = excluded."textHash", document = excluded.document
            """#)
    }
}
