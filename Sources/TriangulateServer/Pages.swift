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
        var titles: [String: Article] = [:]
        for item in articles where titles[item.article.id] == nil { titles[item.article.id] = item.article }
        var body = "<p><a href=\"/\">All stories</a></p>\n<h1>\(Self.escape(story.headline))</h1>\n"
        body += "<h2>Articles</h2>\n<ul>\n"
        for articleID in story.articles {
            let article = titles[articleID]
            let label = [article?.outlet, article?.title ?? articleID].compactMap { $0 }.joined(separator: ": ")
            body += "<li>\(Self.escape(label)) <span class=\"id\">(\(Self.escape(articleID)))</span></li>\n"
        }
        body += "</ul>\n"
        body += Self.facts(story)
        body += Self.conflicts(story)
        body += Self.quotes(story)
        return Reply.html(Self.page(title: "Triangulate: \(story.headline)", body: body))
    }

    static func facts(_ story: Story) -> String {
        guard !story.facts.isEmpty else { return "" }
        var out = "<h2>Facts</h2>\n<ul class=\"facts\">\n"
        for fact in story.facts {
            out += "<li class=\"\(escape(fact.status.rawValue))\">\(escape(fact.statement))"
            out += " <span class=\"sources\">\(escape(fact.status.rawValue)), \(fact.independentSources)"
            out += " independent: \(escape(fact.sources.joined(separator: ", ")))</span></li>\n"
        }
        return out + "</ul>\n"
    }

    static func conflicts(_ story: Story) -> String {
        guard !story.conflicts.isEmpty else { return "" }
        var out = "<h2>Disputed</h2>\n<ul class=\"conflicts\">\n"
        for conflict in story.conflicts {
            out += "<li><strong>\(escape(conflict.subject))</strong> (\(escape(conflict.kind.rawValue)))<ul>\n"
            for position in conflict.positions {
                out += "<li>\(escape(position.statement)): \(escape(position.sources.joined(separator: ", ")))</li>\n"
            }
            out += "</ul></li>\n"
        }
        return out + "</ul>\n"
    }

    static func quotes(_ story: Story) -> String {
        guard !story.quotes.isEmpty else { return "" }
        var out = "<h2>Quotes</h2>\n<ul class=\"quotes\">\n"
        for quote in story.quotes {
            let speaker = [quote.speaker, quote.role].compactMap { $0 }.joined(separator: ", ")
            out += "<li><q>\(escape(quote.text))</q>"
            if !speaker.isEmpty { out += " — \(escape(speaker))" }
            out += " <span class=\"sources\">\(escape(quote.sources.joined(separator: ", ")))</span></li>\n"
        }
        return out + "</ul>\n"
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
        let css = """
            body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #222; background: #fdfdfc; }
            main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
            .count, .sources, .id { color: #666; font-size: 0.9em; }
            li { margin: 0.3rem 0; }
            .corroborated { border-left: 3px solid #2a7; padding-left: 0.5rem; list-style: none; }

            """
        return Reply.body(css, status: .ok, type: "text/css; charset=utf-8")
    }

    /// Text safe inside an element or a quoted attribute: & < > " ' escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

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
