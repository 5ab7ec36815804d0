import ArgumentParser
import Foundation
import Triangulate

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Decide whether pairs of claims state the same fact, as Corroborate does.",
        discussion: """
            Reads JSON lines {"a", "b"} (two claim texts; other members are ignored) from FILE or standard input and \
            writes one line {"similarity", "aligned", "why"} per input line, in input order: the similarity Corroborate \
            aligns claims on, whether it reaches the alignment threshold, and the evidence (the heaviest shared \
            features with their share of the score, or the rule that kept the claims apart). Feature rarity comes from \
            the two texts alone. A line that cannot be read gives {"line", "error"} in its place and the rest goes on.

            Exit status: 0 when at least one pair was compared, 1 when none was, 64 for a usage error, 74 when the input or output cannot be read or written.
            """
    )

    @Option(name: .shortAndLong, help: "Read JSON lines from FILE instead of standard input.")
    var input: String?

    @Option(name: .shortAndLong, help: "Write the output to FILE instead of standard output.")
    var output: String?

    @Flag(name: .shortAndLong, help: "Do not report unreadable lines on standard error.")
    var quiet = false

    func run() throws {
        let bytes = try FileIO.readAll(input)
        let alignment = ClaimAlignment()
        var lines = ""
        var compared = 0
        JSONLines.forEachLine(in: bytes) { line, number in
            do {
                let fields = try JSONLines.strings(in: line, keys: ["a", "b"], line: number)
                guard let a = fields["a"], let b = fields["b"] else {
                    throw JSONLines.Failure.malformed(line: number, reason: "needs string members \"a\" and \"b\"")
                }
                let decision = alignment.compare(a, b)
                lines += JSONReport.line(for: decision) + "\n"
                compared += 1
            } catch {
                if !quiet { Terminal.error("\(input ?? "stdin"): \(error)") }
                lines += "{\"line\": \(number), \"error\": \(JSONReport.quote("\(error)"))}\n"
            }
        }
        if let output {
            try FileIO.write(lines, to: output)
        } else {
            try FileIO.writeStandardOutput(lines)
        }
        if compared == 0 { throw ExitCode.failure }
    }
}
