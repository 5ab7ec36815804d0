import ArgumentParser
import Foundation
import Triangulate

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract each article's clean text and metadata, one JSON object per input line.",
        discussion: """
            PATH may be a file or a directory (walked recursively in name order). Web pages (.html, .htm, and either \
            gzip-compressed as .gz) and plain text (.txt, .md, .text) are read. Each line holds the contract's article \
            fields: id, origin, title, byline, published, outlet, text, removed. An input that cannot be read gives a \
            line {"id", "origin", "error"} instead, and the rest goes on.

            Only regular files are read: FIFOs, sockets and devices are refused without being opened, a file reached \
            twice (named twice, or through a link) is read once, and directory links back to a folder already walked \
            are not followed. What a walk passes over is summarized on standard error (--verbose names it).

            Exit status: 0 when at least one article was extracted, 1 when none was, 64 for a usage error, 74 when \
            the input or output cannot be read or written (a full disk, a closed standard output).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
    }

    @Argument(help: "Files or directories holding articles.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Output format (jsonl).")
    var format: Format = .jsonl

    @Option(name: .shortAndLong, help: "Write the output to FILE instead of standard output.")
    var output: String?

    @Flag(name: .shortAndLong, help: "Do not report unreadable inputs on standard error.")
    var quiet = false

    @Flag(name: .long, help: "Name every file passed over while walking directories (and why) on standard error.")
    var verbose = false

    @OptionGroup var limits: LimitOptions

    func run() throws {
        var lines = ""
        var extracted = 0
        var configuration = PipelineConfiguration()
        limits.apply(to: &configuration)
        let pipeline = Pipeline(configuration: configuration)
        let scan = Ingest(configuration: configuration.ingest).scan(paths)
        if !quiet { SkippedSummary.report(scan.skipped, verbose: verbose) }
        for result in pipeline.extract(scan: scan) {
            switch result {
            case .success(let article):
                lines += JSONReport.line(for: article) + "\n"
                extracted += 1
            case .failure(let failure):
                if !quiet { Terminal.error("\(failure.origin): \(failure.reason)") }
                lines +=
                    JSONReport.errorLine(
                        id: Ingest.articleID(forPath: failure.origin), origin: failure.origin, error: failure.reason)
                    + "\n"
            }
        }
        if let output {
            try FileIO.write(lines, to: output)
        } else {
            try FileIO.writeStandardOutput(lines)
        }
        if extracted == 0 { throw ExitCode.failure }
    }
}
