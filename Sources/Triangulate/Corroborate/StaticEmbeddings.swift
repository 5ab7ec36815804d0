import TriangulateText
import Foundation
import Synchronization

/// Why the static embeddings file could not be loaded. Every case names the file.
public enum EmbeddingsError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingFile(path: String)
    case unreadable(path: String, reason: String)
    case badMagic(path: String)
    case truncated(path: String, detail: String)
    case malformed(path: String, detail: String)

    public var description: String {
        switch self {
        case .missingFile(let path): return "\(path): no embeddings file; run `make embeddings` to build it"
        case .unreadable(let path, let reason): return "\(path): cannot be read: \(reason)"
        case .badMagic(let path): return "\(path): not a Triangulate embeddings file (no TRIEMB1 header)"
        case .truncated(let path, let detail): return "\(path): truncated: \(detail); run `make embeddings` again"
        case .malformed(let path, let detail): return "\(path): malformed: \(detail)"
        }
    }
}

/// Static sentence embeddings distilled from all-MiniLM-L6-v2 (scripts/distill-embeddings.py): one vector per
/// WordPiece token; a text is BERT-tokenised (lowercase, accents stripped, punctuation split, greedy longest-match
/// WordPiece) and its token vectors are mean-pooled and L2-normalised. Words that WordPiece cannot split are skipped.
///
/// File (little-endian): "TRIEMB1\n", UInt32 count, UInt32 dims, count × (UInt16 length, UTF-8 token), then
/// count × dims Float16.
public struct StaticEmbeddings: Sendable, Hashable {
    public static let defaultPath = ".build/embeddings/minilm-static-256.bin"
    static let magic = Array("TRIEMB1\n".utf8)

    /// The file the table was read from: two tables are the same when they come from one file.
    public let path: String
    public static func == (a: StaticEmbeddings, b: StaticEmbeddings) -> Bool { a.path == b.path }
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }

    public let dimensions: Int
    let wordPiece: WordPiece
    let matrix: [Float]

    public init(path: String = StaticEmbeddings.defaultPath) throws(EmbeddingsError) {
        guard FileManager.default.fileExists(atPath: path) else { throw EmbeddingsError.missingFile(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw EmbeddingsError.unreadable(path: path, reason: error.localizedDescription)
        }
        try self.init(bytes: [UInt8](data), path: path)
    }

    init(bytes: [UInt8], path: String) throws(EmbeddingsError) {
        self.path = path
        let magic = Self.magic
        guard bytes.starts(with: magic) else {
            let isPrefix = bytes.count < magic.count && magic.starts(with: bytes)
            throw isPrefix
                ? EmbeddingsError.truncated(path: path, detail: "\(bytes.count) bytes, header incomplete")
                : EmbeddingsError.badMagic(path: path)
        }
        func uint(at offset: Int, width: Int) -> Int {
            (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        guard bytes.count >= 16 else {
            throw EmbeddingsError.truncated(path: path, detail: "\(bytes.count) bytes, header incomplete")
        }
        let count = uint(at: 8, width: 4)
        let dims = uint(at: 12, width: 4)
        guard count > 0, count <= 10_000_000, dims > 0, dims <= 65_536 else {
            throw EmbeddingsError.malformed(path: path, detail: "header says \(count) tokens of \(dims) dimensions")
        }
        var vocabulary: [String: Int32] = [:]
        // A header may claim more tokens than the file holds: reserve only what the bytes could carry.
        vocabulary.reserveCapacity(min(count, max(0, bytes.count - 16) / 2))
        var offset = 16
        for index in 0..<count {
            guard offset + 2 <= bytes.count else {
                throw EmbeddingsError.truncated(path: path, detail: "ends inside token \(index) of \(count)")
            }
            let length = uint(at: offset, width: 2)
            offset += 2
            guard offset + length <= bytes.count else {
                throw EmbeddingsError.truncated(path: path, detail: "ends inside token \(index) of \(count)")
            }
            vocabulary[String(decoding: bytes[offset..<offset + length], as: UTF8.self)] = Int32(index)
            offset += length
        }
        let values = count * dims
        let available = bytes.count - offset
        guard available >= 2 * values else {
            throw EmbeddingsError.truncated(
                path: path, detail: "matrix has \(available) of \(2 * values) bytes (\(count) × \(dims) Float16)")
        }
        guard available == 2 * values else {
            throw EmbeddingsError.malformed(path: path, detail: "\(available - 2 * values) bytes after the matrix")
        }
        var matrix = [Float](repeating: 0, count: values)
        bytes.withUnsafeBytes { raw in
            matrix.withUnsafeMutableBufferPointer { out in
                for i in 0..<values {
                    let half = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 2 * i, as: UInt16.self))
                    out[i] = Self.float(fromHalf: half)
                }
            }
        }
        self.dimensions = dims
        self.wordPiece = WordPiece(vocabulary: vocabulary)
        self.matrix = matrix
    }

    /// IEEE binary16 to Float by bits (Swift's Float16 is not available on every platform the package names).
    @inline(__always)
    static func float(fromHalf half: UInt16) -> Float {
        let sign: UInt32 = UInt32(half & 0x8000) << 16
        let exponent = UInt32(half >> 10) & 0x1F
        let mantissa = UInt32(half & 0x3FF)
        switch exponent {
        case 0:
            let magnitude = Float(mantissa) * 0x1p-24  // zero and subnormals
            return sign == 0 ? magnitude : -magnitude
        case 31: return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13)
        default: return Float(bitPattern: sign | (exponent + 112) << 23 | mantissa << 13)
        }
    }

    /// The mean of the text's token vectors, L2-normalised; all zeros when no token is known.
    public func encode(_ text: String) -> [Float] {
        var sum = [Float](repeating: 0, count: dimensions)
        let ids = tokenIDs(text)
        guard !ids.isEmpty else { return sum }
        matrix.withUnsafeBufferPointer { rows in
            sum.withUnsafeMutableBufferPointer { out in
                for id in ids {
                    let base = Int(id) * dimensions
                    for d in 0..<dimensions { out[d] += rows[base + d] }
                }
            }
        }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return sum }
        return sum.map { $0 / norm }
    }

    public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var dot: Float = 0
        var aa: Float = 0
        var bb: Float = 0
        for i in 0..<a.count {
            dot += a[i] * b[i]
            aa += a[i] * a[i]
            bb += b[i] * b[i]
        }
        let denominator = (aa * bb).squareRoot()
        return denominator > 0 ? dot / denominator : 0
    }

    /// BERT's tokenisation of `text`, as row ids of the table.
    func tokenIDs(_ text: String) -> [Int32] { wordPiece.tokenIDs(text) }
}

extension StaticEmbeddings {
    private static let loaded = Mutex<[String: StaticEmbeddings]>([:])

    /// The table at `path`, read once per process.
    public static func shared(_ path: String) throws(EmbeddingsError) -> StaticEmbeddings {
        if let table = loaded.withLock({ $0[path] }) { return table }
        let table = try StaticEmbeddings(path: path)
        loaded.withLock { $0[path] = table }
        return table
    }
}
