import Triangulate

/// Cluster and Corroborate on articles made from the input: blocks separated by a blank line are articles (at most
/// eight), their lines paragraphs. Exercises claim alignment, conflicts, quotes across outlets and lineage.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStory(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let blocks = text.split(separator: "\n\n", omittingEmptySubsequences: true).prefix(8)
    var articles: [Article] = []
    for (number, block) in blocks.enumerated() {
        let lines = block.split(separator: "\n").map(String.init)
        guard !lines.isEmpty else { continue }
        var article = Article(id: "a\(number)", origin: "a\(number).txt", paragraphs: Array(lines.dropFirst()))
        article.title = lines[0]
        article.outlet = "Outlet \(number % 3)"
        articles.append(article)
    }
    let annotated = articles.compactMap { try? Annotate().annotateWithinLimits($0) }
    let pipeline = Pipeline()
    for story in pipeline.stories(annotated) {
        _ = JSONReport.render(AnalysisResult(articles: annotated, stories: [story], failures: []))
        _ = MarkdownReport.render(AnalysisResult(articles: annotated, stories: [story], failures: []))
    }
    return 0
}
