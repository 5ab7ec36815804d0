import ArgumentParser
import Foundation
import Triangulate

struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group a stream of articles (JSON lines) into stories.",
        discussion: """
            Reads JSON lines {"id", "text", "title"?, "published"?} (other members are ignored) from FILE or \
            standard input, and writes one line {"id", "story"} per input line, in input order; a story is named \
            by the id of its first article. Articles are assigned online, in input order: each joins the most similar story of the last days \
            or starts a new one, so a story keeps its name as the stream grows (two stories that converge take the \
            older name). At the end of the input, the stories still in the window are revised: a story whose articles \
            fall into two dissimilar groups is split, and an article closer to another story moves there. \
            A line that cannot be read gives {"line", "error"} in its place and the rest goes on.

            Exit status: 0 when at least one article was clustered, 1 when none was, 64 for a usage error, 74 when the input or output cannot be read or written.
            """
    )

    @Option(name: .shortAndLong, help: "Read JSON lines from FILE instead of standard input.")
    var input: String?

    @Option(name: .shortAndLong, help: "Write the output to FILE instead of standard output.")
    var output: String?

    @Option(help: "Also write near-duplicates (copies, wire text, light rewrites) as JSON lines to FILE.")
    var lineage: String?

    @Flag(name: .shortAndLong, help: "Do not report unreadable lines on standard error.")
    var quiet = false

    func run() throws {
        let source = input ?? "stdin"
        let report = !quiet
        var clustering = JSONLinesClustering { description in
            if report { Terminal.error("\(source): \(description)") }
        }
        try FileIO.readChunks(input) { clustering.consume($0) }
        let (assignments, edges) = clustering.finish()
        if let output {
            try FileIO.write(assignments, to: output)
        } else {
            try FileIO.writeStandardOutput(assignments)
        }
        if let lineage { try FileIO.write(edges, to: lineage) }
        if clustering.articleCount == 0 { throw ExitCode.failure }
    }
}
