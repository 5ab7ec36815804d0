import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Triangulate
@testable import TriangulateServer
import TriangulateStore

/// The server-rendered pages, and the real server on a free port.
@Suite("Server pages")
struct PageTests {
    @Test func aHeadlineWithMarkupIsEscapedOnEveryPage() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let title = "<script>alert('x')</script> Harbor & \"docks\" reopen"
        let body = try ServerFixture.json([
            "id": "harbor", "title": title,
            "text": "The harbor reopened on Monday after a week of repairs, the port authority said.",
        ])
        try await fixture.application().test(.router) { client in
            let posted = try await client.post(body)
            #expect(posted.status == .created, "\(posted.text)")
            let story = try #require(posted.object?["story"] as? String)
            let index = try await client.get("/")
            #expect(index.status == .ok && index.hasSecurityHeaders)
            #expect(index.headers[.contentType]?.hasPrefix("text/html") == true)
            let page = try await client.get("/stories/\(story)")
            #expect(page.status == .ok && page.hasSecurityHeaders)
            for html in [index.text, page.text] {
                #expect(!html.contains("<script"), "\(html)")
                #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Harbor &amp; &quot;docks&quot;"))
            }
            let missing = try await client.get("/stories/story-none")
            #expect(missing.status == .notFound && missing.hasSecurityHeaders)
            let css = try await client.get("/style.css")
            #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    @Test func theRealServerAnswersOnAFreePort() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = buildApplication(collection: fixture.collection, port: 0)
        try await LiveClient.run(app) { client in
            #expect(client.port > 0)
            let posted = try await client.post(try ServerFixture.seedBody(ServerFixture.seedFiles()[0]))
            #expect(posted.status == .created && posted.hasSecurityHeaders)
            let list = try await client.get("/api/stories")
            #expect(list.status == .ok)
            #expect((list.object?["stories"] as? [Any])?.count == 1)
        }
    }

    @Test func theListIsPagedAndEveryArticleHasItsStoredPage() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        // 53 articles with no word in common (made-up words from syllables): more stories than one page lists.
        @Sendable func word(_ index: Int, _ part: Int) -> String {
            let syllables = ["ka", "lo", "mi", "ne", "pu", "ra", "si", "tu", "ve", "zo"]
            let n = index * 10 + part
            return (syllables[n % 10] + syllables[(n / 10) % 10] + syllables[(n / 100) % 10] + "x").capitalized
        }
        try await fixture.application().test(.router) { client in
            for index in 0..<53 {
                let words = (0..<10).map { word(index, $0) }
                let body = try ServerFixture.json([
                    "id": "a\(index)", "title": words[0..<3].joined(separator: " "),
                    "text": words[3...].joined(separator: " ") + ".",
                ])
                let posted = try await client.post(body)
                #expect(posted.status == .created)
            }
            let stories = try #require(
                (try await client.get("/api/stories?limit=1000")).object?["stories"] as? [[String: Any]])
            #expect(stories.count > Pages.pageSize)
            let first = try await client.get("/")
            #expect(first.text.components(separatedBy: "<li><a href=\"/stories/").count - 1 == Pages.pageSize)
            #expect(first.text.contains("href=\"/?page=2\"") && !first.text.contains("rel=\"prev\""))
            let second = try await client.get("/?page=2")
            let rest = stories.count - Pages.pageSize
            #expect(second.text.components(separatedBy: "<li><a href=\"/stories/").count - 1 == rest)
            #expect(second.text.contains("href=\"/?page=1\"") && !second.text.contains("rel=\"next\""))
            // Not a page number: the first page; past the last: the last.
            #expect((try await client.get("/?page=x")).text == first.text)
            #expect((try await client.get("/?page=99")).text == second.text)

            let article = try await client.get("/articles/a7")
            #expect(article.status == .ok && article.hasSecurityHeaders)
            #expect(article.text.contains((3..<10).map { word(7, $0) }.joined(separator: " ")))
            #expect(article.text.contains("href=\"/stories/"))
            let none = try await client.get("/articles/none")
            #expect(none.status == .notFound && none.text.contains("No article is called"))
        }
    }

    @Test func searchMarksTheMatchAndEscapesEveryCharacterWithCombiningMarks() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        // A quotation mark followed by a combining accent is one Character; escaping by Character would miss it
        // and end the attribute. The templates escape by scalar.
        let text = "The Velmora quarry closed on Friday \"\u{301} onmouseover=alert(1) x=\"\u{301} after a landslide."
        try await fixture.application().test(.router) { client in
            let posted = try await client.post(
                try ServerFixture.json(["id": "quarry", "title": "Quarry \"\u{301}<b>closed</b>", "text": text]))
            #expect(posted.status == .created)
            let page = try await client.get("/search?q=velmora")
            #expect(page.status == .ok && page.hasSecurityHeaders)
            #expect(page.text.contains("<mark>Velmora</mark>"))
            #expect(page.text.contains("value=\"velmora\""))
            #expect(!page.text.contains("\"\u{301}") && !page.text.contains("<b>"))
            #expect(page.text.contains("&quot;\u{301} onmouseover=alert(1)"))
            let story = try await client.get("/stories/" + (posted.object?["story"] as? String ?? ""))
            #expect(!story.text.contains("\"\u{301}") && !story.text.contains("<b>"))
            let empty = try await client.get("/search?q=%3Cscript%3E")
            #expect(empty.status == .ok && empty.text.contains("0 articles for “&lt;script&gt;”"))
        }
    }

    @Test func idsWithAccentsAndURLCharactersAreLinkedAndFound() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let id = "Überblick#1?x%25y"  // (the API refuses spaces; file names bring them, the same path)
        try await fixture.application().test(.router) { client in
            let posted = try await client.post(
                try ServerFixture.json([
                    "id": id, "text": "The Velmora city council met on Monday and approved the ferry plan 5-2.",
                ]))
            #expect(posted.status == .created)
            let story = try #require(posted.object?["story"] as? String)
            let page = try await client.get("/stories/" + Pages.pathComponent(story))
            #expect(page.status == .ok)
            let link = "/articles/" + Pages.pathComponent(id)
            #expect(page.text.contains("href=\"\(link)\""))
            let article = try await client.get(link)
            #expect(article.status == .ok && article.text.contains("approved the ferry plan"))
        }
    }

    @Test func everyTemplateParses() throws {
        _ = try Templates.shared.get()
    }
}
