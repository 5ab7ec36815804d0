import Foundation
import Hummingbird
import HummingbirdTesting
import Triangulate
import TriangulateServer
import TriangulatePostgres
import TriangulateStore

/// The two stores the routes are tested on: a SQLite file, or a database of its own on the PostgreSQL server
/// `make test` starts (TRIANGULATE_TEST_POSTGRES; without it the PostgreSQL cases fail).
enum StoreEngine: String, CaseIterable, Sendable {
    case sqlite, postgresql
}

/// A collection on a real SQLite file in its own temporary directory (or a real PostgreSQL database), and the seed
/// articles to post to it.
struct ServerFixture {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let shared = ProcessInfo.processInfo.environment["TRIANGULATE_SHARED"] ?? root + "/../shared"
    static let seeds = shared + "/seeds/ford-xiaomi"

    let directory: String
    let collection: ArticleCollection
    private let scratch: PostgresAdmin.ScratchDatabase?

    init(engine: StoreEngine = .sqlite) throws {
        directory = NSTemporaryDirectory() + "triangulate-server-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        switch engine {
        case .sqlite:
            scratch = nil
            collection = ArticleCollection(store: try SQLiteStore(path: directory + "/collection.sqlite"))
        case .postgresql:
            let server = ProcessInfo.processInfo.environment["TRIANGULATE_TEST_POSTGRES"] ?? ""
            let database = try PostgresAdmin.ScratchDatabase(server: server, prefix: "s")
            scratch = database
            collection = ArticleCollection(store: try PostgresStore(url: database.url))
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
        withExtendedLifetime(scratch) {}
    }

    func application(_ configuration: ServerConfiguration = ServerConfiguration()) -> some ApplicationProtocol {
        Application(router: buildRouter(collection: collection, configuration: configuration))
    }

    /// The seed files by name, in order.
    static func seedFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func seedText(_ name: String) throws -> String {
        try String(contentsOfFile: seeds + "/" + name, encoding: .utf8)
    }

    /// A JSON body `{"id": …, "text": …}` for a seed file, its id the file name without `.txt`.
    static func seedBody(_ name: String) throws -> ByteBuffer {
        let id = String(name.dropLast(4))
        return try json(["id": id, "text": try seedText(name)])
    }

    static func json(_ object: [String: String]) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}

extension Reply {
    var text: String { String(buffer: bytes) }

    /// The body parsed as a JSON object (nil when it is not one).
    var object: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any]
    }

    var hasSecurityHeaders: Bool {
        headers[.contentSecurityPolicy]
            == "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'"
            && headers[.xContentTypeOptions] == "nosniff"
    }
}

extension TestClientProtocol {
    func post(_ body: ByteBuffer) async throws -> TestResponse {
        try await execute(
            uri: "/api/articles", method: .post, headers: [.contentType: "application/json"], body: body)
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }
}
