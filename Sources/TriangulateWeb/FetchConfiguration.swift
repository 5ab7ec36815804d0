/// Settings of fetching articles and feeds over HTTP, with their defaults in one place.
public struct FetchConfiguration: Sendable, Hashable {
    /// Redirects followed before giving up.
    public var maxRedirects = 5
    /// Seconds to connect, and for the whole request (each hop).
    public var connectTimeout: Double = 10
    public var totalTimeout: Double = 30
    /// The largest response body read, decompressed.
    public var maxBytes = 16 * 1024 * 1024
    /// Requests in flight at once, over all hosts.
    public var concurrency = 8
    /// Seconds between two requests to one host (which never has two at once).
    public var hostDelay: Double = 1
    /// Item pages one feed may have fetched (per round of `watch`, per feed named): a hostile feed of a hundred
    /// thousand links does not keep the fetcher busy for days.
    public var maxFeedItems = 500
    /// Honour each host's robots.txt (`--ignore-robots` lifts it).
    public var respectRobots = true
    /// Connect to loopback, private, link-local, unspecified, broadcast and multicast addresses
    /// (`--allow-private-addresses`; off by default, so that a link cannot reach the machine's own network).
    public var allowPrivateAddresses = false
    /// Addresses allowed even when private (tests bind their servers to one); empty by default.
    public var allowedAddresses: Set<String> = []
    public var userAgent = "Triangulate/1 (news corroboration; +https://github.com/triangulate)"

    public init() {}

    public static let `default` = FetchConfiguration()
}
