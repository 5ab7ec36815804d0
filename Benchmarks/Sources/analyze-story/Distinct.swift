import EvalSupport
import Foundation
import Triangulate

/// Annotates and corroborates the first `count` ECB+ documents as one story and prints the median and best time of
/// `runs` runs, annotation and corroboration apart. `asOneArticle`: their paragraphs joined into one article instead
/// (one long article of distinct text).
func distinctStory(_ count: Int, runs: Int, configuration: CorroborateConfiguration, asOneArticle: Bool = false) {
    let rows = jsonLines("../../shared/bench/clustering/ecbplus.jsonl")
    let extract = Extract()
    var articles: [Article] = rows.prefix(count).compactMap { row in
        guard let id = row["id"] as? String, let text = row["text"] as? String else { return nil }
        return try? extract.article(from: Document(id: id, origin: id, bytes: Array(text.utf8)))
    }
    if asOneArticle, var one = articles.first {
        one.id = "one-article"
        one.paragraphs = articles.flatMap { $0.paragraphs }
        articles = [one]
    }
    guard !articles.isEmpty else {
        FileHandle.standardError.write(Data("no ECB+ documents under ../../shared/bench/clustering\n".utf8))
        exit(1)
    }
    let clock = ContinuousClock()
    func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
    var annotating: [Double] = []
    var corroborating: [Double] = []
    var facts = 0
    for _ in 0..<max(1, runs) {
        let start = clock.now
        let annotated = Annotate().annotate(batch: articles)
        let middle = clock.now
        let story = Corroborate(configuration: configuration).story(id: "distinct", articles: annotated)
        annotating.append(milliseconds(start.duration(to: middle)))
        corroborating.append(milliseconds(middle.duration(to: clock.now)))
        facts = story.facts.count
    }
    annotating.sort()
    corroborating.sort()
    let bytes = articles.reduce(0) { $0 + $1.text.utf8.count }
    print(
        "distinct ECB+ documents: \(count) as \(articles.count) articles (\(bytes) bytes) as one story, facts: \(facts), runs: \(runs)"
    )
    print(
        String(
            format: "annotate median %.1f ms, corroborate median %.1f ms (best %.1f ms)",
            annotating[annotating.count / 2], corroborating[corroborating.count / 2], corroborating[0]))
}
