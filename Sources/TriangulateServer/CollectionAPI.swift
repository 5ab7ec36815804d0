import Foundation
import Hummingbird
import Triangulate
import TriangulateStore

/// The JSON routes over one collection.
struct CollectionAPI: Sendable {
    let collection: ArticleCollection
    let configuration: ServerConfiguration
    let writer: CollectionWriter

    init(collection: ArticleCollection, configuration: ServerConfiguration) {
        self.collection = collection
        self.configuration = configuration
        self.writer = CollectionWriter(collection: collection)
    }

    /// `POST /api/articles`: 201 `{"id", "story"}` (200 when the same article was stored already); 400 for a bad
    /// body, 413 for one over the limit, 422 for an article Ingest, Extract or Annotate refuses.
    func postArticle(_ request: Request, context: some RequestContext) async throws -> Response {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(
                .contentTooLarge, "the request body is over the limit of \(configuration.maxBodyBytes) bytes")
        }
        let submission = try Submission.parse(Array(buffer.readableBytesView))
        let document = try self.document(for: submission)
        let summary: ArticleCollection.Summary
        do {
            summary = try await writer.add(document) { submission.amend(&$0) }
        } catch {
            throw APIError(.internalServerError, error.description)
        }
        if let failure = summary.failures.first {
            throw APIError(.unprocessableContent, "the article cannot be analyzed: \(failure.reason)")
        }
        let story = try storeCall { try collection.store.storyID(ofArticle: submission.id) }
        let status: HTTPResponse.Status = summary.inserted + summary.updated > 0 ? .created : .ok
        context.logger.info(
            "article stored",
            metadata: [
                "article": "\(submission.id)", "story": "\(story ?? "none")",
                "outcome": "\(summary.inserted > 0 ? "new" : summary.updated > 0 ? "updated" : "unchanged")",
            ])
        return try Reply.json(Posted(id: submission.id, story: story), status: status)
    }

    /// The document Ingest makes of the submitted text or page (binary content is refused), with its id.
    func document(for submission: Submission) throws(APIError) -> Document {
        let limit = collection.pipeline.configuration.ingest.maxFileBytes
        let bytes = Array(submission.content.utf8)
        if bytes.count > limit {
            throw APIError(
                .contentTooLarge, "the article is \(bytes.count) bytes, over the \(limit)-byte limit for one article")
        }
        let origin = submission.url ?? "api:\(submission.id)"
        let ingest = Ingest(configuration: collection.pipeline.configuration.ingest)
        switch ingest.document(from: bytes, path: origin) {
        case .failure(let error):
            throw APIError(.unprocessableContent, "the article cannot be read: \(error.reason)")
        case .success(var document):
            document.id = submission.id
            document.kind = submission.kind
            return document
        }
    }

    /// `GET /api/stories?limit=&offset=`: the stories, most recently updated first, each with its articles.
    func listStories(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        let limit = try Self.integer(
            query.get("limit"), name: "limit", default: configuration.defaultStoryLimit,
            range: 1...configuration.maxStoryLimit)
        let offset = try Self.integer(query.get("offset"), name: "offset", default: 0, range: 0...Int(Int32.max))
        let stories = try storeCall { try collection.store.stories(limit: limit, offset: offset) }
        return try Reply.json(
            StoryList(stories: stories.map { StoryList.Entry(id: $0.id, headline: $0.headline, articles: $0.articles) })
        )
    }

    /// `GET /api/stories/{id}`: the story exactly as the JSON contract writes it (as the store keeps it).
    func story(id: String) throws -> Response {
        guard let document = try storeCall({ try collection.store.storyDocument(id: id) }) else {
            throw APIError(.notFound, "no story \(id.debugDescription)")
        }
        return Reply.json(document)
    }

    /// `GET /api/search?q=&limit=`: articles matching every word (as prefixes), best first.
    func search(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        guard let words = query.get("q"), !words.allSatisfy(\.isWhitespace) else {
            throw APIError(.badRequest, "give the words to search for as \"q\"")
        }
        let limit = try Self.integer(
            query.get("limit"), name: "limit", default: configuration.defaultSearchLimit,
            range: 1...configuration.maxSearchLimit)
        let hits = try storeCall { try collection.store.search(words, limit: limit) }
        return try Reply.json(SearchResults(results: hits.map(SearchResults.Hit.init)))
    }

    /// A query parameter as an integer in `range`, `fallback` when absent; 400 otherwise.
    static func integer(
        _ text: String?, name: String, default fallback: Int, range: ClosedRange<Int>
    ) throws(APIError) -> Int {
        guard let text else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError(
                .badRequest,
                "\"\(name)\" must be a whole number from \(range.lowerBound) to \(range.upperBound), "
                    + "not \(text.debugDescription)"
            )
        }
        return value
    }

    /// A store call whose failure is the server's (500), named.
    func storeCall<T>(_ body: () throws -> T) throws(APIError) -> T {
        do { return try body() } catch { throw APIError(.internalServerError, "\(error)") }
    }
}

struct Posted: Encodable {
    var id: String
    var story: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(story, forKey: .story)  // null, not left out, when no story holds it
    }

    enum CodingKeys: String, CodingKey { case id, story }
}

struct StoryList: Encodable {
    struct Entry: Encodable {
        var id: String
        var headline: String
        var articles: [String]
    }
    var stories: [Entry]
}

struct SearchResults: Encodable {
    struct Hit: Encodable {
        var article: String
        var story: String?
        var title: String?
        var snippet: String

        init(_ hit: SearchHit) {
            (article, story, title, snippet) = (hit.article, hit.story, hit.title, hit.snippet)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(article, forKey: .article)
            try container.encode(story, forKey: .story)
            try container.encode(title, forKey: .title)
            try container.encode(snippet, forKey: .snippet)
        }

        enum CodingKeys: String, CodingKey { case article, story, title, snippet }
    }
    var results: [Hit]
}
