import Foundation
import Triangulate

/// The three files of a model folder (`config.json`, `vocab.txt`, `model.safetensors`), each read and checked, every
/// error naming the file.
struct MiniLMFiles {
    let directory: String

    struct Settings {
        var hidden: Int
        var heads: Int
        var layers: Int
        var inner: Int
        var epsilon: Float
    }

    struct Vocabulary {
        var wordPiece: WordPiece
        var classToken: Int32
        var separatorToken: Int32
        /// Rows the word table needs: ids are line numbers (a repeated line leaves a gap, not a hole).
        var rows: Int
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    func read(_ name: String) throws(MiniLMError) -> [UInt8] {
        let path = path(name)
        guard FileManager.default.fileExists(atPath: path) else { throw MiniLMError.missing(path: path) }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
        } catch {
            throw MiniLMError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// BERT's sizes from `config.json`: GELU activations, the hidden size a multiple of the heads, sizes in range.
    func settings() throws(MiniLMError) -> Settings {
        let config = try read("config.json")
        guard let settings = try? JSONSerialization.jsonObject(with: Data(config)) as? [String: Any],
            let hidden = settings["hidden_size"] as? Int, let heads = settings["num_attention_heads"] as? Int,
            let layers = settings["num_hidden_layers"] as? Int, let inner = settings["intermediate_size"] as? Int,
            (settings["hidden_act"] as? String ?? "gelu") == "gelu",
            hidden > 0, heads > 0, hidden % heads == 0, layers > 0, layers <= 64, inner > 0
        else { throw MiniLMError.malformed(path: path("config.json"), detail: "not a BERT configuration with gelu") }
        let epsilon = settings["layer_norm_eps"] as? Double ?? 1e-12
        guard epsilon.isFinite, epsilon > 0, epsilon < 1, hidden <= 65_536, inner <= 1 << 20 else {
            throw MiniLMError.malformed(path: path("config.json"), detail: "layer_norm_eps or sizes out of range")
        }
        return Settings(hidden: hidden, heads: heads, layers: layers, inner: inner, epsilon: Float(epsilon))
    }

    /// `vocab.txt`: one token per line, the line number its id; [CLS], [SEP] and [UNK] must be there.
    func vocabulary() throws(MiniLMError) -> Vocabulary {
        var table: [String: Int32] = [:]
        for (index, line) in try read("vocab.txt").split(separator: 0x0A, omittingEmptySubsequences: false)
            .enumerated() where !line.isEmpty
        {
            table[String(decoding: line, as: UTF8.self)] = Int32(clamping: index)
        }
        guard let cls = table["[CLS]"], let sep = table["[SEP]"], let unk = table["[UNK]"] else {
            throw MiniLMError.malformed(path: path("vocab.txt"), detail: "no [CLS], [SEP] or [UNK] token")
        }
        return Vocabulary(
            wordPiece: WordPiece(vocabulary: table, unknown: unk), classToken: cls, separatorToken: sep,
            rows: Int(table.values.max() ?? 0) + 1)
    }
}

/// The float tensors of `model.safetensors`, taken by name with the shape the model needs.
struct MiniLMTensors {
    let tensors: [String: SafeTensors.Tensor]
    let path: String
    let hidden: Int

    init(_ files: MiniLMFiles, hidden: Int) throws(MiniLMError) {
        path = files.path("model.safetensors")
        tensors = try SafeTensors(bytes: try files.read("model.safetensors"), path: path).tensors
        self.hidden = hidden
    }

    func tensor(_ name: String, _ shape: [Int]) throws(MiniLMError) -> [Float] {
        guard let found = tensors[name] else {
            throw MiniLMError.malformed(path: path, detail: "no float tensor \(name)")
        }
        guard found.shape == shape else {
            throw MiniLMError.malformed(path: path, detail: "\(name) is \(found.shape), expected \(shape)")
        }
        return found.values
    }

    func linear(_ name: String, _ output: Int, _ input: Int) throws(MiniLMError) -> MiniLM.Linear {
        MiniLM.Linear(
            weight: try tensor(name + ".weight", [output, input]), bias: try tensor(name + ".bias", [output]),
            output: output, input: input)
    }

    func norm(_ name: String) throws(MiniLMError) -> (weight: [Float], bias: [Float]) {
        (try tensor(name + ".weight", [hidden]), try tensor(name + ".bias", [hidden]))
    }

    /// Encoder layer `index` of a model whose feed-forward layer is `inner` wide.
    func layer(_ index: Int, inner: Int) throws(MiniLMError) -> MiniLM.Layer {
        let p = "encoder.layer.\(index)."
        return MiniLM.Layer(
            query: try linear(p + "attention.self.query", hidden, hidden),
            key: try linear(p + "attention.self.key", hidden, hidden),
            value: try linear(p + "attention.self.value", hidden, hidden),
            attentionOutput: try linear(p + "attention.output.dense", hidden, hidden),
            attentionNorm: try norm(p + "attention.output.LayerNorm"),
            intermediate: try linear(p + "intermediate.dense", inner, hidden),
            output: try linear(p + "output.dense", hidden, inner),
            outputNorm: try norm(p + "output.LayerNorm"))
    }
}
