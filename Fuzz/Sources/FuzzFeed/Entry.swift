import Triangulate

/// The feed reader: root detection, libxml2's recovering XML parser through the shim, RSS / RDF / Atom items, and
/// extraction of the items that carry their text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = Feed.looksLikeFeed(bytes)
    guard let feed = Feed.parse(bytes) else { return 0 }
    let extract = Extract()
    for item in feed.items.prefix(4) {
        guard let content = item.content else { continue }
        let page = "<html><body><article>" + content + "</article></body></html>"
        _ = try? extract.article(
            from: Document(id: "item", origin: item.link ?? "item", kind: .html, bytes: Array(page.utf8)))
    }
    return 0
}
