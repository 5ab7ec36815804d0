import Testing

@testable import Triangulate

/// Speakers found beyond the quote's own sentence, each kind on sentences written for this test (invented people and
/// places): the paragraph that closes a quote left open, reported speech just before a standalone quote, "he said"
/// after such a paragraph, a name after a role noun, and a closing mark typed the wrong way round.
@Suite("Quote speakers from the surroundings")
struct QuoteSurroundingsTests {
    @Test func aQuoteLeftOpenTakesTheSpeakerOfTheParagraphThatClosesIt() {
        let notes = Fixtures.annotate(paragraphs: [
            "Hundreds of families spent a third night in tents above the river.",
            "\u{201C}I am half asleep in this tent.",
            "I want to go home but I am scared of the water,\u{201D} said farmer Odile Marchetti, who fled with her sons.",
        ])
        #expect(speaker(notes, "half asleep in this tent") == "Odile Marchetti")
        #expect(speaker(notes, "scared of the water") == "Odile Marchetti")
    }

    /// A quotation over three paragraphs in straight marks: the first opens it, the middle one carries no mark, and
    /// the last closes it with a mark ending the paragraph (`…as usual. "`). Every part is the same person's words.
    @Test func aQuotationOverSeveralParagraphsIsOnePersonsWords() {
        let notes = Fixtures.annotate(paragraphs: [
            "In a statement, harbor master Lena Vasko said: \"Nobody on the pier was hurt.",
            "We will reopen the west berth on Monday.",
            "The ferries will run as usual. \"",
            "The storm moved north overnight.",
        ])
        #expect(speaker(notes, "Nobody on the pier") == "Lena Vasko")
        #expect(speaker(notes, "reopen the west berth") == "Lena Vasko")
        #expect(speaker(notes, "ferries will run as usual") == "Lena Vasko")
        #expect(quote(notes, "storm moved north") == nil)
    }

    /// "the 41-year-old said:": the person the article has been about (a subject), not a name it mentioned in passing.
    @Test func thePersonNamedByAgeIsTheOneTheArticleIsAbout() {
        let notes = Fixtures.annotate(paragraphs: [
            "Laura Quill will be the new host of the quiz show.",
            "Quill learned of it while filming in Oslo with director Per Halvorsen.",
            "In a statement, the 41-year-old said: \u{201C}Being asked to host the show is a privilege.\u{201D}",
        ])
        #expect(speaker(notes, "Being asked to host") == "Laura Quill")
    }

    @Test func aOneWordNameAfterAFamilyRoleSpeaksAndSheSaidFollowsHer() {
        let notes = Fixtures.annotate(paragraphs: [
            "Mayor Teodor Vantongeren said 900 people had reached the shelters by noon.",
            "\u{201C}We left with nothing.",
            "The water came in the night,\u{201D} said boatman's widow Sarnai, 41, who walked out with four children.",
            "\u{201C}Nobody has brought blankets yet,\u{201D} she said.",
        ])
        #expect(speaker(notes, "left with nothing") == "Sarnai")
        #expect(speaker(notes, "came in the night") == "Sarnai")
        #expect(speaker(notes, "brought blankets") == "Sarnai")
    }

