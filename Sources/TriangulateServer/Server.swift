import Foundation
import Hummingbird
import Logging
import Triangulate
import TriangulateStore

/// Settings of the HTTP server: how much a request may carry and how many stories or hits one response lists.
public struct ServerConfiguration: Sendable, Hashable {
    /// The largest request body read, in bytes; a larger one is refused with 413.
    public var maxBodyBytes: Int
    /// Stories `GET /api/stories` lists when no `limit` is given, and the most it lists.
    public var defaultStoryLimit: Int
    public var maxStoryLimit: Int
    /// Hits `GET /api/search` lists when no `limit` is given, and the most it lists.
    public var defaultSearchLimit: Int
    public var maxSearchLimit: Int

    public static let defaultMaxBodyBytes = 16 * 1024 * 1024

    public init(
        maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes, defaultStoryLimit: Int = 50,
        maxStoryLimit: Int = 1000, defaultSearchLimit: Int = 20, maxSearchLimit: Int = 200
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.defaultStoryLimit = defaultStoryLimit
        self.maxStoryLimit = maxStoryLimit
        self.defaultSearchLimit = defaultSearchLimit
        self.maxSearchLimit = maxSearchLimit
    }
}

/// The collection's routes: the JSON API under `/api/` and the server-rendered pages (`/`, `/stories/{id}`,
/// `/articles/{id}`, `/search`). Every
/// response, errors included, carries the security headers; every error is JSON `{"error": "…"}` (HTML on a page).
public func buildRouter(
    collection: ArticleCollection, configuration: ServerConfiguration = ServerConfiguration()
) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    // Before the routes: a middleware applies to the routes added after it (and to "not found").
    router.add(middleware: SecurityHeadersMiddleware<BasicRequestContext>())
    // One structured line per request (method, path, status, duration) at debug; `serve --log-level debug` shows them.
    router.add(middleware: LogRequestsMiddleware(.debug))
    let api = CollectionAPI(collection: collection, configuration: configuration)
    router.post("/api/articles") { request, context in try await api.postArticle(request, context: context) }
    router.get("/api/stories") { request, _ in try api.listStories(request) }
    router.get("/api/stories/{id}") { _, context in try api.story(id: pathParameter(context)) }
    router.get("/api/search") { request, _ in try api.search(request) }
    let pages = Pages(collection: collection)
    router.get("/") { request, _ in try pages.index(request) }
    router.get("/stories/{id}") { _, context in try pages.story(id: pathParameter(context)) }
    router.get("/articles/{id}") { _, context in try pages.article(id: pathParameter(context)) }
    router.get("/search") { request, _ in try pages.search(request) }
    router.get("/style.css") { _, _ in Pages.styleSheet() }
    router.get("/openapi.yaml") { _, _ in
        Reply.body(
            String(decoding: PackageResources.openapi_yaml, as: UTF8.self), status: .ok, type: "application/yaml")
    }
    return router
}

/// The `{id}` of a route, percent-decoded (links encode ids; the router matches the raw path).
func pathParameter(_ context: BasicRequestContext) throws -> String {
    let raw = try context.parameters.require("id")
    return raw.removingPercentEncoding ?? raw
}

/// The Hummingbird application serving `buildRouter(collection:configuration:)` on `host`:`port` (port 0: any
/// free port). Run it with `runService()` or inside a `ServiceGroup`.
public func buildApplication(
    collection: ArticleCollection, configuration: ServerConfiguration = ServerConfiguration(),
    host: String = "127.0.0.1", port: Int = 8080, logger: Logger? = nil,
    onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in }
) -> Application<RouterResponder<BasicRequestContext>> {
    Application(
        router: buildRouter(collection: collection, configuration: configuration),
        configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "triangulate"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) },
        logger: logger ?? Logger(label: "triangulate.serve")
    )
}

/// Writes go through one actor: two writes interleaved could store stories formed without the other's article. It
/// keeps the collection's grouping between writes (`GroupingCache`), so a POST costs what its own article and story
/// cost, not a replay of the whole collection.
actor CollectionWriter {
    let collection: ArticleCollection
    let cache = GroupingCache()

    init(collection: ArticleCollection) {
        self.collection = collection
    }

    func add(
        _ document: Document, amend: @escaping @Sendable (inout Article) -> Void
    ) throws(StoreError)
        -> ArticleCollection.Summary
    {
        try collection.add(documents: [document], amend: amend, cache: cache)
    }
}
