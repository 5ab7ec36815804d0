import Testing

@testable import Triangulate
import TriangulateText

/// The ways corroboration failed on real multi-outlet stories, each on sentences written for this test (invented
/// outlets, people and events): claims that must align, figures that must not be called a disagreement, and
/// disagreements in words that must be found.
@Suite("Corroboration failure kinds from real news")
struct RealNewsCorroborationTests {
    /// A story of one article per text; each text is a headline and one paragraph per sentence list entry.
    func story(_ texts: [String]) throws -> Story {
        let articles = try texts.enumerated().map { index, text in
            try Fixtures.analyze(text, id: "o\(index + 1)")
        }
        return Corroborate().story(id: "s", articles: articles)
    }

    static let filler = [
        "Court records show the case was filed in the spring.",
        "Neighbors described the family as quiet and private.",
        "The prosecutor's office did not release the full charging papers.",
    ]

    func article(_ headline: String, _ sentences: [String], filler: Int) -> String {
        headline + "\n\n" + (sentences + [Self.filler[filler % Self.filler.count]]).joined(separator: "\n\n")
    }

    @Test func nearIdenticalClaimsAlign() throws {
        let story = try story([
            article(
                "Ortega Convicted In Marina Fraud Case",
                ["A jury convicted Luis Ortega of wire fraud on Thursday.", "Sentencing was set for May 9."], filler: 0),
            article(
                "Jury Finds Ortega Guilty",
                [
                    "Luis Ortega was found guilty of wire fraud by a jury on Thursday.",
                    "The judge will sentence Ortega on May 9.",
                ],
                filler: 1),
        ])
        #expect(story.facts.contains { $0.sources == ["o1", "o2"] && $0.statement.contains("May 9") })
    }

    @Test func aLongSentenceIsNotDilutedByItsOtherClauses() throws {
        let story = try story([
            article(
                "Council Passes Harbor Budget",
                ["The Brackwater council approved the harbor budget on Tuesday."], filler: 0),
            article(
                "Harbor Budget Approved After Long Debate",
                [
                    "After a four-hour debate in which residents complained about parking, ferry fares and the closing of "
                        + "the old fish market, the Brackwater council approved the harbor budget on Tuesday evening."
                ], filler: 1),
        ])
        #expect(story.facts.contains { $0.sources == ["o1", "o2"] && $0.statement.contains("harbor budget") })
    }

    /// Two short clauses that share one or two words ("has to stop") say different things: they score high on those
    /// words alone, so aligning needs three shared features (or all of the shorter claim's).
    @Test func clausesSharingOneWordAreTwoFacts() throws {
        let pairs = [
            ("It is the law of the jungle now, and it has to stop, he said.", "“The looting has to stop.”"),
            ("“The tenants have spoken,” he said.", "The board has spoken and we accept the board."),
        ]
        var loose = CorroborateConfiguration.default
        loose.minimumShared = 1
        for (a, b) in pairs {
            let articles = try [
                article("Tenants Meet In Harlow", [a], filler: 0), article("Board Vote In Harlow", [b], filler: 1),
            ]
            .enumerated().map { index, text in try Fixtures.analyze(text, id: "o\(index + 1)") }
            func joined(_ story: Story) -> Bool { story.facts.contains { $0.sources == ["o1", "o2"] } }
            // The pair scores high enough on its one shared word to align without the rule...
            #expect(joined(Corroborate(configuration: loose).story(id: "s", articles: articles)), "\(a)")
            // ...and is kept apart with it.
            #expect(!joined(Corroborate().story(id: "s", articles: articles)), "\(a)")
        }
    }

    @Test func figuresOfDifferentThingsAreNotAConflict() throws {
        let story = try story([
            article(
                "States Split Over Drone Rule", ["Thirty-one states allow the practice under current law."], filler: 0),
            article(
                "Four States Sue Over Drone Rule", ["Four states sued the aviation agency over the rule on Monday."],
                filler: 1),
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric })
    }

