import Foundation
import GRDB
import Triangulate

// The rows of the SQLite store: plain Codable structs, one per table (column names are the property names).
// Stories and articles keep their full contract JSON in `document`, so that reading one back gives exactly what was
// written; the other columns and tables are what queries filter, order and join on.

struct ArticleRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "article"
    var id: String
    var origin: String
    var outlet: String?
    var title: String?
    var byline: String?
    var published: String?
    var text: String
    /// FNV-1a 64 of the text, hex: re-ingesting an unchanged article is recognized without comparing texts.
    var textHash: String
    var document: String
}

struct StoryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "story"
    var id: String
    var headline: String
    var articleCount: Int
    /// Increases with every write: "most recently updated first" without clocks.
    var sequence: Int
    var document: String
}

struct StoryArticleRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "storyArticle"
    var storyID: String
    var articleID: String
}

struct FactRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "fact"
    var storyID: String
    var id: String
    var statement: String
    var status: String
    var independentSources: Int
}

struct ConflictRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "conflict"
    var storyID: String
    var id: String
    var kind: String
    var subject: String
}

struct QuoteRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "quote"
    var storyID: String
    var position: Int
    var speaker: String?
    var role: String?
    var text: String
    var sourceCount: Int
}

struct FlagRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "flag"
    var storyID: String
    var position: Int
    var kind: String
    var articleID: String
    var subject: String
    var detail: String
}

struct LineageRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "lineage"
    var storyID: String
    var position: Int
    var copyID: String
    var originalID: String
    var similarity: Double
    var passage: Int?
}

struct ClusterMemberRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "clusterMember"
    var articleID: String
    var position: Int
    var features: Data
}

struct FeedRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "feed"
    var url: String
    var etag: String?
    var lastModified: String?
    var failures: Int
    var nextCheck: Double
}

struct FeedItemRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "feedItem"
    var feedURL: String
    var itemKey: String
}
