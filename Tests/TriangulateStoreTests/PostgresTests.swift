import Foundation
import Testing
import Triangulate
import TriangulateStore

@testable import TriangulatePostgres

/// What only the PostgreSQL store has: addresses and passwords, the work queue and its workers.
@Suite("PostgreSQL")
struct PostgresTests {
    @Test func addressesAreReadAsLibpqReadsThem() throws {
        let url = try DatabaseURL(
            "postgresql://ana:s%40cret@db.example:6543/news?sslmode=require", environment: [:])
        #expect(url.host == "db.example" && url.port == 6543 && url.user == "ana" && url.database == "news")
        #expect(url.password == "s@cret" && url.tls == .require)
        #expect(url.description == "postgresql://ana@db.example:6543/news")
        #expect(!url.description.contains("cret"))
        // What the address leaves out comes from the environment; the database defaults to the user's name.
        let bare = try DatabaseURL("postgres://", environment: ["PGUSER": "ben", "PGPASSWORD": "pw", "PGPORT": "7000"])
        #expect(bare.host == "localhost" && bare.port == 7000 && bare.user == "ben" && bare.password == "pw")
        #expect(bare.database == "ben" && bare.tls == .prefer)
        #expect(throws: StoreError.self) { try DatabaseURL("postgresql://h/db?sslmode=sometimes", environment: [:]) }
        #expect(throws: StoreError.self) { try DatabaseURL("/var/lib/news.sqlite", environment: [:]) }
        #expect(DatabaseURL.redact("postgresql://ana:hunter2@h/db") == "postgresql://ana:***@h/db")
        // An "@" typed unencoded in a password, and a password given as a parameter, are hidden too.
        #expect(DatabaseURL.redact("postgresql://ana:p@ss@h/db") == "postgresql://ana:***@h/db")
        #expect(DatabaseURL.redact("postgresql://ana:pa/ss?x@h/db") == "postgresql://ana:***@h/db")
        #expect(throws: StoreError.self) { try DatabaseURL("postgresql://ana:pa/ss?x@h/db", environment: [:]) }
        do {
            _ = try DatabaseURL("postgresql://ana:pa/ss?x@h/db", environment: [:])
        } catch {
            #expect(!"\(error)".contains("pa/ss"), "\(error)")
        }
        #expect(
            try DatabaseURL("postgresql://h/db?sslrootcert=/etc/ca.pem", environment: [:]).rootCertificate
                == "/etc/ca.pem")
        #expect(
            DatabaseURL.redact("postgresql://h/db?password=x1&sslmode=require")
                == "postgresql://h/db?password=***&sslmode=require")
        // Percent-encoding is undone once: "%25" is a percent sign, and the address written back reads the same.
        let percent = try DatabaseURL("postgresql://ana:100%25%40x@h/db%2Dnews?sslmode=verify-full", environment: [:])
        #expect(percent.password == "100%@x" && percent.database == "db-news" && percent.tls == .verifyFull)
        #expect(try DatabaseURL(percent.address(withPassword: true), environment: [:]) == percent)
        #expect(!percent.address(withPassword: false).contains("100"))
        #expect(try DatabaseURL("postgresql://h/db?password=qp", environment: [:]).password == "qp")
        #expect(throws: StoreError.self) {
            try DatabaseURL("postgresql://h/db?target_session_attrs=any", environment: [:])
        }
        #expect(DatabaseURL.redact("postgresql://ana@h/db") == "postgresql://ana@h/db")
    }

    @Test func thePasswordFileIsReadOnlyWhenPrivate() throws {
        let directory = NSTemporaryDirectory() + "triangulate-pgpass-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/pgpass"
        let lines = "# comment\nother:5432:*:ana:wrong\ndb.example:5432:news:ana:pa\\:ss\n*:*:*:*:fallback\n"
        try Data(lines.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let url = try DatabaseURL("postgresql://ana@db.example/news", environment: ["PGPASSFILE": file])
        #expect(url.password == "pa:ss")
        let other = try DatabaseURL("postgresql://bo@elsewhere/x", environment: ["PGPASSFILE": file])
        #expect(other.password == "fallback")
        // PGPASSWORD comes before the file.
        let environment = ["PGPASSFILE": file, "PGPASSWORD": "from-env"]
        #expect(try DatabaseURL("postgresql://ana@db.example/news", environment: environment).password == "from-env")
        // Readable by others: ignored, as libpq does.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(try DatabaseURL("postgresql://ana@db.example/news", environment: ["PGPASSFILE": file]).password == nil)
    }

    @Test func aWrongPasswordIsAClearErrorThatDoesNotShowThePassword() throws {
        var url = try DatabaseURL(Engine.serverURL())
        url.password = "not-the-password-7a1f"
        #expect {
            _ = try PostgresStore(url: url)
        } throws: { error in
            let text = "\(error)"
            return text.contains(url.description) && !text.contains("not-the-password-7a1f")
                && text.contains("password")
        }
    }

    @Test func theServerPasswordCanComeFromThePasswordFile() throws {
        let database = try Engine.postgresql.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let server = try DatabaseURL(database.location)
        let directory = NSTemporaryDirectory() + "triangulate-pgpass-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/pgpass"
        try Data("\(server.host):\(server.port):*:\(server.user):\(server.password ?? "")\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let address = "postgresql://\(server.user)@\(server.host):\(server.port)/\(server.database)?sslmode=disable"
        let url = try DatabaseURL(address, environment: ["PGPASSFILE": file])
        let store = try PostgresStore(url: url)
        #expect(try store.counts().articles >= 0)
    }
}
