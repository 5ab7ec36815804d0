import Triangulate

/// The annotator on arbitrary paragraphs: sentences, quotes, quantities, dates, entities, attributions, speakers.
/// The first line is the title, the bytes are decoded as Extract decodes text (invalid UTF-8 repaired).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnnotate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    guard !lines.isEmpty else { return 0 }
    var article = Article(id: "fuzz", origin: "fuzz.txt", paragraphs: [])
    article.title = lines.removeFirst()
    article.paragraphs = lines
    _ = try? Annotate().annotateWithinLimits(article)
    return 0
}
