import Foundation
import Testing

@testable import Triangulate
import TriangulateText

@Suite("Ingest")
struct IngestTests {
    @Test func readsDirectoriesRecursivelyInNameOrder() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/b", withIntermediateDirectories: true)
        try Fixtures.write("Second story text here.", to: dir + "/b/002_two.txt")
        try Fixtures.write("First story text here.", to: dir + "/001_one.md")
        try Fixtures.write("ignored", to: dir + "/notes.csv")
        try Fixtures.write("hidden", to: dir + "/.hidden.txt")
        let results = Ingest().documents(from: [dir])
        let ids = try results.map { try $0.get().id }
        #expect(ids == ["001_one", "002_two"])
    }

    @Test func missingPathIsAnErrorNamingIt() {
        let results = Ingest().documents(from: ["/nonexistent/dir/article.txt"])
        guard case .failure(let error) = results.first else {
            Issue.record("expected a failure")
            return
        }
        #expect(error == .notFound(path: "/nonexistent/dir/article.txt"))
        #expect(error.description.contains("/nonexistent/dir/article.txt"))
    }

    @Test func binaryJunkIsRefused() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var junk: [UInt8] = []
        var state: UInt32 = 12345
        for _ in 0..<4096 {
            state = state &* 1_103_515_245 &+ 12345
            junk.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        try Fixtures.write(bytes: junk, to: dir + "/junk.txt")
        try Fixtures.write(
            bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64),
            to: dir + "/image.txt")
        let results = Ingest().documents(from: [dir + "/junk.txt", dir + "/image.txt"])
        for result in results {
            guard case .failure(.binary) = result else {
                Issue.record("expected binary refusal, got \(result)")
                continue
            }
        }
        if case .failure(.binary(_, let kind)) = results[1] { #expect(kind == "PNG image") }
    }

    @Test func oversizedFileIsRefusedWithoutReadingIt() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/huge.txt"
        // A 200 MB sparse file: refused from its size alone.
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 * 1024 * 1024)
        try handle.close()
        let result = Ingest().read(path)
        guard case .failure(.tooLarge(let failed, let bytes, let limit)) = result else {
            Issue.record("expected tooLarge, got \(result)")
            return
        }
        #expect(failed == path)
        #expect(bytes == 200 * 1024 * 1024)
        #expect(limit == IngestConfiguration.default.maxFileBytes)
    }

    @Test func emptyFilesAreReportedAndNamedFilesAreJudgedByContent() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Fixtures.write(" \n\n  \n", to: dir + "/blank.txt")
        try Fixtures.write("The council met on Tuesday and approved the budget.", to: dir + "/notes.data")
        try Fixtures.write(
            bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 56), to: dir + "/a.txt")
        let results = Ingest().documents(from: [dir + "/blank.txt", dir + "/notes.data", dir + "/a.txt"])
        #expect(throws: IngestError.empty(path: dir + "/blank.txt")) { try results[0].get() }
        // Named explicitly, an odd extension is read when the content is text, and a text name does not make an
        // executable text.
        #expect(try results[1].get().kind == .text)
        #expect(throws: IngestError.binary(path: dir + "/a.txt", looksLike: "ELF executable")) { try results[2].get() }
    }

    @Test func articleIDDropsTheExtension() {
        #expect(Ingest.articleID(forPath: "/a/b/002_8823f7e91c1c5b1a.txt") == "002_8823f7e91c1c5b1a")
        #expect(Ingest.articleID(forPath: "story.v2.md") == "story.v2")
        #expect(Ingest.articleID(forPath: "README") == "README")
    }
}
