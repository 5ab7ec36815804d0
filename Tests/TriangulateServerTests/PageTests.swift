import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Triangulate
import TriangulateServer
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
        try await app.test(.live) { client in
            #expect(client.port != nil)
            let posted = try await client.post(try ServerFixture.seedBody(ServerFixture.seedFiles()[0]))
            #expect(posted.status == .created && posted.hasSecurityHeaders)
            let list = try await client.get("/api/stories")
            #expect(list.status == .ok)
            #expect((list.object?["stories"] as? [Any])?.count == 1)
        }
    }
}
