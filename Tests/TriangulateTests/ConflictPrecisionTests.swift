import Testing

@testable import Triangulate

/// What is not a disagreement between outlets although the words around two values match, each on sentences written
/// for this test (invented outlets, people, places and events): a value the other outlet also gives, a figure about
/// someone else, a figure replaced in its own sentence, two moments of one game, a weekday with nothing done on it, and
/// a participle no outcome list names.
@Suite("Conflicts only between accounts of one value")
struct ConflictPrecisionTests {
    func story(_ texts: [[String]]) throws -> Story { try Fixtures.story(texts) }

    /// Two values of one article in different sentences: the other outlet's six matches the six, and the 14 is
    /// left alone.
    @Test func aValueMatchedInOneSentenceIsNotDisputedWithAnother() throws {
        let story = try story([
            [
                "Storm Flattens Houses",
                "The storm flattened six houses in Dunmore on Monday night. The storm flattened 14 houses in Carvel on Monday night, the county said.",
            ],
            ["Storm Hits Dunmore", "The storm flattened six houses in Dunmore on Monday night, the county said."],
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric })
    }

    /// The other outlet's six is the first outlet's six, not its 14.
    @Test func aValueBothOutletsGiveIsMatchedAndNotAlsoDisputed() throws {
        let story = try story([
            [
                "Storm Flattens Houses",
                "The storm flattened six houses in Dunmore and damaged 14 houses in Carvel on Monday night.",
            ],
            ["Storm Hits Dunmore", "The storm flattened six houses in Dunmore on Monday night, the county said."],
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric })
    }

    @Test func figuresAboutTwoPeopleAreTwoQuantities() throws {
        let different = try story([
            ["Otters Win Final", "Lena Ortiz caught nine passes for the Otters in the final against Westbrook."],
            ["Final Goes To Otters", "Marco Bell caught six passes for the Otters in the final against Westbrook."],
        ])
        #expect(!different.conflicts.contains { $0.kind == .numeric })
        let same = try story([
            ["Otters Win Final", "Lena Ortiz caught nine passes for the Otters in the final against Westbrook."],
            ["Final Goes To Otters", "Lena Ortiz caught six passes for the Otters in the final against Westbrook."],
        ])
        #expect(same.conflicts.contains { $0.kind == .numeric })
    }

    /// Two officials' tolls of one crash disagree: who says a figure is its source, not what it is about.
    @Test func whoReportsAFigureIsNotWhoItIsAbout() throws {
        let story = try story([
            [
                "Bus Crash Near Carvel",
                "Sheriff Dana Holt said 12 people were killed when the bus left the Pell Road near Carvel on Monday.",
            ],
            [
                "Crash On Pell Road",
                "Mayor Ken Ruiz said nine people were killed when the bus left the Pell Road near Carvel on Monday.",
            ],
        ])
        #expect(story.conflicts.contains { $0.kind == .numeric })
    }

    /// "Raised from $2 to $3": the outlet's fare is $3, and that is what disagrees with another outlet's $2.
    @Test func aFigureReplacedInItsSentenceIsHistory() throws {
        let story = try story([
            ["Fare Goes Up", "The Dunmore transit board raised the bus fare from $2 to $3 for the new year."],
            ["Fare Stays", "The Dunmore transit board kept the bus fare at $2 for the new year."],
        ])
        let conflict = try #require(story.conflicts.first { $0.kind == .numeric })
        #expect(conflict.positions.contains { $0.statement == "$3" && $0.sources == ["o1"] })
        #expect(conflict.positions.contains { $0.statement == "$2" && $0.sources == ["o2"] })
    }

    @Test func twoScoresOfOneGameAreTwoMomentsUnlessOneIsOffByAPoint() throws {
        let moments = try story([
            ["Otters Beat Pikes", "The Otters led the Pikes 24-20 at the half at Harbor Arena."],
            ["Pikes Fall", "The Otters led the Pikes 83-58 late in the game at Harbor Arena."],
        ])
        #expect(!moments.conflicts.contains { $0.kind == .numeric })
        let disputed = try story([
            ["Otters Beat Pikes", "Two free throws by Abel Reyes gave the Otters a 45-35 lead over the Pikes."],
            ["Pikes Fall", "Two free throws by Abel Reyes gave the Otters a 45-36 lead over the Pikes."],
        ])
        #expect(disputed.conflicts.contains { $0.kind == .numeric })
    }

    /// "Wednesday's loss" and "Friday's loss" name no happening on the day: two games, not one in dispute.
    @Test func aWeekdayWithNoVerbDatesNothingInDispute() throws {
        let story = try story([
            ["Coach Under Fire", "The team heard loud boos in Wednesday's home loss at the arena."],
            ["Coach Fired", "Friday night's home loss at the arena, the team's eighth, was the last straw."],
        ])
        #expect(!story.conflicts.contains { $0.kind == .date })
        let dated = try self.story([
            ["Warehouse Fire", "The fire broke out in the Carvel warehouse on Tuesday, the fire chief said."],
            ["Carvel Fire", "The fire broke out in the Carvel warehouse on Wednesday, the fire chief said."],
        ])
        #expect(dated.conflicts.contains { $0.kind == .date })
    }

    @Test func anOutcomeIsDisputedOnlyOfOnePersonAndInTheOutletsOwnWords() throws {
        let people = try story([
            ["Arrest In Barn Fires", "Dario Voss was charged with arson in the Carvel barn fires."],
            ["Neighbor Questioned", "Ben Hale has not been charged with arson in the Carvel barn fires."],
        ])
        #expect(!people.conflicts.contains { $0.kind == .outcome })
        let one = try story([
            ["Arrest In Barn Fires", "Dario Voss was charged with arson in the Carvel barn fires."],
            ["Suspect Questioned", "Dario Voss has not been charged with arson in the Carvel barn fires."],
        ])
        #expect(one.conflicts.contains { $0.kind == .outcome })
        let quoted = try story([
            ["Arrest In Barn Fires", "Police charged Dario Voss with three counts of arson after the barn fires."],
            [
                "Mayor Speaks On Fires",
                "The mayor said Dario Voss “has not been charged with anything” after the barn fires.",
            ],
        ])
        #expect(!quoted.conflicts.contains { $0.kind == .outcome })
        let unlisted = try story([
            ["Fire Cause Found", "Investigators determined the cause of the Carvel warehouse fire on Monday."],
            ["Fire Cause Unknown", "The cause of the Carvel warehouse fire has not been determined, officials said."],
        ])
        #expect(!unlisted.conflicts.contains { $0.kind == .outcome })
    }

    /// A calendar day dates what its nearest verb tells: the day a shooting was reported is not the day it happened.
    @Test func aCalendarDayOfAnotherHappeningIsNotDisputed() throws {
        let other = try story([
            ["Teenager Shot In Portvale", "The teenager was shot by a guard on March 6 near the Portvale market."],
            [
                "Protests Over Shooting",
                "Fresh protests over the shooting of the teenager by a guard near the Portvale market were reported on March 13.",
            ],
        ])
        #expect(!other.conflicts.contains { $0.kind == .date })
        let same = try story([
            ["Teenager Shot In Portvale", "The teenager was shot by a guard on March 6 near the Portvale market."],
            [
                "Shooting At Market",
                "The teenager was shot by a guard on March 7 near the Portvale market, police said.",
            ],
        ])
        #expect(same.conflicts.contains { $0.kind == .date })
    }
}
