import Testing

@testable import Triangulate

/// A figure whose own outlet gives the slot's words another figure ("seven rebounds" of one player, "six rebounds" of
/// another) does not say which of the two another outlet's figure is: no dispute unless the claims are aligned or
/// name the same people. Figures an outlet credits to two sources, or dates in another year, are not such rivals.
/// Sentences written for these tests (invented teams, people and places).
@Suite("Conflicts and figures an outlet gives twice")
struct ConflictRivalTests {
    func story(_ texts: [[String]]) throws -> Story { try Fixtures.story(texts) }

    @Test func aFigureWhoseOutletGivesTheSlotTwiceIsNotDisputed() throws {
        let story = try story([
            [
                "Otters Rout Pikes",
                "Lena Ortiz had 24 points and seven rebounds as the Otters routed the Pikes at home. Marco Bell added six rebounds off the bench for the Otters.",
            ],
            ["Otters Roll On", "The center finished with nine rebounds in the rout of the Pikes on Saturday."],
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric && $0.subject.contains("rebounds") })
    }

    /// The same stories without the second player: one figure against another, a dispute.
    @Test func aFigureGivenOnceIsStillDisputed() throws {
        let story = try story([
            [
                "Otters Rout Pikes",
                "Lena Ortiz had 24 points and seven rebounds as the Otters routed the Pikes at home.",
            ],
            ["Otters Roll On", "The center finished with nine rebounds in the rout of the Pikes on Saturday."],
        ])
        #expect(story.conflicts.contains { $0.kind == .numeric && $0.subject.contains("rebounds") })
    }

    /// One outlet credits seven rebounds to one player, another nine to a second player, a third eight to "the
    /// center": the unnamed figure could be either player's, and the two named ones are two players' figures, so
    /// the three are not one quantity in dispute.
    @Test func figuresOfTwoNamedPeopleAreNotOneSlot() throws {
        let story = try story([
            ["Otters Rout Pikes", "Lena Ortiz had seven rebounds as the Otters routed the Pikes at home on Saturday."],
            ["Otters Roll On", "Marco Bell had nine rebounds as the Otters routed the Pikes at home on Saturday."],
            ["Pikes Fall Again", "The center had eight rebounds as the Otters routed the Pikes at home on Saturday."],
        ])
        #expect(!story.conflicts.contains { $0.positions.contains { $0.statement.contains("rebounds") } })
    }

    /// An outlet that credits 30 to the agency and 42 to the hospital reports a dispute; another outlet's 40 is
    /// still in it.
    @Test func figuresCreditedToTwoSourcesAreNotRivals() throws {
        let story = try story([
            [
                "Shelling Hits School",
                "The Norland Relief Agency said 30 people were killed in the shelling of the Carvel school. Dunmore Hospital said 42 people were killed in the shelling of the school.",
            ],
            [
                "School Shelled",
                "Witnesses counted 40 people killed after shells struck the Carvel school on Tuesday night.",
            ],
        ])
        #expect(story.conflicts.contains { $0.kind == .numeric })
    }

    /// A toll of an earlier quake in another year is history: the outlet's two tolls are not rivals for the other
    /// outlet's figure of this one.
    @Test func aFigureOfAnotherYearIsNoRival() throws {
        let story = try story([
            [
                "Quake Rocks Portvale",
                "A powerful quake rocked Portvale on Sunday, killing four people and injuring dozens. The last big quake in the region, in 2002, killed three people.",
            ],
            [
                "Deadly Quake In Portvale",
                "Rescuers searching collapsed farmhouses in the hills said five people were killed.",
            ],
        ])
        #expect(story.conflicts.contains { $0.kind == .numeric })
    }

    /// Figures of sentences dated in two different years are two times' figures.
    @Test func figuresOfTwoYearsAreNotInDispute() throws {
        let story = try story([
            ["Carvel Floods Again", "The flood of 2011 killed three people in Carvel, the county said."],
            ["Flood Toll In Carvel", "The flood of 2013 killed five people in Carvel, the county said."],
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric })
    }
}
