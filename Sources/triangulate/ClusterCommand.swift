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

            Exit status: 0 when at least one article was clustered, 1 when none was, 64 for a usage error.
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

    /// Articles handed to the clusterer at a time (features are computed on all cores within a batch).
    static let batchSize = 4096

    func run() throws {
        let handle: FileHandle
        if let input {
            guard let file = FileHandle(forReadingAtPath: input) else {
                throw ValidationError("cannot read \(input): no such file or no access")
            }
            handle = file
        } else {
            handle = FileHandle.standardInput
        }
        let session = ClusterSession()
        var ids: [String] = []  // per article, in order
        var slots: [Int?] = []  // per input line: its article, or nil for an unreadable line
        var errors: [Int: String] = [:]
        var batch: [ClusterItem] = []
        var pending: [UInt8] = []
        var lineNumber = 0
        func consume(_ bytes: [UInt8]) {
            JSONLines.forEachLine(in: bytes) { line, _ in
                lineNumber += 1
                do throws(JSONLines.Failure) {
                    let item = try ClusterItem.parse(line: line, number: lineNumber)
                    ids.append(item.id)
                    slots.append(ids.count - 1)
                    batch.append(item)
                    if batch.count >= Self.batchSize {
                        session.add(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                } catch {
                    slots.append(nil)
                    errors[slots.count - 1] = error.description
                    if !quiet { Terminal.error("\(input ?? "stdin"): \(error.description)") }
                }
            }
        }
        while true {
            let chunk = handle.readData(ofLength: 4 << 20)
            if chunk.isEmpty { break }
            pending += chunk
            guard let lastNewline = pending.lastIndex(of: 0x0A) else { continue }
            consume(Array(pending[...lastNewline]))
            pending.removeSubrange(...lastNewline)
        }
        if !pending.isEmpty { consume(pending) }
        session.add(batch)
        let result = session.finish()

        var out = ""
        out.reserveCapacity(ids.count * 40)
        for (line, slot) in slots.enumerated() {
            if let slot {
                // A story is named by its first article's id.
                out +=
                    "{\"id\":\(JSONReport.quote(ids[slot])),\"story\":\(JSONReport.quote(ids[result.stories[slot]]))}\n"
            } else {
                out += "{\"line\":\(line + 1),\"error\":\(JSONReport.quote(errors[line] ?? "unreadable"))}\n"
            }
        }
        if let output {
            try Terminal.write(out, to: output)
        } else {
            FileHandle.standardOutput.write(Data(out.utf8))
        }
        if let lineage {
            var edges = ""
            for edge in result.duplicates {
                edges +=
                    "{\"copy\":\(JSONReport.quote(ids[edge.copy])),\"source\":\(JSONReport.quote(ids[edge.source])),"
                    + "\"similarity\":\((edge.similarity * 1000).rounded() / 1000)}\n"
            }
            try Terminal.write(edges, to: lineage)
        }
        if ids.isEmpty { throw ExitCode.failure }
    }
}
