import Foundation
import Hummingbird
import Triangulate
import TriangulateStore

/// The server-rendered pages: the story list and one story, readable without JavaScript (there is none). Every
/// string that comes from an article is HTML-escaped; ids in links are percent-encoded as well.
struct Pages: Sendable {
    let collection: ArticleCollection

    static let listLimit = 200

    /// `GET /`: the stories, most recently updated first.
    func index() throws -> Response {
        let stories = try load { try collection.store.stories(limit: Self.listLimit, offset: 0) }
        var body = "<h1>Stories</h1>\n"
        if stories.isEmpty {
            body += "<p>No stories yet: add articles with <code>triangulate ingest</code> or POST /api/articles.</p>\n"
        } else {
            body += "<ul class=\"stories\">\n"
            for story in stories {
                let count = story.articles.count
                body += "<li><a href=\"/stories/\(Self.pathComponent(story.id))\">\(Self.escape(story.headline))</a>"
                body += " <span class=\"count\">\(count) article\(count == 1 ? "" : "s")</span></li>\n"
            }
            body += "</ul>\n"
        }
        return Reply.html(Self.page(title: "Triangulate: stories", body: body))
    }

    /// `GET /stories/{id}`: one story's articles, corroborated facts, disputes and quotes.
    func story(id: String) throws -> Response {
        guard let story = try load({ try collection.store.story(id: id) }) else {
            let body =
                "<h1>No such story</h1>\n<p>No story is called \(Self.escape(id)).</p>\n"
                + "<p><a href=\"/\">All stories</a></p>\n"
            return Reply.html(Self.page(title: "Triangulate: no such story", body: body), status: .notFound)
        }
        let articles = try load { try collection.store.articles(ids: story.articles) }
        var byID: [String: Article] = [:]
        for item in articles where byID[item.article.id] == nil { byID[item.article.id] = item.article }
        // The same section the HTML report prints: the fact × outlet matrix, conflicts side by side, what only one
        // outlet says, quotes, timeline, sources.
        let body = "<p><a href=\"/\">All stories</a></p>\n" + HTMLReport.story(story, articles: byID)
        return Reply.html(Self.page(title: "Triangulate: \(story.headline)", body: body))
    }

    /// A whole document around `body`: no script, one stylesheet from this server.
    static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="/style.css">
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// `GET /style.css`.
    static func styleSheet() -> Response {
        // The report's own stylesheet (the pages' CSP allows styles from this server only, not inline ones).
        return Reply.body(HTMLReport.style, status: .ok, type: "text/css; charset=utf-8")
    }

    /// Text safe inside an element or a quoted attribute (the report's escaping).
    static func escape(_ text: String) -> String { HTMLReport.escape(text) }

    /// An id as one percent-encoded path segment, then escaped for the attribute.
    static func pathComponent(_ id: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return escape(id.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }

    func load<T>(_ body: () throws -> T) throws(APIError) -> T {
        do { return try body() } catch { throw APIError(.internalServerError, "\(error)") }
    }
}
