/// Why an input could not be read. Every case names the input.
public enum IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case binary(path: String, looksLike: String)
    case unsupportedType(path: String, fileExtension: String)
    case empty(path: String)
    case noInputs(path: String)
    case badCompression(path: String, reason: String)
    /// A compressed file that would expand past the limit (a gzip bomb); decompression stops there.
    case tooLargeDecompressed(path: String, limit: Int)

    public var path: String {
        switch self {
        case .notFound(let path), .unreadable(let path, _), .tooLarge(let path, _, _), .binary(let path, _),
            .unsupportedType(let path, _), .empty(let path), .noInputs(let path), .badCompression(let path, _),
            .tooLargeDecompressed(let path, _):
            return path
        }
    }

    public var reason: String {
        switch self {
        case .notFound: return "no such file or directory"
        case .unreadable(_, let reason): return "cannot be read: \(reason)"
        case .tooLarge(_, let bytes, let limit):
            return "file is \(bytes) bytes, over the \(limit)-byte limit for one article"
        case .binary(_, let looksLike): return "binary content (\(looksLike)), not article text"
        case .unsupportedType(_, let ext):
            return
                ["xml", "rss", "atom"].contains(ext)
                ? "an .\(ext) file that is not an RSS or Atom feed"
                : "unsupported file type '.\(ext)' (articles are read from .txt, .md, .text, .html, .htm, feeds, "
                    + "web archives and their .gz)"
        case .empty: return "file holds no text"
        case .noInputs: return "directory holds no .txt, .md, .text, .html, .htm, .warc, .rss, .atom, .xml or .gz files"
        case .badCompression(_, let reason): return "cannot be decompressed: \(reason)"
        case .tooLargeDecompressed(_, let limit):
            return "decompresses to more than \(limit) bytes, the limit for one article (stopped there)"
        }
    }

    public var description: String { "\(path): \(reason)" }
}
