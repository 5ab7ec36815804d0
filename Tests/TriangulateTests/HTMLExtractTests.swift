import Foundation
import Testing

@testable import Triangulate
import TriangulateText

/// Hand-written pages covering the hard cases of web extraction, and the benchmark's quality floor.
@Suite("HTML extraction")
struct HTMLExtractTests {
    func extract(_ html: String, id: String = "page") throws -> Article {
        try extract(bytes: Array(html.utf8), id: id)
    }

    func extract(bytes: [UInt8], id: String = "page") throws -> Article {
        try Extract().article(from: Document(id: id, origin: id + ".html", kind: .html, bytes: bytes))
    }

    static let paragraphs = [
        "The harbor commission voted on Tuesday to extend the night ferry service through the winter, reversing a decision made in the spring that riders had criticized for months.",
        "Commissioners said the cost, about $1.2 million a year, would be covered by a fare increase of twenty cents and a grant from the regional transit fund.",
        "Riders who work late shifts at the hospital and the port had collected more than four thousand signatures asking the commission to keep the boats running after ten at night.",
    ]

    @Test func commentsSectionAndNavigationAreLeftOut() throws {
        let html = """
            <html><head><title>Night ferries stay | Harbor Gazette</title></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></nav>
            <div class="article-body"><h1>Night ferries stay</h1>
            <p>\(Self.paragraphs[0])</p><p>\(Self.paragraphs[1])</p><p>\(Self.paragraphs[2])</p></div>
            <div id="comments"><h3>4 Comments</h3>
            <div class="comment"><p>Finally some good news for those of us who work nights at the port, thank you commissioners!</p></div>
            <div class="comment"><p>Twenty cents more per ride is a lot when you take the ferry twice a day, every day of the week.</p></div>
            </div>
            <footer><p>Copyright Harbor Gazette. All rights reserved. Contact us for corrections and tips.</p></footer>
            </body></html>
            """
        let article = try extract(html)
        #expect(article.paragraphs == Self.paragraphs)
        #expect(article.title == "Night ferries stay")
        #expect(!article.text.contains("Finally some good news"))
    }

    @Test func jsonLDMetadata() throws {
        let html = """
            <html lang="en"><head><title>Ferry vote - Coastline Daily</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Harbor commission keeps night ferries running","datePublished":"2026-03-04T09:30:00Z",
            "author":[{"@type":"Person","name":"Lena Okafor"},{"@type":"Person","name":"Tom Reyes"}],
            "publisher":{"@type":"Organization","name":"Coastline Daily"}}</script></head>
            <body><div class="byline">5 Minute Read</div><article><p>\(Self.paragraphs[0])</p><p>\(Self.paragraphs[1])</p></article></body></html>
            """
        let article = try extract(html)
        #expect(article.title == "Harbor commission keeps night ferries running")
        #expect(article.byline == "Lena Okafor, Tom Reyes")
        #expect(article.published == CalendarDate(year: 2026, month: 3, day: 4))
        #expect(article.outlet == "Coastline Daily")
    }

    @Test func metaTagsAndURLDate() throws {
        let html = """
            <html><head><meta property="og:title" content="Ferries: the vote">
            <meta property="og:site_name" content="Bayside Post"><meta name="author" content="By Ana Lind">
            <link rel="canonical" href="https://www.bayside.example/2025/11/30/ferries-vote/"></head>
            <body><div class="content"><p>\(Self.paragraphs[0])</p><p>\(Self.paragraphs[2])</p></div></body></html>
            """
        let article = try extract(html)
        #expect(article.title == "Ferries: the vote")
        #expect(article.byline == "Ana Lind")
        #expect(article.outlet == "Bayside Post")
        #expect(article.published == CalendarDate(year: 2025, month: 11, day: 30))
    }

    @Test func windows1252WithoutCharsetIsNotMojibake() throws {
        // “Café” — with curly quotes and é in windows-1252, and no charset declared.
        var bytes = Array("<html><body><div class=\"story\"><p>The ".utf8)
        bytes += [0x93] + Array("Caf".utf8) + [0xE9, 0x94]
        bytes += Array(
            " on the pier reopened on Monday after the storm, its owner said, and the ferry riders came back for coffee before the first boat at six in the morning.</p></div></body></html>"
                .utf8)
        let article = try extract(bytes: bytes)
        #expect(article.text.hasPrefix("The “Café” on the pier reopened"))
        #expect(!article.text.contains("Ã"))
    }

    /// A byte windows-1252 leaves undefined (0x8D) in a page that declares the charset (or ISO-8859-1, which means
    /// it): one replacement character, and the rest of the page is still read.
    @Test(arguments: ["windows-1252", "ISO-8859-1"])
    func declaredLatinPageWithAnUndefinedByteIsReadToTheEnd(charset: String) throws {
        var bytes = Array("<html><head><meta charset=\"\(charset)\"></head><body><div class=\"story\"><p>The ".utf8)
        bytes += [0x93] + Array("Caf".utf8) + [0xE9, 0x94, 0x20, 0x8D]
        bytes += Array(
            " on the pier reopened on Monday after the storm, its owner said, and the ferry riders came back for coffee before the first boat at six in the morning.</p></div></body></html>"
                .utf8)
        let article = try extract(bytes: bytes)
        #expect(article.text.hasPrefix("The “Café” \u{FFFD} on the pier reopened"))
        #expect(article.text.hasSuffix("first boat at six in the morning."))
        #expect(article.warnings.isEmpty)
    }

