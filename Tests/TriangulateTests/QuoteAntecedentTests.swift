import Testing

@testable import Triangulate
import TriangulateModel

/// "“…,” he said" after sentences about someone: the person they are about, not the last name they hold. Sentences
/// written here (invented people and shows).
@Suite("Quote speakers behind a pronoun")
struct QuoteAntecedentTests {
    @Test func aRoleNamedAfterThePersonIsNotTheSpeaker() {
        let notes = Fixtures.annotate(paragraphs: [
            "Actor Ronan Vesk has been named the new lead of the long-running series Star Harbour.",
            "Vesk is best known for his role as the scheming butler Edmund Crane in the drama Gilded Rooms.",
            "\u{201C}It is such a relief not to keep this quiet any longer,\u{201D} he said on the live show.",
        ])
        #expect(speaker(notes, "such a relief") == "Ronan Vesk")
    }

    @Test func aSentenceWhoseSubjectIsHePassesTheQuestionBack() {
        let notes = Fixtures.annotate(paragraphs: [
            "Actor Ronan Vesk has been named the new lead of the long-running series Star Harbour.",
            "It is not the first time Vesk has worked on the show, which he joined briefly in 2011.",
            "At 52, he is the same age as Walter Tolliver when he took the part in 1990.",
            "\u{201C}Being asked to lead this crew is a rare honour.",
            "I cannot wait to get started,\u{201D} he said.",
        ])
        #expect(speaker(notes, "cannot wait to get started") == "Ronan Vesk")
    }

    @Test func thePersonARelativeClauseDescribesSpeaks() {
        let notes = Fixtures.annotate(paragraphs: [
            "The live special, hosted by Helen Quint, featured guests including Albert Pryce.",
            "The programme also aired an interview with Thomas Marsh, who praised the new lead.",
            "\u{201C}I think he will be wonderful,\u{201D} he says.",
        ])
        #expect(speaker(notes, "will be wonderful") == "Thomas Marsh")
    }

    @Test func theSpeakerOfTheSentenceBeforeOutranksThePersonItDescribes() {
        let notes = Fixtures.annotate(paragraphs: [
            "Among the injured was a young girl, identified as Lina Sorrow, said clinic director Arno Pell.",
            "\u{201C}Our two vans are bringing in more people,\u{201D} he said.",
        ])
        #expect(speaker(notes, "two vans") == "Arno Pell")
    }

    /// "agreed with Salazar's decision": the person agreeing speaks the quote after, not the one agreed with.
    @Test func theObjectOfTheVerbBeforeAQuoteIsNotItsSpeaker() {
        let notes = Fixtures.annotate(paragraphs: [
            "Daniel Hesketh, vice president for policy at the Riverbank Trust, agreed with Morrow\u{2019}s decision.",
            "\u{201C}We are glad Secretary Morrow acted to restore the wetland rule to its full strength.\u{201D}",
        ])
        #expect(speaker(notes, "We are glad") == "Daniel Hesketh")
    }

    /// "Hale said Vesk had been…": the name after "said" is what Hale said, not who speaks.
    @Test func aNameAfterSaidWithASubjectBeforeItIsNotTheSpeaker() {
        let notes = Fixtures.annotate(paragraphs: [
            "Producer Martin Hale said Thomas Vesk had been considered before but the timing had not been right.",
            "\u{201C}We all had the same idea, it was quite a different idea,\u{201D} he said.",
        ])
        #expect(speaker(notes, "same idea") == "Martin Hale")
    }

    /// "…, he testified, Crane pulled the trigger": the witness speaks on, not the man he names.
    @Test func aNamedActorInsideTestimonyIsNotTheWitness() {
        let notes = Fixtures.annotate(paragraphs: [
            "Witness Oscar Lund testified on Tuesday that he had ridden to the corner with his friends.",
            "After a face-off with some rivals, he testified, Thomas Crane pulled the trigger.",
            "\u{201C}Thomas fired the shot,\u{201D} he said.",
        ])
        #expect(speaker(notes, "fired the shot") == "Oscar Lund")
    }

    /// A one-word reply after a speech verb is a turn: the quote paragraph after it goes on in the same voice.
    @Test func aShortReplyIsATurnTheNextQuoteContinues() {
        let notes = Fixtures.annotate(paragraphs: [
            "When prosecutor Dana Voss asked whether she had seen the car, Mara Quill quietly answered, \u{201C}Yes.\u{201D}",
            "\u{201C}It came around the corner with no lights on and never slowed down.\u{201D}",
        ])
        #expect(speaker(notes, "never slowed down") == "Mara Quill")
    }

    /// The speech verb of a clause that opens the sentence ("When … asked") is not the speech the sentence reports.
    @Test func aSubordinateClausesSpeakerIsNotTheSentences() {
        let notes = Fixtures.annotate(paragraphs: [
            "When reporter Tom Bly asked about the delay on Friday, Mayor Ines Carrow said the city had run out of money.",
            "\u{201C}We simply could not pay for it this year, and nobody wanted to raise the fares.\u{201D}",
        ])
        #expect(speaker(notes, "could not pay for it") == "Ines Carrow")
    }

    /// "He would not specify …" is the pastor's turn, withheld: the quote paragraph after it is his.
    @Test func speechWithheldKeepsTheTurn() {
        let notes = Fixtures.annotate(paragraphs: [
            "Pastor Owen Tarrant said he was not at the chapel when the fire started.",
            "He would not specify how many people were inside the building at the time.",
            "\u{201C}Everyone walked out on their own, and that is what matters to us tonight.\u{201D}",
        ])
        #expect(speaker(notes, "walked out on their own") == "Owen Tarrant")
    }
}
