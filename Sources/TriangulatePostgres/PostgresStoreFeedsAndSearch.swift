import Foundation
import PostgresNIO
import TriangulateStore

extension PostgresStore {
    public func feedState(url: String) throws(StoreError) -> FeedState? {
        try read("read a feed's state") { session in
            try session.query(#"SELECT url, etag, "lastModified", failures, "nextCheck" FROM feed WHERE url = \#(url)"#)
                .first.map { row in
                    let (url, etag, lastModified, failures, nextCheck) = try row.decode(
                        (String, String?, String?, Int, Double).self)
                    return FeedState(
                        url: url, etag: etag, lastModified: lastModified, failures: failures, nextCheck: nextCheck)
                }
        }
    }

    public func saveFeedState(_ state: FeedState, seen: [String]) throws(StoreError) {
        try write("save a feed's state") { session in
            try session.execute(
                """
                INSERT INTO feed (url, etag, "lastModified", failures, "nextCheck")
                VALUES (\(state.url), \(state.etag), \(state.lastModified), \(state.failures), \(state.nextCheck))
                ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "lastModified" = excluded."lastModified",
                    failures = excluded.failures, "nextCheck" = excluded."nextCheck"
                """)
            if !seen.isEmpty {
                try session.execute(
                    #"""
                    INSERT INTO "feedItem" ("feedURL", "itemKey") SELECT \#(state.url), unnest(\#(seen))
                    ON CONFLICT DO NOTHING
                    """#)
            }
        }
    }

    public func unseenItems(feed url: String, keys: [String]) throws(StoreError) -> Set<String> {
        try read("read a feed's items") { session in
            let seen = try session.query(
                #"SELECT "itemKey" FROM "feedItem" WHERE "feedURL" = \#(url) AND "itemKey" = ANY(\#(keys))"#
            ).map { try $0.decode(String.self) }
            return Set(keys).subtracting(seen)
        }
    }

    /// Every word of the query as a prefix, all required (as the SQLite store's FTS5 pattern); best rank first;
    /// the snippet marks matches with `[` and `]`.
    public func search(_ query: String, limit: Int) throws(StoreError) -> [SearchHit] {
        let words = query.lowercased().split { !($0.isLetter || $0.isNumber) }.prefix(32)
        guard !words.isEmpty else { return [] }
        // Letters and digits only: nothing of the query can be read as tsquery syntax.
        let pattern = words.map { "\($0):*" }.joined(separator: " & ")
        return try read("search") { session in
            try session.query(
                """
                WITH q AS (SELECT to_tsquery('simple', \(pattern)) AS query)
                SELECT a.id, a.title,
                    ts_headline('simple', a.text, q.query,
                        'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…'),
                    (SELECT "storyID" FROM "storyArticle" WHERE "articleID" = a.id ORDER BY "storyID" COLLATE "C" LIMIT 1)
                FROM article a, q WHERE a.search @@ q.query
                ORDER BY ts_rank(a.search, q.query) DESC, a.id COLLATE "C" LIMIT \(max(0, limit))
                """
            ).map { row in
                let (id, title, snippet, story) = try row.decode((String, String?, String?, String?).self)
                return SearchHit(article: id, story: story, title: title, snippet: snippet ?? "")
            }
        }
    }
}
