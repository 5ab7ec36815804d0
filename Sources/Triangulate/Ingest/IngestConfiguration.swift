import TriangulateText
/// Settings of the Ingest stage; the defaults here are the ones the CLI uses.
public struct IngestConfiguration: Sendable, Hashable {
    /// File name extensions read when walking a directory (lowercase, without the dot).
    public var extensions: Set<String>
    /// Files larger than this are refused before any byte is read.
    public var maxFileBytes: Int
    /// A compressed file may not expand beyond this.
    public var maxDecompressedBytes: Int
    /// Walk into subdirectories.
    public var recursive: Bool
    /// Walk into hidden files and directories (names starting with ".").
    public var includeHidden: Bool

    public init(
        extensions: Set<String> = ["txt", "md", "text", "html", "htm", "gz", "warc", "rss", "atom", "xml"],
        maxFileBytes: Int = 16 * 1024 * 1024,
        maxDecompressedBytes: Int = 64 * 1024 * 1024,
        recursive: Bool = true,
        includeHidden: Bool = false
    ) {
        self.extensions = extensions
        self.maxFileBytes = maxFileBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.recursive = recursive
        self.includeHidden = includeHidden
    }

    public static let `default` = IngestConfiguration()
}
