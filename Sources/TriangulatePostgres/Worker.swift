import Foundation
import PostgresNIO
import Triangulate
import TriangulateStore

/// How a worker takes and runs jobs; the defaults in one place.
public struct WorkerConfiguration: Sendable, Hashable {
    /// The worker's name in the queue (which worker holds which job).
    public var name: String
    /// Jobs taken at once: one extraction batch and one grouping transaction.
    public var batchSize = 16
    /// Seconds a taken job stays this worker's; a worker that dies loses its jobs to others after this.
    public var lease: Double = 120
    /// Seconds between looks at an empty queue.
    public var idlePoll: Double = 0.5
    /// Stop once no job is queued or running anywhere, instead of waiting for more.
    public var untilIdle = false
    /// When the queue is idle, group the whole collection anew if stories were written since the last time
    /// (online assignment in batches leaves out the revision passes `analyze` runs).
    public var reviseWhenIdle = true

    public init(name: String = WorkerConfiguration.defaultName) {
        self.name = name
    }

    public static var defaultName: String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }
}

/// What one worker did.
public struct WorkerSummary: Sendable, Hashable {
    public var jobs = 0
    public var articles = 0
    public var failures = 0
    /// Batches whose result was dropped because their lease was taken over.
    public var lostBatches = 0
    /// The last failure of the idle regrouping, if it failed.
    public var reviseError: String?
    /// Seconds spent waiting for the grouping lock held by other workers.
    public var lockWait: Double = 0
    /// Seconds holding it (storing, grouping, corroborating, writing stories).
    public var lockHeld: Double = 0
    public var busy: Double = 0
}

/// A worker process's loop: take a batch of jobs, extract and annotate them (in parallel with other workers), then in
/// one transaction take the grouping lock, store the articles, group them into the stored stories, write the stories
/// that changed and mark the jobs done. The grouping lock is a transaction-scoped advisory lock: assigning articles to
/// stories reads the whole candidate index, so two workers grouping at once could each start a story for one event;
/// with the lock they take turns for that step only (see docs/scaling.md).
public final class Worker: @unchecked Sendable {
    public let queue: WorkQueue
    public let pipeline: Pipeline
    public let configuration: WorkerConfiguration
    private let cache = GroupingCache()
    /// Jobs the store refused one after another, each alone.
    private var refusedInARow = 0

    public init(store: PostgresStore, pipeline: Pipeline = Pipeline(), configuration: WorkerConfiguration) {
        queue = WorkQueue(store: store)
        self.pipeline = pipeline
        self.configuration = configuration
    }

    /// Runs until `shouldStop` says so (checked between batches: a batch under way is finished) or, with
    /// `untilIdle`, until the queue is empty. `report` hears one line per batch and per failed job. A batch the
    /// store refuses is retried one job at a time, and a job it refuses fails with the store's error; three jobs
    /// refused in a row, a stored document that does not decode, or an error of the queue itself (the server gone)
    /// end the run: those are the store's faults, not the jobs'.
    public func run(shouldStop: @Sendable () -> Bool, report: (String) -> Void) throws(StoreError) -> WorkerSummary {
        var summary = WorkerSummary()
        var reviseFailed = false
        report("started")
        while !shouldStop() {
            let jobs = try queue.take(
                worker: configuration.name, limit: configuration.batchSize, lease: configuration.lease)
            if jobs.isEmpty {
                let idle = try isIdle()
                if idle && configuration.reviseWhenIdle && !reviseFailed {
                    do {
                        if try revise() { report("regrouped the whole collection") }
                        summary.reviseError = nil
                    } catch {
                        // Not again until a batch has been written: the same failure would follow.
                        reviseFailed = true
                        summary.reviseError = "\(error)"
                        report("regrouping the whole collection failed: \(error)")
                    }
                }
                if configuration.untilIdle && idle { break }
                Thread.sleep(forTimeInterval: configuration.idlePoll)
                continue
            }
            report("took \(jobs.count) jobs (\(jobs.map { String($0.id) }.joined(separator: " ")))")
            let started = Date()
            if try process(jobs, into: &summary, report: report) { reviseFailed = false }
            summary.busy += Date().timeIntervalSince(started)
        }
        return summary
    }

