/// Turns texts into sentence vectors whose cosine Corroborate blends into its claim similarity
/// (`AlignmentWeights.embedding`). The core knows only this protocol; `StaticEmbeddings` and TriangulateMiniLM's
/// transformer implement it.
public protocol SentenceEncoder: Sendable {
    /// What the encoder reads (a file or a folder): two encoders of one identity encode alike.
    var identity: String { get }
    /// One L2-normalized vector per text, in order (all zeros for a text with nothing to encode).
    func encode(_ texts: [String]) -> [[Float]]
}

/// A sentence encoder as a configuration value: equal when the identities are.
public struct SentenceEncoding: Sendable, Hashable {
    public let encoder: any SentenceEncoder

    public init(_ encoder: any SentenceEncoder) { self.encoder = encoder }

    public static func == (a: SentenceEncoding, b: SentenceEncoding) -> Bool {
        a.encoder.identity == b.encoder.identity
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(encoder.identity) }
}

extension StaticEmbeddings: SentenceEncoder {
    public var identity: String { path }
    public func encode(_ texts: [String]) -> [[Float]] { texts.map { encode($0) } }
}
