import Testing

@testable import Triangulate
import TriangulateText

/// Names merged across a story's articles: an organization goes by its first word only when that word is a name.
@Suite("Story names")
struct StoryNamesTests {
    func names(_ texts: [String]) throws -> StoryNames {
        StoryNames(try texts.enumerated().map { index, text in try Fixtures.analyze(text, id: "o\(index + 1)") })
    }

    @Test func organizationsOpeningWithTheAreTwoAndTheWordIsNoName() throws {
        // Outlets of the gazetteer keep their "The" ("The Age", "The Hill"); invented events around them.
        let names = try names([
            "Harbor Birds Counted\n\nThe Age reported on Monday that 4,000 terns nested on the Brakesville pier.",
            "Storm Warning Lifted\n\nThe Hill reported that the warning for Brakesville bay was lifted on Monday.",
        ])
        let organizations = names.order.compactMap(names.name).filter { $0.kind == .organization }
        #expect(organizations.contains { $0.display.hasSuffix("Age") })
        #expect(organizations.contains { $0.display.hasSuffix("Hill") })
        #expect(Set(organizations.map(\.key)).count == organizations.count)
        // "the" of an ordinary sentence names nobody.
        #expect(names.find(in: Terms.words("the storm reached the bay before the tide")).isEmpty)
    }

    @Test func aCommonFirstWordIsNotTheOrganization() throws {
        let names = try names([
            "Guard Deployed\n\nThe National Guard sent 300 soldiers to Brakesville on Tuesday.",
            "Storm Tracked\n\nThe National Hurricane Center said the storm would reach Brakesville by Tuesday.",
        ])
        let keys = names.find(in: Terms.words("the national guard and the national hurricane center")).map(\.key)
        #expect(keys.count == 2 && Set(keys).count == 2)
        #expect(names.find(in: Terms.words("a national holiday was declared")).isEmpty)
    }

    @Test func aDistinctiveFirstWordStillStandsForTheOrganization() throws {
        let names = try names([
            "Norvex Cuts Jobs\n\nNorvex Industries said on Monday it would cut 200 jobs at its Tarlow plant.",
            "Plant Jobs Cut\n\nThe cuts at Norvex will hit the Tarlow plant hardest, the union said.",
        ])
        let found = names.find(in: Terms.words("norvex said the plant would close"))
        #expect(found.count == 1)
        #expect(found.first.flatMap { names.name($0.key) }?.kind == .organization)
    }
}
