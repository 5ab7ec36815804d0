import Foundation

/// The float32 tensors of a safetensors file (8-byte little-endian header length, a JSON header naming each tensor's
/// dtype, shape and byte range, then the data). Other dtypes are skipped; every range is checked against the file.
struct SafeTensors {
    struct Tensor {
        var shape: [Int]
        var values: [Float]
    }

    private(set) var tensors: [String: Tensor] = [:]

    init(bytes: [UInt8], path: String) throws(MiniLMError) {
        guard bytes.count >= 8 else { throw MiniLMError.malformed(path: path, detail: "shorter than its header") }
        let declared = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        guard declared <= UInt64(bytes.count - 8) else {
            throw MiniLMError.malformed(path: path, detail: "header of \(declared) bytes in a file of \(bytes.count)")
        }
        let headerLength = Int(declared)
        let base = 8 + headerLength
        guard let header = try? JSONSerialization.jsonObject(with: Data(bytes[8..<base])) as? [String: Any] else {
            throw MiniLMError.malformed(path: path, detail: "header is not a JSON object")
        }
        for (name, value) in header where name != "__metadata__" {
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int], offsets.count == 2
            else { throw MiniLMError.malformed(path: path, detail: "tensor \(name) has no dtype, shape or offsets") }
            guard dtype == "F32" else { continue }
            var count = 1
            for dimension in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
                guard dimension >= 0, !overflow, product <= Int(Int32.max) else {
                    throw MiniLMError.malformed(path: path, detail: "tensor \(name) has an impossible shape \(shape)")
                }
                count = product
            }
            let start = offsets[0]
            let end = offsets[1]
            guard start >= 0, end >= start, end <= bytes.count - base, end - start == 4 * count else {
                throw MiniLMError.malformed(path: path, detail: "tensor \(name) lies outside the file")
            }
            var values = [Float](repeating: 0, count: count)
            bytes.withUnsafeBytes { raw in
                for i in 0..<count {
                    let bits = UInt32(
                        littleEndian: raw.loadUnaligned(fromByteOffset: base + start + 4 * i, as: UInt32.self))
                    values[i] = Float(bitPattern: bits)
                }
            }
            tensors[name] = Tensor(shape: shape, values: values)
        }
    }
}
