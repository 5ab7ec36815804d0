import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import Triangulate
import TriangulateStore
import TriangulateWeb

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Poll RSS and Atom feeds into a collection: new items' pages fetched, grouped and stored.",
        discussion: """
            Checks every FEED (an http or https URL) each --interval seconds with a conditional request (ETag, \
            Last-Modified), fetches the pages of items it has not seen before (by guid, else link; the items seen \
            are kept in the database), and ingests them as ingest does. A feed that fails is checked less often \
            (the interval doubled per failure in a row). Runs until SIGTERM or SIGINT, which end it after the \
            round under way; --once checks every feed once (backoff or not) and exits. One line per feed and round on standard error.

            Exit status: 0, or with --once 1 when every feed failed; 64 for a usage error, 74 when the database \
            cannot be opened or written.
            """
    )

    @Option(name: .long, help: Database.help)
    var database: String

    @Argument(help: "Feed URLs.")
    var feeds: [String]

    @Option(help: ArgumentHelp("Seconds between checks of one feed.", valueName: "SECONDS"))
    var interval: Double = 900

    @Flag(help: "Run one round and exit.")
    var once = false

    @Flag(name: .shortAndLong, help: "Do not report each feed's round on standard error.")
    var quiet = false

    @OptionGroup var fetching: FetchOptions

    @OptionGroup var meaning: MeaningOptions

    func validate() throws {
        if feeds.isEmpty { throw ValidationError("Name at least one feed URL.") }
        if let bad = feeds.first(where: { !Fetcher.isURL($0) }) {
            throw ValidationError("\(bad) is not an http or https URL.")
        }
        if !(1...86_400 * 7).contains(interval) { throw ValidationError("--interval must be from 1 to 604800.") }
    }

    func run() async throws {
        var configuration = PipelineConfiguration()
        try meaning.apply(to: &configuration)
        let collection: ArticleCollection
        do {
            collection = ArticleCollection(
                store: try Database.open(database), pipeline: Pipeline(configuration: configuration))
        } catch {
            throw FileIO.fail("\(error)")
        }
        let watcher = FeedWatcher(
            collection: collection, fetcher: Fetcher(configuration: fetching.configuration), interval: interval)
        if once {
            let checks = try await round(watcher, force: true)
            if checks.allSatisfy(\.failed) {
                throw ExitCode.failure
            }
            return
        }
        let service = WatchService(round: { try await round(watcher) }, interval: interval)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [service], gracefulShutdownSignals: [.sigterm, .sigint],
                logger: Logger(label: "triangulate.watch")))
        try await group.run()
    }

    @discardableResult
    func round(_ watcher: FeedWatcher, force: Bool = false) async throws -> [FeedWatcher.Check] {
        let checks: [FeedWatcher.Check]
        do {
            checks = try await watcher.round(feeds, force: force)
        } catch {
            throw FileIO.fail("\(error)")
        }
        if !quiet { for check in checks { Terminal.error(check.description) } }
        return checks
    }
}

/// Rounds until a graceful shutdown, the interval between them (the wait ends early on shutdown).
struct WatchService: Service {
    let round: @Sendable () async throws -> [FeedWatcher.Check]
    let interval: Double

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            _ = try await round()
            let pause = Duration.milliseconds(Int(interval * 1000))
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
    }
}
