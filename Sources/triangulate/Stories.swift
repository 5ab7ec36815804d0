import ArgumentParser
import Foundation
import Triangulate
import TriangulateStore

struct StoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Print the stories of a collection: the JSON contract or a Markdown brief.",
        discussion: """
            Reads the collection that ingest keeps (a SQLite FILE or a postgresql:// URL) and prints its stories, most recently updated first, \
            with the articles they hold, in the same shape as analyze (JSON: the contract of docs/JSON.md; \
            Markdown: the brief).

            Exit status: 0 on success, 64 for a usage error, 74 when the database cannot be read or the output \
            written.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown, html
    }

    @Option(name: .long, help: Database.help)
    var database: String

    @Option(
        name: .shortAndLong, help: "Output format: json, markdown or html (default: markdown on a terminal, else json)."
    )
    var format: Format?

    @Option(name: .shortAndLong, help: "Write the output to FILE instead of standard output.")
    var output: String?

    @Option(help: "At most this many stories.")
    var limit: Int = 1000

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        guard Database.isPostgreSQL(database) || FileManager.default.fileExists(atPath: database) else {
            throw FileIO.fail(
                "no database at \(database) (create one with `triangulate ingest --database \(database)`)")
        }
        let result: AnalysisResult
        do {
            result = try ArticleCollection(store: try Database.open(database)).report(limit: limit)
        } catch {
            throw FileIO.fail("\(error)")
        }
        let chosen = format ?? (output == nil && isatty(STDOUT_FILENO) != 0 ? .markdown : .json)
        let rendered: String
        switch chosen {
        case .json: rendered = JSONReport.render(result)
        case .markdown: rendered = MarkdownReport.render(result)
        case .html: rendered = HTMLReport.render(result)
        }
        if let output {
            try FileIO.write(rendered, to: output)
        } else {
            try FileIO.writeStandardOutput(rendered)
        }
    }
}
