import Triangulate

/// Plain-text input as Ingest and Extract see a file: gzip, UTF-16, binary sniffing, decoding, header and debris
/// rules. Any outcome but a crash, a hang or a leak is fine.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(var document) = Ingest().document(from: bytes, path: "fuzz.txt") else { return 0 }
    document.kind = .text
    _ = try? Extract().article(from: document)
    return 0
}