    /// Groups the whole collection anew under the grouping lock when stories were written since the last such
    /// regrouping; false when there was nothing to do (or another worker did it).
    private func revise() throws(StoreError) -> Bool {
        // Checked first without the lock (idle workers poll): the newest story write against the last regrouping's.
        let (revised, newest) = try queue.store.read("read the last regrouping") { session in
            (
                try session.scalar(#"SELECT "storySequence" FROM "groupingRevision" WHERE id = 1"#, as: Int.self),
                try session.scalar("SELECT MAX(sequence) FROM story", as: Int.self) ?? 0
            )
        }
        if newest == 0 || revised == newest { return false }
        return try queue.store.transaction { transaction in
            try transaction.write("take the grouping lock") { session in
                try session.execute("SELECT pg_advisory_xact_lock(\(PostgresStore.groupingLockKey))")
            }
            let revised = try transaction.read("read the last regrouping") { session in
                try session.scalar(#"SELECT "storySequence" FROM "groupingRevision" WHERE id = 1"#, as: Int.self)
            }
            let current = try transaction.clusterStateVersion().storySequence
            if current == 0 || revised == current { return false }
            try ArticleCollection(store: transaction, pipeline: pipeline).regroupEverything()
            let after = try transaction.clusterStateVersion().storySequence
            try transaction.write("record the regrouping") { session in
                try session.execute(
                    #"""
                    INSERT INTO "groupingRevision" (id, "storySequence") VALUES (1, \#(after))
                    ON CONFLICT (id) DO UPDATE SET "storySequence" = excluded."storySequence"
                    """#)
            }
            cache.invalidate()
            return true
        }
    }

    /// No job queued, and none running (a running job of a dead worker is taken again once its lease expires, so
    /// an idle worker waits for it).
    private func isIdle() throws(StoreError) -> Bool {
        try queue.waiting() == 0
    }

    /// Analyzes and commits a batch; true when something was committed.
    @discardableResult
    private func process(
        _ jobs: [Job], into summary: inout WorkerSummary, report: (String) -> Void
    )
        throws(StoreError) -> Bool
    {
        let analyzed = pipeline.analyzeArticles(paths: [], documents: jobs.map(\.document))
        // A failure names its document's origin: the jobs of those origins failed this attempt.
        let failedOrigins = Dictionary(
            analyzed.failures.map { ($0.origin, $0.reason) }, uniquingKeysWith: { first, _ in first })
        let failed = jobs.filter { failedOrigins[$0.document.origin] != nil }
        let succeeded = jobs.filter { failedOrigins[$0.document.origin] == nil }
        var good = analyzed
        good.failures = []
        let timing: (waited: Double, held: Double)
        do {
            timing = try commit(good, jobs: succeeded)
            refusedInARow = 0
        } catch {
            try handle(error, jobs: jobs, into: &summary, report: report)
            return false
        }
        summary.lockWait += timing.waited
        summary.lockHeld += timing.held
        for job in failed {
            let reason = failedOrigins[job.document.origin] ?? "failed"
            try queue.fail(job.id, worker: configuration.name, error: reason)
            report("job \(job.id) (\(job.document.origin)), attempt \(job.attempts): \(reason)")
        }
        summary.jobs += jobs.count
        summary.failures += failed.count
        summary.articles += good.articles.count
        report("\(succeeded.count) jobs done, \(good.articles.count) articles stored")
        return true
    }

    /// A batch that was not committed: taken over (the jobs still held go back to the queue, their attempt not
    /// counted), or refused by the store (retried one job at a time; a job refused alone fails with the error).
    private func handle(
        _ error: WorkerError, jobs: [Job], into summary: inout WorkerSummary, report: (String) -> Void
    ) throws(StoreError) {
        switch error {
        case .leaseLost(let reason):
            summary.lostBatches += 1
            try queue.release(jobs.map(\.id), worker: configuration.name)
            report("batch of \(jobs.count) jobs dropped: \(reason)")
        case .store(let error):
            if case .corrupt = error { throw error }
            if jobs.count > 1 {
                report("batch of \(jobs.count) jobs refused (\(error)); one at a time")
                for job in jobs { try process([job], into: &summary, report: report) }
                return
            }
            refusedInARow += 1
            if refusedInARow >= 3 {
                throw .failed(operation: "ingest jobs", reason: "three jobs in a row were refused; the last: \(error)")
            }
            try queue.fail(jobs[0].id, worker: configuration.name, error: "\(error)")
            summary.jobs += 1
            summary.failures += 1
            report("job \(jobs[0].id) (\(jobs[0].document.origin)), attempt \(jobs[0].attempts): \(error)")
        }
    }

    /// One transaction: the jobs' leases renewed first (their rows then stay locked until commit, and `take` skips
    /// locked rows, so no other worker takes them over while this one waits for the lock or works), the grouping
    /// lock, the articles stored and grouped, the jobs marked done. Returns the seconds spent waiting for the lock
    /// and holding it.
    private func commit(_ analyzed: AnalysisResult, jobs: [Job]) throws(WorkerError) -> (waited: Double, held: Double) {
        var waited = 0.0
        var held = 0.0
        var lost: String?
        let ids = jobs.map(\.id)
        do {
            try queue.store.transaction { transaction in
                let renewed = try WorkQueue.renew(
                    ids, worker: configuration.name, lease: configuration.lease, in: transaction)
                if renewed != ids.count {
                    lost = "\(ids.count - renewed) of \(ids.count) jobs were taken over after their lease expired"
                    throw StoreError.failed(operation: "renew leases", reason: lost ?? "")
                }
                let asked = Date()
                try transaction.write("take the grouping lock") { session in
                    try session.execute("SELECT pg_advisory_xact_lock(\(PostgresStore.groupingLockKey))")
                }
                let locked = Date()
                waited = locked.timeIntervalSince(asked)
                _ = try ArticleCollection(store: transaction, pipeline: pipeline).add(analyzed: analyzed, cache: cache)
                try WorkQueue.finish(ids, worker: configuration.name, in: transaction)
                held = Date().timeIntervalSince(locked)
            }
        } catch {
            cache.invalidate()
            if let lost { throw .leaseLost(lost) }
            throw .store(error)
        }
        return (waited, held)
    }
}

/// Why a batch was not committed.
enum WorkerError: Error {
    /// Another worker holds some of its jobs now: its result is the one kept.
    case leaseLost(String)
    case store(StoreError)
}
