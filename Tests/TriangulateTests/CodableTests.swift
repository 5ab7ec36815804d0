import Foundation
import Testing

@testable import Triangulate

/// The model types are the contract: JSONDecoder reads what `JSONReport` writes into the same values, and
/// JSONEncoder's output reads back unchanged.
@Suite("Codable model")
struct CodableTests {
    static let result = Pipeline().analyze(paths: [Fixtures.seeds, Fixtures.examples])

    @Test func theContractsJSONDecodesIntoTheModel() throws {
        let json = JSONReport.render(Self.result)
        let decoded = try JSONDecoder().decode(AnalysisResult.self, from: Data(json.utf8))
        #expect(decoded.articles.count == Self.result.articles.count)
        #expect(decoded.stories == Self.result.stories)
        #expect(decoded.failures == Self.result.failures)
        for (a, b) in zip(decoded.articles, Self.result.articles) {
            #expect(a.annotations == b.annotations, "\(a.article.id)")
            var expected = b.article
            expected.credits = []  // not part of the contract's article
            #expect(a.article == expected, "\(a.article.id)")
        }
    }

    @Test func jsonEncoderRoundTrips() throws {
        let data = try JSONEncoder().encode(Self.result)
        let decoded = try JSONDecoder().decode(AnalysisResult.self, from: data)
        #expect(decoded == Self.result)
    }

    @Test func calendarDatesAreISOAtTheirGranularity() throws {
        for text in ["2026-01-31", "2026-01", "2026", "--01-31", "--01"] {
            #expect(CalendarDate(iso: text)?.iso == text)
        }
        for text in ["2026-02-30", "2026-13", "--13-01", "20260131", "", "2026-1-5", "x"] {
            #expect(CalendarDate(iso: text) == nil, "\(text)")
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}
