import Testing

@testable import Triangulate

/// What is not one slot in dispute, each on sentences written for this test (invented outlets, places and events):
/// figures an order apart, two figures two outlets each give, and an open bound against a figure on its side.
@Suite("Conflicts stay on one slot")
struct ConflictSlotTests {
    func story(_ texts: [[String]]) throws -> Story {
        let articles = try texts.enumerated().map { index, paragraphs in
            try Fixtures.analyze(paragraphs.joined(separator: "\n\n"), id: "o\(index + 1)")
        }
        return Corroborate().story(id: "s", articles: articles)
    }

    @Test func aGamesYardsAndASeasonsYardsAreNotInDispute() throws {
        let story = try story([
            ["Receiver Held After Traffic Stop", "Teller caught two passes for 25 yards in the playoff loss."],
            ["Receiver Arrested", "Teller caught 59 passes for 1,098 yards in the playoff season."],
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric })
    }

    @Test func twoDistancesTwoOutletsEachGiveAreTwoQuantities() throws {
        let story = try story([
            ["Quake Shakes Coast", "The quake struck 135 kilometers west of Portvale and 35 kilometers from Dunmere."],
            [
                "Strong Quake Hits Coast",
                "The quake struck 135 kilometers west of Portvale, 35 kilometers from Dunmere.",
            ],
            ["Coast Quake Felt Widely", "The quake struck 75 kilometers west of Portvale, officials said."],
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric && $0.subject.contains("kilometers") })
    }

    @Test func anOpenBoundAgreesWithAFigureOnItsSide() throws {
        let story = try story([
            ["Jury Deadlocks", "The jury deadlocked after more than 30 hours of deliberations over four days."],
            ["No Verdict On Sentence", "The jury deadlocked after 40 hours of deliberations over four days."],
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric })
    }

    /// A trial's second day and a witness's testimony the day before are two happenings of one story, not one day in
    /// dispute; the same happening on two weekdays still is.
    @Test func weekdaysOfTwoHappeningsAreNotInDispute() throws {
        let twoHappenings = try story([
            [
                "Venn Trial Enters Second Day",
                "The murder trial of Dario Venn in the shooting of a young girl continued on Wednesday in county court.",
            ],
            [
                "Witness Names Venn",
                "A witness in the murder trial of Dario Venn in the shooting of a young girl identified him on Tuesday in county court.",
            ],
        ])
        #expect(!twoHappenings.conflicts.contains { $0.kind == .date })
        let oneHappening = try story([
            ["Fire At Dunmere Depot", "The fire at the Dunmere bus depot broke out early Tuesday in a storage shed."],
            [
                "Depot Blaze",
                "The fire at the Dunmere bus depot started shortly before midnight on Monday in a storage shed.",
            ],
        ])
        let conflict = try #require(oneHappening.conflicts.first { $0.kind == .date })
        #expect(Set(conflict.positions.map(\.statement)) == ["Tuesday", "Monday"])
    }
}
