import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Triangulate
import TriangulateText

/// Fetches article pages and feeds over HTTP(S), safely: only http and https, no credentials in URLs, every host
/// (and every redirect hop) resolved here and refused when an address is private (`AddressPolicy`), the connection
/// pinned to the checked address, at most `maxRedirects` redirects, connect and total timeouts, a size cap on the
/// decompressed body, robots.txt honoured, one request at a time per host with a delay between, and at most
/// `concurrency` requests at once. Every failure names the URL and says why.
public final class Fetcher: Sendable {
    public let configuration: FetchConfiguration
    let politeness: Politeness
    let robots = RobotsCache()

    public init(configuration: FetchConfiguration = .default) {
        self.configuration = configuration
        politeness = Politeness(delay: configuration.hostDelay)
    }

    /// Whether an argument names a URL rather than a path.
    public static func isURL(_ argument: String) -> Bool {
        let lower = argument.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// Every URL fetched, at most `concurrency` at once; one result per URL, in order.
    public func fetch(_ urls: [String]) async -> [Result<Document, FetchError>] {
        var results = [Result<Document, FetchError>?](repeating: nil, count: urls.count)
        await withTaskGroup(of: (Int, Result<Document, FetchError>).self) { group in
            var next = 0
            func start() {
                let index = next
                next += 1
                group.addTask { (index, await self.fetch(urls[index])) }
            }
            while next < urls.count && next < max(1, configuration.concurrency) { start() }
            for await (index, result) in group {
                results[index] = result
                if next < urls.count { start() }
            }
        }
        return results.map { $0 ?? .failure(FetchError("", .connection, "not fetched")) }
    }

    /// One URL, following redirects: the page (or feed, or text) it ends at, named by its final URL.
    public func fetch(_ url: String) async -> Result<Document, FetchError> {
        switch await fetch(url, etag: nil, lastModified: nil) {
        case .failure(let error): return .failure(error)
        case .success(.fetched(let document, _, _)): return .success(document)
        case .success(.notModified): return .failure(FetchError(url, .status, "the server answered 304 unasked"))
        }
    }

    /// What a conditional request gives: the document with the validators to send next time, or "not modified".
    public enum Conditional: Sendable {
        case fetched(Document, etag: String?, lastModified: String?)
        case notModified
    }

    /// A conditional GET (If-None-Match, If-Modified-Since) of `url`, following redirects.
    public func fetch(_ url: String, etag: String?, lastModified: String?) async -> Result<Conditional, FetchError> {
        var current = url
        for _ in 0...configuration.maxRedirects {
            let target: Target
            switch await check(current) {
            case .failure(let error): return .failure(error)
            case .success(let checked): target = checked
            }
            if configuration.respectRobots, target.url.path != "/robots.txt" {
                let rules = await robots.rules(for: target, fetcher: self)
                let path = target.url.path.isEmpty ? "/" : target.url.path
                let query = target.url.query.map { "?" + $0 } ?? ""
                if !rules.allows(path + query) {
                    return .failure(FetchError(current, .robots, "the host's robots.txt does not allow fetching it"))
                }
            }
            var conditions: [(String, String)] = []
            if let etag { conditions.append(("If-None-Match", etag)) }
            if let lastModified { conditions.append(("If-Modified-Since", lastModified)) }
            switch await request(target, conditions: conditions) {
            case .failure(let error): return .failure(error)
            case .success(.redirect(let location)):
                guard let next = URL(string: location, relativeTo: target.url)?.absoluteString else {
                    return .failure(FetchError(current, .badURL, "redirects to \(location.debugDescription)"))
                }
                current = next
            case .success(.notModified): return .success(.notModified)
            case .success(.document(let document, let etag, let lastModified)):
                return .success(.fetched(document, etag: etag, lastModified: lastModified))
            }
        }
        return .failure(
            FetchError(url, .tooManyRedirects, "more than \(configuration.maxRedirects) redirects (last: \(current))"))
    }

    /// A URL checked for fetching: its parts and the address to connect to.
    struct Target: Sendable {
        var url: URL
        var text: String
        var host: String
        var address: String
        /// host:port, the unit of politeness and of robots.txt.
        var origin: String
    }

    func check(_ text: String) async -> Result<Target, FetchError> {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
        else { return .failure(FetchError(text, .badURL, "not a URL")) }
        guard scheme == "http" || scheme == "https" else {
            return .failure(FetchError(text, .badURL, "only http and https URLs are fetched, not \(scheme)"))
        }
        guard url.user == nil && url.password == nil else {
            return .failure(FetchError(text, .badURL, "a URL with credentials is not fetched"))
        }
        let addresses: [String]
        switch await AddressPolicy.resolveOffThread(host) {
        case .failure(let failure):
            return .failure(FetchError(text, .dns, "the host \(host) cannot be resolved: \(failure.reason)"))
        case .success(let found): addresses = found
        }
        if !configuration.allowPrivateAddresses {
            for address in addresses where !configuration.allowedAddresses.contains(address) {
                if let why = AddressPolicy.refusal(address) {
                    return .failure(
                        FetchError(
                            text, .privateAddress,
                            "the host \(host) is \(address), a \(why) address, and is not allowed "
                                + "(--allow-private-addresses lifts this)"))
                }
            }
        }
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return .success(
            Target(url: url, text: text, host: host, address: addresses[0], origin: "\(scheme)://\(host):\(port)"))
    }

    enum Outcome: Sendable {
        case document(Document, etag: String?, lastModified: String?)
        case redirect(String)
        case notModified
    }

    /// One request to a checked target, pinned to its address, in the host's turn.
    func request(_ target: Target, conditions: [(String, String)] = []) async -> Result<Outcome, FetchError> {
        await politeness.acquire(target.origin)
        let result = await send(target, conditions: conditions)
        await politeness.release(target.origin)
        return result
    }

    private func send(_ target: Target, conditions: [(String, String)]) async -> Result<Outcome, FetchError> {
        var settings = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: .milliseconds(Self.milliseconds(configuration.connectTimeout)),
                read: .milliseconds(Self.milliseconds(configuration.totalTimeout))),
            decompression: .enabled(limit: .size(configuration.maxBytes)))
        settings.dnsOverride = [target.host: target.address]
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: settings)
        let result = await exchange(client, target, conditions: conditions)
        try? await client.shutdown()
        return result
    }

    private func exchange(
        _ client: HTTPClient, _ target: Target, conditions: [(String, String)]
    ) async -> Result<Outcome, FetchError> {
        var request = HTTPClientRequest(url: target.text)
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        request.headers.add(
            name: "Accept",
            value: "text/html, application/xhtml+xml, application/rss+xml, "
                + "application/atom+xml, application/xml;q=0.9, text/plain;q=0.8")
        for (name, value) in conditions { request.headers.add(name: name, value: value) }
        let url = target.text
        do {
            let response = try await client.execute(
                request, timeout: .milliseconds(Self.milliseconds(configuration.totalTimeout)))
            if response.status.code == 304 && !conditions.isEmpty { return .success(.notModified) }
            if (300..<400).contains(Int(response.status.code)), let location = response.headers.first(name: "Location")
            {
                return .success(.redirect(location))
            }
            guard (200..<300).contains(Int(response.status.code)) else {
                return .failure(
                    FetchError(
                        url, .status, "the server answered \(response.status.code) \(response.status.reasonPhrase)"))
            }
            let body = try await response.body.collect(upTo: configuration.maxBytes)
            let bytes = Array(body.readableBytesView)
            let etag = response.headers.first(name: "ETag")
            let modified = response.headers.first(name: "Last-Modified")
            return document(url: url, contentType: response.headers.first(name: "Content-Type"), bytes: bytes)
                .map { Outcome.document($0, etag: etag, lastModified: modified) }
        } catch {
            return .failure(Self.describe(error, url: url, limit: configuration.maxBytes))
        }
    }

    /// The document a response body makes, by its content type (or, without one, by its bytes).
    func document(url: String, contentType: String?, bytes: [UInt8]) -> Result<Document, FetchError> {
        let type = contentType?.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) }
        let kind: Document.Kind
        switch type {
        case "text/html", "application/xhtml+xml": kind = .html
        case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml":
            guard Feed.looksLikeFeed(bytes) else {
                return .failure(FetchError(url, .notAPage, "XML that is not a feed"))
            }
            kind = .feed
        case "text/plain": kind = .text
        case nil: kind = Feed.looksLikeFeed(bytes) ? .feed : .html
        case let other?:
            return .failure(FetchError(url, .notAPage, "\(other) is neither a web page nor a feed"))
        }
        return .success(Document(id: FNV1a.hex(url), origin: url, kind: kind, bytes: bytes))
    }

    /// Seconds as whole milliseconds, kept between 1 ms and a day (NaN or infinity: 30 s).
    static func milliseconds(_ seconds: Double) -> Int64 {
        guard seconds.isFinite else { return 30_000 }
        return Int64(min(max(seconds, 0.001), 86_400) * 1000)
    }

    static func describe(_ error: any Error, url: String, limit: Int) -> FetchError {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .tlsHandshakeTimeout:
                return FetchError(url, .timeout, "timed out (\(error))")
            default: return FetchError(url, .connection, "\(error)")
            }
        }
        if error is NIOTooManyBytesError || String(describing: type(of: error)).contains("Decompression") {
            return FetchError(url, .tooLarge, "the response is over the \(limit)-byte limit")
        }
        return FetchError(url, .connection, "\(error)")
    }
}

/// robots.txt per host: fetched once (through the same checks), kept for the run. A host without one (or whose
/// robots.txt cannot be fetched) allows everything.
actor RobotsCache {
    private var known: [String: Robots] = [:]

    func rules(for target: Fetcher.Target, fetcher: Fetcher) async -> Robots {
        if let rules = known[target.origin] { return rules }
        var rules = Robots.allowAll
        let address = target.origin + "/robots.txt"
        if case .success(let checked) = await fetcher.check(address),
            case .success(.document(let document, _, _)) = await fetcher.request(checked)
        {
            rules = Robots(String(decoding: document.bytes, as: UTF8.self))
        }
        known[target.origin] = rules
        return rules
    }
}
