import ArgumentParser
import Foundation
import TriangulatePostgres
import TriangulateStore

struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Show a PostgreSQL collection's work queue: jobs per state, or the failed ones with their errors.",
        discussion: """
            Prints how many jobs are queued, running, done and failed; with --failed, one line per parked job \
            (id, attempts, origin, last error), tab-separated, on standard output.

            Exit status: 0, 64 for a usage error, 74 when the database cannot be read or the output written.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The collection's postgresql:// address.", valueName: "URL"))
    var database: String

    @Flag(name: .long, help: "List the jobs parked after three failed attempts, with their errors.")
    var failed = false

    @Option(name: .long, help: ArgumentHelp("At most this many jobs listed.", valueName: "N"))
    var limit = 1000

    func validate() throws {
        if !Database.isPostgreSQL(database) {
            throw ValidationError("--database must be a postgresql:// address: the work queue lives in PostgreSQL.")
        }
        if limit < 0 { throw ValidationError("--limit must not be negative.") }
    }

    func run() throws {
        var output = ""
        do {
            let queue = WorkQueue(store: try Database.openPostgreSQL(database))
            if failed {
                for job in try queue.jobs(state: "failed", limit: limit) {
                    let error = Terminal.printable(job.error ?? "")
                    output += "\(job.id)\t\(job.attempts)\t\(Terminal.printable(job.origin))\t\(error)\n"
                }
            } else {
                let counts = try queue.counts()
                for state in ["queued", "running", "done", "failed"] { output += "\(state)\t\(counts[state] ?? 0)\n" }
            }
        } catch {
            throw FileIO.fail("\(error)")
        }
        try FileIO.writeStandardOutput(output)
    }
}
