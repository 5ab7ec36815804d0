/// Raw input as it arrived: bytes plus where they came from. Produced by the Ingest stage.
public struct Document: Sendable, Hashable, Codable {
    /// Stable identifier: the file name without its extension (see DESIGN.md, "Article ids").
    public var id: String
    /// The path or URL the bytes were read from, as the user named it.
    public var origin: String
    /// What the bytes are, as far as Ingest could tell from the name and the first bytes.
    public var kind: Kind
    public var bytes: [UInt8]

    public enum Kind: String, Sendable, Hashable, Codable {
        case text
        case html
        /// An RSS or Atom feed: the pipeline reads its items, each an article.
        case feed
    }

    public init(id: String, origin: String, kind: Kind = .text, bytes: [UInt8]) {
        self.id = id
        self.origin = origin
        self.kind = kind
        self.bytes = bytes
    }
}
