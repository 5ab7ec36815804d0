import Foundation
import Testing

/// The hardening issue's batch: the seeds among every kind of bad input, run as a user runs the command.
@Suite("Bad input, as a child process", .serialized)
struct BadInputTests {
    static let shared = ProcessInfo.processInfo.environment["TRIANGULATE_SHARED"] ?? Child.root + "/../shared"
    static let seeds = shared + "/seeds/ford-xiaomi"

    /// Writes the bad inputs beside copies of the seed articles; returns the names that must be reported.
    static func makeBatch(in dir: String) throws -> [String] {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: seeds) where name.hasSuffix(".txt") {
            try manager.copyItem(atPath: seeds + "/" + name, toPath: dir + "/" + name)
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var junk = [UInt8]()
        for _ in 0..<65_536 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            junk.append(UInt8(truncatingIfNeeded: state >> 33))
        }
        try Data(junk).write(to: URL(fileURLWithPath: dir + "/random.txt"))
        // Invalid UTF-8, an encoded lone surrogate, an overlong form: repaired, with a warning.
        let invalid: [UInt8] =
            Array("Mayor Lena Ortiz said the bridge will reopen.\n\nThe city paid ".utf8)
            + [0xFF, 0xFE, 0xED, 0xA0, 0x80, 0xC0, 0xAF] + Array(" dollars for the repairs on Tuesday.\n".utf8)
        try Data(invalid).write(to: URL(fileURLWithPath: dir + "/invalid-utf8.txt"))
        try Data().write(to: URL(fileURLWithPath: dir + "/empty.txt"))
        let deep =
            "<html><body><p>" + String(repeating: "<div>", count: 200_000) + "deep" + "</p></body></html>"
        try Data(deep.utf8).write(to: URL(fileURLWithPath: dir + "/deep.html"))
        var attributes = "<html><body><div"
        attributes.reserveCapacity(7_000_000)
        for index in 0..<1_000_000 { attributes += " a\(index)" }
        attributes += "><p>text</p></div></body></html>"
        try Data(attributes.utf8).write(to: URL(fileURLWithPath: dir + "/attributes.html"))
        let line = Data("The committee met again and the vote was postponed to a later session.\n".utf8)
        var big = Data()
        big.reserveCapacity(61 << 20)
        while big.count < 60 << 20 { big.append(line) }
        try big.write(to: URL(fileURLWithPath: dir + "/huge.txt"))
        // A gzip bomb: 1 GiB of zeros compressed (about 1 MiB), and that compressed again (about 1 KiB).
        try Child.shell(
            "cd '\(dir)' && head -c 1073741824 /dev/zero | gzip -1 > bomb.txt.gz && gzip -9 -c bomb.txt.gz > bomb2.txt.gz"
        )
        try #require(mkfifo(dir + "/fifo.txt", 0o644) == 0)
        try manager.createDirectory(atPath: dir + "/loop", withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: dir + "/loop/up", withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: dir + "/self", withDestinationPath: ".")
        try Data(
            "Officials counted 10000000000000000000 votes and 1e999 ballots, a 99999999999999999999-1 tally.\n".utf8
        )
        .write(to: URL(fileURLWithPath: dir + "/huge-number.txt"))
        return [
            "random.txt", "empty.txt", "attributes.html", "huge.txt", "bomb.txt.gz", "bomb2.txt.gz", "fifo.txt",
        ]
    }

    @Test func batchOfBadInputsCompletesWithEverySeedAnalyzed() throws {
        let dir = try Child.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let refused = try Self.makeBatch(in: dir)
        let outcome = try Child.run(["analyze", dir, "--format", "json", "--verbose"], timeout: 90)
        #expect(!outcome.timedOut && !outcome.signaled)
        #expect(outcome.status == 0)
        #expect(outcome.seconds < 60, "took \(outcome.seconds) s")
        #expect(outcome.peakMemoryBytes < 1 << 30, "peak memory \(outcome.peakMemoryBytes) bytes")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let articles = (report["articles"] as? [[String: Any]]) ?? []
        let ids = Set(articles.compactMap { $0["id"] as? String })
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.seeds) where name.hasSuffix(".txt") {
            #expect(ids.contains(String(name.dropLast(4))), "seed \(name) not analyzed")
        }
        #expect(ids.count == articles.count, "two articles share an id")
        for name in refused {
            #expect(outcome.stderr.contains(dir + "/" + name), "\(name) not named on stderr")
        }
        #expect(outcome.stderr.contains("bomb.txt.gz: decompresses to more than"))
        #expect(outcome.stderr.contains("attributes.html: over a limit: an element has more than 1000 attributes"))
        #expect(outcome.stderr.contains("fifo.txt: not a regular file (FIFO)"))
        // The loop links are walked once (no 41 copies of the seeds), and named as loops.
        #expect(articles.count <= 9)
        #expect(outcome.stderr.contains("link to a directory already walked"))
        let invalid = articles.first { $0["id"] as? String == "invalid-utf8" }
        #expect(((invalid?["warnings"] as? [String]) ?? []).contains { $0.contains("invalid UTF-8") })
    }

    /// libxml2's encoding layer writes "encoding error : input conversion failed" to stderr on bytes its declared
    /// charset lacks, past the parser's no-error options: the page is read and stderr stays clean.
    @Test func badBytesForTheDeclaredCharsetPrintNothingFromLibxml2() throws {
        let dir = try Child.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let page = dir + "/page.html"
        var bytes = Array(
            "<html><head><meta charset=\"windows-1252\"><title>Budget vote</title></head><body><article><p>The council met on Monday and voted "
                .utf8)
        bytes.append(0x8D)  // undefined in windows-1252
        bytes += Array(
            " to approve the budget after a long debate.</p><p>Residents spoke for hours about the plan.</p></article></body></html>"
                .utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: page))
        let outcome = try Child.run(["extract", page])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("approve the budget"))
        #expect(!outcome.stderr.contains("encoding error"), "stderr: \(outcome.stderr)")
        #expect(!outcome.stderr.contains("I/O error"), "stderr: \(outcome.stderr)")
    }

    @Test func fullDiskClosedOutputAndDirectoryInputAreOneLineErrors() throws {
        let seedFile = Self.seeds + "/000_307a43678fa9b139.txt"
        let full = try Child.run(["analyze", seedFile, "--format", "json"], stdoutPath: "/dev/full")
        #expect(!full.signaled && full.status == 74)
        #expect(full.stderr.contains("No space left on device"))
        #expect(full.stderr.split(separator: "\n").count == 1)
        let closed = try Child.run(["analyze", seedFile, "--format", "json"], stdoutPath: "-")
        #expect(!closed.signaled && closed.status == 74)
        #expect(closed.stderr.contains("standard output"))
        let directory = try Child.run(["cluster", "--input", Self.seeds])
        #expect(!directory.signaled && directory.status == 74)
        #expect(directory.stderr.contains("is a directory"))
        let fullCluster = try Child.run(
            ["cluster", "--input", Child.root + "/Tests/TriangulateCLITests/BadInputTests.swift"],
            stdoutPath: "/dev/full")
        #expect(!fullCluster.signaled && fullCluster.status == 74)
    }

    @Test func outputGoesThroughDevicesFIFOsAndLinks() throws {
        let dir = try Child.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seedFile = Self.seeds + "/000_307a43678fa9b139.txt"
        let toStdout = try Child.run(["analyze", seedFile, "--format", "json", "-o", "/dev/stdout"])
        #expect(toStdout.status == 0)
        #expect(toStdout.stdout.contains("\"triangulate\""))
        // A 0600 file keeps its mode; a link stays a link and its target gets the output.
        let secret = dir + "/secret.json"
        FileManager.default.createFile(
            atPath: secret, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: secret)
        let viaLink = try Child.run(["analyze", seedFile, "--format", "json", "-o", dir + "/link.json"])
        #expect(viaLink.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: secret)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: secret, encoding: .utf8).contains("\"triangulate\""))
        let link = try FileManager.default.attributesOfItem(atPath: dir + "/link.json")
        #expect(link[.type] as? FileAttributeType == .typeSymbolicLink)
        // A FIFO is written into, not replaced: a reader on the other end gets the report.
        let fifo = dir + "/out.fifo"
        try #require(mkfifo(fifo, 0o644) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat '\(fifo)' > '\(dir)/received.json'"]
        try reader.run()
        let viaFIFO = try Child.run(["analyze", seedFile, "--format", "json", "-o", fifo], timeout: 30)
        reader.waitUntilExit()
        #expect(viaFIFO.status == 0 && !viaFIFO.timedOut)
        #expect(try String(contentsOfFile: dir + "/received.json", encoding: .utf8).contains("\"triangulate\""))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    /// libxml2 initialized lazily by two threads at once deadlocked in about 4% of runs; hundreds of runs of a
    /// parallel extraction must all finish.
    @Test func parallelExtractionNeverHangs() throws {
        let dir = try Child.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var pages: [String] = []
        for page in 1...4 {
            let body = (0..<20).map { "<p>Paragraph \($0) of page \(page): the council voted on the harbor.</p>" }
            let path = dir + "/page\(page).html"
            try Data(
                "<html><head><title>Page \(page)</title></head><body><article>\(body.joined())</article></body></html>"
                    .utf8
            )
            .write(to: URL(fileURLWithPath: path))
            pages.append(path)
        }
        var hangs = 0
        for _ in 0..<300 {
            let outcome = try Child.run(["extract"] + pages, timeout: 20)
            if outcome.timedOut { hangs += 1 }
            #expect(outcome.status == 0 || outcome.timedOut)
        }
        #expect(hangs == 0)
    }
}
