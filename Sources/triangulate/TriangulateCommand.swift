import ArgumentParser

@main
struct TriangulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triangulate",
        abstract: "Compare news articles claim by claim: what outlets corroborate, contradict, or say alone.",
        discussion: """
            Triangulate reads articles (plain text today), cleans away page debris, and annotates each one with \
            people and their roles, organizations, places, numbers, dates, quotes with speakers, and attributions.
            """,
        version: "0.1.0",
        subcommands: [Analyze.self]
    )
}
