import Foundation
import Hummingbird
import Synchronization
import Testing
import Triangulate
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

extension Result {
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
