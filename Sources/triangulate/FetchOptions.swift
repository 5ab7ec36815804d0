import ArgumentParser
import Triangulate
import TriangulateWeb

/// How URLs named in place of paths are fetched (`analyze`, `extract`, `ingest`).
struct FetchOptions: ParsableArguments {
    @Flag(help: "Also fetch from loopback, private and link-local addresses (refused by default).")
    var allowPrivateAddresses = false

    @Flag(help: "Fetch pages a host's robots.txt disallows.")
    var ignoreRobots = false

    @Option(help: ArgumentHelp("Requests in flight at once, over all hosts.", valueName: "N"))
    var fetchConcurrency = FetchConfiguration.default.concurrency

    @Option(help: ArgumentHelp("Seconds between two requests to one host.", valueName: "SECONDS"))
    var hostDelay = FetchConfiguration.default.hostDelay

    @Option(help: ArgumentHelp("Seconds for one request.", valueName: "SECONDS"))
    var fetchTimeout = FetchConfiguration.default.totalTimeout

    func validate() throws {
        if !(1...256).contains(fetchConcurrency) { throw ValidationError("--fetch-concurrency must be from 1 to 256.") }
        if !(0...3600).contains(hostDelay) { throw ValidationError("--host-delay must be from 0 to 3600 seconds.") }
        if !(0.1...3600).contains(fetchTimeout) {
            throw ValidationError("--fetch-timeout must be from 0.1 to 3600 seconds.")
        }
    }

    var configuration: FetchConfiguration {
        var configuration = FetchConfiguration()
        configuration.allowPrivateAddresses = allowPrivateAddresses
        configuration.respectRobots = !ignoreRobots
        configuration.concurrency = fetchConcurrency
        configuration.hostDelay = hostDelay
        configuration.totalTimeout = fetchTimeout
        configuration.connectTimeout = min(configuration.connectTimeout, fetchTimeout)
        return configuration
    }

    /// The arguments that are paths, and what fetching the ones that are URLs gave.
    func fetch(_ arguments: [String]) async -> (paths: [String], fetched: FetchedInputs) {
        let urls = arguments.filter(Fetcher.isURL)
        let paths = arguments.filter { !Fetcher.isURL($0) }
        guard !urls.isEmpty else { return (paths, FetchedInputs()) }
        return (paths, await Fetcher(configuration: configuration).inputs(urls))
    }
}