    @Test func roundingIsNotADisagreement() throws {
        let story = try story([
            article(
                "Teachers Get Raise", ["The new contract raises the average teacher salary to $52,420."], filler: 0),
            article(
                "Teacher Pay Rises", ["The new contract raises the average teacher salary to about $52,000."], filler: 1
            ),
            article(
                "Contract Ratified", ["The new contract raises the average teacher salary to over $52,000."], filler: 2),
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric })
        let fact = try #require(story.facts.first { $0.statement.contains("salary") })
        #expect(fact.sources.count == 3)
        #expect(fact.status == .corroborated)
    }

    @Test func differentFiguresForOneQuantityAreAConflictWithTwoPositions() throws {
        let story = try story([
            article(
                "Warehouse Fire Kills 12", ["The warehouse fire killed 12 people, the fire chief said."], filler: 0),
            article(
                "Nine Dead In Warehouse Fire", ["The warehouse fire killed nine people, the fire chief said."],
                filler: 1),
        ])
        let conflict = try #require(story.conflicts.first { $0.kind == .numeric })
        #expect(conflict.positions.count == 2)
        #expect(Set(conflict.positions.map(\.statement)) == ["12 people", "nine people"])
    }

    /// A toll told with different words: "were killed", "dead", "died". The casualty words are one slot, so the
    /// outlets' figures meet; the wounded are another slot, not part of the dispute.
    @Test func aDeathTollToldWithDifferentVerbsIsOneSlot() throws {
        let story = try story([
            article(
                "Ferry Capsizes Off Tarvel Point",
                [
                    "Some 18 people were killed and 40 others injured when the Tarvel ferry capsized near the harbor "
                        + "mouth on Sunday, the coast guard said."
                ], filler: 0),
            article(
                "Ferry Disaster At Tarvel",
                ["The Tarvel ferry capsized near the harbor mouth on Sunday, leaving 31 people dead."], filler: 1),
            article(
                "Dozens Dead As Ferry Sinks",
                ["At least 31 people died when the Tarvel ferry capsized near the harbor mouth on Sunday."], filler: 2),
        ])
        let conflict = try #require(story.conflicts.first { $0.kind == .numeric })
        #expect(conflict.positions.count == 2)
        let positions = conflict.positions.map { ($0.statement, Set($0.sources)) }
        #expect(positions.contains { $0.1 == ["o1"] && $0.0.contains("18") })
        #expect(positions.contains { $0.1 == ["o2", "o3"] && $0.0.contains("31") })
        #expect(!story.conflicts.contains { $0.positions.contains { $0.statement.contains("40") } })
    }

    /// A toll four outlets give four ways is one quantity with four positions; figures of another order are not in
    /// it.
    @Test func aTollGivenFourWaysIsOneConflict() throws {
        let texts = [("20", 0), ("24", 1), ("28", 2), ("33", 0)].map { figure, filler in
            article(
                "Mine Collapse At Ostrel",
                ["The collapse at the Ostrel copper mine on Friday killed \(figure) people, officials said."],
                filler: filler)
        }
        let story = try story(texts)
        let conflict = try #require(story.conflicts.first { $0.kind == .numeric })
        #expect(conflict.positions.count == 4)
        #expect(Set(conflict.positions.flatMap(\.sources)) == ["o1", "o2", "o3", "o4"])
    }

    @Test func theVoteOnTuesdayAgainstTheVoteOnMonday() throws {
        let story = try story([
            article(
                "Council Backs Tram Plan",
                ["The city council voted on Tuesday to extend the tram line to the airport."], filler: 0),
            article(
                "Tram Line Extension Approved",
                ["The city council voted on Monday to extend the tram line to the airport."], filler: 1),
        ])
        let conflict = try #require(story.conflicts.first { $0.kind == .date })
        #expect(Set(conflict.positions.map(\.statement)) == ["Tuesday", "Monday"])
    }

    @Test func theRuleProposedInMayAgainstTheRuleProposedInAugust() throws {
        let story = try story([
            article(
                "Wetland Rule Final",
                ["The water agency first proposed the wetland permit rule in May, before the public hearings."],
                filler: 0),
            article(
                "Agency Adopts Wetland Rule",
                ["The water agency first proposed the wetland permit rule in August, before the public hearings."],
                filler: 1),
        ])
        let conflict = try #require(story.conflicts.first { $0.kind == .date })
        #expect(Set(conflict.positions.map(\.statement)) == ["May", "August"])
    }

