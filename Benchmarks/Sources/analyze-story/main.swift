// Time to analyze 50 articles of one story: annotate + cluster + corroborate, in memory, release build.
// The 50 articles are made from one event of the Examples corpus (default: its first event folder): each original
// article appears in ten variants, each leaving out a different paragraph and rotating the rest, so the story has
// realistic overlap without 50 identical texts. Prints the median and best of `--runs` runs (default 15).
// `--articles N` sets the story size; `--one-article-bytes N` analyzes one article of about N bytes instead;
// `--minilm DIR` corroborates with the MiniLM encoder (CorroborateConfiguration.meaning).
// `--distinct N` instead corroborates the first N real ECB+ documents (../../shared/bench/clustering, 982 distinct
// articles of 86 events) as one story: every claim is different text, so nothing is cheap because it repeats;
// `--distinct-one-article N` joins their paragraphs into one article (N = 982: 1.8 MB of distinct text).
import EvalSupport
import Foundation
import Triangulate
import TriangulateMiniLM

var folder: String?
var runs = 15
var count = 50
/// Instead of a story of many articles: one article of about this many bytes (the corpus's paragraphs, repeated).
var oneArticleBytes: Int?
/// Instead of variants of one event: this many distinct real articles, corroborated as one story.
var distinct: Int?
/// With `distinct`: the documents' paragraphs as one article.
var oneDistinctArticle = false
var configuration = PipelineConfiguration()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--runs": runs = arguments.popFirst().flatMap(Int.init) ?? runs
    case "--articles": count = arguments.popFirst().flatMap(Int.init) ?? count
    case "--one-article-bytes": oneArticleBytes = arguments.popFirst().flatMap(Int.init)
    case "--distinct": distinct = arguments.popFirst().flatMap(Int.init)
    case "--distinct-one-article":
        distinct = arguments.popFirst().flatMap(Int.init) ?? 982
        oneDistinctArticle = true
    case "--minilm":
        do {
            configuration.corroborate = .meaning(try MiniLM(directory: arguments.popFirst() ?? MiniLM.defaultPath))
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
    default: folder = argument
    }
}
if let distinct {
    distinctStory(distinct, runs: runs, configuration: configuration.corroborate, asOneArticle: oneDistinctArticle)
    exit(0)
}
let examples = "../Examples"
let story =
    folder
    ?? ((try? FileManager.default.contentsOfDirectory(atPath: examples))?.sorted()
        .map { examples + "/" + $0 }.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        } ?? examples)

let extract = Extract()
let originals: [Article] = Ingest().documents(from: [story]).compactMap { result in
    guard case .success(let document) = result else { return nil }
    return try? extract.article(from: document)
}
guard !originals.isEmpty else {
    FileHandle.standardError.write(Data("no articles under \(story)\n".utf8))
    exit(1)
}
var articles: [Article] = []
var variant = 0
while articles.count < count {
    for original in originals where articles.count < count {
        var article = original
        article.id = "\(original.id)-v\(variant)"
        if article.paragraphs.count > 2 {
            let drop = variant % article.paragraphs.count
            article.paragraphs.remove(at: drop)
            let shift = variant % article.paragraphs.count
            article.paragraphs = Array(article.paragraphs[shift...] + article.paragraphs[..<shift])
        }
        articles.append(article)
    }
    variant += 1
}
if let oneArticleBytes {
    var big = articles[0]
    big.id = "one-article"
    var paragraphs: [String] = []
    var size = 0
    var round = 0
    while size < oneArticleBytes {
        for paragraph in articles[round % articles.count].paragraphs where size < oneArticleBytes {
            paragraphs.append(paragraph)
            size += paragraph.utf8.count + 2
        }
        round += 1
    }
    big.paragraphs = paragraphs
    articles = [big]
}
let bytes = articles.reduce(0) { $0 + $1.text.utf8.count }
let annotate = Annotate()
let pipeline = Pipeline(configuration: configuration)
var times: [Double] = []
var stories = 0
var facts = 0
let clock = ContinuousClock()
for _ in 0..<runs {
    let start = clock.now
    let annotated = annotate.annotate(batch: articles)
    let result = pipeline.stories(annotated)
    let elapsed = start.duration(to: clock.now)
    times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    stories = result.count
    facts = result.reduce(0) { $0 + $1.facts.count }
}
times.sort()
print("articles: \(articles.count) from \(story) (\(bytes) bytes), stories: \(stories), facts: \(facts), runs: \(runs)")
print(
    String(
        format: "analyze one story of %d articles: median %.1f ms, best %.1f ms", articles.count,
        times[times.count / 2], times[0]))
