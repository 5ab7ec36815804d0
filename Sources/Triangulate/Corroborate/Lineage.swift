import TriangulateText
/// Who copies whom inside a story, found once: whole articles most of whose word 8-grams appear in an earlier
/// article, and pasted passages (a paragraph most of whose 8-grams appear in another article: a quoted excerpt, a
/// block quote of another outlet's report). Shared 8-grams are counted through an index from each 8-gram to the
/// first `indexHolders` articles holding it.
struct Lineage {
    private(set) var articleCopies: [LineageEdge] = []
    private(set) var passageCopies: [LineageEdge] = []

    /// Articles per 8-gram the index keeps (the earliest): bounds the cost when hundreds carry one wire text.
    static let indexHolders = 64
    /// A paragraph needs this many words to be tested as a pasted passage.
    static let passageWords = 16

    init(_ articles: [AnnotatedArticle], containment threshold: Double) {
        // One article copies nothing: a story of one long article skips the shingling.
        guard articles.count >= 2 else { return }
        let paragraphs = articles.map { item in item.article.paragraphs.map(Self.shingles) }
        let shingles = paragraphs.map { $0.reduce(into: Set<UInt64>()) { $0.formUnion($1) } }
        var holders: [UInt64: [Int]] = [:]
        for (index, set) in shingles.enumerated() {
            for shingle in set where holders[shingle, default: []].count < Self.indexHolders {
                holders[shingle, default: []].append(index)
            }
        }
        // Shared 8-grams per other article, counted in a dense array (most articles of a big story share some).
        var tally = [Int](repeating: 0, count: articles.count)
        var touched: [Int] = []
        func shared(_ set: Set<UInt64>, excluding j: Int) -> [(article: Int, count: Int)] {
            for shingle in set {
                for i in holders[shingle] ?? [] where i != j {
                    if tally[i] == 0 { touched.append(i) }
                    tally[i] += 1
                }
            }
            let counts = touched.sorted().map { (article: $0, count: tally[$0]) }
            for i in touched { tally[i] = 0 }
            touched.removeAll(keepingCapacity: true)
            return counts
        }
        for j in articles.indices where !shingles[j].isEmpty {
            var whole = false
            for (i, count) in shared(shingles[j], excluding: j) {
                let containment = Double(count) / Double(shingles[j].count)
                guard containment >= threshold, Self.isLater(articles[j], than: articles[i], j, i) else { continue }
                articleCopies.append(
                    LineageEdge(copy: articles[j].article.id, original: articles[i].article.id, similarity: containment)
                )
                whole = true
                break
            }
            guard !whole else { continue }
            for (number, passage) in paragraphs[j].enumerated() where passage.count + 7 >= Self.passageWords {
                let counts = shared(passage, excluding: j)
                guard
                    let (i, count) = counts.max(by: {
                        $0.count != $1.count ? $0.count < $1.count : $0.article > $1.article
                    }),
                    Double(count) / Double(passage.count) >= 0.8, Self.isLater(articles[j], than: articles[i], j, i)
                else { continue }
                passageCopies.append(
                    LineageEdge(
                        copy: articles[j].article.id, original: articles[i].article.id,
                        similarity: Double(count) / Double(passage.count), passage: number))
            }
        }
    }

    /// The later (or, undated, the later in input order) is the copy.
    static func isLater(_ a: AnnotatedArticle, than b: AnnotatedArticle, _ j: Int, _ i: Int) -> Bool {
        if let x = a.article.published?.dayNumber, let y = b.article.published?.dayNumber, x != y { return x > y }
        return j > i
    }

    /// Word 8-grams of a text, each a hash of the words' 64-bit FNV-1a hashes: deterministic, no strings built.
    static func shingles(_ text: String) -> Set<UInt64> {
        let words = Terms.words(text).map { word in
            word.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
        guard words.count >= 8 else { return [] }
        return Set(
            (0...(words.count - 8)).map { start in
                words[start..<(start + 8)].reduce(UInt64(0x8422_2325)) { ($0 ^ $1) &* 0x100_0000_01b3 }
            })
    }

    /// Sources that count as independent: not a copy of another source, and not carrying the fact only in a passage
    /// pasted from another source (`pasted` gives that source for an article, or nil).
    static func independentCount(
        _ sources: [String], copies: [String: String], pasted: (String) -> String? = { _ in nil }
    ) -> Int {
        let set = Set(sources)
        return sources.filter { source in
            if let original = copies[source], set.contains(original) { return false }
            if let original = pasted(source), original != source, set.contains(original) { return false }
            return true
        }.count
    }
}
