import TriangulateText

/// One record of a WARC file (ISO 28500): its header fields (names lowercased) and its content block, or only its
/// header when the block was over the size limit (`oversized`, the block skipped unread).
public struct WARCRecord: Sendable {
    public var fields: [String: String]
    public var block: [UInt8]
    public var oversized = false

    public var type: String? { fields["warc-type"]?.lowercased() }
    public var targetURI: String? { fields["warc-target-uri"] }
    public var date: String? { fields["warc-date"] }
}

/// Why a WARC file could not be read on: it names the file and where in it.
public struct WARCError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var record: Int
    public var reason: String

    public var description: String { "\(path): record \(record): \(reason)" }
}

/// Reads a WARC file's records one at a time, in bounded memory: plain `.warc` or `.warc.gz` (any number of gzip
/// members; CC-NEWS ships one per record). A record over `maxBlockBytes` comes back with its header only.
public final class WARCReader {
    let source: StreamSource
    let maxBlockBytes: Int
    /// Records read so far (the number of the last one).
    public private(set) var records = 0
    static let maxHeaderLine = 64 * 1024
    static let maxHeaderLines = 1000

    /// `chunk`: bytes read from the file at a time (tests read a byte at a time to cross every boundary).
    public init(path: String, maxBlockBytes: Int, chunk: Int = 1 << 20) throws(WARCError) {
        do {
            source = try StreamSource(path: path, chunk: chunk)
        } catch {
            throw WARCError(path: path, record: 0, reason: Self.reason(error))
        }
        self.maxBlockBytes = maxBlockBytes
    }

    /// A WARC file's bytes already in memory (`name` names it in errors).
    public init(bytes: [UInt8], name: String, maxBlockBytes: Int) throws(WARCError) {
        do {
            source = try StreamSource(bytes: bytes, name: name)
        } catch {
            throw WARCError(path: name, record: 0, reason: Self.reason(error))
        }
        self.maxBlockBytes = maxBlockBytes
    }

    /// Bytes of the file read so far.
    public var bytesRead: Int { source.consumed }

    /// The next record; nil at the end of the file. An error is about this record (the file cannot be read past it).
    public func next() throws(WARCError) -> WARCRecord? {
        do {
            return try record()
        } catch {
            throw WARCError(path: source.path, record: records, reason: Self.reason(error))
        }
    }

    private func record() throws(StreamSource.Failure) -> WARCRecord? {
        // Blank lines between records, then the version line.
        var line: [UInt8]
        repeat {
            guard let next = try source.line(limit: Self.maxHeaderLine) else { return nil }
            line = next
        } while Self.isBlank(line)
        records += 1
        guard line.starts(with: Array("WARC/".utf8)) else { throw .corrupt("no WARC version line") }
        let fields = try Self.fields(from: source)
        guard let text = fields["content-length"], let length = Int(text.trimming(" ")), length >= 0 else {
            throw .corrupt("no Content-Length")
        }
        if length > maxBlockBytes {
            try source.skip(length)
            return WARCRecord(fields: fields, block: [], oversized: true)
        }
        let block = try source.take(length)
        guard block.count == length else { throw .corrupt("cut short (\(block.count) of \(length) bytes)") }
        return WARCRecord(fields: fields, block: block)
    }

    /// Header lines up to the blank line: `Name: value`, continuation lines (starting with a space or tab) joined.
    static func fields(from source: StreamSource) throws(StreamSource.Failure) -> [String: String] {
        var fields: [String: String] = [:]
        var last: String?
        for _ in 0..<maxHeaderLines {
            guard let line = try source.line(limit: maxHeaderLine) else { throw .corrupt("the header has no end") }
            if isBlank(line) { return fields }
            let text = String(decoding: line, as: UTF8.self).trimming("\r\n")
            if let first = line.first, first == 0x20 || first == 0x09, let name = last {
                fields[name, default: ""] += " " + text.trimming(" \t")
            } else if let colon = text.firstIndex(of: ":") {
                let name = text[..<colon].lowercased().trimming(" \t")
                fields[name] = String(text[text.index(after: colon)...]).trimming(" \t")
                last = name
            }
        }
        throw .corrupt("more than \(maxHeaderLines) header lines")
    }

    static func isBlank(_ line: [UInt8]) -> Bool { line.allSatisfy { $0 == 0x0D || $0 == 0x0A } }

    static func reason(_ failure: StreamSource.Failure) -> String {
        switch failure {
        case .unreadable(let reason): return "cannot be read: \(reason)"
        case .corrupt(let reason): return reason
        }
    }
}
