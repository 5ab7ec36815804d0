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
    func fact(number: Int, members: [Claim], statement: String, order: [String], copied: Copies) -> Fact {
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
        for index in story.facts.indices {
            let sentences = Set(story.facts[index].evidence.map(\.sentence))
            let split = story.conflicts.contains { conflict in
                conflict.positions.filter { !sentences.isDisjoint(with: $0.evidence) }.count >= 2
            }
            if split { story.facts[index].status = .disputed }
        }
    }

    /// Per article: facts it states, how many corroborated, unique, contradicted, flagged.
    static func sourceScores(_ story: Story) -> [SourceScore] {
        story.articles.map { article in
            let mine = story.facts.filter { $0.sources.contains(article) }
            return SourceScore(
                article: article, facts: mine.count, corroborated: mine.filter { $0.independentSources >= 2 }.count,
                unique: mine.filter { $0.sources.count == 1 }.count,
                contradicted: story.conflicts.filter { $0.positions.contains { $0.sources.contains(article) } }.count,
                flags: story.flags.filter { $0.article == article }.count)
        }
    }
}
