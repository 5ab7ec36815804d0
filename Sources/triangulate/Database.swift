import ArgumentParser
import TriangulatePostgres
import TriangulateStore

/// `--database`: a SQLite file, or a PostgreSQL server named by a `postgresql://` address.
enum Database {
    static let help = ArgumentHelp(
        "The collection: a SQLite file, or a postgresql:// address (the password from the address, PGPASSWORD or "
            + "~/.pgpass).",
        valueName: "FILE|URL")

    static func isPostgreSQL(_ text: String) -> Bool { DatabaseURL.isPostgreSQL(text) }

    static func open(_ text: String) throws(StoreError) -> any Store {
        if isPostgreSQL(text) { return try PostgresStore(text) }
        return try SQLiteStore(path: text)
    }

    /// The PostgreSQL store at `text`, for what only PostgreSQL has (the work queue).
    static func openPostgreSQL(_ text: String) throws(StoreError) -> PostgresStore {
        try PostgresStore(text)
    }

    /// `text` as messages show it: an address without its password.
    static func display(_ text: String) -> String { DatabaseURL.redact(text) }
}
