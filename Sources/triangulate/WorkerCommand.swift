import ArgumentParser
import Dispatch
import Foundation
import Triangulate
import TriangulatePostgres
import TriangulateStore

struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Take queued documents from a PostgreSQL collection and ingest them; run as many as you like.",
        discussion: """
            Takes jobs that `ingest --queue` put in the database's work queue (FOR UPDATE SKIP LOCKED: no two workers \
            take one job), --batch-size at a time, each leased for --lease seconds. Extracts and annotates them, then \
            in one transaction stores the articles, groups them into the stored stories (one worker at a time for \
            this step), writes the stories that changed and marks the jobs done. Jobs of a worker that died are taken \
            again once their lease expires; a job tried three times without success is parked with its error \
            (`triangulate jobs --failed`). When the queue is idle, one worker groups the whole collection anew, as \
            analyze does, if stories were written since the last time (online assignment in batches skips the \
            revision passes; --no-revise turns this off). SIGTERM or SIGINT stops the worker after the batch under way.

            Exit status: 0 after a stop or, with --until-idle, once no job is queued or running; 1 when the last \
            regrouping of the whole collection failed; 64 for a usage error, 74 when the database cannot be opened \
            or written, or when the store refused three jobs in a row.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The collection's postgresql:// address.", valueName: "URL"))
    var database: String

    @Flag(name: .long, help: "Exit once no job is queued or running, instead of waiting for more.")
    var untilIdle = false

    @Flag(
        name: .long,
        help:
            "Never group the whole collection anew when the queue is idle (by default a worker does, once per idle spell with new stories)."
    )
    var noRevise = false

    @Option(name: .long, help: ArgumentHelp("Jobs taken at once.", valueName: "N"))
    var batchSize = 16

    @Option(name: .long, help: ArgumentHelp("Seconds a taken job stays this worker's.", valueName: "SECONDS"))
    var lease: Double = 120

    @Option(name: .long, help: ArgumentHelp("This worker's name in the queue (default host:pid).", valueName: "NAME"))
    var name: String?

    @Flag(name: .shortAndLong, help: "Report nothing but errors on standard error.")
    var quiet = false

    @Flag(name: .long, help: "One line per batch and per failed job on standard error.")
    var verbose = false

    @OptionGroup var limits: LimitOptions

    @OptionGroup var meaning: MeaningOptions

    func validate() throws {
        if !Database.isPostgreSQL(database) {
            throw ValidationError("--database must be a postgresql:// address: the work queue lives in PostgreSQL.")
        }
        if !(1...1000).contains(batchSize) { throw ValidationError("--batch-size must be from 1 to 1000.") }
        if !(1...86_400).contains(lease) { throw ValidationError("--lease must be from 1 to 86400 seconds.") }
    }

    func run() throws {
        var pipeline = PipelineConfiguration()
        limits.apply(to: &pipeline)
        try meaning.apply(to: &pipeline)
        var settings = WorkerConfiguration(name: name ?? WorkerConfiguration.defaultName)
        settings.batchSize = batchSize
        settings.lease = lease
        settings.untilIdle = untilIdle
        settings.reviseWhenIdle = !noRevise
        let stop = StopRequest()
        stop.install(on: [SIGTERM, SIGINT])
        let summary: WorkerSummary
        do {
            let worker = Worker(
                store: try Database.openPostgreSQL(database), pipeline: Pipeline(configuration: pipeline),
                configuration: settings)
            let verbose = self.verbose && !quiet
            summary = try worker.run(shouldStop: { stop.requested }) { line in
                if verbose { Terminal.error("\(settings.name): \(line)") }
            }
        } catch {
            throw FileIO.fail("\(error)")
        }
        if !quiet {
            Terminal.error(
                "\(settings.name): \(summary.jobs) jobs, \(summary.articles) articles stored, \(summary.failures) failed"
                    + String(
                        format: "; waited %.2f s for the grouping lock, held it %.2f s, busy %.2f s",
                        summary.lockWait, summary.lockHeld, summary.busy))
        }
        if let failure = summary.reviseError {
            Terminal.error("\(settings.name): regrouping the whole collection failed: \(failure)")
            throw ExitCode.failure
        }
    }
}

/// Set once SIGTERM or SIGINT arrives; the worker checks it between batches.
final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private var sources: [any DispatchSourceSignal] = []

    var requested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }

    func install(on signals: [Int32]) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                lock.lock()
                flag = true
                lock.unlock()
            }
            source.resume()
            sources.append(source)
        }
    }
}
