import CZlib

/// Gzip decompression through zlib, with a cap on the output size (a small .gz can expand to gigabytes).
enum Gzip {
    enum Failure: Error, Equatable {
        case corrupt(String)
        case tooLarge(limit: Int)
    }

    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    static func decompress(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: zlib or gzip header, detected automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        var status: Int32 = Z_OK
        let result: Failure? = input.withUnsafeMutableBufferPointer { inputBuffer -> Failure? in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            repeat {
                status = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                guard status == Z_OK || status == Z_STREAM_END else {
                    return .corrupt(stream.msg.map { String(cString: $0) } ?? "inflate error \(status)")
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { return .tooLarge(limit: limit) }
                if status == Z_OK && produced == 0 && stream.avail_in == 0 { return .corrupt("truncated gzip data") }
            } while status != Z_STREAM_END
            return nil
        }
        if let result { throw result }
        return output
    }
}
