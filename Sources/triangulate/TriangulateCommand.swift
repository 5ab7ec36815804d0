import ArgumentParser
import Foundation

@main
struct TriangulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triangulate",
        abstract: "Compare news articles claim by claim: what outlets corroborate, contradict, or say alone.",
        discussion: """
            Triangulate reads articles (web pages and plain text), cleans away page debris, annotates each one \
            (people and their roles, organizations, places, numbers, dates, quotes with speakers, attributions), \
            groups them into stories and corroborates each story claim by claim.
            """,
        version: "0.1.0",
        subcommands: [
            Analyze.self, ExtractCommand.self, ClusterCommand.self, AlignCommand.self, IngestCommand.self,
            StoriesCommand.self, ServeCommand.self, WatchCommand.self, WorkerCommand.self, JobsCommand.self,
        ]
    )

    /// Standard descriptors closed by the caller (`>&-`) are held open on /dev/null, so that no file the command
    /// opens takes their number and receives output meant for them; writing to a closed standard output is then
    /// reported as such. The root is async so that `serve` (an async command) runs; the others run as before.
    static func main() async {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            if descriptor == STDOUT_FILENO { FileIO.standardOutputClosed = true }
            let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
        await main(nil)
    }
}
