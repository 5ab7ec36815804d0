import Testing

@testable import Triangulate

/// Quotes whose own clause names the speaker only by a noun, on sentences written for this test (invented people and
/// places): the speaker is unnamed, not the person the sentence goes on to name, nor the one whose rep speaks.
@Suite("Quote speakers left unnamed")
struct QuoteUnnamedSpeakerTests {
    @Test func theOneToldIsNotTheSpeaker() {
        let notes = Fixtures.annotate(paragraphs: [
            "Neighbors ran out to help the cyclist on Dunmore Avenue.",
            "“Oh man, she was hurt badly,” one man told reporter Ada Quist. “There was nothing we could do.”",
        ])
        #expect(quote(notes, "Oh man") != nil)
        #expect(speaker(notes, "Oh man") == nil)
        #expect(quote(notes, "nothing we could do") != nil)
        #expect(speaker(notes, "nothing we could do") == nil)
    }

    /// Behind an adverb a pronoun still speaks.
    @Test func aPronounBehindAnAdverbStillSpeaks() {
        let notes = Fixtures.annotate(paragraphs: [
            "Rosa Feld left the Carvel courthouse on Monday.",
            "“I did what any mother would do,” she quietly said.",
        ])
        #expect(speaker(notes, "any mother would do") == "Rosa Feld")
    }

    /// "the source said": a speaker withheld on purpose, not the person the sentence goes on to name.
    @Test func theSourceIsUnnamed() {
        let notes = Fixtures.annotate(paragraphs: [
            "General manager Ada Quist fired coach Tomas Brell on Saturday.",
            "“Ada just wasn't seeing any progress,” the source said, and Quist expected more from a team that had "
                + "signed Ivo Marsh.",
        ])
        #expect(quote(notes, "seeing any progress") != nil)
        #expect(speaker(notes, "seeing any progress") == nil)
    }

    @Test func aPersonsRepSpeaksNotThePerson() {
        let notes = Fixtures.annotate(paragraphs: [
            "Singer Mara Vell has entered a clinic in Carvel, her rep confirmed.",
            "“Mara Vell has checked herself into the Carvel clinic,” Vell's rep told the Dunmore Star.",
        ])
        #expect(quote(notes, "checked herself") != nil)
        #expect(speaker(notes, "checked herself") == nil)
        let after = Fixtures.annotate(paragraphs: [
            "Singer Mara Vell has entered a clinic in Carvel.",
            "“Mara Vell has checked herself into the Carvel clinic,” said Vell's rep.",
        ])
        #expect(quote(after, "checked herself") != nil)
        #expect(speaker(after, "checked herself") != "Mara Vell")
    }

    /// A person's letter or statement is that person's words.
    @Test func aPersonsLetterIsThePersons() {
        let notes = Fixtures.annotate(paragraphs: [
            "Principal Omar Bexley wrote to the families of Carvel High on Monday.",
            "“Tomas should be remembered for all of who he was,” Bexley's letter continued.",
        ])
        #expect(speaker(notes, "remembered for all") == "Omar Bexley")
    }

    @Test func theOneWhoAnsweredSpeaks() {
        let notes = Fixtures.annotate(paragraphs: [
            "When prosecutor Lia Mendt asked whether she shielded her son, Rosa Feld quietly answered, “Yes, I did it.”"
        ])
        #expect(speaker(notes, "Yes, I did it") == "Rosa Feld")
    }

    /// A quotation told one sentence per paragraph, marked only where it opens and closes, is one speaker's words
    /// throughout (here eight unmarked paragraphs).
    @Test func aLongQuotationOneSentencePerParagraphIsBridged() {
        let notes = Fixtures.annotate(paragraphs: [
            "Last fall, singer Mara Vell told the Dunmore Star she no longer went out:",
            "“No.", "I have done it.", "Trust me.", "I have done enough for a lifetime.", "I have had a great time.",
            "I partied at every club in Carvel.", "I had fun with everyone.", "I ate and drank whatever I liked.",
            "I dated a great many people in that town.", "I don't need to do any of it anymore.”",
        ])
        #expect(speaker(notes, "ate and drank whatever") == "Mara Vell")
        #expect(speaker(notes, "don't need to do any") == "Mara Vell")
    }
}
