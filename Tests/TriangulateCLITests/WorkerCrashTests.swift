import Foundation
import Testing
import Triangulate
import TriangulateStore

import TriangulatePostgres

/// Workers on a real PostgreSQL server (the one `make test` starts): 300 queued articles, two workers, one killed
/// with SIGKILL mid-run, a third started after: every article stored once, every job done once, no article in two
/// stories, and the five seed articles in one story.
@Suite("Workers on PostgreSQL", .serialized)
struct WorkerCrashTests {
    static let seeds = Child.root + "/../shared/seeds/ford-xiaomi"

    /// A new database on the test server, dropped when released.
    static func makeDatabase() throws -> PostgresAdmin.ScratchDatabase {
        guard let server = ProcessInfo.processInfo.environment["TRIANGULATE_TEST_POSTGRES"], !server.isEmpty else {
            throw StoreError.cannotOpen(path: "TRIANGULATE_TEST_POSTGRES", reason: "not set: run `make test`")
        }
        return try PostgresAdmin.ScratchDatabase(server: server, prefix: "w")
    }

    @Test func aWorkerKilledMidRunLosesNothingAndDuplicatesNothing() throws {
        let dir = try Child.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try IngestCrashTests.writeArticles(295, into: input)
        let seedFiles = try FileManager.default.contentsOfDirectory(atPath: Self.seeds).sorted()
        for file in seedFiles {
            try FileManager.default.copyItem(atPath: Self.seeds + "/" + file, toPath: input + "/" + file)
        }
        let scratch = try Self.makeDatabase()
        defer { withExtendedLifetime(scratch) {} }
        let url = scratch.address

        let queued = try Child.run(["ingest", "--queue", "--database", url, input])
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(queued.stderr.contains("300 queued"), "\(queued.stderr)")
        // The password in the address is never shown.
        let password = try #require(try DatabaseURL(url).password)
        #expect(!queued.stderr.contains(password))

        let common = ["worker", "--database", url, "--batch-size", "8", "--lease", "6", "--verbose"]
        let first = try Running(common + ["--name", "first"], stderrPath: dir + "/first.log")
        let second = try Running(common + ["--name", "second", "--until-idle"], stderrPath: dir + "/second.log")
        try #require(first.wait(for: "jobs done", timeout: 120), "first worker did no batch: \(first.stderr)")
        // Killed while it holds a batch: after it took one and before it finished it.
        let start = Date()
        while Date().timeIntervalSince(start) < 60 {
            let log = first.stderr
            if log.components(separatedBy: ": took ").count > log.components(separatedBy: " jobs done").count { break }
            usleep(1000)
        }
        #expect(first.stop(SIGKILL) == nil, "the first worker ended before it was killed: \(first.stderr)")
        let third = try Running(common + ["--name", "third", "--until-idle"], stderrPath: dir + "/third.log")
        // Signal 0 only waits: both end by themselves once the queue is empty.
        #expect(second.stop(0, timeout: 300) == 0, "\(second.stderr)")
        #expect(third.stop(0, timeout: 300) == 0, "\(third.stderr)")

        let jobs = try Child.run(["jobs", "--database", url])
        #expect(jobs.stdout == "queued\t0\nrunning\t0\ndone\t300\nfailed\t0\n", "\(jobs.stdout)\(jobs.stderr)")
        let store = try PostgresStore(url)
        #expect(try store.counts().articles == 300)
        let stories = try store.stories(limit: .max, offset: 0)
        let held = stories.flatMap(\.articles)
        #expect(held.count == 300 && Set(held).count == 300, "an article is in two stories or in none")
        let seedIDs = Set(seedFiles.map(Ingest.articleID(forPath:)))
        #expect(stories.contains { Set($0.articles).isSuperset(of: seedIDs) }, "the seeds are split")
        #expect(try store.articlesWithoutStory() == 0)
        // The killed worker held a batch: its jobs were taken again after their lease expired.
        let retaken = try WorkQueue(store: store).jobs(state: "done", limit: 1000).filter { $0.attempts > 1 }
        #expect(
            !retaken.isEmpty,
            "no job was taken over from the killed worker: \(first.stderr)\n\(second.stderr)\n\(third.stderr)")
        #expect(second.stderr.contains("jobs done") || third.stderr.contains("jobs done"))
    }

    @Test func anIdleWorkerStopsGracefullyOnSIGTERM() throws {
        let dir = try Child.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scratch = try Self.makeDatabase()
        defer { withExtendedLifetime(scratch) {} }
        let url = scratch.address
        let worker = try Running(
            ["worker", "--database", url, "--name", "idle", "--verbose"], stderrPath: dir + "/idle.log")
        try #require(worker.wait(for: "idle: started"), "\(worker.stderr)")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(worker.stop(SIGTERM) == 0, "\(worker.stderr)")
        #expect(worker.stderr.contains("idle: 0 jobs"), "\(worker.stderr)")
        // ingest and stories take the address too; the password never shows.
        let ingest = try Child.run(["ingest", "--database", url, Self.seeds])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let password = try #require(try DatabaseURL(url).password)
        #expect(ingest.stderr.contains("5 new") && !ingest.stderr.contains(password), "\(ingest.stderr)")
        let stories = try Child.run(["stories", "--database", url, "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(stories.stdout.utf8)) as? [String: Any]
        let listed = try #require(parsed?["stories"] as? [[String: Any]], "\(stories.stderr)")
        #expect(listed.count == 1 && (listed.first?["articles"] as? [String])?.count == 5)
        // And a file is not a queue.
        let refused = try Child.run(["worker", "--database", dir + "/collection.sqlite"])
        #expect(refused.status == 64)
    }
}
