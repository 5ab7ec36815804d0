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

    @OptionGroup var meaning: MeaningOptions

    func run() throws {
        let bytes = try FileIO.readAll(input)
        let source = input ?? "stdin"
        let report = !quiet
        let (lines, compared) = ClaimAlignment(configuration: try meaning.corroborate()).alignJSONLines(bytes) {
            description in
            if report { Terminal.error("\(source): \(description)") }
        }
        if let output {
            try FileIO.write(lines, to: output)
        } else {
            try FileIO.writeStandardOutput(lines)
        }
        if compared == 0 { throw ExitCode.failure }
    }
}
