import TriangulateText
import Foundation

// The pieces of a story that follow from its groups of claims: copies, facts, disputed status, per-source scores.
extension Corroborate {
    /// Copies in a story: whole-article and passage copies found here, plus known ones between its members, with
    /// lookups by copy (article → original) and by pasted passage ("article#paragraph" → original).
    struct Copies {
        var lineage: [LineageEdge]
        var articles: [String: String]
        var passages: [String: String]
    }

    func copies(_ articles: [AnnotatedArticle], knownCopies: [LineageEdge], members: Set<String>) -> Copies {
        let lineage = Lineage(articles, containment: configuration.copyContainment)
        var edges = lineage.articleCopies + lineage.passageCopies
        for edge in knownCopies where members.contains(edge.copy) && members.contains(edge.original) {
            if !edges.contains(where: { $0.copy == edge.copy && $0.passage == nil }) { edges.append(edge) }
        }
        let copies = Dictionary(
            edges.filter { $0.passage == nil }.map { ($0.copy, $0.original) }, uniquingKeysWith: { a, _ in a })
        let passages = Dictionary(
            lineage.passageCopies.compactMap { edge in edge.passage.map { ("\(edge.copy)#\($0)", edge.original) } },
            uniquingKeysWith: { a, _ in a })
        return Copies(lineage: edges, articles: copies, passages: passages)
    }

    /// One group of claims as a fact: its sources in story order, counted independently (copies and pasted passages
    /// count for their original).
    func fact(number: Int, members: [Claim], statement: String, order: ArticleOrder, copied: Copies) -> Fact {
        let sources = Self.ordered(members.map(\.article), order)
        let independent = Lineage.independentCount(
            sources, copies: copied.articles,
            pasted: { article in
                // The article carries the fact in a passage pasted from another source: what it adds around the
                // excerpt restates it.
                members.lazy.filter { $0.article == article }.compactMap { claim in
                    claim.paragraph.flatMap { copied.passages["\(article)#\($0)"] }
                }.first
            })
        return Fact(
            id: "fact-\(number + 1)", statement: statement, sources: sources, independentSources: independent,
            status: independent >= 2 ? .corroborated : .singleSource,
            evidence: members.map { Evidence(article: $0.article, sentence: $0.sentence) })
    }

    /// A fact is disputed when its own evidence takes two sides of one conflict.
    static func markDisputed(_ story: inout Story) {
        // Evidence sentence → (conflict, position) pairs that cite it: each fact looks up its own sentences.
        var citing: [String: [(conflict: Int, position: Int)]] = [:]
        for (c, conflict) in story.conflicts.enumerated() {
            for (p, position) in conflict.positions.enumerated() {
                for sentence in Set(position.evidence) { citing[sentence, default: []].append((c, p)) }
            }
        }
        guard !citing.isEmpty else { return }
        for index in story.facts.indices {
            var positions: [Int: Set<Int>] = [:]
            for sentence in Set(story.facts[index].evidence.map(\.sentence)) {
                for (conflict, position) in citing[sentence] ?? [] { positions[conflict, default: []].insert(position) }
            }
            if positions.values.contains(where: { $0.count >= 2 }) { story.facts[index].status = .disputed }
        }
    }

    /// Per article: facts it states, how many corroborated, unique, contradicted, flagged (one pass over each list).
    static func sourceScores(_ story: Story) -> [SourceScore] {
        var counts: [String: (facts: Int, corroborated: Int, unique: Int, contradicted: Int, flags: Int)] = [:]
        for fact in story.facts {
            for article in Set(fact.sources) {
                counts[article, default: (0, 0, 0, 0, 0)].facts += 1
                if fact.independentSources >= 2 { counts[article, default: (0, 0, 0, 0, 0)].corroborated += 1 }
                if fact.sources.count == 1 { counts[article, default: (0, 0, 0, 0, 0)].unique += 1 }
            }
        }
        for conflict in story.conflicts {
            for article in Set(conflict.positions.flatMap(\.sources)) {
                counts[article, default: (0, 0, 0, 0, 0)].contradicted += 1
            }
        }
        for flag in story.flags { counts[flag.article, default: (0, 0, 0, 0, 0)].flags += 1 }
        return story.articles.map { article in
            let count = counts[article] ?? (0, 0, 0, 0, 0)
            return SourceScore(
                article: article, facts: count.facts, corroborated: count.corroborated, unique: count.unique,
                contradicted: count.contradicted, flags: count.flags)
        }
    }
}
