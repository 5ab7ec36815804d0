import Foundation
import Hummingbird
import Triangulate
import TriangulateStore

/// The server-rendered pages (Mustache templates, `Templates/`): the story list a page at a time, one story, one
/// stored article, and search. Readable without JavaScript (there is none); every string from an article is escaped
/// by the templates, and ids in links are percent-encoded first.
struct Pages: Sendable {
    let collection: ArticleCollection

    static let pageSize = 50
    static let searchLimit = 50

    /// `GET /?page=N`: the stories, most recently updated first, `pageSize` a page.
    func index(_ request: Request) throws -> Response {
        let total = try load { try collection.store.counts().stories }
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        // A page past the last shows the last; anything that is not a page number shows the first.
        let asked = request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1
        let page = min(max(1, asked), pages)
        let stories = try load {
            try collection.store.stories(limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
        }
        let view = IndexView(
            stories: stories.map { story in
                let count = story.articles.count
                return IndexView.Entry(
                    link: Self.pathComponent(story.id), headline: story.headline,
                    count: "\(count) article\(count == 1 ? "" : "s")")
            },
            summary: total == 0 ? nil : "\(total) stor\(total == 1 ? "y" : "ies"), page \(page) of \(pages).",
            previous: page > 1 ? page - 1 : nil, next: page < pages ? page + 1 : nil)
        return try render(view, "index", title: "Triangulate: stories")
    }

    /// `GET /stories/{id}`: the report's story section (matrix, conflicts, what only one outlet says, quotes,
    /// timeline, sources), each source linked to its stored copy.
    func story(id: String) throws -> Response {
        guard let story = try load({ try collection.store.story(id: id) }) else {
            return try missing("story", id: id)
        }
        let articles = try load { try collection.store.articles(ids: story.articles) }
        var byID: [String: Article] = [:]
        for item in articles where byID[item.article.id] == nil { byID[item.article.id] = item.article }
        let body =
            "<p><a href=\"/\">All stories</a></p>\n"
            + HTMLReport.story(story, articles: byID) { "/articles/" + Self.pathComponent($0.id) }
        return try Self.page(PageView(title: "Triangulate: \(story.headline)", query: "", body: body))
    }

    /// `GET /articles/{id}`: one article as it was stored (its extracted text), with the story holding it.
    func article(id: String) throws -> Response {
        guard let stored = try load({ try collection.store.articles(ids: [id]) }).first else {
            return try missing("article", id: id)
        }
        let article = stored.article
        let storyID = try load { try collection.store.storyID(ofArticle: id) }
        let story = try storyID.flatMap { id in try load { try collection.store.story(id: id) } }
        let view = ArticleView(
            id: article.id, title: article.title ?? article.id, outlet: article.outlet,
            published: article.published?.description, byline: article.byline, origin: article.origin,
            story: story.map { ArticleView.StoryLink(link: Self.pathComponent($0.id), headline: $0.headline) },
            paragraphs: article.paragraphs)
        return try render(view, "article", title: "Triangulate: \(article.title ?? article.id)")
    }

    /// `GET /search?q=`: the articles holding every word, best first, with the matched words marked.
    func search(_ request: Request) throws -> Response {
        let query: String = request.uri.queryParameters.get("q").map { String($0) } ?? ""
        let words = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let hits = words.isEmpty ? [] : try load { try collection.store.search(words, limit: Self.searchLimit) }
        let view = SearchView(
            query: words.isEmpty ? nil : words,
            count: hits.count == 1 ? "1 article" : "\(hits.count) articles",
            hits: hits.map { hit in
                SearchView.Hit(
                    link: Self.pathComponent(hit.article), title: hit.title ?? hit.article,
                    story: hit.story.map(Self.pathComponent), parts: Self.marked(hit.snippet))
            })
        return try render(view, "search", title: "Triangulate: search", query: words)
    }

    /// A snippet whose matches the store put between `[` and `]`, as plain and marked parts.
    static func marked(_ snippet: String) -> [SearchView.Part] {
        var parts: [SearchView.Part] = []
        var rest = Substring(snippet)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            if open > rest.startIndex { parts.append(.init(text: String(rest[..<open]), marked: false)) }
            parts.append(.init(text: String(rest[rest.index(after: open)..<close]), marked: true))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.init(text: String(rest), marked: false)) }
        return parts
    }

    /// The 404 page for an unknown story or article.
    func missing(_ what: String, id: String) throws -> Response {
        let body = try Self.templates().render(MissingView(what: what, id: id), "missing")
        return try Self.page(PageView(title: "Triangulate: no such \(what)", query: "", body: body), status: .notFound)
    }

    func render(_ view: Any, _ name: String, title: String, query: String = "") throws -> Response {
        let body = try Self.templates().render(view, name)
        return try Self.page(PageView(title: title, query: query, body: body))
    }

    /// A whole document around `view.body`: no script, one stylesheet from this server.
    static func page(_ view: PageView, status: HTTPResponse.Status = .ok) throws -> Response {
        Reply.html(try templates().render(view, "page"), status: status)
    }

    static func templates() throws(APIError) -> Templates { try Templates.shared.get() }

    /// `GET /style.css`: the report's stylesheet and the site's header (the pages' CSP allows no inline style).
    static func styleSheet() -> Response {
        Reply.body(HTMLReport.style + siteStyle, status: .ok, type: "text/css; charset=utf-8")
    }

    static let siteStyle = """
        header.site { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; border-bottom: 1px solid #ccc; padding-bottom: .5rem; }
        header.site > a { font-weight: bold; text-decoration: none; color: #1b1b1b; }
        .paging { display: flex; gap: 1.5rem; margin: 1rem 0; }
        .snippet { color: #333; font-size: .9em; }
        mark { background: #fff3a8; }
        .meta { color: #555; }
        article.stored p { max-width: 42rem; }

        """

    /// An id as one percent-encoded path segment (the template escapes it for the attribute).
    static func pathComponent(_ id: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    func load<T>(_ body: () throws -> T) throws(APIError) -> T {
        do { return try body() } catch { throw APIError(.internalServerError, "\(error)") }
    }
}
