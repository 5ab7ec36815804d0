import Foundation
import TriangulateStore

/// Creating and dropping databases on a server (what a deployment script or a test suite does before and after
/// pointing `--database` at one). Names are letters, digits and underscores only, since SQL cannot bind them.
public enum PostgresAdmin {
    /// Creates the database `name` on the server `server` names (connecting to its database).
    public static func createDatabase(_ name: String, on server: DatabaseURL) throws(StoreError) {
        try run("CREATE DATABASE", name, on: server)
    }

    /// Drops the database `name`, closing its connections first; nothing happens when there is none.
    public static func dropDatabase(_ name: String, on server: DatabaseURL) throws(StoreError) {
        try run("DROP DATABASE IF EXISTS", name, on: server, suffix: " WITH (FORCE)")
    }

    /// `server` with another database.
    public static func url(_ server: DatabaseURL, database name: String) -> DatabaseURL {
        var url = server
        url.database = name
        return url
    }

    /// A database of its own for one job (a test, a benchmark run): created with a random name on the server, dropped
    /// when the value is released.
    public final class ScratchDatabase: Sendable {
        public let server: DatabaseURL
        public let url: DatabaseURL
        /// The address with its password, for a child process's `--database`; never log it.
        public var address: String { url.address(withPassword: true) }

        /// `server` is a `postgresql://` address of a role allowed to create databases.
        public init(server: String, prefix: String = "scratch") throws(StoreError) {
            self.server = try DatabaseURL(server)
            let name = prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try PostgresAdmin.createDatabase(name, on: self.server)
            url = PostgresAdmin.url(self.server, database: name)
        }

        deinit { try? PostgresAdmin.dropDatabase(url.database, on: server) }
    }

    private static func run(
        _ command: String, _ name: String, on server: DatabaseURL, suffix: String = ""
    )
        throws(StoreError)
    {
        guard !name.isEmpty, name.count <= 63,
            name.unicodeScalars.allSatisfy({ $0.isASCII && ($0 == "_" || CharacterSet.alphanumerics.contains($0)) })
        else { throw .failed(operation: "\(command.lowercased()) \(name)", reason: "not a plain database name") }
        do {
            let pool = try PostgresPool(url: server, capacity: 1)
            defer { pool.shutdown() }
            try pool.withConnection { session in
                try session.execute("\(unescaped: command) \"\(unescaped: name)\"\(unescaped: suffix)")
            }
        } catch {
            throw .failed(
                operation: "\(command.lowercased()) \(name) on \(server)", reason: PostgresStore.reason(error))
        }
    }
}
