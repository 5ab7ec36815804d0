import ArgumentParser
import Foundation
import Triangulate
import TriangulateStore

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add articles to a collection kept in a database, and form its stories again.",
        discussion: """
            Reads the same inputs as analyze (files and directories, text and web pages, feeds, web archives, URLs), \
            stores each article with \
            its annotations in the collection's database (a SQLite FILE, created if missing, or a postgresql:// URL), then groups the whole collection into \
            stories and stores them. An article already stored with the same id and text is left as it is, so \
            ingesting the same files again changes nothing. A summary goes to standard error.

            New articles are grouped into the stored stories: the Cluster stage's state (each article's features, \
            in the order articles were added) is kept in the database, the new articles are assigned against it, \
            and only the stories that took articles (or merged) are corroborated again. The first ingest, one that \
            changes a stored article's text, or --regroup groups the whole collection anew, as analyze does; a \
            collection grown over several ingests may group a borderline article differently from analyze of all \
            its files at once, which also revises earlier assignments.

            With --queue (PostgreSQL only) the documents are only put in the database's work queue, one job each, \
            for `triangulate worker` processes to extract, annotate, group and store.

            Exit status: 0 when the collection was updated (or already held every input), 1 when no input could be \
            read, 64 for a usage error, 74 when the database cannot be opened or written.
            """
    )

    @Option(name: .long, help: Database.help)
    var database: String

    @Argument(help: "Files or directories holding articles, or URLs of pages and feeds.")
    var paths: [String]

    @Flag(name: .shortAndLong, help: "Do not report progress or unreadable inputs on standard error.")
    var quiet = false

    @Flag(
        name: .long,
        help: "Name every article once it is stored, and every file passed over while walking directories (and why).")
    var verbose = false

    @Flag(name: .long, help: "Group the whole collection anew instead of adding to the stored stories.")
    var regroup = false

    @Flag(name: .long, help: "Only queue the documents for workers (`triangulate worker`); PostgreSQL only.")
    var queue = false

    @OptionGroup var limits: LimitOptions

    @OptionGroup var fetching: FetchOptions

    @OptionGroup var meaning: MeaningOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one file or directory to ingest.") }
        if queue && !Database.isPostgreSQL(database) {
            throw ValidationError("--queue needs a postgresql:// database: the work queue lives in PostgreSQL.")
        }
        if queue && regroup { throw ValidationError("--queue and --regroup cannot be used together.") }
    }

    func run() async throws {
        var configuration = PipelineConfiguration()
        limits.apply(to: &configuration)
        try meaning.apply(to: &configuration)
        let display = ProgressDisplay(enabled: !quiet && isatty(STDERR_FILENO) != 0)
        let (files, fetched) = await fetching.fetch(paths, configuration: &configuration)
        if queue { return try enqueue(files: files, fetched: fetched, configuration: configuration) }
        let summary: ArticleCollection.Summary
        do {
            let collection = ArticleCollection(
                store: try Database.open(database), pipeline: Pipeline(configuration: configuration),
                regroupAll: regroup)
            let verbose = self.verbose && !quiet
            summary = try collection.ingest(
                paths: files, documents: fetched.documents, failures: fetched.failures, amend: { fetched.amend(&$0) },
                progress: { display.report($0) }
            ) { ids in
                // Each id once its article is committed: what survives a crash from here on.
                if verbose { for id in ids { Terminal.error("stored \(id)") } }
            }
        } catch {
            throw FileIO.fail("\(error)")
        }
        if !quiet {
            for failure in summary.failures { Terminal.error("\(failure.origin): \(failure.reason)") }
            SkippedSummary.report(summary.skipped, verbose: verbose)
            Terminal.error(
                "\(Database.display(database)): \(summary.inserted) new, \(summary.updated) updated, \(summary.unchanged) unchanged; "
                    + "\(summary.stories) \(summary.stories == 1 ? "story" : "stories")")
        }
        if summary.inserted + summary.updated + summary.unchanged == 0 { throw ExitCode.failure }
    }
}
