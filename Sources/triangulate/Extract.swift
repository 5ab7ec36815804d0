import ArgumentParser
import Foundation
import Triangulate

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract each article's clean text and metadata, one JSON object per input line.",
        discussion: """
            PATH may be a file or a directory (walked recursively in name order). Web pages (.html, .htm, and either \
            gzip-compressed as .gz) and plain text (.txt, .md, .text) are read. Each line holds the contract's article \
            fields: id, origin, title, byline, published, outlet, text, removed. A URL may stand for a path (fetched \
            as analyze fetches it); feeds and web archives give one line per article. An input that cannot be read gives a \
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

    @Argument(help: "Files or directories holding articles, or URLs of pages and feeds.")
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

    @OptionGroup var fetching: FetchOptions

    func run() async throws {
        var lines = ""
        var extracted = 0
        var configuration = PipelineConfiguration()
        limits.apply(to: &configuration)
        let (files, fetched) = await fetching.fetch(paths, configuration: &configuration)
        let pipeline = Pipeline(configuration: configuration)
        let scan = Ingest(configuration: configuration.ingest).scan(files)
        if !quiet { SkippedSummary.report(scan.skipped, verbose: verbose) }
        var results = files.isEmpty ? [] : pipeline.extract(scan: scan)
        results += pipeline.extractDocuments(fetched.documents) { fetched.amend(&$0) }
        results += fetched.failures.map { .failure($0) }
        for result in results {
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
