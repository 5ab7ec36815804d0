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

    /// Articles handed to the clusterer at a time (features are computed on all cores within a batch).
    static let batchSize = 4096
    /// A longer input line is reported and skipped, never held in memory whole.
    static let maxLineBytes = 16 << 20

    func run() throws {
        let session = ClusterSession()
        var ids: [String] = []  // per article, in order
        var slots: [Int?] = []  // per input line: its article, or nil for an unreadable line
        var errors: [Int: (line: Int, description: String)] = [:]  // by output position
        var batch: [ClusterItem] = []
        var pending: [UInt8] = []
        var linesBefore = 0  // input lines (blank ones included) before the bytes being consumed
        func fail(_ description: String, line: Int) {
            slots.append(nil)
            errors[slots.count - 1] = (line, description)
            if !quiet { Terminal.error("\(input ?? "stdin"): \(description)") }
        }
        func consume(_ bytes: ArraySlice<UInt8>) {
            JSONLines.forEachLine(in: Array(bytes)) { line, number in
                do throws(JSONLines.Failure) {
                    let item = try ClusterItem.parse(line: line, number: linesBefore + number)
                    ids.append(item.id)
                    slots.append(ids.count - 1)
                    batch.append(item)
                    if batch.count >= Self.batchSize {
                        session.add(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                } catch {
                    fail(error.description, line: linesBefore + number)
                }
            }
            linesBefore += bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        var skippingLongLine = false
        try FileIO.readChunks(input) { chunk in
            var bytes = chunk
            if skippingLongLine {
                guard let newline = bytes.firstIndex(of: 0x0A) else { return }
                bytes.removeSubrange(...newline)
                skippingLongLine = false
            }
            // The line in progress (`pending` holds nothing else) would grow past the limit: report and drop it.
            let firstNewline = bytes.firstIndex(of: 0x0A)
            if pending.count + (firstNewline ?? bytes.count) > Self.maxLineBytes {
                linesBefore += 1
                fail("line \(linesBefore): longer than \(Self.maxLineBytes >> 20) MiB, skipped", line: linesBefore)
                pending.removeAll()
                guard let firstNewline else {
                    skippingLongLine = true
                    return
                }
                bytes.removeSubrange(...firstNewline)
            }
            pending += bytes
            if let lastNewline = pending.lastIndex(of: 0x0A) {
                consume(pending[...lastNewline])
                pending.removeSubrange(...lastNewline)
            }
        }
        if !pending.isEmpty { consume(pending[...]) }
        session.add(batch)
        let result = session.finish()

        var out = ""
        out.reserveCapacity(ids.count * 40)
        for (position, slot) in slots.enumerated() {
            if let slot {
                // A story is named by its first article's id.
                out +=
                    "{\"id\":\(JSONReport.quote(ids[slot])),\"story\":\(JSONReport.quote(ids[result.stories[slot]]))}\n"
            } else {
                let (number, description) = errors[position] ?? (position + 1, "unreadable")
                out += "{\"line\":\(number),\"error\":\(JSONReport.quote(description))}\n"
            }
        }
        if let output {
            try FileIO.write(out, to: output)
        } else {
            try FileIO.writeStandardOutput(out)
        }
        if let lineage {
            var edges = ""
            for edge in result.duplicates {
                edges +=
                    "{\"copy\":\(JSONReport.quote(ids[edge.copy])),\"source\":\(JSONReport.quote(ids[edge.source])),"
                    + "\"similarity\":\((edge.similarity * 1000).rounded() / 1000)}\n"
            }
            try FileIO.write(edges, to: lineage)
        }
        if ids.isEmpty { throw ExitCode.failure }
    }
}
