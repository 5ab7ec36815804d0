import Foundation
import PostgresNIO
import Triangulate
import TriangulateStore

/// A document waiting in the queue, as a worker takes it.
public struct Job: Sendable, Hashable {
    public var id: Int
    public var document: Document
    /// How many times it has been taken, this time included.
    public var attempts: Int
}

/// A job as `triangulate jobs` lists it.
public struct JobSummary: Sendable, Hashable {
    public var id: Int
    public var origin: String
    public var state: String
    public var attempts: Int
    public var error: String?
}

/// The work queue in PostgreSQL (`job` table): `ingest --queue` enqueues documents, workers take them with
/// `FOR UPDATE SKIP LOCKED` (two workers never take one job), each under a lease. A worker that dies leaves its jobs
/// leased; once the lease has expired they are taken again. A job taken `maximumAttempts` times without being
/// finished is parked as `failed` with its last error.
public struct WorkQueue: Sendable {
    public let store: PostgresStore
    public static let maximumAttempts = 3

    public init(store: PostgresStore) {
        self.store = store
    }

    /// Adds documents to the queue, in one transaction; returns their job ids in order.
    @discardableResult
    public func enqueue(_ documents: [Document]) throws(StoreError) -> [Int] {
        try store.write("queue documents") { session in
            try documents.map { document in
                try session.scalar(
                    """
                    INSERT INTO job ("documentID", origin, kind, body, state)
                    VALUES (\(document.id), \(document.origin), \(document.kind.rawValue), \(Data(document.bytes)),
                        'queued')
                    RETURNING id
                    """, as: Int.self) ?? 0
            }
        }
    }

    /// Takes up to `limit` jobs for `worker`, leased for `lease` seconds: queued ones first by id, and running ones
    /// whose lease expired (their worker died). Jobs that expired after their last allowed attempt are parked first.
    public func take(worker: String, limit: Int, lease: Double) throws(StoreError) -> [Job] {
        try store.write("take jobs") { session in
            try session.execute(
                """
                UPDATE job SET state = 'failed', finished = now(),
                    error = coalesce(error || '; ', '') || 'its worker stopped before finishing it (lease expired)'
                WHERE id IN (
                    SELECT id FROM job
                    WHERE state = 'running' AND "leaseUntil" < now() AND attempts >= \(Self.maximumAttempts)
                    ORDER BY id FOR UPDATE SKIP LOCKED)
                """)
            return try session.query(
                """
                WITH taken AS (
                    SELECT id FROM job
                    WHERE state = 'queued' OR (state = 'running' AND "leaseUntil" < now())
                    ORDER BY id LIMIT \(max(1, limit)) FOR UPDATE SKIP LOCKED)
                UPDATE job SET state = 'running', attempts = job.attempts + 1, worker = \(worker),
                    "leaseUntil" = now() + make_interval(secs => \(max(1, lease)))
                FROM taken WHERE job.id = taken.id
                RETURNING job.id, job."documentID", job.origin, job.kind, job.body, job.attempts
                """
            ).map { row in
                let (id, documentID, origin, kind, body, attempts) = try row.decode(
                    (Int, String, String, String, Data, Int).self)
                let document = Document(
                    id: documentID, origin: origin, kind: Document.Kind(rawValue: kind) ?? .text, bytes: Array(body))
                return Job(id: id, document: document, attempts: attempts)
            }.sorted { $0.id < $1.id }
        }
    }

    /// Marks `jobs` done, inside the transaction of `store` (a `PostgresStore.transaction` store). Throws when
    /// `worker` no longer holds one of them (its lease expired and another worker took it): the caller's
    /// transaction must then roll back, so that the other worker's result is the one kept.
    public static func finish(_ ids: [Int], worker: String, in store: PostgresStore) throws(StoreError) {
        guard !ids.isEmpty else { return }
        try store.write("finish jobs") { session in
            let finished = try session.query(
                """
                UPDATE job SET state = 'done', finished = now(), "leaseUntil" = NULL
                WHERE id = ANY(\(ids)) AND worker = \(worker) AND state = 'running' RETURNING id
                """
            ).count
            if finished != ids.count {
                throw StoreError.failed(
                    operation: "finish jobs",
                    reason: "\(ids.count - finished) of \(ids.count) jobs were taken over after their lease expired")
            }
        }
    }

    /// Renews the leases of `ids` from now, inside the transaction of `store`, and returns how many `worker` still
    /// holds. The renewed rows stay locked until that transaction ends, so no other worker takes them meanwhile.
    public static func renew(
        _ ids: [Int], worker: String, lease: Double, in store: PostgresStore
    ) throws(StoreError)
        -> Int
    {
        guard !ids.isEmpty else { return 0 }
        return try store.write("renew leases") { session in
            try session.query(
                """
                UPDATE job SET "leaseUntil" = clock_timestamp() + make_interval(secs => \(max(1, lease)))
                WHERE id = ANY(\(ids)) AND worker = \(worker) AND state = 'running' RETURNING id
                """
            ).count
        }
    }

    /// Records a failed attempt: the job is queued again with its error, or parked as `failed` after its last
    /// allowed attempt.
    public func fail(_ id: Int, worker: String, error: String) throws(StoreError) {
        try store.write("record a failed job") { session in
            try session.execute(
                """
                UPDATE job SET error = \(error), worker = NULL, "leaseUntil" = NULL,
                    state = CASE WHEN attempts >= \(Self.maximumAttempts) THEN 'failed' ELSE 'queued' END,
                    finished = CASE WHEN attempts >= \(Self.maximumAttempts) THEN now() ELSE NULL END
                WHERE id = \(id) AND worker = \(worker) AND state = 'running'
                """)
        }
    }

    /// Gives jobs `worker` still holds back to the queue without counting the attempt (a batch dropped because some
    /// of its jobs were taken over: the others were not at fault).
    public func release(_ ids: [Int], worker: String) throws(StoreError) {
        guard !ids.isEmpty else { return }
        try store.write("release jobs") { session in
            try session.execute(
                """
                UPDATE job SET state = 'queued', worker = NULL, "leaseUntil" = NULL, attempts = attempts - 1
                WHERE id = ANY(\(ids)) AND worker = \(worker) AND state = 'running'
                """)
        }
    }

    /// How many jobs are queued or running (through the partial index over those two states: done jobs, however
    /// many, are not read).
    public func waiting() throws(StoreError) -> Int {
        try store.read("count waiting jobs") { session in
            try session.scalar("SELECT COUNT(*) FROM job WHERE state IN ('queued', 'running')", as: Int.self) ?? 0
        }
    }

    /// How many jobs are in each state.
    public func counts() throws(StoreError) -> [String: Int] {
        try store.read("count jobs") { session in
            var counts: [String: Int] = [:]
            for row in try session.query("SELECT state, COUNT(*) FROM job GROUP BY state") {
                let (state, count) = try row.decode((String, Int).self)
                counts[state] = count
            }
            return counts
        }
    }

    /// Jobs in `state` (all states when nil), by id, at most `limit`.
    public func jobs(state: String?, limit: Int) throws(StoreError) -> [JobSummary] {
        try store.read("list jobs") { session in
            try session.query(
                """
                SELECT id, origin, state, attempts, error FROM job
                WHERE \(state) IS NULL OR state = \(state) ORDER BY id LIMIT \(max(0, limit))
                """
            ).map { row in
                let (id, origin, state, attempts, error) = try row.decode((Int, String, String, Int, String?).self)
                return JobSummary(id: id, origin: origin, state: state, attempts: attempts, error: error)
            }
        }
    }
}
