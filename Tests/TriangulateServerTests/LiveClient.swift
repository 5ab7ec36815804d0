import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The real server on a free port, and a client that waits as long as a loaded machine needs.
///
/// HummingbirdTesting's `.live` client gives up after 20 s without a byte. Under `make test` on 2 cores, with every
/// suite running at once, a POST's analysis can wait longer than that for a thread (a CI run failed so, with
/// `.readTimeout`, while the server was still working). The server is the same real one `.live` starts; only the
/// client's patience differs.
struct LiveClient: Sendable {
    let client: TestClient
    let port: Int

    static func run<App: ApplicationProtocol>(
        _ app: App, timeout: Duration = .seconds(600), _ test: @escaping @Sendable (LiveClient) async throws -> Void
    ) async throws {
        try await app.test(.live) { started in
            let port = try #require(started.port)
            let client = TestClient(host: "localhost", port: port, configuration: .init(timeout: timeout))
            client.connect()
            do {
                try await test(LiveClient(client: client, port: port))
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    func post(_ body: ByteBuffer) async throws -> TestClient.Response {
        try await execute("/api/articles", method: .post, headers: [.contentType: "application/json"], body: body)
    }

    func get(_ uri: String) async throws -> TestClient.Response {
        try await execute(uri, method: .get)
    }

    private func execute(
        _ uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> TestClient.Response {
        var headers = headers
        headers[.connection] = "keep-alive"
        return try await client.execute(
            TestClient.Request(uri, method: method, authority: "localhost", headers: headers, body: body))
    }
}

/// A response from either test client, read the same way.
protocol Reply {
    var status: HTTPResponse.Status { get }
    var headers: HTTPFields { get }
    var bytes: ByteBuffer { get }
}

extension TestResponse: Reply {
    var bytes: ByteBuffer { body }
}

extension TestClient.Response: Reply {
    var bytes: ByteBuffer { body ?? ByteBuffer() }
}
