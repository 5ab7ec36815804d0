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

    /// The files `documents(from:)` would read, in the same order, without reading them; a path that is missing,
    /// of an unsupported type, or an empty directory is a failure in its place.
    public func inputs(from paths: [String]) -> [Result<Input, IngestError>] {
        var results: [Result<Input, IngestError>] = []
        for path in paths {
            switch files(at: path) {
            case .success(let files):
                results += files.map { .success(Input(path: $0.path, named: $0.named)) }
            case .failure(let error):
                results.append(.failure(error))
            }
        }
        return results
    }

    /// Reads one file; `explicitlyNamed` files are read whatever their extension.
    public func read(_ path: String, explicitlyNamed: Bool = true) -> Result<Document, IngestError> {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: path) else {
            return .failure(
                manager.fileExists(atPath: path) ? .unreadable(path: path, reason: "no access") : .notFound(path: path))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > configuration.maxFileBytes {
            return .failure(.tooLarge(path: path, bytes: size, limit: configuration.maxFileBytes))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.unreadable(path: path, reason: "permission denied or not a regular file"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // Read one byte past the limit: a file that grew after stat() is still refused.
            data = try handle.read(upToCount: configuration.maxFileBytes + 1) ?? Data()
        } catch {
            return .failure(.unreadable(path: path, reason: "\(error)"))
        }
        if data.count > configuration.maxFileBytes {
            return .failure(.tooLarge(path: path, bytes: data.count, limit: configuration.maxFileBytes))
        }
        var bytes = [UInt8](data)
        if Gzip.isGzip(bytes) {
            do {
                bytes = try Gzip.decompress(bytes, limit: configuration.maxDecompressedBytes)
            } catch {
                switch error {
                case .tooLarge(let limit): return .failure(.tooLarge(path: path, bytes: limit + 1, limit: limit))
                case .corrupt(let reason): return .failure(.badCompression(path: path, reason: reason))
                }
            }
        }
        if let kind = BinarySniffer.binaryKind(of: bytes) { return .failure(.binary(path: path, looksLike: kind)) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(.empty(path: path))
        }
        let kind: Document.Kind = Self.looksLikeHTML(path: path, bytes: bytes) ? .html : .text
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

    private func files(at path: String) -> Result<[(path: String, named: Bool)], IngestError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.notFound(path: path))
        }
        guard isDirectory.boolValue else {
            let ext = Self.fileExtension(path)
            guard configuration.extensions.contains(ext) || ext.isEmpty else {
                return .failure(.unsupportedType(path: path, fileExtension: ext))
            }
            return .success([(path, true)])
        }
        var found: [String] = []
        walk(directory: path, into: &found)
        if found.isEmpty { return .failure(.noInputs(path: path)) }
        return .success(found.map { ($0, false) })
    }

    private func walk(directory: String, into found: inout [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names.sorted() {
            if !configuration.includeHidden && name.hasPrefix(".") { continue }
            let child = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if configuration.recursive { walk(directory: child, into: &found) }
            } else if configuration.extensions.contains(Self.fileExtension(name)), !Self.isProjectDocument(name) {
                found.append(child)
            }
        }
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
