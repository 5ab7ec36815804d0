import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Triangulate
import TriangulateServer
import TriangulateStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a collection over HTTP: a JSON API to add articles and read stories, and a web page.",
        discussion: """
            Opens the collection that ingest keeps (a SQLite FILE, created if missing, or a postgresql:// URL) and serves it on HOST:PORT \
            until SIGTERM or SIGINT, which stop it gracefully (requests under way are finished). Routes: \
            POST /api/articles, GET /api/stories, GET /api/stories/{id}, GET /api/search?q=, and the pages / and \
            /stories/{id}. Logs go to standard error.

            Exit status: 0 after a graceful stop, 64 for a usage error, 74 when the database cannot be opened or \
            the address cannot be bound.
            """
    )

    @Option(name: .long, help: Database.help)
    var database: String

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, logged at start).")
    var port = 8080

    @Option(help: ArgumentHelp("The largest request body accepted, in bytes (larger: 413).", valueName: "N"))
    var maxBodyBytes = ServerConfiguration.defaultMaxBodyBytes

    @Option(
        help: "Log level: trace, debug (a line per request), info (start, stored articles), notice, warning, error.")
    var logLevel: Logger.Level = .info

    @OptionGroup var meaning: MeaningOptions

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535.") }
        if maxBodyBytes < 1 { throw ValidationError("--max-body-bytes must be at least 1.") }
    }

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "triangulate.serve")
        logger.logLevel = logLevel
        var configuration = PipelineConfiguration()
        try meaning.apply(to: &configuration)
        let collection: ArticleCollection
        do {
            collection = ArticleCollection(
                store: try Database.open(database), pipeline: Pipeline(configuration: configuration))
        } catch {
            throw FileIO.fail("\(error)")
        }
        let app = buildApplication(
            collection: collection, configuration: ServerConfiguration(maxBodyBytes: maxBodyBytes), host: host,
            port: port, logger: logger
        ) { [host, database, logger] port in
            logger.info("serving \(Database.display(database)) on http://\(host):\(port.map(String.init) ?? "?")")
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            throw FileIO.fail("cannot serve on \(host):\(port): \(error)")
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