    /// "expected to appear in court next Monday" and "expected to face charges on Friday" are two happenings. The
    /// same happening on two days is still a conflict.
    @Test func whatIsExpectedOrPlannedNamesTheDaysHappening() throws {
        func dates(_ first: String, _ second: String) throws -> [Conflict] {
            try story([
                article("Driver Held After Crash", [first], filler: 0),
                article("Crash Driver In Custody", [second], filler: 1),
            ]).conflicts.filter { $0.kind == .date }
        }
        #expect(
            try dates(
                "Ned Valko, the driver, is in custody and is expected to appear in court next Monday in Carvel.",
                "Ned Valko, the driver, is in custody and is expected to face charges on Friday in Carvel."
            ).isEmpty)
        let same = try dates(
            "Ned Valko, the driver, is in custody and is expected to appear in court on Monday in Carvel.",
            "Ned Valko, the driver, is in custody and is expected to appear in court on Tuesday in Carvel.")
        #expect(same.count == 1)
    }

    @Test func chargedAgainstNotYetCharged() throws {
        let story = try story([
            article(
                "Man Charged In Barn Fires",
                ["Police charged Dario Voss with three counts of arson after the barn fires."], filler: 0),
            article(
                "Suspect Held In Barn Fires",
                ["Dario Voss has not yet been charged after the barn fires, police said."], filler: 1),
        ])
        let conflict = try #require(story.conflicts.first { $0.kind == .outcome })
        #expect(conflict.positions.count == 2)
        #expect(conflict.positions.contains { $0.sources == ["o2"] && $0.statement.hasPrefix("not") })
    }

    /// "No X has been recovered" negates the clause through its subject; "no decision has been reached" says
    /// nothing of a deal that was reached.
    @Test func aNegatedSubjectIsANegatedOutcome() throws {
        let disputed = try story([
            article(
                "Rifle Found Near Quarry", ["Divers said the rifle was recovered from the Mossgate quarry pond."],
                filler: 0),
            article(
                "Search Of Quarry Goes On", ["No rifle has been recovered from the Mossgate quarry pond, divers said."],
                filler: 1),
        ])
        let conflict = try #require(disputed.conflicts.first { $0.kind == .outcome })
        #expect(conflict.positions.contains { $0.sources == ["o2"] && $0.statement.hasPrefix("no rifle") })
        let unrelated = try story([
            article(
                "Harbor Board Reaches Deal",
                ["The Mossgate harbor board reached a deal with the ferry union on Friday."],
                filler: 0),
            article(
                "Harbor Board Still Talking",
                ["No decision has been reached by the Mossgate harbor board on the ferry union's pay, the board said."],
                filler: 1),
        ])
        #expect(!unrelated.conflicts.contains { $0.kind == .outcome })
    }

    @Test func oneOutletsTownAgainstAnothers() throws {
        let story = try story([
            article(
                "Chemical Leak Forces Evacuation",
                ["A chemical leak at a fertilizer plant in Albany forced 300 residents from their homes."], filler: 0),
            article(
                "Plant Leak Empties Streets",
                ["A chemical leak at a fertilizer plant in Syracuse forced 300 residents from their homes."], filler: 1),
        ])
        let conflict = try #require(story.conflicts.first { $0.kind == .place })
        #expect(Set(conflict.positions.map(\.statement)) == ["Albany", "Syracuse"])
    }

    /// "Mt Ember" and "Ember National Park": a place and the park named after it, not two accounts.
    @Test func aParkNamedAfterAPlaceIsNotAnotherPlace() throws {
        let story = try story([
            article(
                "Climber Dies In Fall",
                ["A climber from Dunmore died after falling 150 metres on Mt Ember on Sunday."], filler: 0),
            article(
                "Second Climber Killed",
                ["A climber from Dunmore died after falling 150 metres in Ember National Park on Sunday."], filler: 1),
        ])
        #expect(!story.conflicts.contains { $0.kind == .place }, "\(story.conflicts.map(\.positions))")
        #expect(story.facts.contains { $0.sources == ["o1", "o2"] })
    }

    /// "landed 178 of 369 punches" against "landed 178 punches": the part agrees, the whole is another figure.
    @Test func aPartOfAWholeAgreesWithTheSameFigure() throws {
        let notes = Fixtures.annotate(paragraphs: ["Brandt landed 178 of his 369 punches in the bout."])
        #expect(notes.quantities.contains { $0.value == 178 && $0.unit == "punches" })
        let story = try story([
            article("Brandt Wins On Points", ["Brandt landed 178 of 369 punches in the bout on Saturday."], filler: 0),
            article("Points Win For Brandt", ["Brandt landed 178 punches in the bout on Saturday."], filler: 1),
        ])
        #expect(!story.conflicts.contains { $0.kind == .numeric }, "\(story.conflicts.map(\.positions))")
    }

    @Test func aStoryWithoutDisagreementsHasNoConflicts() throws {
        let story = try story([
            article(
                "Bridge Reopens",
                ["The Kessel bridge reopened on Friday after three weeks of repairs costing $4 million."], filler: 0),
            article(
                "Kessel Bridge Open Again",
                ["After three weeks of repairs that cost $4 million, the Kessel bridge reopened Friday."], filler: 1),
            article(
                "Traffic Returns To Kessel Bridge",
                ["Repairs to the Kessel bridge, which reopened Friday, cost about $4 million."], filler: 2),
        ])
        #expect(story.conflicts.isEmpty)
        #expect(story.facts.contains { $0.sources.count == 3 && $0.status == .corroborated })
    }
}

