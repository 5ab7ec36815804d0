import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Triangulate
import TriangulateServer
import TriangulateStore

/// The routes in memory (HummingbirdTesting's router mode) over a real SQLite file, and over PostgreSQL where the
/// store does the work (posting, listing, search, grouping between writes).
@Suite("Server routes")
struct RouteTests {
    @Test(arguments: StoreEngine.allCases)
    func postingTheSeedsFormsOneStoryServedAsTheContractWritesIt(engine: StoreEngine) async throws {
        let fixture = try ServerFixture(engine: engine)
        defer { fixture.remove() }
        let files = try ServerFixture.seedFiles()
        #expect(files.count == 5)
        let stored = try await fixture.application().test(.router) { client in
            let first = try await client.post(ServerFixture.seedBody(files[0]))
            #expect(first.status == .created)
            #expect(first.hasSecurityHeaders)
            #expect(first.object?["id"] as? String == "000_307a43678fa9b139")
            #expect((first.object?["story"] as? String)?.hasPrefix("story-") == true)
            for name in files.dropFirst() {
                let response = try await client.post(ServerFixture.seedBody(name))
                #expect(response.status == .created, "\(name): \(response.text)")
            }
            let list = try await client.get("/api/stories")
            #expect(list.status == .ok && list.hasSecurityHeaders)
            let stories = try #require(list.object?["stories"] as? [[String: Any]])
            #expect(stories.count == 1)
            let entry = try #require(stories.first)
            #expect((entry["articles"] as? [String])?.count == 5)
            #expect(entry["headline"] is String)
            let id = try #require(entry["id"] as? String)
            let detail = try await client.get("/api/stories/\(id)")
            #expect(detail.status == .ok && detail.hasSecurityHeaders)
            #expect(detail.headers[.contentType]?.hasPrefix("application/json") == true)
            return (id, detail.text)
        }
        let story = try #require(try fixture.collection.store.story(id: stored.0))
        #expect(stored.1 == JSONReport.render(story: story))
        // The story analyze forms from the files, by id and articles. (Not byte for byte: posted one at a time,
        // each article is annotated without what a batch of all five establishes about names.)
        let direct = try #require(Pipeline().analyze(paths: [ServerFixture.seeds]).stories.first)
        #expect(story.id == direct.id && story.articles == direct.articles && story.headline == direct.headline)
    }

    @Test func anUnknownStoryIsA404InJSON() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let response = try await client.get("/api/stories/story-nothing")
            #expect(response.status == .notFound && response.hasSecurityHeaders)
            #expect((response.object?["error"] as? String)?.contains("story-nothing") == true)
            let nowhere = try await client.get("/api/nowhere")
            #expect(nowhere.status == .notFound && nowhere.hasSecurityHeaders)
            #expect(nowhere.object?["error"] is String)
        }
    }

    @Test(arguments: [
        ("not json at all", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ("{\"text\": 5}", "\"text\""),
        ("{\"text\": \"a\", \"html\": \"<p>b</p>\"}", "not both"),
        ("{\"title\": \"nothing else\"}", "\"text\" or as \"html\""),
        ("{\"text\": \"The harbor reopened.\", \"published\": \"2024-02-30\"}", "YYYY-MM-DD"),
        ("{\"text\": \"The harbor reopened.\", \"published\": \"March 3\"}", "YYYY-MM-DD"),
        ("{\"text\": \"The harbor reopened.\", \"id\": \"two words\"}", "\"id\""),
        ("{\"text\": \"   \"}", "empty"),
        ("", "empty"),
    ])
    func aBadBodyIsA400NamingWhatIsWrong(body: String, says: String) async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let response = try await client.post(ByteBuffer(string: body))
            #expect(response.status == .badRequest, "\(body): \(response.text)")
            #expect(response.hasSecurityHeaders)
            let message = try #require(response.object?["error"] as? String, "\(response.text)")
            #expect(message.contains(says), "\(body): \(message)")
        }
        #expect(try fixture.collection.store.counts().articles == 0)
    }

    @Test func aBodyOverTheLimitIsA413() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = fixture.application(ServerConfiguration(maxBodyBytes: 1024))
        try await app.test(.router) { client in
            let body = try ServerFixture.json(["text": String(repeating: "The harbor reopened. ", count: 100)])
            let response = try await client.post(body)
            #expect(response.status == .contentTooLarge && response.hasSecurityHeaders)
            #expect((response.object?["error"] as? String)?.contains("1024") == true)
            let small = try await client.post(try ServerFixture.json(["text": "The harbor reopened on Monday."]))
            #expect(small.status == .created)
        }
    }

    @Test func aPageExtractRefusesIsA422() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let html = "<html><head><title>Nothing</title></head><body><script>var x = 1;</script></body></html>"
            let response = try await client.post(try ServerFixture.json(["html": html, "id": "blank-page"]))
            #expect(response.status == .unprocessableContent, "\(response.text)")
            #expect((response.object?["error"] as? String)?.isEmpty == false)
            let binary = try await client.post(try ServerFixture.json(["text": String(repeating: "\u{1}", count: 64)]))
            #expect(binary.status == .unprocessableContent, "\(binary.text)")
        }
        #expect(try fixture.collection.store.counts().articles == 0)
    }

    @Test func theBodyOverridesTitleOutletAndDateAndTheIdDefaultsToAHashOfTheURL() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let body = try ServerFixture.json([
            "text": "Harbor reopens\n\nThe harbor reopened on Monday after a week of repairs, officials said.",
            "url": "https://example.com/harbor", "title": "The harbor is open again", "outlet": "Example News",
            "published": "2024-03-04",
        ])
        let id = try await fixture.application().test(.router) { client in
            let response = try await client.post(body)
            #expect(response.status == .created, "\(response.text)")
            let again = try await client.post(body)
            #expect(again.status == .ok)
            #expect(again.object?["id"] as? String == response.object?["id"] as? String)
            return try #require(response.object?["id"] as? String)
        }
        #expect(id.count == 16 && id.allSatisfy(\.isHexDigit))
        let stored = try #require(try fixture.collection.store.articles(ids: [id]).first?.article)
        #expect(stored.title == "The harbor is open again")
        #expect(stored.outlet == "Example News")
        #expect(stored.published == CalendarDate(year: 2024, month: 3, day: 4))
        #expect(stored.origin == "https://example.com/harbor")
    }

    @Test func listingChecksLimitAndOffset() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        _ = try fixture.collection.ingest(paths: [ServerFixture.seeds])
        try await fixture.application().test(.router) { client in
            for uri in ["/api/stories?limit=0", "/api/stories?limit=abc", "/api/stories?offset=-1"] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.object?["error"] is String && response.hasSecurityHeaders)
            }
            let page = try await client.get("/api/stories?limit=1&offset=0")
            #expect((page.object?["stories"] as? [Any])?.count == 1)
            let past = try await client.get("/api/stories?offset=5")
            #expect((past.object?["stories"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: StoreEngine.allCases)
    func searchFindsXiaomiWithTheMatchMarked(engine: StoreEngine) async throws {
        let fixture = try ServerFixture(engine: engine)
        defer { fixture.remove() }
        _ = try fixture.collection.ingest(paths: [ServerFixture.seeds])
        try await fixture.application().test(.router) { client in
            let response = try await client.get("/api/search?q=Xiaomi")
            #expect(response.status == .ok && response.hasSecurityHeaders)
            let results = try #require(response.object?["results"] as? [[String: Any]])
            #expect(!results.isEmpty)
            for result in results {
                #expect((result["snippet"] as? String)?.contains("[Xiaomi]") == true, "\(result)")
                #expect((result["story"] as? String)?.hasPrefix("story-") == true)
                #expect(result["article"] is String)
                #expect(result.keys.contains("title"))
            }
            for uri in ["/api/search", "/api/search?q=", "/api/search?q=Xiaomi&limit=0"] {
                let bad = try await client.get(uri)
                #expect(bad.status == .badRequest && bad.hasSecurityHeaders, "\(uri)")
            }
        }
    }
}