    @Test func theRoleStandsForTheOnePersonTheArticleGaveIt() {
        let notes = Fixtures.annotate(paragraphs: [
            "County Judge Marisol Quennell sentenced Davor Ilic to 12 years on Friday.",
            "\u{201C}You showed no remorse at any point,\u{201D} the judge said.",
            "The judge had a warning for the parole board:",
            "\u{201C}Do not believe Mr. Ilic when he says he has changed.\u{201D}",
        ])
        #expect(speaker(notes, "no remorse") == "Marisol Quennell")
        #expect(speaker(notes, "Do not believe") == "Marisol Quennell")
        // Two judges: "the judge" names neither.
        let two = Fixtures.annotate(paragraphs: [
            "Judge Marisol Quennell took the case after Judge Arvo Lindqvist stepped aside.",
            "\u{201C}This court will not wait any longer,\u{201D} the judge said.",
        ])
        #expect(speaker(two, "will not wait") == nil)
        // Two judges named, one quoted by name: "the judge" is the one who has been speaking.
        let spoken = Fixtures.annotate(paragraphs: [
            "Judge Arvo Lindqvist, who was shot in the courtroom, died in 2019.",
            "Judge Marisol Quennell sentenced the gunman on Friday.",
            "\u{201C}No sentence can undo that morning,\u{201D} Quennell said.",
            "The judge had a warning for the guards:",
            "\u{201C}Watch him every hour of every day.\u{201D}",
        ])
        #expect(speaker(spoken, "every hour") == "Marisol Quennell")
        // Two judges named, one of them killed: "the judge" is the living one.
        let killed = Fixtures.annotate(paragraphs: [
            "Judge Marisol Quennell sentenced the gunman who killed Superior Court Judge Arvo Lindqvist in 2019.",
            "The judge had a warning for the guards:",
            "\u{201C}Watch him every hour of every day.\u{201D}",
        ])
        #expect(speaker(killed, "every hour") == "Marisol Quennell")
        // "In late March Judge …" is a date, not a death: two living judges, and "the judge" names neither.
        let late = Fixtures.annotate(paragraphs: [
            "In late March Judge Arvo Lindqvist handed the case to Judge Marisol Quennell.",
            "\u{201C}This court will not wait any longer,\u{201D} the judge said.",
        ])
        #expect(speaker(late, "will not wait") == nil)
    }

    @Test func aStandaloneQuoteAfterReportedSpeechIsThatSpeakers() {
        let notes = Fixtures.annotate(paragraphs: [
            "The purchase rounds out the company's chip line, said Renata Obi, an analyst at Kesh Research.",
            "\u{201C}They now sell parts for phones, radios and television sets.\u{201D}",
            "Shares of the company rose two percent.",
            "\u{201C}Nobody expected the deal to close this quickly.\u{201D}",
        ])
        #expect(speaker(notes, "parts for phones") == "Renata Obi")
        // A paragraph that reports nobody's speech gives nobody's words.
        #expect(speaker(notes, "Nobody expected") == nil)
    }

    @Test func heSaidAfterAParagraphOfReportedSpeechIsItsSubject() {
        let notes = Fixtures.annotate(paragraphs: [
            "Andrew Brandt, who attended Corwin's news conference, said he backed Corwin.",
            "\u{201C}I do not question the decision at all,\u{201D} he said.",
        ])
        #expect(speaker(notes, "do not question the decision") == "Andrew Brandt")
    }

    @Test func aNameAfterARoleNounSpeaksNotTheOrganizationBeforeIt() {
        let notes = Fixtures.annotate(paragraphs: [
            "\u{201C}They fired back to protect their own crews,\u{201D} said Coast Guard spokesman Arik Dov.",
            "\u{201C}We deny any improper conduct,\u{201D} said Pellan's attorney, Maren Coyle.",
        ])
        #expect(speaker(notes, "protect their own crews") == "Arik Dov")
        #expect(speaker(notes, "deny any improper conduct") == "Maren Coyle")
    }

    @Test func aClosingMarkTypedTheWrongWayRoundClosesTheQuote() {
        let notes = Fixtures.annotate(paragraphs: [
            "Karen Halvorsen runs the company's phone business.",
            "\u{201C}Customers want more choice, and they will get it, \u{201C}Halvorsen says.",
        ])
        let quote = notes.quotes.first { $0.text.contains("Customers want more choice") }
        #expect(quote?.text.contains("Halvorsen") == false)
        #expect(quote?.speaker == "Karen Halvorsen")
    }

    @Test func anIntroductionsSubjectSpeaksNotTheNameItSpeaksAbout() {
        let notes = Fixtures.annotate(paragraphs: [
            "The judge had advice for anyone who deals with Corrado Vance in the future:",
            "\u{201C}Do not trust him ever again.\u{201D}",
        ])
        #expect(speaker(notes, "Do not trust him") != "Corrado Vance")
    }
}
