import CDeflate
import Foundation
import Testing

@testable import Triangulate

/// Web archives the test writes itself: a mix of warcinfo, request, response and metadata records, one response
/// with a chunked and gzip-encoded payload, gzip per record as CC-NEWS ships them.
@Suite("WARC")
struct WARCTests {
    static func page(_ title: String, _ sentence: String, date: String? = nil) -> String {
        let meta = date.map { "<meta property=\"article:published_time\" content=\"\($0)\">" } ?? ""
        let paragraph =
            "<p>\(sentence) The council met for four hours and heard from forty residents before it voted.</p>"
        return "<!doctype html><html><head><title>\(title)</title>\(meta)</head><body><article><h1>\(title)</h1>"
            + String(repeating: paragraph, count: 3) + "</article></body></html>"
    }

    static func record(_ type: String, uri: String?, date: String, contentType: String, block: [UInt8]) -> [UInt8] {
        var header = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Date: \(date)\r\nWARC-Record-ID: <urn:uuid:\(UUID())>\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        header += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func http(_ status: String, headers: [String], body: [UInt8]) -> [UInt8] {
        Array(("HTTP/1.1 \(status)\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
    }

    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        let compressor = libdeflate_alloc_compressor(6)
        defer { libdeflate_free_compressor(compressor) }
        var out = [UInt8](repeating: 0, count: bytes.count + 1024)
        let size = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                libdeflate_gzip_compress(compressor, input.baseAddress, input.count, output.baseAddress, output.count)
            }
        }
        return Array(out[..<size])
    }

