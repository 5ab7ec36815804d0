import CDeflate
import Foundation
import Hummingbird
import Synchronization
import Testing
import Triangulate
import TriangulateStore
import TriangulateWeb

/// The fetcher against real HTTP servers the tests start on loopback (Hummingbird): pages, feeds, redirects, the
/// address rules, timeouts, size caps, robots.txt and per-host politeness.
@Suite("Fetching URLs", .serialized)
struct FetcherTests {
    static let page =
        "<!doctype html><html><head><title>Ferry</title></head><body><article><p>The Velmora council approved "
        + "the night ferry on Tuesday.</p></article></body></html>"

    /// Request starts and ends per path, to check politeness.
    final class Log: Sendable {
        let entries = Mutex<[(path: String, start: ContinuousClock.Instant, end: ContinuousClock.Instant)]>([])
    }

    static func router(log: Log = Log()) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        @Sendable func html(_ text: String, type: String = "text/html; charset=utf-8") -> Response {
            Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/page") { _, _ in html(page) }
        router.get("/redirect") { _, _ in Response(status: .found, headers: [.location: "/page"]) }
        router.get("/loop") { _, _ in Response(status: .found, headers: [.location: "/loop"]) }
        router.get("/to-loopback/{port}") { _, context in
            let port = try context.parameters.require("port")
            return Response(status: .found, headers: [.location: "http://127.0.0.1:\(port)/page"])
        }
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .seconds(3))
            return html(page)
        }
        router.get("/big") { _, _ in html(String(repeating: "x", count: 5000)) }
        router.get("/image") { _, _ in html("PNG", type: "image/png") }
        router.get("/missing") { _, _ in Response(status: .notFound) }
        router.get("/feed.rss") { _, _ in
            html(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</title>"
                    + "<link>https://example.test/a</link></item></channel></rss>", type: "application/rss+xml")
        }
        router.get("/story/{name}") { _, context in
            let name = try context.parameters.require("name")
            return html(page.replacingOccurrences(of: "<title>Ferry</title>", with: "<title>Story \(name)</title>"))
        }
        router.get("/feed.atom") { _, _ in
            html(
                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>W</title>"
                    + "<entry><title>One</title><link rel=\"alternate\" href=\"/story/one\"/>"
                    + "<updated>2025-03-05T08:00:00Z</updated><author><name>Sam Okafor</name></author></entry>"
                    + "<entry><title>Broken, no link</title></entry>"
                    + "<entry><title>Two</title><link href=\"/story/two\"/></entry></feed>",
                type: "application/atom+xml")
        }
        router.get("/feed.rdf") { _, _ in
            html(
                "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                    + "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    + "<item rdf:about=\"/story/three\"><title>Three</title><link>/story/three</link>"
                    + "<dc:date>2025-03-06</dc:date></item></rdf:RDF>",
                type: "application/rdf+xml")
        }
        router.get("/gzipped") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html", .contentEncoding: "gzip"],
                body: .init(byteBuffer: ByteBuffer(bytes: gzip(Array(page.utf8)))))
        }
        router.get("/robots.txt") { _, _ in
            html("User-agent: *\nDisallow: /private\nAllow: /private/open\n", type: "text/plain")
        }
        router.get("/private/{name}") { _, _ in html(page) }
        router.get("/timed/{name}") { request, _ in
            let start = ContinuousClock.now
            try await Task.sleep(for: .milliseconds(150))
            log.entries.withLock { $0.append((request.uri.path, start, .now)) }
            return html(page)
        }
        return router
    }

    static func fetcher(_ change: (inout FetchConfiguration) -> Void = { _ in }) -> Fetcher {
        var configuration = FetchConfiguration()
        configuration.hostDelay = 0
        configuration.allowPrivateAddresses = true
        change(&configuration)
        return Fetcher(configuration: configuration)
    }

    /// Runs `body` with a real server listening on `host` (any free port) and its base URL; stops it after.
    static func serve(
        on host: String = "127.0.0.1", log: Log = Log(), _ body: @Sendable (String, Int) async throws -> Void
    ) async throws {
        let (ports, found) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router(log: log), configuration: ApplicationConfiguration(address: .hostname(host, port: 0)),
            onServerRunning: { channel in found.yield(channel.localAddress?.port ?? 0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body("http://\(host):\(port)", port)
            group.cancelAll()
        }
    }

    @Test func aPageARedirectAndAFeedAreFetched() async throws {
        try await Self.serve { base, _ in
            let fetcher = Self.fetcher()
            let page = try await fetcher.fetch(base + "/page").get()
            #expect(page.kind == .html && page.origin == base + "/page")
            #expect(page.id.count == 16 && String(decoding: page.bytes, as: UTF8.self).contains("night ferry"))
            let redirected = try await fetcher.fetch(base + "/redirect").get()
            #expect(redirected.origin == base + "/page" && redirected.id == page.id)
            #expect(try await fetcher.fetch(base + "/feed.rss").get().kind == .feed)
            let article = try Extract().article(from: page)
            #expect(article.text.contains("The Velmora council approved the night ferry on Tuesday."))
        }
    }

    @Test func atomAndRDFFeedsOverHTTPExpandToTheirItemPages() async throws {
        try await Self.serve { base, _ in
            let inputs = await Self.fetcher().inputs([base + "/feed.atom", base + "/feed.rdf"])
            #expect(Set(inputs.documents.map(\.origin)) == Set(["one", "two", "three"].map { base + "/story/" + $0 }))
            // The entry without a link is named; the others were fetched all the same.
            #expect(inputs.failures.count == 1 && inputs.failures.first?.reason.contains("no link") == true)
            var article = try Extract().article(
                from: try #require(inputs.documents.first { $0.origin.hasSuffix("/story/one") }))
            inputs.amend(&article)
            #expect(article.title == "Story one" && article.byline == "Sam Okafor")
            #expect(article.published?.description == "2025-03-05" && article.outlet == "127.0.0.1")
            // A gzip-encoded body is decoded.
            let gzipped = try await Self.fetcher().fetch(base + "/gzipped").get()
            #expect(String(decoding: gzipped.bytes, as: UTF8.self).contains("night ferry"))
        }
    }

    @Test func privateAddressesAreRefusedUnlessAllowed() async throws {
        try await Self.serve(on: "127.0.0.2") { base, port in
            let strict = Self.fetcher { $0.allowPrivateAddresses = false }
            let refused = await strict.fetch(base + "/page")
            #expect(refused.error?.kind == .privateAddress && refused.error?.reason.contains("loopback") == true)
            // A host name that resolves to loopback.
            let local = await strict.fetch("http://localhost:\(port)/page")
            #expect(local.error?.kind == .privateAddress, "\(local)")
            // A redirect to 127.0.0.1 from a server this run allows (127.0.0.2 only).
            let pinned = Self.fetcher {
                $0.allowPrivateAddresses = false
                $0.allowedAddresses = ["127.0.0.2"]
            }
            #expect((try? await pinned.fetch(base + "/page").get()) != nil)
            let hop = await pinned.fetch(base + "/to-loopback/\(port)")
            #expect(hop.error?.kind == .privateAddress && hop.error?.url.hasPrefix("http://127.0.0.1:") == true)
            for address in [
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]/",
                "http://0.0.0.0/", "http://[fe80::1]/", "http://224.0.0.1/",
            ] {
                #expect(await strict.fetch(address).error?.kind == .privateAddress, "\(address)")
            }
        }
    }

    @Test func badURLsTimeoutsSizeAndTypesAreNamedErrors() async throws {
        try await Self.serve { base, _ in
            let fetcher = Self.fetcher {
                $0.totalTimeout = 1
                $0.maxBytes = 1000
            }
            #expect(await fetcher.fetch("ftp://example.test/a").error?.kind == .badURL)
            #expect(await fetcher.fetch("http://user:secret@example.test/a").error?.kind == .badURL)
            #expect(await fetcher.fetch("http://no-such-host.invalid/a").error?.kind == .dns)
            #expect(await fetcher.fetch(base + "/slow").error?.kind == .timeout)
            #expect(await fetcher.fetch(base + "/big").error?.kind == .tooLarge)
            #expect(await fetcher.fetch(base + "/image").error?.kind == .notAPage)
            let missing = await fetcher.fetch(base + "/missing")
            #expect(missing.error?.kind == .status && missing.error?.reason.contains("404") == true)
            #expect(await fetcher.fetch(base + "/loop").error?.kind == .tooManyRedirects)
        }
    }

    @Test func robotsTxtIsHonouredUnlessIgnored() async throws {
        try await Self.serve { base, _ in
            let polite = Self.fetcher()
            let refused = await polite.fetch(base + "/private/report")
            #expect(refused.error?.kind == .robots && refused.error?.url == base + "/private/report")
            #expect((try? await polite.fetch(base + "/private/open").get()) != nil)
            #expect((try? await polite.fetch(base + "/page").get()) != nil)
            let ignoring = Self.fetcher { $0.respectRobots = false }
            #expect((try? await ignoring.fetch(base + "/private/report").get()) != nil)
        }
    }

    @Test func oneHostIsFetchedOneRequestAtATimeWithTheDelay() async throws {
        let log = Log()
        try await Self.serve(log: log) { base, _ in
            let fetcher = Self.fetcher {
                $0.hostDelay = 0.2
                $0.respectRobots = false
            }
            let results = await fetcher.fetch([base + "/timed/a", base + "/timed/b", base + "/timed/c"])
            #expect(results.allSatisfy { (try? $0.get()) != nil })
        }
        let entries = log.entries.withLock { $0 }.sorted { $0.start < $1.start }
        #expect(entries.count == 3)
        for (earlier, later) in zip(entries, entries.dropFirst()) {
            #expect(later.start >= earlier.end + .milliseconds(150), "requests overlapped or came too soon")
        }
    }
}

