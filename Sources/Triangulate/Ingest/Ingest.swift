import TriangulateText
import Foundation

/// Stage 1: turns paths named by the user into `Document`s. Directories are walked in sorted order so that the same
/// tree always yields the same sequence; a bad file becomes a failure naming it, and the rest goes on.
public struct Ingest: Sendable {
    public var configuration: IngestConfiguration

    public init(configuration: IngestConfiguration = .default) {
        self.configuration = configuration
    }

    /// One result per file found under `paths`, in order: the paths as given, directory contents sorted by name.
    public func documents(from paths: [String]) -> [Result<Document, IngestError>] {
        inputs(from: paths).map { input in input.flatMap { read($0.path, explicitlyNamed: $0.named) } }
    }

    /// A file to read: its path, and whether the user named it (rather than a directory holding it).
    public struct Input: Sendable, Hashable {
        public var path: String
        public var named: Bool
    }

    /// What a walk over the named paths found: the files to read (a failure in place of a path that is missing,
    /// not a regular file, or an empty directory) and the entries passed over, with why.
    public struct Scan: Sendable {
        public var inputs: [Result<Input, IngestError>]
        public var skipped: [SkippedInput]
    }

    /// The files `documents(from:)` would read, in the same order, without reading them. Each file is listed once
    /// however many paths or links reach it.
    public func scan(_ paths: [String]) -> Scan {
        var walk = DirectoryWalk(configuration: configuration)
        for path in paths { walk.add(named: path) }
        return Scan(inputs: walk.inputs, skipped: walk.skipped)
    }

    /// `scan(paths).inputs`.
    public func inputs(from paths: [String]) -> [Result<Input, IngestError>] { scan(paths).inputs }

    /// Reads one file (it must be a regular file: a FIFO or device is refused without blocking). Whether it is
    /// text is decided by its content, never by its name; `explicitlyNamed` is kept for callers' bookkeeping.
    public func read(_ path: String, explicitlyNamed: Bool = true) -> Result<Document, IngestError> {
        let bytes: [UInt8]
        switch FileReader.read(path, limit: configuration.maxFileBytes) {
        case .success(let read): bytes = read
        case .failure(let error): return .failure(error)
        }
        return document(from: bytes, path: path)
    }

    /// Bytes of a file (or of a request body) → a document: gzip members inflated (within the limit), UTF-16 turned
    /// into UTF-8, binary content and empty files refused. `path` names the input in errors and gives the id.
    public func document(from raw: [UInt8], path: String) -> Result<Document, IngestError> {
        var bytes = raw
        if Gzip.isGzip(bytes) {
            do {
                bytes = try Gzip.decompress(bytes, limit: configuration.maxDecompressedBytes)
            } catch {
                switch error {
                case .tooLarge(let limit): return .failure(.tooLargeDecompressed(path: path, limit: limit))
                case .corrupt(let reason): return .failure(.badCompression(path: path, reason: reason))
                }
            }
        }
        if let utf8 = TextDecoder.utf8(fromUTF16WithBOM: bytes) { bytes = utf8 }
        if let kind = BinarySniffer.binaryKind(of: bytes) { return .failure(.binary(path: path, looksLike: kind)) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(.empty(path: path))
        }
        let feed = Feed.looksLikeFeed(bytes)
        let ext = Self.fileExtension(path)
        if !feed && ["xml", "rss", "atom"].contains(ext) {
            return .failure(.unsupportedType(path: path, fileExtension: ext))
        }
        let kind: Document.Kind = feed ? .feed : Self.looksLikeHTML(path: path, bytes: bytes) ? .html : .text
        return .success(Document(id: Self.articleID(forPath: path), origin: path, kind: kind, bytes: bytes))
    }

    /// The contract's article id: the file name without its extension (for web pages, without every one of
    /// `.gz`, `.html`, `.htm`).
    public static func articleID(forPath path: String) -> String {
        var name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        var strippedPage = false
        for suffix in [".gz", ".html", ".htm", ".gz"]
        where name.lowercased().hasSuffix(suffix) && name.count > suffix.count {
            name.removeLast(suffix.count)
            strippedPage = true
        }
        if strippedPage { return name }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// An .html/.htm name (before any .gz), or markup at the start of the bytes.
    static func looksLikeHTML(path: String, bytes: [UInt8]) -> Bool {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".html") || name.hasSuffix(".htm") { return true }
        let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<head")
    }

    /// README, LICENSE, CHANGELOG … files found while walking a directory are documentation, not articles.
    /// (Named explicitly, they are read like any other file.)
    static func isProjectDocument(_ name: String) -> Bool {
        let stem = articleID(forPath: name).uppercased()
        return ["README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE", "AUTHORS", "COPYING"].contains(
            stem)
    }

    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}

/// Recognises bytes that are not text: known binary signatures, or NUL and control bytes in the first 8 KiB.
enum BinarySniffer {
    static let signatures: [(prefix: [UInt8], name: String)] = [
        ([0x25, 0x50, 0x44, 0x46], "PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "GIF image"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"),
        ([0x1F, 0x8B], "gzip data"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        ([0x42, 0x5A, 0x68], "bzip2 data"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz data"),
        ([0x52, 0x49, 0x46, 0x46], "RIFF media"),
        ([0x53, 0x51, 0x4C, 0x69, 0x74, 0x65], "SQLite database"),
    ]

    static func binaryKind(of bytes: [UInt8]) -> String? {
        for (prefix, name) in signatures where bytes.starts(with: prefix) { return name }
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return nil }
        var nul = 0
        var control = 0
        for byte in sample {
            if byte == 0 {
                nul += 1
            } else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
                control += 1
            }
        }
        if nul > 0 && nul * 100 >= sample.count { return "\(nul) NUL bytes in the first \(sample.count)" }
        if (nul + control) * 10 >= sample.count { return "mostly control bytes" }
        return nil
    }
}
