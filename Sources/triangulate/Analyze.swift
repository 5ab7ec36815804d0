import ArgumentParser
import Foundation
import Triangulate

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Clean and annotate articles; print a Markdown brief or the JSON contract.",
        discussion: """
            PATH may be a file or a directory; directories are read recursively, in name order. A file that cannot be read is reported on standard error with the reason, and the rest goes on. An http or https URL may stand \
            for a path: the page is fetched (redirects, timeouts, a size cap, robots.txt, one request at a time per \
            host; loopback and private addresses refused unless --allow-private-addresses), and a feed's items are \
            fetched in turn.

            Output format: --format markdown, --format json, or --format html (one self-contained page: the fact × \
            outlet matrix, conflicts side by side, what only one outlet says, quotes, timeline, sources; inline CSS, \
            no script). Without --format, Markdown is printed when standard \
            output is a terminal and JSON otherwise. --json FILE also writes the JSON to FILE whatever --format is.

            Inputs: plain text (.txt, .md, .text) and web pages (.html, .htm), each possibly gzip-compressed (.gz, \
            every member read); UTF-8, or UTF-16 with a byte-order mark; RSS and Atom feeds (.rss, .atom, .xml: the \
            items that carry their text); web archives (.warc, .warc.gz: every HTML response record). A file named on the command line is read \
            whatever its extension, and its content decides: binary content is refused as not text. Only regular \
            files are read (FIFOs, sockets, devices are refused without being opened); a file reached twice is read \
            once; directory links back to a folder already walked are not followed. What a walk passes over is \
            summarized on standard error (--verbose names it).

            The output depends on the set of inputs, not on the order they are named in.

            Limits (each refusal names the input, and the rest goes on): --max-bytes per file (16 MiB), 64 MiB \
            decompressed, 1,000 attributes per HTML element, 4 MiB per attribute value, elements nested over 512 \
            deep left out, 100,000 sentences, 20,000 quotations and 100,000 figures per article, and --time-budget \
            seconds (30) to annotate one article.

            Exit status: 0 when at least one article was analyzed, 1 when none was, 64 for a usage error, 74 when \
            the input or output cannot be read or written (a full disk, a closed standard output).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown, html
    }

    @Argument(help: "Files or directories holding articles, or URLs of pages and feeds.")
    var paths: [String]

    @Option(
        name: .shortAndLong, help: "Output format: json, markdown or html (default: markdown on a terminal, else json)."
    )
    var format: Format?

    @Option(name: .shortAndLong, help: "Write the output to FILE instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Also write the JSON contract to FILE.")
    var json: String?

    @Flag(name: .shortAndLong, help: "Do not report progress or unreadable inputs on standard error.")
    var quiet = false

    @Flag(name: .long, help: "Name every file passed over while walking directories (and why) on standard error.")
    var verbose = false

    @OptionGroup var limits: LimitOptions

    @OptionGroup var fetching: FetchOptions

    @Option(
        help: ArgumentHelp(
            "Also align claims on static sentence embeddings from FILE (built by `make embeddings`).",
            valueName: "FILE"))
    var embeddings: String?

    @OptionGroup var meaning: MeaningOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one file or directory to analyze.") }
        if embeddings != nil, meaning.minilm != nil {
            throw ValidationError("--embeddings and --minilm are two sentence encoders: name one.")
        }
    }

    func run() async throws {
        let showProgress = !quiet && isatty(STDERR_FILENO) != 0
        var configuration = PipelineConfiguration()
        if let embeddings {
            do {
                configuration.corroborate.embeddings = try StaticEmbeddings.shared(embeddings)
            } catch {
                Terminal.error("\(error)")
                throw ExitCode.failure
            }
        }
        try meaning.apply(to: &configuration)
        limits.apply(to: &configuration)
        let (files, fetched) = await fetching.fetch(paths, configuration: &configuration)
        let pipeline = Pipeline(configuration: configuration)
        let display = ProgressDisplay(enabled: showProgress)
        var result = pipeline.analyzeArticles(
            paths: files, documents: fetched.documents, failures: fetched.failures, amend: { fetched.amend(&$0) }
        ) { display.report($0) }
        result.stories = pipeline.stories(result.articles) { display.report($0) }
        if !quiet {
            for failure in result.failures { Terminal.error("\(failure.origin): \(failure.reason)") }
            SkippedSummary.report(result.skipped, verbose: verbose)
        }
        let chosen = format ?? (output == nil && isatty(STDOUT_FILENO) != 0 ? .markdown : .json)
        let rendered: String
        switch chosen {
        case .json: rendered = JSONReport.render(result)
        case .markdown: rendered = MarkdownReport.render(result)
        case .html: rendered = HTMLReport.render(result)
        }
        if let json {
            try FileIO.write(chosen == .json ? rendered : JSONReport.render(result), to: json)
        }
        if let output {
            try FileIO.write(rendered, to: output)
        } else {
            try FileIO.writeStandardOutput(rendered)
        }
        if result.articles.isEmpty {
            if !quiet { Terminal.error("no article could be analyzed") }
            throw ExitCode.failure
        }
    }
}
