import Triangulate

/// The JSON-lines reader of `cluster` (and `align`): every line parsed as a cluster item and as an {a, b} pair.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var items: [ClusterItem] = []
    JSONLines.forEachLine(in: bytes) { line, number in
        if let item = try? ClusterItem.parse(line: line, number: number) { items.append(item) }
        _ = try? JSONLines.strings(in: line, keys: ["a", "b"], line: number)
    }
    // Clustering is linear in the items; a few dozen reach every branch and keep the executions fast.
    if !items.isEmpty { _ = Cluster().cluster(Array(items.prefix(48))) }
    return 0
}
