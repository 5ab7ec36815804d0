import Foundation
import Testing

/// The served pages in a real browser: `triangulate serve` on loopback over a collection holding the five seed
/// articles and one article whose title and outlet carry markup, each page rendered by Debian's Chromium (headless)
/// to its DOM and to a PNG.
@Suite("Served pages in Chromium", .serialized)
struct ServedPagesBrowserTests {
    static let seeds = Child.root + "/../shared/seeds/ford-xiaomi"

    /// Chromium run on `url` with `arguments` (`--dump-dom`, `--screenshot=…`); its standard output.
    static func chromium(_ url: String, _ arguments: [String]) throws -> String {
        let browser = try #require(HTMLReportTests.chromium, "Chromium is not installed (make test installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]
            + arguments + [url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    @Test func theStoryPageShowsTheMatrixAndTheConflictAndHostileTextNeverRuns() throws {
        let dir = try Child.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.seeds).filter { $0.hasSuffix(".txt") }
        try #require(seeds.count == 5, "the five seed articles are in ../shared/seeds/ford-xiaomi")
        for name in seeds {
            try FileManager.default.copyItem(atPath: Self.seeds + "/" + name, toPath: input + "/" + name)
        }
        let hostile =
            "Harbor Board <script>document.body.dataset.pwned=1</script> Votes\n\n"
            + "Outlet: Tideline <img src=x onerror=\"document.body.dataset.pwned=2\">\n\n"
            + "The harbor board approved the night ferry on Tuesday by a 5-2 vote, officials said.\n\n"
            + "Board chair Lena Ortiz said the service <b onmouseover=alert(1)>would start</b> in May.\n"
        try Data(hostile.utf8).write(to: URL(fileURLWithPath: input + "/ferry.txt"))
        let database = dir + "/collection.sqlite"
        let ingested = try Child.run(["ingest", "--database", database, input, "-q"])
        try #require(ingested.status == 0, "\(ingested.stderr)")

        let server = try Running(["serve", "--database", database, "--port", "0"], stderrPath: dir + "/serve.log")
        var stopped = false
        defer { if !stopped { server.stop(SIGKILL) } }
        try #require(server.wait(for: "on http://127.0.0.1:"), "the server did not start: \(server.stderr)")
        let port = try #require(try Self.matches("on http://127\\.0\\.0\\.1:([0-9]+)", in: server.stderr).first?[1])
        let base = "http://127.0.0.1:\(port)"

        // The list links the seeds' story (five articles) and the ferry's.
        let index = try Self.chromium(base + "/", ["--dump-dom"])
        let links = try Self.matches(
            "href=\"/stories/([^\"]+)\">[^<]*</a> <span class=\"count\">([0-9]+) article", in: index)
        let seedStory = try #require(links.first { $0[2] == "5" }?[1], "no story of five articles in \(index)")
        let ferryStory = try #require(links.first { $0[2] == "1" }?[1], "no story of one article in \(index)")

        let page = try Self.chromium(base + "/stories/" + seedStory, ["--dump-dom"])
        // One matrix column per outlet (the five seed articles are five outlets), after the facts' column.
        let header = try #require(
            try Self.matches("<table class=\"matrix\">\\s*<thead><tr>(.*?)</tr></thead>", in: page).first?[1])
        #expect(header.components(separatedBy: "<th scope=\"col\">").count - 1 == 5, "\(header)")
        #expect(page.contains("class=\"corroborated\""))
        // The conflict about Xiaomi's response: denied against did not respond, side by side.
        let conflict = try Self.matches(
            "<div class=\"conflict\"><h4>([^<]*Xiaomi[^<]*)<span class=\"kind\">status</span>([\\s\\S]*?)</div></div>",
            in: page)
        let positions = try #require(conflict.first?[2], "no status conflict about Xiaomi in \(page)")
        #expect(positions.contains("Xiaomi denied it") && positions.contains("Xiaomi did not respond"))
        // Sources link to the stored copies, which the server shows.
        let article = try #require(try Self.matches("<a href=\"/articles/([^\"]+)\">", in: page).first?[1])
        let stored = try Self.chromium(base + "/articles/" + article, ["--dump-dom"])
        #expect(stored.contains("<article class=\"stored\">") && stored.contains("Ford"))

        // The hostile article: its markup is text on every page, and none of it ran.
        for path in ["/", "/stories/" + ferryStory, "/search?q=harbor"] {
            let dom = try Self.chromium(base + path, ["--dump-dom"])
            #expect(!dom.contains("pwned=\"") && !dom.contains("data-pwned"), "script ran on \(path)")
            #expect(!dom.contains("<img") && !dom.contains("<b onmouseover"), "markup became elements on \(path)")
            #expect(dom.contains("&lt;script&gt;document.body.dataset.pwned=1&lt;/script&gt;"), "\(path): \(dom)")
        }
        let ferry = try Self.chromium(base + "/stories/" + ferryStory, ["--dump-dom"])
        #expect(ferry.contains("Tideline &lt;img src=x onerror=\"document.body.dataset.pwned=2\"&gt;"))

        // The story page as a picture: a PNG of real size.
        let png = dir + "/story.png"
        _ = try Self.chromium(base + "/stories/" + seedStory, ["--window-size=1280,1600", "--screenshot=" + png])
        let picture = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(picture.starts(with: [0x89, 0x50, 0x4E, 0x47]) && picture.count > 20_000)

        // SIGTERM stops it gracefully.
        stopped = true
        #expect(server.stop(SIGTERM) == 0, "\(server.stderr)")
    }
}
