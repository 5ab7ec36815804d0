import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import TriangulateStore

/// A small blocking pool of PostgreSQL connections for the synchronous `Store` protocol. Connections run on the
/// pool's own event loop (never on Swift's cooperative threads, so a caller blocking on a result cannot starve the
/// work it waits for); at most `capacity` are open; a caller waits for a free one. A connection that failed is
/// closed rather than returned. Queries are sent with the extended protocol: values are bound, never spliced into
/// SQL text.
final class PostgresPool: @unchecked Sendable {
    let url: DatabaseURL
    let logger: Logger
    private let group: MultiThreadedEventLoopGroup
    private let configuration: PostgresConnection.Configuration
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var closed = false
    private let capacity: Int
    private var nextID = 0

    static var quietLogger: Logger {
        var logger = Logger(label: "triangulate.postgres")
        logger.logLevel = .critical
        return logger
    }

    init(url: DatabaseURL, capacity: Int = 4, logger: Logger = PostgresPool.quietLogger) throws(StoreError) {
        self.url = url
        self.capacity = max(1, capacity)
        self.logger = logger
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: .disable)
        if url.tls != .disable {
            var tls = TLSConfiguration.makeClientConfiguration()
            switch url.tls {
            case .disable, .prefer, .require: tls.certificateVerification = .none
            case .verifyCA: tls.certificateVerification = .noHostnameVerification
            case .verifyFull: tls.certificateVerification = .fullVerification
            }
            if let roots = url.rootCertificate { tls.trustRoots = .file(roots) }
            do {
                let context = try NIOSSLContext(configuration: tls)
                configuration.tls = url.tls == .prefer ? .prefer(context) : .require(context)
            } catch {
                throw .cannotOpen(path: url.description, reason: "TLS could not be set up: \(error)")
            }
        }
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    /// Runs `body` on a connection of the pool, waiting for one when all are busy.
    func withConnection<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let connection = try acquire()
        do {
            let result = try body(PostgresSession(connection: connection, logger: logger))
            release(connection, broken: false)
            return result
        } catch {
            release(connection, broken: connection.isClosed)
            throw error
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try withConnection { session in
            try session.execute("BEGIN")
            do {
                let result = try body(session)
                try session.execute("COMMIT")
                return result
            } catch {
                try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    func shutdown() {
        condition.lock()
        closed = true
        let connections = idle
        idle = []
        condition.broadcast()
        condition.unlock()
        for connection in connections { try? connection.close().wait() }
        try? group.syncShutdownGracefully()
    }

    private func acquire() throws -> PostgresConnection {
        condition.lock()
        while true {
            if closed {
                condition.broadcast()
                condition.unlock()
                throw StoreError.failed(operation: "connect", reason: "the store was closed")
            }
            if let connection = idle.popLast() {
                condition.unlock()
                if !connection.isClosed { return connection }
                condition.lock()
                open -= 1
                continue
            }
            if open < capacity { break }
            condition.wait()
        }
        open += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            let connection = try PostgresConnection.connect(
                on: group.next(), configuration: configuration, id: id, logger: logger
            ).wait()
            // The server notices a client host gone silent (power, network) within about two minutes, and ends its
            // transaction, releasing the grouping lock it held, instead of after the system's default two hours.
            _ = try? connection.query(
                """
                SELECT set_config('tcp_keepalives_idle', '60', false),
                    set_config('tcp_keepalives_interval', '10', false), set_config('tcp_keepalives_count', '6', false)
                """, logger: logger
            ).wait()
            return connection
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func release(_ connection: PostgresConnection, broken: Bool) {
        condition.lock()
        if broken || closed {
            open -= 1
            condition.unlock()
            try? connection.close().wait()
            condition.lock()
        } else {
            idle.append(connection)
        }
        condition.signal()
        condition.unlock()
    }
}

/// One connection, borrowed from the pool for one operation or transaction.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    @discardableResult
    func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        Array(try connection.query(query, logger: logger).wait().rows)
    }

    func execute(_ query: PostgresQuery) throws {
        _ = try connection.query(query, logger: logger).wait()
    }

    /// The first column of the first row, or nil when there is no row or it is NULL.
    func scalar<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type) throws -> T? {
        guard let row = try self.query(query).first else { return nil }
        let cell = row.makeRandomAccess()[0]
        if cell.bytes == nil { return nil }
        return try cell.decode(T.self)
    }
}
