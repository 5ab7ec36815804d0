import Foundation
import Testing

/// URLs on the command line, against a real HTTP server on loopback (Python's http.server over files the test
/// writes): refused as loopback by default, fetched with --allow-private-addresses, a feed's item pages fetched in
/// turn.
@Suite("URLs as inputs", .serialized)
struct URLInputTests {
    static func page(_ title: String, _ sentence: String) -> String {
        "<!doctype html><html><head><title>\(title)</title></head><body><article><h1>\(title)</h1>"
            + String(repeating: "<p>\(sentence) The harbor board met for four hours before the vote.</p>", count: 3)
            + "</article></body></html>"
    }

    @Test func pagesAndFeedsAreFetchedOnlyWhenPrivateAddressesAreAllowed() throws {
        let dir = try Child.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let site = dir + "/site"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        try Data(Self.page("Harbor board approves night ferry", "The harbor board approved the night ferry.").utf8)
            .write(to: URL(fileURLWithPath: site + "/a.html"))
        try Data(Self.page("Night ferry wins board vote", "The night ferry won the board vote 5-2.").utf8)
            .write(to: URL(fileURLWithPath: site + "/b.html"))
        let log = dir + "/server.log"
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site]
        FileManager.default.createFile(atPath: log, contents: nil)
        server.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        var port: String?
        for _ in 0..<200 where port == nil {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            port = text.components(separatedBy: " port ").dropFirst().first?.prefix { $0.isNumber }.description
            if port?.isEmpty == true { port = nil }
            if port == nil { usleep(50_000) }
        }
        let base = "http://127.0.0.1:" + (try #require(port, "python3 -m http.server did not start"))
        let feed = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Tideline</title>
            <item><title>Ferry (feed title)</title><link>\(base)/b.html</link><pubDate>Tue, 04 Mar 2025 10:00:00 +0000</pubDate></item>
            </channel></rss>
            """
        try Data(feed.utf8).write(to: URL(fileURLWithPath: site + "/feed.xml"))

        let refused = try Child.run(["analyze", base + "/a.html", "--format", "json"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("a loopback address, and is not allowed"), "\(refused.stderr)")

        let fetched = try Child.run([
            "analyze", base + "/a.html", base + "/feed.xml", "--allow-private-addresses", "--host-delay", "0",
            "--format", "json", "-q",
        ])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(fetched.stdout.utf8)) as? [String: Any])
        let articles = try #require(object["articles"] as? [[String: Any]])
        let origins = Set(articles.compactMap { $0["origin"] as? String })
        #expect(origins == [base + "/a.html", base + "/b.html"])
        let fromFeed = try #require(articles.first { $0["origin"] as? String == base + "/b.html" })
        #expect(fromFeed["title"] as? String == "Night ferry wins board vote")  // the page's own title
        #expect(fromFeed["published"] as? String == "2025-03-04")  // the page gives none: the feed's date
        #expect((fromFeed["id"] as? String)?.count == 16)
        let stories = try #require(object["stories"] as? [[String: Any]])
        #expect(stories.count == 1)

        // A feed file: the item with its text is read from the file, the item with only a link is fetched.
        let file = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Wire</title>
            <item><title>Linked</title><link>\(base)/a.html</link></item>
            <item><title>Inline</title><link>https://harbor-wire.test/inline</link><description>&lt;p&gt;The harbor \
            board approved the night ferry after four hours of debate on Tuesday, members said.&lt;/p&gt;</description></item>
            </channel></rss>
            """
        try Data(file.utf8).write(to: URL(fileURLWithPath: dir + "/wire.rss"))
        let fromFile = try Child.run([
            "analyze", dir + "/wire.rss", "--allow-private-addresses", "--host-delay", "0", "--format", "json", "-q",
        ])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let fileObject = try #require(
            try JSONSerialization.jsonObject(with: Data(fromFile.stdout.utf8)) as? [String: Any])
        let fileOrigins = Set(
            (fileObject["articles"] as? [[String: Any]] ?? []).compactMap { $0["origin"] as? String })
        #expect(fileOrigins == [base + "/a.html", "https://harbor-wire.test/inline"])
        #expect((fileObject["failures"] as? [Any])?.isEmpty == true)
        // Without the flag the linked page is refused (named), and the inline item is read all the same.
        let strict = try Child.run(["analyze", dir + "/wire.rss", "--format", "json"])
        #expect(strict.status == 0 && strict.stderr.contains("loopback address"), "\(strict.stderr)")
    }
}
