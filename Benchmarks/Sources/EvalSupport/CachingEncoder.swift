import Foundation
import Synchronization
import Triangulate

/// A sentence encoder whose vectors are kept in a file between runs (text → vector), so that sweeping Corroborate's
/// settings on a gold set encodes each sentence once: `MINILM_CACHE=FILE` with the evals' `--minilm`. Records are
/// appended: UInt32 byte length, the UTF-8 text, UInt32 width, width × Float32 (little-endian). Tuning only.
public final class CachingEncoder: SentenceEncoder {
    let base: any SentenceEncoder
    let path: String
    let table = Mutex<[String: [Float]]>([:])

    public var identity: String { base.identity }

    public init(_ base: any SentenceEncoder, path: String) {
        self.base = base
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let bytes = [UInt8](data)
        var offset = 0
        func uint32() -> Int? {
            guard offset + 4 <= bytes.count else { return nil }
            defer { offset += 4 }
            return (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        var loaded: [String: [Float]] = [:]
        while let length = uint32(), offset + length <= bytes.count {
            let text = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
            offset += length
            guard let width = uint32(), offset + 4 * width <= bytes.count else { break }
            var vector: [Float] = []
            for _ in 0..<width { vector.append(Float(bitPattern: UInt32(uint32() ?? 0))) }
            loaded[text] = vector
        }
        table.withLock { $0 = loaded }
    }

    public func encode(_ texts: [String]) -> [[Float]] {
        let known = table.withLock { $0 }
        let missing = Array(Set(texts.filter { known[$0] == nil }))
        var added: [String: [Float]] = [:]
        if !missing.isEmpty {
            for (text, vector) in zip(missing, base.encode(missing)) { added[text] = vector }
            var record: [UInt8] = []
            func append(_ value: UInt32) { for k in 0..<4 { record.append(UInt8((value >> (8 * UInt32(k))) & 0xFF)) } }
            for (text, vector) in added {
                append(UInt32(text.utf8.count))
                record += Array(text.utf8)
                append(UInt32(vector.count))
                for value in vector { append(value.bitPattern) }
            }
            if !FileManager.default.fileExists(atPath: path) {
                FileManager.default.createFile(atPath: path, contents: nil)
            }
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(Data(record))
                handle.closeFile()
            }
            table.withLock { $0.merge(added) { a, _ in a } }
        }
        return texts.map { known[$0] ?? added[$0] ?? [] }
    }
}
