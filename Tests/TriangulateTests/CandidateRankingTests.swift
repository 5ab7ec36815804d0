import Testing

@testable import Triangulate

/// Candidate claims are ranked without sorting all of them: the kept ones must be exactly the first of a full sort
/// (highest score first, the lower index at a tie).
@Suite("Candidate ranking")
struct CandidateRankingTests {
    @Test func theBestAreTheFirstOfAFullSort() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 5, 24, 25, 300] {
            // Few distinct scores, so ties are common.
            let items = (0..<size).map { index in (Float(Int.random(in: 0..<7, using: &generator)), index) }
            let sorted = items.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            let best = FactGrouping.best(items.shuffled(using: &generator), count: 24)
            #expect(best.map(\.1) == sorted.prefix(24).map(\.1))
        }
    }
}
