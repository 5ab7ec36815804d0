import Triangulate

/// The web-archive reader (plain or gzip, record headers, blocks), the HTTP payload parser (status, headers,
/// chunking, gzip/deflate) and, for the first pages found, extraction: every record of the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let reader = try? WARCReader(bytes: bytes, name: "fuzz.warc", maxBlockBytes: 1 << 16) else { return 0 }
    let pipeline = Pipeline()
    var pages = 0
    while let record = try? reader.next() {
        _ = try? HTTPPayload.parse(record.block, maxBodyBytes: 1 << 18)
        if pages < 4, case .success(let document)? = pipeline.document(of: record, number: reader.records, in: "fuzz") {
            pages += 1
            _ = try? Extract().article(from: document)
        }
    }
    return 0
}
