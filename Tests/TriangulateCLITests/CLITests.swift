import ArgumentParser
import Foundation
import Testing

@testable import TriangulateCLI

@Suite("triangulate CLI", .serialized)
struct CLITests {
    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "triangulate-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func rootHelpListsAnalyze() {
        let help = TriangulateCommand.helpMessage()
        #expect(help.contains("USAGE: triangulate <subcommand>"))
        #expect(help.contains("analyze"))
        #expect(help.contains("corroborate"))
    }

    @Test func analyzeHelpDocumentsOptionsAndExitStatus() {
        let help = TriangulateCommand.helpMessage(for: Analyze.self)
        for option in ["--format <format>", "--output <output>", "--json <json>", "--quiet", "<paths> ..."] {
            #expect(help.contains(option), "help lacks \(option)")
        }
        #expect(help.contains("Exit status: 0 when at least one article was analyzed"))
        #expect(help.contains("markdown"))
    }

    @Test func badFileIsReportedAndTheRestGoesOn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("Council Approves Budget\n\nThe council approved the budget on Monday after a long debate.\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/good.txt"))
        try Data([0x00, 0x01, 0x02, 0x00, 0x00, 0xFF, 0x00, 0x00]).write(to: URL(fileURLWithPath: dir + "/junk.txt"))
        let out = dir + "/out.json"
        var command = try Analyze.parse([dir, "--format", "json", "--output", out, "--quiet"])
        try command.run()
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.map { $0["id"] as? String } == ["good"])
        let failures = try #require(json["failures"] as? [[String: String]])
        #expect(failures.count == 1)
        #expect(failures.first?["origin"]?.hasSuffix("junk.txt") == true)
    }

    @Test func nothingAnalyzedExitsWithFailure() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var command = try Analyze.parse([
            dir + "/missing.txt", "--quiet", "--output", dir + "/out.md", "--format", "markdown",
        ])
        #expect(throws: ExitCode.failure) { try command.run() }
        let markdown = try String(contentsOfFile: dir + "/out.md", encoding: .utf8)
        #expect(markdown.contains("missing.txt"))
        #expect(markdown.contains("no such file or directory"))
    }

    @Test func formatMustBeKnown() {
        #expect(throws: (any Error).self) { try Analyze.parse(["x", "--format", "yaml"]) }
        #expect(throws: (any Error).self) { try Analyze.parse([]) }
    }
}
