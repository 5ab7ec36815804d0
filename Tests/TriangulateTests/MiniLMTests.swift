import Foundation
import Testing

@testable import Triangulate
import TriangulateMiniLM

/// The MiniLM sentence encoder: errors that name the file, and, on the genuine weights (`make test` installs them with
/// `make minilm` into .build/minilm; without them these tests fail), tokenization, meaning and the alignment decision
/// on sentences written here. scripts/check-minilm.py compares the forward pass with a numpy reference.
@Suite("MiniLM")
struct MiniLMTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/minilm").standardized.path
    static func model() throws -> MiniLM { try MiniLM(directory: directory) }

    @Test func aMissingModelNamesTheFileAndTheFix() throws {
        let error = #expect(throws: MiniLMError.self) { try MiniLM(directory: "/nonexistent/minilm") }
        #expect(error == .missing(path: "/nonexistent/minilm/config.json"))
        #expect(error?.description.contains("make minilm") == true)
    }

    @Test func brokenWeightsAreNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minilm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = #"{"hidden_size": 4, "num_attention_heads": 2, "num_hidden_layers": 1, "intermediate_size": 8}"#
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.json"))
        try Data("[PAD]\n[UNK]\n[CLS]\n[SEP]\nthe\n".utf8).write(to: folder.appendingPathComponent("vocab.txt"))
        let weights = folder.appendingPathComponent("model.safetensors")
        // A header that claims more bytes than the file has.
        try Data([0xFF, 0xFF, 0, 0, 0, 0, 0, 0] + Array("{}".utf8)).write(to: weights)
        let error = #expect(throws: MiniLMError.self) { try MiniLM(directory: folder.path) }
        guard case .malformed(let path, _) = error else {
            Issue.record("expected a malformed-file error, got \(String(describing: error))")
            return
        }
        #expect(path.hasSuffix("model.safetensors"))
        // A well-formed file that lacks the model's tensors.
        let header = Array(#"{"x": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}"#.utf8)
        var bytes = (0..<8).map { UInt8((header.count >> (8 * $0)) & 0xFF) }
        bytes += header + [0, 0, 128, 63]
        try Data(bytes).write(to: weights)
        let missing = #expect(throws: MiniLMError.self) { try MiniLM(directory: folder.path) }
        #expect(missing?.description.contains("word_embeddings") == true)
        // A shape whose element count overflows is refused, not multiplied.
        let huge = Array(#"{"x": {"dtype": "F32", "shape": [536870912, 536870912, 16], "data_offsets": [0, 4]}}"#.utf8)
        bytes = (0..<8).map { UInt8((huge.count >> (8 * $0)) & 0xFF) }
        bytes += huge + [0, 0, 128, 63]
        try Data(bytes).write(to: weights)
        let overflow = #expect(throws: MiniLMError.self) { try MiniLM(directory: folder.path) }
        #expect(overflow?.description.contains("impossible shape") == true)
    }

    @Test func tokensAreBERTsUncasedWordPieces() throws {
        let model = try Self.model()
        // [CLS] the judge [SEP] in BERT's uncased vocabulary; an unknown scalar becomes [UNK] (100).
        #expect(model.tokens("The judge") == [101, 1996, 3648, 102])
        #expect(model.tokens("\u{1F9EA}") == [101, 100, 102])
        #expect(model.tokens(String(repeating: "word ", count: 1_000)).count == 256)
    }

    @Test func restatementsAreCloserThanNeighbours() throws {
        let vectors = try Self.model().encode([
            "The reserve will be depleted in 2041.",
            "The fund is projected to run dry by 2041.",
            "The council approved a new bus depot on Tuesday.",
        ])
        func cosine(_ a: Int, _ b: Int) -> Float { zip(vectors[a], vectors[b]).reduce(0) { $0 + $1.0 * $1.1 } }
        #expect(abs(cosine(0, 0) - 1) < 1e-4)
        #expect(cosine(0, 1) > 0.5)
        #expect(cosine(0, 1) > cosine(0, 2) + 0.3)
    }

    @Test func meaningLiftsRestatementsButKeepsNumberChecks() throws {
        let meaning = ClaimAlignment(configuration: .meaning(try Self.model()))
        let lexical = ClaimAlignment()
        // Few shared words: meaning lifts the pair, and says so.
        let arrest = (
            "Police arrested two men in connection with the robbery.",
            "Two suspects were taken into custody over the heist, police said."
        )
        let decision = meaning.compare(arrest.0, arrest.1)
        #expect(decision.similarity > lexical.compare(arrest.0, arrest.1).similarity + 0.05)
        #expect(decision.why.contains { $0.hasPrefix("meaning: cosine") })
        #expect(
            meaning.compare(
                "The mayor resigned on Friday after weeks of pressure.",
                "The mayor stepped down Friday following weeks of mounting pressure."
            ).aligned)
        // The same subject saying something else stays apart.
        #expect(
            !meaning.compare(
                "The mayor resigned on Friday after weeks of pressure.", "The mayor opened a new library on Friday."
            ).aligned)
        // Cosine is blind to numbers: the number check still keeps two figures for one unit apart.
        let cut = meaning.compare(
            "The carmaker will cut 2,000 jobs in Ohio.", "The carmaker will cut 5,000 jobs in Ohio.")
        #expect(!cut.aligned)
        #expect(cut.why.contains { $0.contains("different numbers") })
    }
}
