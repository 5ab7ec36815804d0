import TriangulateText
import CDeflate

/// Gzip decompression through libdeflate, with a cap on the output size (a small .gz can expand to gigabytes).
/// libdeflate decompresses a whole buffer at once, about twice as fast as zlib's streaming inflate; the output
/// buffer is sized from the size the gzip trailer records and grown (up to the cap) when that is wrong.
enum Gzip {
    enum Failure: Error, Equatable {
        case corrupt(String)
        case tooLarge(limit: Int)
    }

    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// Every gzip member of `input` (concatenated .gz files are one stream), decompressed and joined; at most
    /// `limit` bytes in all. Bytes after the last member that do not start another one (padding) are ignored.
    static func decompress(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        guard let decompressor = libdeflate_alloc_decompressor() else {
            throw .corrupt("libdeflate could not start")
        }
        defer { libdeflate_free_decompressor(decompressor) }
        var output: [UInt8] = []
        var offset = 0
        while offset < input.count, isGzip(Array(input[offset..<min(input.count, offset + 2)])) {
            let (member, consumed) = try decompressMember(
                input[offset...], limit: limit - output.count, decompressor: decompressor)
            output += member
            offset += max(consumed, 1)
        }
        return output
    }

    /// One member at the start of `input`: its bytes and how many input bytes it took.
    private static func decompressMember(
        _ input: ArraySlice<UInt8>, limit: Int, decompressor: OpaquePointer
    ) throws(Failure) -> ([UInt8], Int) {
        // The trailer's ISIZE: the uncompressed size modulo 2^32 (little-endian, last four bytes) — of the last
        // member only, so only a first guess.
        var recorded = 0
        if input.count >= 18 {
            for offset in 1...4 { recorded = recorded << 8 | Int(input[input.endIndex - offset]) }
        }
        var capacity = recorded > 0 && recorded <= limit ? recorded : min(limit, max(1 << 16, input.count * 4))
        while true {
            var result = LIBDEFLATE_SUCCESS
            var consumed = 0
            let output = [UInt8](unsafeUninitializedCapacity: max(capacity, 1)) { buffer, count in
                var produced = 0
                result = input.withUnsafeBytes { raw in
                    libdeflate_gzip_decompress_ex(
                        decompressor, raw.baseAddress, raw.count, buffer.baseAddress, capacity, &consumed, &produced)
                }
                count = result == LIBDEFLATE_SUCCESS ? produced : 0
            }
            switch result {
            case LIBDEFLATE_SUCCESS: return (output, consumed)
            case LIBDEFLATE_INSUFFICIENT_SPACE:
                if capacity >= limit { throw .tooLarge(limit: limit) }
                capacity = min(limit, max(capacity * 2, 1))
            default: throw .corrupt("invalid or truncated gzip data")
            }
        }
    }
}