    @Test func brokenNestingKeepsTheText() throws {
        let html = """
            <html><body><div class="post"><p>\(Self.paragraphs[0])<p>\(Self.paragraphs[1])</div></span>
            <p><b>\(Self.paragraphs[2])</p></i></body>
            """
        let article = try extract(html)
        for paragraph in Self.paragraphs { #expect(article.text.contains(paragraph), "lost: \(paragraph.prefix(30))") }
    }

    @Test func hostileDeepNestingIsCutOffNotFatal() throws {
        // 100,000 unclosed <div>s: the parser's events go 100,000 levels deep; the tree keeps 512 and the text of
        // the article before them survives.
        let html =
            "<html><body><article><p>\(Self.paragraphs[0])</p><p>\(Self.paragraphs[1])</p></article>"
            + String(repeating: "<div>", count: 100_000) + "deep text</body></html>"
        let article = try extract(html)
        #expect(article.text.contains(Self.paragraphs[0]))
        #expect(!article.text.contains("deep text"))
    }

    @Test func textSplitByAdsStaysWhole() throws {
        let html = """
            <html><body><div class="article-content">
            <p>\(Self.paragraphs[0])</p>
            <div class="ad-slot"><p>Advertisement</p><a href="https://ads.example/x">Buy ferry insurance now</a></div>
            <p>\(Self.paragraphs[1])</p>
            <aside class="related"><a href="/a">Related: ferry fares rise</a></aside>
            <p>\(Self.paragraphs[2])</p>
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Email</a></div>
            </div></body></html>
            """
        let article = try extract(html)
        #expect(article.paragraphs == Self.paragraphs)
    }

    @Test func extractIDsDropPageSuffixes() {
        #expect(Ingest.articleID(forPath: "/x/0a1b.html.gz") == "0a1b")
        #expect(Ingest.articleID(forPath: "page.htm") == "page")
        #expect(Ingest.articleID(forPath: "notes.txt") == "notes")
    }

    @Test func gzipBombIsRefused() throws {
        // 64 KiB of zeros compressed, against a 1 KiB limit.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        process.arguments = ["-c", "head -c 65536 /dev/zero | gzip -c > '\(dir)/bomb.html.gz'"]
        try process.run()
        process.waitUntilExit()
        let ingest = Ingest(configuration: IngestConfiguration(maxDecompressedBytes: 1024))
        guard case .failure(.tooLargeDecompressed(let path, let limit)) = ingest.read(dir + "/bomb.html.gz") else {
            Issue.record("expected the decompressed size to be refused")
            return
        }
        #expect(path.hasSuffix("bomb.html.gz"))
        #expect(limit == 1024)
    }

    @Test func gzipWithAWrongRecordedSizeOrTruncatedIsHandled() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let html =
            "<html><body><article><p>" + Self.paragraphs.joined(separator: "</p><p>") + "</p></article></body></html>"
        try html.write(toFile: dir + "/page.html", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // A second page appended as a second gzip member: the recorded size (the last member's) is too small for the
        // first member, so the output buffer must grow; both members are read, in order (as `zcat` reads them).
        process.arguments = [
            "-c",
            "cd '\(dir)' && gzip -c page.html > page.html.gz && echo '<p>x</p>' | gzip -c > tail.gz"
                + " && cat page.html.gz tail.gz > two.html.gz && head -c 200 page.html.gz > cut.html.gz",
        ]
        try process.run()
        process.waitUntilExit()
        let ingest = Ingest()
        guard case .success(let document) = ingest.read(dir + "/two.html.gz") else {
            Issue.record("two-member gzip not read")
            return
        }
        #expect(document.bytes == Array(html.utf8) + Array("<p>x</p>\n".utf8))
        guard case .failure(.badCompression(let path, _)) = ingest.read(dir + "/cut.html.gz") else {
            Issue.record("truncated gzip not refused")
            return
        }
        #expect(path.hasSuffix("cut.html.gz"))
    }

    /// The benchmark's 181 pages: F1 pinned at the level reached (a regression fails the build).
    @Test func benchmarkF1StaysAboveItsFloor() throws {
        let directory = Fixtures.shared + "/bench/extraction"
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/ground-truth.json"))
        let truth = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        var pages: [ExtractionScore.Page] = []
        for id in truth.keys.sorted() {
            let gold = truth[id]?["articleBody"] as? String ?? ""
            var predicted = ""
            if case .success(let document) = Ingest().read(directory + "/html/\(id).html.gz") {
                predicted = (try? Extract().article(from: document).text) ?? ""
            }
            pages.append(ExtractionScore.page(predicted: predicted, gold: gold))
        }
        let summary = ExtractionScore.summarize(pages)
        print(
            String(
                format: "extraction benchmark: precision %.4f recall %.4f F1 %.4f", summary.precision, summary.recall,
                summary.f1))
        #expect(summary.pages == 181)
        #expect(summary.f1 >= 0.96)
    }

    @Test func scorerFollowsTheBenchmarkDefinition() {
        let same = ExtractionScore.page(predicted: "one two three four five", gold: "one two three four five")
        #expect(same.tp == 1 && same.fp == 0 && same.fn == 0)
        let short = ExtractionScore.page(predicted: "a b", gold: "a b")
        #expect(short.tp == 1)
        let half = ExtractionScore.page(predicted: "w1 w2 w3 w4", gold: "w1 w2 w3 w4 w5")
        // gold shingles: (w1..w4), (w2..w5); predicted: (w1..w4) → tp 1, fn 1 → normalized 0.5 / 0.5
        #expect(half.tp == 0.5 && half.fn == 0.5 && half.fp == 0)
        #expect(ExtractionScore.tokens("Zürich's 2026_plan, café!") == ["Zürich", "s", "2026_plan", "café"])
        let summary = ExtractionScore.summarize([same, half])
        #expect(summary.precision == 1)
        #expect(abs(summary.recall - 0.75) < 1e-12)
    }
}
