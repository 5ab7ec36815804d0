import Foundation
import Testing

@testable import Triangulate
import TriangulateText

/// Ids of stories, facts and conflicts stay put when a story is analyzed again or grows by a later article.
@Suite("Stable ids")
struct StableIDTests {
    static let seedFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.seeds)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { Fixtures.seeds + "/" + $0 }
    }()

    @Test func aStoryKeepsItsIdsWhenALaterArticleJoins() throws {
        try #require(Self.seedFiles.count == 5)
        let before = Pipeline().analyze(paths: Array(Self.seedFiles.prefix(4)))
        let after = Pipeline().analyze(paths: Self.seedFiles)
        let small = try #require(before.stories.first)
        let large = try #require(after.stories.first { $0.articles.count == 5 })
        // The founding article (the seeds are undated: the smallest id) names the story.
        #expect(small.id == "story-000_307a43678fa9b139")
        #expect(large.id == small.id)
        let newcomer = "004_61b8991cae34652a"
        // A fact the fifth article does not touch (same sentences, same statement) keeps its id after it joins.
        var compared = 0
        for fact in small.facts {
            let evidence = Set(fact.evidence.map { "\($0.article)|\($0.sentence)" })
            guard
                let same = large.facts.first(where: { other in
                    !other.sources.contains(newcomer) && other.statement == fact.statement
                        && Set(other.evidence.map { "\($0.article)|\($0.sentence)" }) == evidence
                })
            else { continue }
            compared += 1
            #expect(same.id == fact.id, "\(fact.statement.prefix(60))")
        }
        #expect(compared >= small.facts.count / 2)
        let ids = large.facts.map(\.id) + large.conflicts.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("fact-") || $0.hasPrefix("conflict-") })
    }

    @Test func theFoundingArticleIsTheEarliestPublished() {
        var early = Article(id: "zeta", origin: "zeta.txt", paragraphs: ["x"])
        early.published = CalendarDate(year: 2024, month: 3, day: 1)
        var late = Article(id: "alpha", origin: "alpha.txt", paragraphs: ["x"])
        late.published = CalendarDate(year: 2024, month: 3, day: 2)
        let undated = Article(id: "aaa", origin: "aaa.txt", paragraphs: ["x"])
        #expect(StableIDs.storyID([late, undated, early]) == "story-zeta")
        #expect(StableIDs.storyID([undated, Article(id: "bbb", origin: "bbb.txt", paragraphs: ["x"])]) == "story-aaa")
    }
}
