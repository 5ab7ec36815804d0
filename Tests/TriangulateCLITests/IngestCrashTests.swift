import Foundation
import Testing
import TriangulateStore

/// `kill -9` of `ingest` mid-batch: the database opens, every article the ingest reported stored is there, no
/// story is half written, and the next ingest of the same files ends where an uninterrupted one would.
@Suite("Ingest killed mid-batch", .serialized)
struct IngestCrashTests {
    /// `count` invented articles, three outlets per made-up event, words from syllables so events share none.
    static func writeArticles(_ count: Int, into directory: String) throws {
        let syllables = ["ka", "lo", "mi", "ne", "pu", "ra", "si", "tu", "ve", "zo"]
        func word(_ n: Int) -> String {
            (syllables[n % 10] + syllables[(n / 10) % 10] + syllables[(n / 100) % 10] + "n").capitalized
        }
        for index in 0..<count {
            let event = index / 3
            let names = (0..<8).map { word(event * 8 + $0) }
            let text =
                "\(names[0]) \(names[1]) Opens in \(names[2])\n\nOutlet: Outlet \(index % 3)\n\n"
                + "The \(names[3]) bridge in \(names[2]) opened on Monday after \(event + 2) years of work, said "
                + "mayor \(names[4]) \(names[5]).\n\n"
                + "It cost \(event * 3 + 10) million and carries the \(names[6]) line to \(names[7]).\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/article-\(index).txt"))
        }
    }

    @Test func aKilledIngestKeepsWhatItReportedAndNoHalfStory() throws {
        let dir = try Child.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try Self.writeArticles(300, into: input)
        let database = dir + "/collection.sqlite"

        let ingest = try Running(
            ["ingest", "--database", database, input, "--verbose"], stderrPath: dir + "/ingest.log")
        try #require(ingest.wait(for: "triangulate: stored "), "ingest reported nothing stored: \(ingest.stderr)")
        #expect(ingest.stop(SIGKILL) == nil, "ingest ended before it was killed: \(ingest.stderr)")
        let reported = ingest.stderr.split(separator: "\n").compactMap { line in
            line.hasPrefix("triangulate: stored ") ? String(line.dropFirst("triangulate: stored ".count)) : nil
        }
        try #require(!reported.isEmpty)

        let store = try SQLiteStore(path: database)
        let kept = Set(try store.articles(ids: reported).map(\.article.id))
        #expect(kept == Set(reported), "reported stored but missing: \(Set(reported).subtracting(kept).sorted())")
        // Every stored story reads back whole, and holds only stored articles.
        let counts = try store.counts()
        let stories = try store.stories(limit: .max, offset: 0)
        #expect(stories.count == counts.stories)
        for story in stories {
            #expect(try store.articles(ids: story.articles).count == story.articles.count, "\(story.id)")
        }

        // The same files again: the stories an uninterrupted ingest (and analyze) gives.
        let again = try Child.run(["ingest", "--database", database, input, "-q"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try store.articlesWithoutStory() == 0)
        let stored = try Child.run(["stories", "--database", database, "--format", "json"])
        let analyzed = try Child.run(["analyze", input, "--format", "json", "-q"])
        #expect(stored.status == 0 && analyzed.status == 0)
        #expect(stored.stdout == analyzed.stdout)
        #expect(stored.stdout.contains("\"stories\""))
    }
}
