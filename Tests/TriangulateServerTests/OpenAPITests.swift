import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TriangulateServer
import Yams

/// The live server against its OpenAPI document (`Sources/TriangulateServer/openapi.yaml`, served at
/// `/openapi.yaml`): every response's status must be documented for its operation, its content type must be the
/// documented one, and every JSON body must match the documented schema.
@Suite("OpenAPI document")
struct OpenAPITests {
    @Test func liveResponsesMatchTheDocument() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = buildApplication(
            collection: fixture.collection, configuration: ServerConfiguration(maxBodyBytes: 200_000), port: 0)
        try await LiveClient.run(app) { client in
            let served = try await client.get("/openapi.yaml")
            #expect(served.status == .ok)
            let document = try #require(try Yams.load(yaml: served.text) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let checker = OpenAPIChecker(document: document)

            var exchanges: [(method: String, path: String, response: TestClient.Response)] = []
            func record(_ method: String, _ path: String, _ response: TestClient.Response) {
                exchanges.append((method, path, response))
            }
            for name in try ServerFixture.seedFiles() {
                record("post", "/api/articles", try await client.post(try ServerFixture.seedBody(name)))
            }
            let first = try ServerFixture.seedFiles()[0]
            record("post", "/api/articles", try await client.post(try ServerFixture.seedBody(first)))
            record("post", "/api/articles", try await client.post(ByteBuffer(string: "{\"text\": 3}")))
            record("post", "/api/articles", try await client.post(ByteBuffer(string: "not json")))
            let big = String(repeating: "word ", count: 50_000)
            record("post", "/api/articles", try await client.post(try ServerFixture.json(["text": big])))
            record(
                "post", "/api/articles",
                try await client.post(try ServerFixture.json(["html": "<html><body></body></html>"])))
            let list = try await client.get("/api/stories")
            record("get", "/api/stories", list)
            record("get", "/api/stories", try await client.get("/api/stories?limit=0"))
            let stories = (list.object?["stories"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(!stories.isEmpty)
            for id in stories {
                record("get", "/api/stories/{id}", try await client.get("/api/stories/\(id)"))
                record("get", "/stories/{id}", try await client.get("/stories/\(id)"))
            }
            record("get", "/api/stories/{id}", try await client.get("/api/stories/story-none"))
            record("get", "/api/search", try await client.get("/api/search?q=xiaomi"))
            record("get", "/api/search", try await client.get("/api/search"))
            record("get", "/", try await client.get("/"))
            record("get", "/stories/{id}", try await client.get("/stories/story-none"))
            record("get", "/search", try await client.get("/search?q=ford"))
            record("get", "/articles/{id}", try await client.get("/articles/missing"))
            record("get", "/openapi.yaml", served)

            // Every documented status this run should have seen.
            let seen = Set(exchanges.map { "\($0.path) \($0.response.status.code)" })
            for expected in [
                "/api/articles 201", "/api/articles 200", "/api/articles 400", "/api/articles 413",
                "/api/articles 422", "/api/stories 200", "/api/stories 400", "/api/stories/{id} 200",
                "/api/stories/{id} 404", "/api/search 200", "/api/search 400",
            ] {
                #expect(seen.contains(expected), "no \(expected) in this run")
            }
            for exchange in exchanges {
                let problems = checker.check(
                    method: exchange.method, path: exchange.path, status: Int(exchange.response.status.code),
                    contentType: exchange.response.headers[.contentType] ?? "", body: exchange.response.bytes)
                #expect(problems.isEmpty, "\(exchange.method) \(exchange.path): \(problems)")
            }
        }
    }

    @Test func theCheckerRejectsWhatTheDocumentForbids() throws {
        let document = try #require(
            try Yams.load(yaml: String(decoding: try Data(contentsOf: Self.documentURL), as: UTF8.self))
                as? [String: Any])
        let checker = OpenAPIChecker(document: document)
        let json = "application/json; charset=utf-8"
        let good = ByteBuffer(string: "{\"id\": \"a\", \"story\": null}")
        #expect(checker.check(method: "post", path: "/api/articles", status: 201, contentType: json, body: good) == [])
        // An undocumented status, a missing field, an extra field, a wrong type, a wrong content type.
        #expect(
            !checker.check(method: "post", path: "/api/articles", status: 500, contentType: json, body: good).isEmpty)
        for body in ["{\"id\": \"a\"}", "{\"id\": \"a\", \"story\": null, \"x\": 1}", "{\"id\": 1, \"story\": null}"] {
            let problems = checker.check(
                method: "post", path: "/api/articles", status: 201, contentType: json, body: ByteBuffer(string: body))
            #expect(!problems.isEmpty, "\(body)")
        }
        #expect(
            !checker.check(method: "post", path: "/api/articles", status: 201, contentType: "text/html", body: good)
                .isEmpty)
        let story = ByteBuffer(
            string: "{\"id\":\"s\",\"headline\":\"h\",\"articles\":[],\"facts\":[{\"id\":\"f\",\"statement\":\"x\","
                + "\"sources\":[],\"independentSources\":1,\"status\":\"rumoured\",\"evidence\":[]}],\"conflicts\":[],"
                + "\"quotes\":[],\"people\":[],\"entities\":[],\"flags\":[],\"timeline\":[],\"sources\":[],\"lineage\":[]}"
        )
        #expect(
            !checker.check(method: "get", path: "/api/stories/{id}", status: 200, contentType: json, body: story)
                .isEmpty)
    }

    static let documentURL = URL(fileURLWithPath: ServerFixture.root + "/Sources/TriangulateServer/openapi.yaml")
}
