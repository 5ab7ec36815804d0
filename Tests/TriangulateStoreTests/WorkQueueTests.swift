import Foundation
import Testing
import Triangulate
import TriangulateStore

@testable import TriangulatePostgres

/// The work queue and its workers on a real PostgreSQL server.
@Suite("Work queue")
struct WorkQueueTests {
    static let seeds = StoreTests.seeds

    func queue() throws -> (TestDatabase, WorkQueue) {
        let database = try Engine.postgresql.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        return (database, WorkQueue(store: try PostgresStore(database.location)))
    }

    static func note(_ number: Int) -> Document {
        Document(
            id: "note-\(number)", origin: "note-\(number).txt",
            bytes: Array("Harbor note \(number): the ferry from Lindqvist Quay left at \(number) o'clock.".utf8))
    }

    @Test func workersTakingAtOnceNeverTakeTheSameJob() throws {
        let (database, queue) = try queue()
        defer { withExtendedLifetime(database) {} }
        let ids = try queue.enqueue((0..<60).map(Self.note))
        #expect(ids.count == 60 && Set(ids).count == 60)
        let taken = TakenJobs()
        DispatchQueue.concurrentPerform(iterations: 3) { worker in
            while let jobs = try? queue.take(worker: "w\(worker)", limit: 4, lease: 60), !jobs.isEmpty {
                taken.add(jobs.map(\.id))
            }
        }
        #expect(taken.all.count == 60)
        #expect(Set(taken.all) == Set(ids))
        #expect(try queue.counts() == ["running": 60])
    }

    @Test func aJobWhoseLeaseExpiredIsTakenAgainAndItsFirstWorkerCannotFinishIt() throws {
        let (database, queue) = try queue()
        defer { withExtendedLifetime(database) {} }
        try queue.enqueue([Self.note(1), Self.note(2)])
        let first = try queue.take(worker: "dies", limit: 10, lease: 3)
        #expect(first.map(\.attempts) == [1, 1])
        #expect(try queue.take(worker: "other", limit: 10, lease: 60).isEmpty)
        Thread.sleep(forTimeInterval: 3.3)
        let again = try queue.take(worker: "other", limit: 10, lease: 60)
        #expect(again.map(\.id) == first.map(\.id))
        #expect(again.map(\.attempts) == [2, 2])
        #expect(again.first?.document == Self.note(1))
        // The worker that lost its lease cannot mark the jobs done; the one holding them can.
        #expect(throws: StoreError.self) {
            try queue.store.transaction { store in try WorkQueue.finish(first.map(\.id), worker: "dies", in: store) }
        }
        try queue.store.transaction { store in try WorkQueue.finish(again.map(\.id), worker: "other", in: store) }
        #expect(try queue.counts() == ["done": 2])
    }

    @Test func aJobThatFailsThreeTimesIsParkedWithItsErrorAndTheRestIsIngested() throws {
        let (database, queue) = try queue()
        defer { withExtendedLifetime(database) {} }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.seeds).sorted()
            .map { Self.seeds + "/" + $0 }
        let seeds = try Ingest().documents(from: files).map { try $0.get() }
        #expect(seeds.count == 5)
        // Text Extract refuses: a page with no readable text.
        let junk = Document(
            id: "junk", origin: "junk.html", kind: .html, bytes: Array("<html><body></body></html>".utf8))
        try queue.enqueue([junk] + seeds)
        var configuration = WorkerConfiguration(name: "only")
        configuration.untilIdle = true
        configuration.idlePoll = 0.05
        let worker = Worker(store: queue.store, configuration: configuration)
        var lines: [String] = []
        let summary = try worker.run(shouldStop: { false }) { lines.append($0) }
        #expect(summary.failures == 3)
        let failed = try queue.jobs(state: "failed", limit: 10)
        #expect(failed.count == 1)
        #expect(failed.first?.origin == "junk.html" && failed.first?.attempts == 3)
        #expect(failed.first?.error?.isEmpty == false)
        #expect(try queue.counts() == ["done": 5, "failed": 1])
        #expect(lines.contains { $0.contains("junk.html") && $0.contains("attempt 3") })
        // The five seed articles form one story, as analyze forms it.
        let store = try database.open()
        let stories = try store.stories(limit: 10, offset: 0)
        let direct = Pipeline().analyze(paths: [Self.seeds])
        #expect(Set(stories.map { Set($0.articles) }) == Set(direct.stories.map { Set($0.articles) }))
        #expect(stories.count == 1 && stories.first?.articles.count == 5)
    }
}

final class TakenJobs: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var all: [Int] = []
    func add(_ ids: [Int]) {
        lock.lock()
        all += ids
        lock.unlock()
    }
}

/// Two workers assigning articles of one event at the same moment: the grouping lock makes them take turns, so the
/// event gets one story, without the idle regrouping to repair it.
@Suite("Concurrent workers")
struct ConcurrentWorkerTests {
    @Test func twoWorkersAtOnceNeverStartTwoStoriesForOneEvent() throws {
        let database = try Engine.postgresql.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let store = try PostgresStore(database.location)
        let seeds = WorkQueueTests.seeds
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds).sorted().map { seeds + "/" + $0 }
        try WorkQueue(store: store).enqueue(try Ingest().documents(from: files).map { try $0.get() })
        let summaries = Summaries()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            var configuration = WorkerConfiguration(name: "w\(index)")
            configuration.batchSize = 1
            configuration.untilIdle = true
            configuration.reviseWhenIdle = false
            configuration.idlePoll = 0.05
            let worker = Worker(store: store, configuration: configuration)
            summaries.add(try? worker.run(shouldStop: { false }) { _ in })
        }
        #expect(summaries.jobs == 5)
        let stories = try store.stories(limit: 10, offset: 0)
        #expect(stories.count == 1, "\(stories.map(\.articles))")
        #expect(stories.first?.articles.count == 5)
    }
}

extension ConcurrentWorkerTests {
    /// The same for two writers that are not workers (two `ingest`s, or `serve` beside one): each write of the
    /// collection is one transaction under the grouping lock.
    @Test func twoCollectionsAddingAtOnceNeverStartTwoStoriesForOneEvent() throws {
        let database = try Engine.postgresql.makeDatabase()
        defer { withExtendedLifetime(database) {} }
        let store = try PostgresStore(database.location)
        let seeds = WorkQueueTests.seeds
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds).sorted().map { seeds + "/" + $0 }
        let documents = try Ingest().documents(from: files).map { try $0.get() }
        let failures = Summaries()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let collection = ArticleCollection(store: store)
            for (index, document) in documents.enumerated() where index % 2 == half {
                do { _ = try collection.add(documents: [document]) } catch { failures.add(nil) }
            }
        }
        #expect(failures.jobs == 0)
        let stories = try store.stories(limit: 10, offset: 0)
        #expect(stories.count == 1 && stories.first?.articles.count == 5, "\(stories.map(\.articles))")
    }
}

final class Summaries: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var jobs = 0
    func add(_ summary: WorkerSummary?) {
        lock.lock()
        jobs += summary?.jobs ?? -100
        lock.unlock()
    }
}