extension RealNewsCorroborationTests {
    @Test func aPastedExcerptOfAnotherOutletIsLineageNotCorroboration() throws {
        let report =
            "The Tidewater Gazette reported that the port authority quietly approved a plan to sell the old grain "
            + "terminal to a private developer for $18 million, according to minutes of a closed meeting."
        let story = try story([
            "Port Authority Approves Terminal Sale\n\n" + report + "\n\nThe sale still needs approval from the state.",
            "What The Gazette Found\n\nHere is an excerpt from the Gazette report:\n\n" + report
                + "\n\nThe port authority has not commented on the report. Two board members who were absent from the "
                + "closed meeting said they learned of the vote from reporters and would ask for it to be repeated in "
                + "public.\n\nA coalition of dock workers plans to protest outside the authority's offices next week, "
                + "arguing that the terminal should stay in public hands and be used for a ferry service.",
        ])
        #expect(story.lineage.contains { $0.copy == "o2" && $0.original == "o1" && $0.passage != nil })
        let fact = try #require(story.facts.first { $0.statement.contains("grain terminal") })
        #expect(fact.sources == ["o1", "o2"])
        #expect(fact.independentSources == 1)
        #expect(fact.status == .singleSource)
    }

    /// A date printed without a year takes its year from the story's dated articles, never from years the text
    /// mentions for background events; with no dated article it gets none.
    @Test func aDateWithoutAYearTakesTheStorysYear() {
        func annotated(_ id: String, published: CalendarDate?, _ paragraphs: [String]) -> AnnotatedArticle {
            var article = Article(id: id, origin: id + ".txt", paragraphs: paragraphs)
            article.title = "Harbor Board Sets Hearing"
            article.published = published
            return Annotate().annotate(article)
        }
        let background = [
            "The harbor board will hold its hearing on January 3.",
            "The board first proposed the dredging plan in 2021, revised it in 2021 and shelved it in 2022.",
            "A 2021 study and a 2022 audit found the channel too shallow.",
        ]
        let dated = annotated("dated", published: CalendarDate(year: 2026, month: 12, day: 28), background)
        let undated = annotated("undated", published: nil, background)
        let story = Corroborate().story(id: "s", articles: [dated, undated])
        // Late December publication: "January 3" is the coming one, in the next year.
        #expect(story.timeline.map(\.date).contains("2027-01-03"))
        #expect(!story.timeline.map(\.date).contains { $0.hasPrefix("2021-01-03") || $0.hasPrefix("2022-01-03") })
        let alone = Corroborate().story(id: "t", articles: [undated])
        #expect(!alone.timeline.map(\.date).contains { $0.hasSuffix("-01-03") })
    }
}