    static func chunked(_ bytes: [UInt8], size: Int) -> [UInt8] {
        var out: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let piece = bytes[offset..<min(bytes.count, offset + size)]
            out += Array((String(piece.count, radix: 16) + ";ext=1\r\n").utf8) + piece + Array("\r\n".utf8)
            offset += piece.count
        }
        return out + Array("0\r\n\r\n".utf8)
    }

    /// The records: two pages (one plain, one chunked and gzip-encoded), and what must be passed over.
    static func records() -> [[UInt8]] {
        let first = Array(page("Velmora council approves ferry", "The Velmora council approved the night ferry.").utf8)
        let second = Array(
            page(
                "Ferry vote splits Velmora", "Two members of the Velmora council voted against the ferry.",
                date: "2025-03-04"
            ).utf8)
        return [
            record(
                "warcinfo", uri: nil, date: "2025-03-05T10:00:00Z", contentType: "application/warc-fields",
                block: Array("software: test\r\n".utf8)),
            record(
                "request", uri: "https://velmora-times.test/ferry", date: "2025-03-05T10:00:01Z",
                contentType: "application/http;msgtype=request",
                block: Array("GET /ferry HTTP/1.1\r\nHost: velmora-times.test\r\n\r\n".utf8)),
            record(
                "response", uri: "https://velmora-times.test/ferry", date: "2025-03-05T10:00:02Z",
                contentType: "application/http;msgtype=response",
                block: http("200 OK", headers: ["Content-Type: text/html; charset=utf-8"], body: first)),
            record(
                "metadata", uri: "https://velmora-times.test/ferry", date: "2025-03-05T10:00:03Z",
                contentType: "application/warc-fields", block: Array("fetchTimeMs: 12\r\n".utf8)),
            record(
                "response", uri: "https://www.harbor-wire.test/vote", date: "2025-03-05T11:00:00Z",
                contentType: "application/http; msgtype=response",
                block: http(
                    "200 OK",
                    headers: ["Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked"],
                    body: chunked(gzip(second), size: 100))),
            record(
                "response", uri: "https://velmora-times.test/logo.png", date: "2025-03-05T10:00:04Z",
                contentType: "application/http;msgtype=response",
                block: http("200 OK", headers: ["Content-Type: image/png"], body: [0x89, 0x50, 0x4E, 0x47])),
            record(
                "response", uri: "https://velmora-times.test/gone", date: "2025-03-05T10:00:05Z",
                contentType: "application/http;msgtype=response",
                block: http("404 Not Found", headers: ["Content-Type: text/html"], body: first)),
        ]
    }

    static func check(_ results: [Result<Article, Failure>]) throws {
        let articles = results.compactMap { try? $0.get() }.sorted { $0.origin < $1.origin }
        #expect(results.count == 2, "\(results)")
        for case .failure(let failure) in results { Issue.record("\(failure.origin): \(failure.reason)") }
        try #require(articles.count == 2)
        #expect(articles.map(\.origin) == ["https://velmora-times.test/ferry", "https://www.harbor-wire.test/vote"])
        #expect(articles.allSatisfy { $0.id.count == 16 && $0.id.allSatisfy(\.isHexDigit) })
        #expect(articles[0].title == "Velmora council approves ferry")
        #expect(articles[0].outlet == "velmora-times.test")
        #expect(articles[0].published?.description == "2025-03-05")  // the record's date: the page gives none
        #expect(articles[1].published?.description == "2025-03-04")  // the page's own date
        #expect(articles[1].text.contains("Two members of the Velmora council voted against the ferry."))
    }

    @Test func plainAndGzipPerRecordArchivesGiveThePages() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let records = Self.records()
        try Fixtures.write(bytes: records.flatMap { $0 }, to: dir + "/crawl.warc")
        try Fixtures.write(bytes: records.flatMap { Self.gzip($0) }, to: dir + "/crawl.warc.gz")
        for name in ["crawl.warc", "crawl.warc.gz"] {
            try Self.check(Pipeline().extract(paths: [dir + "/" + name]))
        }
        // A directory walk finds both; the same pages twice get distinct ids.
        let both = Pipeline().extract(paths: [dir])
        #expect(both.compactMap { try? $0.get() }.count == 4)
        #expect(Set(both.compactMap { try? $0.get().id }).count == 4)
    }

    @Test(arguments: [1, 7, 4096])
    func everyReadBoundaryGivesTheSameRecords(chunk: Int) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let records = Self.records()
        let lengths = records.map { record in
            Int(
                String(decoding: record, as: UTF8.self).components(separatedBy: "Content-Length: ")[1]
                    .prefix { $0.isNumber }) ?? -1
        }
        try Fixtures.write(bytes: records.flatMap { $0 }, to: dir + "/a.warc")
        try Fixtures.write(bytes: records.flatMap { Self.gzip($0) }, to: dir + "/a.warc.gz")
        for name in ["a.warc", "a.warc.gz"] {
            let reader = try WARCReader(path: dir + "/" + name, maxBlockBytes: 1 << 20, chunk: chunk)
            var read: [WARCRecord] = []
            while let record = try reader.next() { read.append(record) }
            #expect(
                read.map(\.type) == ["warcinfo", "request", "response", "metadata", "response", "response", "response"])
            #expect(read.map(\.block.count) == lengths)
        }
        // A block over the limit comes back with its header only, and the records after it are read.
        let reader = try WARCReader(path: dir + "/a.warc.gz", maxBlockBytes: 100, chunk: chunk)
        var kinds: [(String?, Bool)] = []
        while let record = try reader.next() { kinds.append((record.type, record.oversized)) }
        #expect(kinds.count == 7 && kinds.filter(\.1).count == lengths.filter { $0 > 100 }.count)
        #expect(lengths.filter { $0 > 100 }.count >= 2)
    }

    @Test func aCutFileKeepsTheRecordsBeforeTheCutAndNamesIt() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = Self.records().prefix(5).flatMap { $0 }
        try Fixtures.write(bytes: Array(bytes.dropLast(200)), to: dir + "/cut.warc")
        let results = Pipeline().extract(paths: [dir + "/cut.warc"])
        #expect(results.compactMap { try? $0.get() }.map(\.origin) == ["https://velmora-times.test/ferry"])
        let failure = try #require(
            results.compactMap { result -> Failure? in
                if case .failure(let failure) = result { return failure }
                return nil
            }.first)
        #expect(failure.origin.hasSuffix("cut.warc") && failure.reason.contains("record 5"), "\(failure)")
        // Not a WARC at all.
        try Fixtures.write("just text, no records\n", to: dir + "/text.warc")
        let text = Pipeline().extract(paths: [dir + "/text.warc"])
        #expect(text.count == 1 && (try? text[0].get()) == nil)
    }

    @Test func theHTTPParserUndoesChunkingAndCodingAndRefusesWhatItCannotRead() throws {
        let body = Array("<html><body>hello</body></html>".utf8)
        let payload = try HTTPPayload.parse(
            Self.http(
                "200 OK", headers: ["Transfer-Encoding: chunked", "Content-Encoding: gzip"],
                body: Self.chunked(Self.gzip(body), size: 7)), maxBodyBytes: 1000)
        #expect(payload.status == 200 && payload.body == body && payload.isHTML)
        for bad in [
            Array("no status line".utf8), Array("HTTP/1.1 abc\r\n\r\n".utf8),
            Self.http("200 OK", headers: ["Transfer-Encoding: chunked"], body: Array("zz\r\nab\r\n0\r\n\r\n".utf8)),
            Self.http("200 OK", headers: ["Transfer-Encoding: chunked"], body: Array("ff\r\nab".utf8)),
            Self.http("200 OK", headers: ["Content-Encoding: br"], body: body),
            Self.http("200 OK", headers: ["Content-Encoding: gzip"], body: body),
        ] {
            #expect(throws: HTTPPayload.Failure.self) { try HTTPPayload.parse(bad, maxBodyBytes: 1000) }
        }
        #expect(throws: HTTPPayload.Failure.tooLarge(limit: 10)) {
            try HTTPPayload.parse(Self.http("200 OK", headers: [], body: body), maxBodyBytes: 10)
        }
    }
}