/// Gzip through libdeflate (Debian's), for a compressed response.
func gzip(_ bytes: [UInt8]) -> [UInt8] {
    guard let compressor = libdeflate_alloc_compressor(6) else { return [] }
    defer { libdeflate_free_compressor(compressor) }
    var out = [UInt8](repeating: 0, count: bytes.count + 1024)
    let size = bytes.withUnsafeBytes { input in
        out.withUnsafeMutableBytes { output in
            libdeflate_gzip_compress(compressor, input.baseAddress, input.count, output.baseAddress, output.count)
        }
    }
    return Array(out[..<size])
}

extension Result {
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// `FeedWatcher` against a feed served on loopback that answers conditional requests: new items are ingested once,
/// an unchanged feed is not fetched again (304), a new item is picked up, and a failing feed backs off.
@Suite("Watching feeds", .serialized)
struct FeedWatcherTests {
    final class FeedServer: Sendable {
        let items = Mutex<[String]>(["a"])
        let conditionalHits = Mutex(0)
        let feedRequests = Mutex(0)
        let port = Mutex(0)
    }

    static func router(_ state: FeedServer) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("/feed.xml") { request, _ -> Response in
            state.feedRequests.withLock { $0 += 1 }
            let items = state.items.withLock { $0 }
            let etag = "\"v\(items.count)\""
            if request.headers[.ifNoneMatch] == etag {
                state.conditionalHits.withLock { $0 += 1 }
                return Response(status: .notModified)
            }
            let port = state.port.withLock { $0 }
            let body =
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Velmora Times</title>"
                + items.map {
                    "<item><guid>\($0)</guid><title>Item \($0)</title><link>http://127.0.0.1:\(port)/story/\($0)</link>"
                        + "<pubDate>Tue, 04 Mar 2025 10:00:00 +0000</pubDate></item>"
                }.joined() + "</channel></rss>"
            return Response(
                status: .ok, headers: [.contentType: "application/rss+xml", .eTag: etag],
                body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.get("/story/{name}") { _, context in
            let name = try context.parameters.require("name")
            let page =
                "<!doctype html><html><head><title>Story \(name)</title></head><body><article><p>The Velmora "
                + "council met about the \(name) ferry plan on Tuesday and heard from forty residents.</p></article>"
                + "</body></html>"
            return Response(
                status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        return router
    }

    @Test func newItemsOnceNotModifiedSkippedFailuresBackOff() async throws {
        let dir = NSTemporaryDirectory() + "triangulate-watch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let collection = ArticleCollection(store: try SQLiteStore(path: dir + "/c.sqlite"))
        let state = FeedServer()
        let (ports, found) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: Self.router(state),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in found.yield(channel.localAddress?.port ?? 0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            state.port.withLock { $0 = port }
            let feed = "http://127.0.0.1:\(port)/feed.xml"
            let watcher = FeedWatcher(collection: collection, fetcher: FetcherTests.fetcher(), interval: 60)
            let start = Date()
            let first = try await watcher.round([feed], now: start)
            #expect(first.first?.newItems == 1 && first.first?.stored == 1, "\(first)")
            let article = try #require(try collection.store.articles().first?.article)
            #expect(article.title == "Story a" && article.published?.description == "2025-03-04")
            // Due again, unchanged: a conditional request answered 304, nothing fetched.
            let second = try await watcher.round([feed], now: start + 61)
            #expect(second.first?.notModified == true && state.conditionalHits.withLock { $0 } == 1, "\(second)")
            // Not due yet: not even asked.
            let requests = state.feedRequests.withLock { $0 }
            _ = try await watcher.round([feed], now: start + 62)
            #expect(state.feedRequests.withLock { $0 } == requests)
            // A new item: only it is fetched and stored.
            state.items.withLock { $0.append("b") }
            let third = try await watcher.round([feed], now: start + 200)
            #expect(third.first?.newItems == 1 && third.first?.stored == 1, "\(third)")
            #expect(try collection.store.counts().articles == 2)
            // A feed that fails backs off: the next check is later than the interval.
            let broken = "http://127.0.0.1:\(port)/missing.xml"
            let failed = try await watcher.round([broken], now: start)
            #expect(failed.first?.problems.isEmpty == false)
            let backoff = try #require(try collection.store.feedState(url: broken))
            #expect(backoff.failures == 1 && backoff.nextCheck > start.timeIntervalSince1970 + 60)
            #expect(try await watcher.round([broken], now: start + 61).first?.waiting == true)
            group.cancelAll()
        }
    }
}
