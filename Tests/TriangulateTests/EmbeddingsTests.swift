import Foundation
import Testing

@testable import Triangulate
import TriangulateText

/// The static-embeddings reader on a table written here (four tokens, two dimensions): tokenization, pooling and the
/// errors that name the file. The distilled MiniLM table itself is optional (`make embeddings`).
@Suite("Static embeddings")
struct EmbeddingsTests {
    /// A TRIEMB1 file: tokens and their 2-d vectors as Float16.
    static func table(_ tokens: [(String, Float, Float)]) -> [UInt8] {
        var bytes = Array("TRIEMB1\n".utf8)
        func append(_ value: Int, width: Int) { for k in 0..<width { bytes.append(UInt8((value >> (8 * k)) & 0xFF)) } }
        append(tokens.count, width: 4)
        append(2, width: 4)
        for (token, _, _) in tokens {
            append(token.utf8.count, width: 2)
            bytes += Array(token.utf8)
        }
        for (_, x, y) in tokens {
            for value in [x, y] { append(Int(Float16(value).bitPattern), width: 2) }
        }
        return bytes
    }

    @Test func textsPoolTheirWordPieces() throws {
        let bytes = Self.table([("fire", 1, 0), ("blaze", 0.9, 0.1), ("budget", 0, 1), ("##s", 0, 0)])
        let table = try StaticEmbeddings(bytes: bytes, path: "test.bin")
        let fire = table.encode("Fires!")
        let blaze = table.encode("the BLAZE")
        let budget = table.encode("budget")
        #expect(StaticEmbeddings.cosine(fire, blaze) > 0.95)
        #expect(StaticEmbeddings.cosine(fire, budget) < 0.05)
        #expect(table.encode("nothing known here").allSatisfy { $0 == 0 })
    }

    @Test func badFilesAreRefusedNamingThePath() throws {
        let good = Self.table([("fire", 1, 0)])
        #expect(throws: EmbeddingsError.badMagic(path: "x.bin")) {
            try StaticEmbeddings(bytes: Array("not a table at all".utf8), path: "x.bin")
        }
        #expect(throws: EmbeddingsError.self) { try StaticEmbeddings(bytes: Array(good.dropLast(3)), path: "x.bin") }
        #expect(throws: EmbeddingsError.missingFile(path: "/nonexistent/t.bin")) {
            try StaticEmbeddings(path: "/nonexistent/t.bin")
        }
        #expect(EmbeddingsError.missingFile(path: "t.bin").description.contains("make embeddings"))
    }
}
