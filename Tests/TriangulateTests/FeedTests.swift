import Foundation
import Testing

@testable import Triangulate

/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds the test writes: items with their text become articles, the item's title,
/// date, author and host fill what the text lacks; a broken item, a cut feed and an item with only a link are named.
@Suite("Feeds")
struct FeedTests {
    static let body =
        "The Velmora council approved the night ferry on Tuesday by a 5-2 vote after four hours of debate. "
        + "Board chair Lena Ortiz said the boats would run until two in the morning from May."

    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment before the root -->
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Velmora Times</title><link>https://velmora-times.test/</link>
        <item><title>Council approves night ferry</title><link>https://velmora-times.test/ferry</link>
        <guid>ferry-1</guid><pubDate>Tue, 04 Mar 2025 10:00:00 +0000</pubDate><dc:creator>Ana Reyes</dc:creator>
        <content:encoded><![CDATA[<p>\(body)</p><p>\(body)</p>]]></content:encoded></item>
        <item><title>Only a link</title><link>https://velmora-times.test/only-link</link></item>
        <item><description></description></item>
        <item><title>Escaped &amp; encoded</title><link>https://velmora-times.test/escaped</link>
        <description>&lt;p&gt;\(body) Escaped markup is text of the feed.&lt;/p&gt;</description></item>
        </channel></rss>
        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Harbor Wire</title>
        <entry><title>Ferry vote splits council</title>
        <link rel="alternate" type="text/html" href="https://harbor-wire.test/vote"/><link rel="self" href="https://harbor-wire.test/vote.atom"/>
        <id>urn:uuid:1</id><updated>2025-03-05T08:00:00Z</updated><author><name>Sam Okafor</name></author>
        <content type="html">&lt;p&gt;\(body)&lt;/p&gt;</content></entry>
        </feed>
        """

    static let rdf = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://tideline.test/"><title>Tideline</title></channel>
        <item rdf:about="https://tideline.test/ferry"><title>Night ferry approved</title>
        <link>https://tideline.test/ferry</link><dc:date>2025-03-04</dc:date><description>\(body)</description></item>
        </rdf:RDF>
        """

    static func articles(_ results: [Result<Article, Failure>]) -> [Article] {
        results.compactMap { try? $0.get() }.sorted { $0.origin < $1.origin }
    }

    static func failures(_ results: [Result<Article, Failure>]) -> [Failure] {
        results.compactMap { result in
            if case .failure(let failure) = result { return failure }
            return nil
        }
    }

    @Test func rssAtomAndRDFItemsBecomeArticles() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Fixtures.write(Self.rss, to: dir + "/times.rss")
        try Fixtures.write(Self.atom, to: dir + "/wire.atom")
        try Fixtures.write(Self.rdf, to: dir + "/tideline.xml")
        let results = Pipeline().extract(paths: [dir])
        let articles = Self.articles(results)
        #expect(
            articles.map(\.origin) == [
                "https://harbor-wire.test/vote", "https://tideline.test/ferry", "https://velmora-times.test/escaped",
                "https://velmora-times.test/ferry",
            ])
        let ferry = try #require(articles.last)
        #expect(ferry.title == "Council approves night ferry")
        #expect(ferry.published?.description == "2025-03-04")
        #expect(ferry.byline == "Ana Reyes")
        #expect(ferry.outlet == "velmora-times.test")
        #expect(ferry.id.count == 16 && ferry.text.contains("Lena Ortiz said the boats"))
        #expect(articles[0].published?.description == "2025-03-05" && articles[0].byline == "Sam Okafor")
        #expect(articles[1].published?.description == "2025-03-04" && articles[1].title == "Night ferry approved")
        #expect(articles[2].text.contains("Escaped markup is text of the feed."))
        // The item with only a link and the item with nothing are named; the others were read all the same.
        let failures = Self.failures(results)
        #expect(failures.contains { $0.origin.contains("item 2 (https://velmora-times.test/only-link)") })
        #expect(failures.contains { $0.origin.hasSuffix("times.rss") && $0.reason.contains("no link and no text") })
    }

    @Test func aCutFeedKeepsTheItemsBeforeTheCut() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cutAt = try #require(Self.rss.range(of: "<item><title>Only a link"))
        let cut = String(Self.rss[..<cutAt.lowerBound]) + "<item><title>Broken &bogus; <link>"
        try Fixtures.write(cut, to: dir + "/cut.rss")
        let results = Pipeline().extract(paths: [dir + "/cut.rss"])
        #expect(Self.articles(results).map(\.origin) == ["https://velmora-times.test/ferry"])
        #expect(Self.failures(results).contains { $0.reason.contains("not well-formed") })
    }

    @Test func whatIsNotAFeedIsNotReadAsOne() throws {
        #expect(Feed.looksLikeFeed(Array(Self.rss.utf8)) && Feed.looksLikeFeed(Array(Self.atom.utf8)))
        #expect(Feed.looksLikeFeed(Array(Self.rdf.utf8)))
        for text in ["<html><body>rss</body></html>", "text before <rss>", "<?xml version=\"1.0\"?><note/>", ""] {
            #expect(!Feed.looksLikeFeed(Array(text.utf8)), "\(text)")
        }
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Fixtures.write("<?xml version=\"1.0\"?><note>hello</note>", to: dir + "/note.xml")
        let results = Pipeline().extract(paths: [dir + "/note.xml"])
        #expect(Self.failures(results).first?.reason.contains("not an RSS or Atom feed") == true)
        // Entities cannot reach outside the feed (no external entities, no network).
        let hostile = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss><channel><item><link>https://x.test/a</link><description>&secret; \(Self.body)</description></item></channel></rss>
            """
        let feed = try #require(Feed.parse(Array(hostile.utf8)))
        #expect(feed.items.allSatisfy { !($0.content ?? "").contains("root:") })
    }
}