/// Articles posted one at a time join the stored stories through the grouping the server keeps between writes;
/// a write by another process is noticed and the stored state read again.
@Suite("Server grouping")
struct ServerGroupingTests {
    static func exampleFiles() throws -> [String] {
        let examples = ServerFixture.root + "/Examples"
        return try FileManager.default.contentsOfDirectory(atPath: examples).filter { !$0.contains(".") }.sorted()
            .flatMap { event in
                try FileManager.default.contentsOfDirectory(atPath: examples + "/" + event).sorted()
                    .map { examples + "/" + event + "/" + $0 }
            }
    }

    @Test(arguments: StoreEngine.allCases)
    func postedOneAtATimeTheStoriesAreAnalyzesAndAnotherWriterIsNoticed(engine: StoreEngine) async throws {
        let fixture = try ServerFixture(engine: engine)
        defer { fixture.remove() }
        let files = try Self.exampleFiles()
        try #require(files.count == 14)
        try await fixture.application().test(.router) { client in
            for file in files {
                let id = String(file.split(separator: "/").last?.dropLast(4) ?? "")
                let text = try String(contentsOfFile: file, encoding: .utf8)
                let posted = try await client.post(try ServerFixture.json(["id": id, "text": text]))
                #expect(posted.status == .created, "\(posted.text)")
            }
            let store = fixture.collection.store
            let stored = Set(try store.stories(limit: 100, offset: 0).map { Set($0.articles) })
            let direct = Set(
                Pipeline().analyze(paths: [ServerFixture.root + "/Examples"]).stories.map { Set($0.articles) })
            #expect(stored == direct)
            #expect(try store.clusterState().count == 14)

            // Another writer (a CLI ingest into the same database) adds the seeds behind the server's back.
            _ = try fixture.collection.ingest(paths: [ServerFixture.seeds])
            let more = try await client.post(
                try ServerFixture.json([
                    "id": "late", "text": "Harbor ferry service resumed on Friday after the storm, the port said.",
                ]))
            #expect(more.status == .created)
            #expect(try store.articlesWithoutStory() == 0)
            #expect(try store.clusterState().count == 14 + 5 + 1)
            let seedIDs = Set(try ServerFixture.seedFiles().map { String($0.dropLast(4)) })
            #expect(try store.stories(limit: 100, offset: 0).contains { Set($0.articles) == seedIDs })
        }
    }
}
