import Triangulate

/// A web page through the attribute limits, the C shim over libxml2's HTML parser, the tree and the extractor.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let document = Document(id: "fuzz", origin: "fuzz.html", kind: .html, bytes: bytes)
    _ = try? Extract().article(from: document)
    return 0
}
