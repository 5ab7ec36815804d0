import ArgumentParser

@main
struct TriangulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triangulate",
        abstract: "Compare news articles claim by claim: what outlets corroborate, contradict, or say alone.",
        discussion: """
            Triangulate reads articles (web pages and plain text), cleans away page debris, annotates each one \
            (people and their roles, organizations, places, numbers, dates, quotes with speakers, attributions), \
            groups them into stories and corroborates each story claim by claim.
            """,
        version: "0.1.0",
        subcommands: [Analyze.self, ExtractCommand.self, ClusterCommand.self, AlignCommand.self]
    )
}
