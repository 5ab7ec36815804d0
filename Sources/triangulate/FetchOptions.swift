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

    /// The arguments that are paths, and what fetching gave: the ones that are URLs, and the pages of the items of
    /// feed files that give only a link (`configuration.extract.reportFeedItemsWithoutText` is turned off, since
    /// those items are fetched here).
    func fetch(
        _ arguments: [String], configuration pipeline: inout PipelineConfiguration
    ) async -> (paths: [String], fetched: FetchedInputs) {
        let urls = arguments.filter(Fetcher.isURL)
        let paths = arguments.filter { !Fetcher.isURL($0) }
        let fetcher = Fetcher(configuration: configuration)
        var fetched = urls.isEmpty ? FetchedInputs() : await fetcher.inputs(urls)
        let feeds = Self.feedFiles(paths, ingest: pipeline.ingest)
        if !feeds.isEmpty { fetched.add(await fetcher.itemPages(ofFeedFiles: feeds)) }
        pipeline.extract.reportFeedItemsWithoutText = false
        return (paths, fetched)
    }

    /// Files among the inputs that are feeds: named ones whatever their extension, walked ones by .rss, .atom, .xml.
    static func feedFiles(
        _ paths: [String], ingest configuration: IngestConfiguration
    ) -> [(path: String, bytes: [UInt8])] {
        let ingest = Ingest(configuration: configuration)
        return ingest.scan(paths).inputs.compactMap { try? $0.get() }.compactMap { input in
            let ext = input.path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            guard input.named || ["rss", "atom", "xml"].contains(ext), ext != "warc", ext != "gz" || input.named,
                case .success(let document) = ingest.read(input.path, explicitlyNamed: input.named),
                document.kind == .feed
            else { return nil }
            return (input.path, document.bytes)
        }
    }
}
