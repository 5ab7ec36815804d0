import Testing

@testable import Triangulate

/// What is not one slot in dispute, each on sentences written for this test (invented outlets, places and events):
/// figures an order apart, two figures two outlets each give, and an open bound against a figure on its side.
@Suite("Conflicts stay on one slot")
struct ConflictSlotTests {
    func story(_ texts: [[String]]) throws -> Story { try Fixtures.story(texts) }

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

    /// "Within 20 miles" is a bound: a town 17 miles away is within it.
    @Test func withinIsABoundNotAFigure() throws {
        let story = try story([
            [
                "Rocket Hits Coast",
                "One rocket landed in the town of Arnel, within 20 miles of Portvale, wounding a child.",
            ],
            ["Rockets Fired", "One rocket landed in the town of Arnel, 17 miles from Portvale, wounding a child."],
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric })
    }

    /// Two figures of one rare counted noun meet even when one sits in a long list of damage.
    @Test func aCountedNounInALongListStillMeetsItsFigure() throws {
        let story = try story([
            [
                "Quake Damages Coast",
                "Dozens of buildings in Portvale were damaged by the quake, as well as seven bridges, two of which collapsed.",
            ],
            [
                "Damage Tallied After Quake",
                "The governor said the quake damaged 40 office buildings, 3 roads, 12 hotels, over 900 houses, 30 churches and mosques, 8 bridges, and 5 schools in Portvale.",
            ],
        ])
        let conflict = try #require(story.conflicts.first { $0.kind == .numeric && $0.subject.contains("bridges") })
        #expect(Set(conflict.positions.map(\.statement)) == ["seven bridges", "8 bridges"])
    }

    /// "His two cousins" counts one person's relatives, not the story's figure for cousins.
    @Test func someonesRelativesAreNotTheStorysFigure() throws {
        let story = try story([
            [
                "Strike Hits School",
                "In an earlier strike, three cousins who had sheltered in a school in Portvale were killed.",
            ],
            [
                "Father Mourns",
                "A father in Portvale found his son in the school with his two cousins, all killed in the strike.",
            ],
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

    /// "No decision has been reached" says nothing of "reached a deal", though the other sentence names a decision.
    @Test func aNegatedSubjectIsNotAnotherAccountsObject() throws {
        let story = try story([
            ["Harbor Coach Out", "No decision has been reached on the staff of the former coach Dario Venn."],
            [
                "Harbor Names Coach",
                "The owner called him again and reached a deal after telling the former coach Dario Venn of his decision.",
            ],
        ])
        #expect(!story.conflicts.contains { $0.kind == .outcome })
    }

    /// "Has no plans to reduce" is not scaling back.
    @Test func noPlansToReduceIsNotScalingBack() throws {
        let story = try story([
            [
                "Norvex Keeps Line",
                "Norvex Holdings Inc. has no plans to reduce the Keltra product line, its chief executive said.",
            ],
            [
                "Norvex Grows Line",
                "Norvex Holdings Inc. will expand the Keltra product line next year, its chief executive said.",
            ],
        ])
        #expect(!story.conflicts.contains { $0.kind == .polarity })
    }

    /// "Former Portland Harriers coach" names a team, not where the firing happened.
    @Test func aPlaceThatOpensATeamsNameIsNotWhereItHappened() throws {
        let story = try story([
            [
                "Coach Out",
                "Coach Jim Hale was fired today and taking over will be former Portland Harriers coach Sam Reed.",
                "Reed, who grew up in Portland, played nine seasons in the league.",
            ],
            ["Hale Fired", "Coach Jim Hale was fired today in Philadelphia and taking over will be Sam Reed."],
        ])
        #expect(!story.conflicts.contains { $0.kind == .place })
    }

    /// "$4.2 billion in cash" is a part of a price another outlet gives whole ("$5.4 billion in cash and stock").
    @Test func thePartOfAPricePaidInCashIsNotThePrice() throws {
        let story = try story([
            [
                "Norvex Buys Keltra",
                "Norvex Holdings Inc. agreed to buy Keltra Systems for about $5.4 billion in cash and stock, the companies said.",
            ],
            [
                "Keltra Sold",
                "Norvex Holdings Inc. will pay for Keltra Systems with $4.2 billion in cash and 57 million shares, the companies said.",
            ],
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric })
    }

    /// "Seven children, three women and two men" breaks one total down: its items are not another count of men.
    @Test func theItemsOfABreakdownOfPeopleAreNotCounts() throws {
        let story = try story([
            [
                "Strike On Camp",
                "Earlier, three young men who were cousins died when a shell hit a school in the Portvale camp.",
            ],
            [
                "Family Killed",
                "At least 12 of one family, seven children, three women and two men, died when a shell hit a house in the Portvale camp.",
            ],
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric && $0.subject.contains("men") })
    }

    /// A figure is read where it stands: the "4" of an earlier "April 4" is not the start of "$4.2 billion in cash".
    @Test func aFigureIsReadWhereItStandsNotAtAnEarlierEqualWord() throws {
        let story = try story([
            [
                "Norvex Buys Keltra",
                "Norvex Holdings Inc. agreed to buy Keltra Systems for about $5.4 billion in cash and stock, the companies said.",
            ],
            [
                "Keltra Sold",
                "On April 4 Norvex Holdings Inc. said it will pay for Keltra Systems with $4.2 billion in cash and 57 million shares.",
            ],
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric && $0.subject.contains("billion") })
    }

    /// "Mt" and "Mount" spell one park; a town and the state it may lie in are not two accounts of one place; two
    /// towns are.
    @Test func onePlaceSpelledTwoWaysOrATownAndItsStateAreNotInDispute() throws {
        let spelled = try story([
            ["Climber Dies", "The climber died on Saturday in the Kerrow-Mt Alder National Park, police said."],
            ["Climber Falls", "The climber died on Saturday in the Kerrow Mount Alder National Park, police said."],
        ])
        #expect(!spelled.conflicts.contains { $0.kind == .place })
        let wide = try story([
            ["Fugitive Caught", "The escaped inmate was caught on Sunday in Tulsa by federal marshals."],
            ["Inmate Recaptured", "The escaped inmate was caught on Sunday in Oklahoma by federal marshals."],
        ])
        #expect(!wide.conflicts.contains { $0.kind == .place })
        let towns = try story([
            ["Fugitive Caught", "The escaped inmate was caught on Sunday in Tulsa by federal marshals."],
            ["Inmate Recaptured", "The escaped inmate was caught on Sunday in Denver by federal marshals."],
        ])
        #expect(towns.conflicts.contains { $0.kind == .place })
    }
}
