import ArgumentParser
import Foundation
import Testing

@testable import TriangulateCLI
import Triangulate

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

    @Test func alignDecidesEachPairAndReportsBadLines() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = [
            #"{"a": "Sentencing was set for May 9.", "b": "The judge will sentence Ortega on May 9."}"#,
            #"{"a": "Acme cut 2,000 jobs at its Dover plant.", "b": "The Dover harbor reopened after the storm."}"#,
            #"{"a": "only one member"}"#,
            #"not json"#,
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: dir + "/pairs.jsonl"))
        var command = try AlignCommand.parse(["--input", dir + "/pairs.jsonl", "--output", dir + "/out.jsonl", "-q"])
        try command.run()
        let output = try String(contentsOfFile: dir + "/out.jsonl", encoding: .utf8)
        let rows = output.split(separator: "\n").map { row in
            (try? JSONSerialization.jsonObject(with: Data(row.utf8))) as? [String: Any] ?? [:]
        }
        #expect(rows.count == 4)
        #expect(rows[0]["aligned"] as? Bool == true)
        #expect((rows[0]["why"] as? [String])?.contains { $0.hasPrefix("d:5-9") } == true)
        #expect(rows[1]["aligned"] as? Bool == false)
        #expect((rows[1]["similarity"] as? Double ?? 1) < (rows[0]["similarity"] as? Double ?? 0))
        #expect(rows[2]["line"] as? Int == 3 && rows[2]["error"] != nil)
        #expect(rows[3]["line"] as? Int == 4 && rows[3]["error"] != nil)
    }

    @Test func badFileIsReportedAndTheRestGoesOn() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("Council Approves Budget\n\nThe council approved the budget on Monday after a long debate.\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/good.txt"))
        try Data([0x00, 0x01, 0x02, 0x00, 0x00, 0xFF, 0x00, 0x00]).write(to: URL(fileURLWithPath: dir + "/junk.txt"))
        let out = dir + "/out.json"
        let command = try Analyze.parse([dir, "--format", "json", "--output", out, "--quiet"])
        try await command.run()
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.map { $0["id"] as? String } == ["good"])
        let failures = try #require(json["failures"] as? [[String: String]])
        #expect(failures.count == 1)
        #expect(failures.first?["origin"]?.hasSuffix("junk.txt") == true)
    }

    @Test func nothingAnalyzedExitsWithFailure() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let command = try Analyze.parse([
            dir + "/missing.txt", "--quiet", "--output", dir + "/out.md", "--format", "markdown",
        ])
        await #expect(throws: ExitCode.failure) { try await command.run() }
        let markdown = try String(contentsOfFile: dir + "/out.md", encoding: .utf8)
        #expect(markdown.contains("missing.txt"))
        #expect(markdown.contains("no such file or directory"))
    }

    @Test func formatMustBeKnown() {
        #expect(throws: (any Error).self) { try Analyze.parse(["x", "--format", "yaml"]) }
        #expect(throws: (any Error).self) { try Analyze.parse([]) }
    }

    @Test func extractAndClusterHelpDocumentTheirContracts() {
        // Help text is wrapped at the terminal width: compare with line breaks as spaces.
        func unwrapped(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }
        let extract = unwrapped(TriangulateCommand.helpMessage(for: ExtractCommand.self))
        for text in [
            "--format <format>", "--output <output>", "<paths> ...", "id, origin, title, byline", "Exit status",
        ] {
            #expect(extract.contains(text), "extract help lacks \(text)")
        }
        let cluster = unwrapped(TriangulateCommand.helpMessage(for: ClusterCommand.self))
        for text in ["--input <input>", "--lineage <lineage>", "{\"id\", \"story\"}", "standard input", "Exit status"] {
            #expect(cluster.contains(text), "cluster help lacks \(text)")
        }
        let root = TriangulateCommand.helpMessage()
        #expect(root.contains("extract") && root.contains("cluster"))
    }

    @Test func clusterWritesOneLinePerInputInOrder() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fire =
            "A fire destroyed the Harlow Mills paper warehouse in Dunmore on Tuesday, fire chief Edda Vance said."
        let vote = "The Castlereagh council voted to close two libraries and open a new central branch next spring."
        let lines = [
            #"{"id": "one", "text": "\#(fire)", "extra": [1, 2]}"#,
            #"{"id": "bad""#,
            #"{"id": "two", "text": "\#(vote)", "published": "2026-05-12"}"#,
            #"{"id": "three", "title": "Dunmore fire", "text": "\#(fire) Investigators are looking for the cause."}"#,
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: dir + "/in.jsonl"))
        var command = try ClusterCommand.parse([
            "--input", dir + "/in.jsonl", "--output", dir + "/out.jsonl", "--lineage", dir + "/lineage.jsonl",
            "--quiet",
        ])
        try command.run()
        let output = try String(contentsOfFile: dir + "/out.jsonl", encoding: .utf8).split(separator: "\n")
        let objects = try output.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 4)
        #expect(objects.map { $0["id"] as? String } == ["one", nil, "two", "three"])
        #expect(objects[1]["line"] as? Int == 2)
        #expect((objects[1]["error"] as? String)?.contains("malformed") == true)
        #expect(objects[0]["story"] as? String == objects[3]["story"] as? String)
        #expect(objects[0]["story"] as? String != objects[2]["story"] as? String)
        #expect(throws: (any Error).self) { try ClusterCommand.parse(["--input"]) }
    }

    @Test func clusterSkipsAnOversizedLineAndNamesIt() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var data = Data(#"{"id": "first", "text": "The harbor board voted to keep the night ferries running."}"#.utf8)
        data.append(contentsOf: [0x0A, 0x0A])  // a blank line: not an input, but it counts in line numbers
        data.append(Data(#"{"id": "huge", "text": ""#.utf8))
        data.append(
            Data(repeating: UInt8(ascii: "a"), count: JSONLinesClustering(onError: { _ in }).maxLineBytes + 1000))
        data.append(Data(#""}"#.utf8))
        data.append(0x0A)
        data.append(
            Data(#"{"id": "last", "text": "Ferry riders welcomed the harbor board's vote on night service."}"#.utf8))
        try data.write(to: URL(fileURLWithPath: dir + "/in.jsonl"))
        var command = try ClusterCommand.parse([
            "--input", dir + "/in.jsonl", "--output", dir + "/out.jsonl", "--quiet",
        ])
        try command.run()
        let lines = try String(contentsOfFile: dir + "/out.jsonl", encoding: .utf8).split(separator: "\n")
        let objects = try lines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["id"] as? String } == ["first", nil, "last"])
        #expect(objects[1]["line"] as? Int == 3)
        #expect((objects[1]["error"] as? String)?.contains("longer than 16 MiB") == true)
    }

    @Test func ingestThenStoriesGivesTheStoriesOfAnalyze() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seeds = BadInputTests.seeds
        let ingest = try IngestCommand.parse(["--database", dir + "/c.sqlite", seeds, "-q"])
        try await ingest.run()
        let again = try IngestCommand.parse(["--database", dir + "/c.sqlite", seeds, "-q"])
        try await again.run()
        var stories = try StoriesCommand.parse(["--database", dir + "/c.sqlite", "-f", "json", "-o", dir + "/s.json"])
        try stories.run()
        let analyze = try Analyze.parse([seeds, "-f", "json", "-o", dir + "/a.json", "-q"])
        try await analyze.run()
        let fromStore = try String(contentsOfFile: dir + "/s.json", encoding: .utf8)
        let direct = try String(contentsOfFile: dir + "/a.json", encoding: .utf8)
        #expect(fromStore == direct)
        #expect(throws: ExitCode.self) {
            var missing = try StoriesCommand.parse(["--database", dir + "/none.sqlite"])
            try missing.run()
        }
    }

    /// `--minilm` (weights installed by `make minilm`, as `make test` does): ingest and analyze give the same stories
    /// with the encoder, `align` explains its part, and a missing model is named with exit status 1.
    @Test func minilmReachesEveryCommandThatCorroborates() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = Child.root + "/.build/minilm"
        let seeds = BadInputTests.seeds
        let ingest = try IngestCommand.parse(["--database", dir + "/c.sqlite", seeds, "-q", "--minilm", model])
        try await ingest.run()
        var stories = try StoriesCommand.parse(["--database", dir + "/c.sqlite", "-f", "json", "-o", dir + "/s.json"])
        try stories.run()
        let analyze = try Analyze.parse([seeds, "-f", "json", "-o", dir + "/a.json", "-q", "--minilm", model])
        try await analyze.run()
        let plain = try Analyze.parse([seeds, "-f", "json", "-o", dir + "/p.json", "-q"])
        try await plain.run()
        let direct = try String(contentsOfFile: dir + "/a.json", encoding: .utf8)
        #expect(try String(contentsOfFile: dir + "/s.json", encoding: .utf8) == direct)
        #expect(try String(contentsOfFile: dir + "/p.json", encoding: .utf8) != direct)
        let pair = #"{"a": "The mayor resigned on Friday.", "b": "The mayor stepped down on Friday."}"#
        try Data(pair.utf8).write(to: URL(fileURLWithPath: dir + "/pair.jsonl"))
        var align = try AlignCommand.parse(["-i", dir + "/pair.jsonl", "-o", dir + "/out.jsonl", "--minilm", model])
        try align.run()
        #expect(try String(contentsOfFile: dir + "/out.jsonl", encoding: .utf8).contains("meaning: cosine"))
        let missing = try Child.run(["align", "-i", dir + "/pair.jsonl", "--minilm", dir + "/none"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains(dir + "/none/config.json"))
        #expect(missing.stderr.contains("make minilm"))
        for command in [ServeCommand.self, WatchCommand.self, WorkerCommand.self] as [any ParsableCommand.Type] {
            #expect(TriangulateCommand.helpMessage(for: command).contains("--minilm <DIR>"))
        }
    }
}
