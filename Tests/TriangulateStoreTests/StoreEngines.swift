import Foundation
import Testing
import Triangulate
import TriangulateStore

import TriangulatePostgres

/// The two engines every store test runs on: one test body, two stores. PostgreSQL is the server `make test`
/// starts (scripts/with-postgres.sh), named by TRIANGULATE_TEST_POSTGRES; each test gets a database of its own.
/// Without that variable the PostgreSQL cases fail (they are never skipped).
enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgresql

    var testDescription: String { rawValue }

    /// The server's address for tests, from the environment.
    static func serverURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["TRIANGULATE_TEST_POSTGRES"], !url.isEmpty else {
            throw TestDatabaseError.noServer
        }
        return url
    }

    /// A new, empty database of this engine: a file in a temporary folder, or a database created on the server.
    func makeDatabase() throws -> TestDatabase {
        switch self {
        case .sqlite:
            let directory = NSTemporaryDirectory() + "triangulate-store-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return TestDatabase(engine: self, location: directory + "/collection.sqlite") {
                try? FileManager.default.removeItem(atPath: directory)
            }
        case .postgresql:
            let scratch = try PostgresAdmin.ScratchDatabase(server: Self.serverURL(), prefix: "t")
            return TestDatabase(engine: self, location: scratch.address) { _ = scratch }
        }
    }
}

enum TestDatabaseError: Error, CustomStringConvertible {
    case noServer
    var description: String {
        "TRIANGULATE_TEST_POSTGRES is not set: run the tests with `make test` (or scripts/with-postgres.sh swift test)"
    }
}

/// One test's database; `open()` may be called again to reopen it.
final class TestDatabase {
    let engine: Engine
    let location: String
    private let cleanup: () -> Void

    init(engine: Engine, location: String, cleanup: @escaping () -> Void) {
        self.engine = engine
        self.location = location
        self.cleanup = cleanup
    }

    func open() throws -> any Store {
        switch engine {
        case .sqlite: return try SQLiteStore(path: location)
        case .postgresql: return try PostgresStore(location)
        }
    }

    func appliedMigrations() throws -> [String] {
        switch engine {
        case .sqlite: return try SQLiteStore(path: location).appliedMigrations()
        case .postgresql: return try PostgresStore(location).appliedMigrations()
        }
    }

    deinit { cleanup() }
}
