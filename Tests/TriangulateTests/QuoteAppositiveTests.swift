import Testing

@testable import Triangulate
import TriangulateModel

/// Who speaks when a title, an organization or a document stands between the speaker's name and the verb:
/// "Name, head of Org, said", "Org spokesman Name denied", "…," the letter read. Sentences written here.
@Suite("Quote speakers behind titles and documents")
struct QuoteAppositiveTests {
    @Test func thePersonATitleDescribesSpeaksNotTheTitlesOrganization() {
        let notes = Fixtures.annotate(paragraphs: [
            "Ysolde Marrin, head of Northvale Drama Commissioning said the actor was \u{201C}a rare and fearless "
                + "talent on any stage\u{201D}.",
            "Corvin Ashdale, Controller Northvale One says: \u{201C}He brings wit and warmth to every role he "
                + "takes on.\u{201D}",
            "\u{201C}We are thrilled to have him with us for the new series,\u{201D} Tamsin Orrey, director of "
                + "the Northvale Drama Unit, said.",
        ])
        #expect(speaker(notes, "rare and fearless") == "Ysolde Marrin")
        #expect(speaker(notes, "wit and warmth") == "Corvin Ashdale")
        #expect(speaker(notes, "thrilled to have him") == "Tamsin Orrey")
    }

    @Test func aNameAfterASpokesmanIsAPersonNotAnOrganization() {
        let notes = Fixtures.annotate(paragraphs: [
            "The governor of Lake State, Omari Tesh, said the army should be held responsible.",
            "However, Northland Armed Forces spokesman Qadim Harel Sook denied any link to the raid.",
            "\u{201C}This information is completely false.",
            "We did not bomb any camp inside the border,\u{201D} he told reporters.",
        ])
        #expect(notes.people.contains { $0.name == "Qadim Harel Sook" })
        #expect(notes.people.contains { $0.name == "Omari Tesh" })
        #expect(speaker(notes, "completely false") == "Qadim Harel Sook")
        #expect(speaker(notes, "did not bomb") == "Qadim Harel Sook")
    }

    @Test func aQuotedLetterIsItsWritersWords() {
        let notes = Fixtures.annotate(paragraphs: [
            "The boy\u{2019}s school principal, Helen Brandvik of the Eastgate Academy, wrote a letter praising "
                + "his work.",
            "\u{201C}He made great strides this year in every class he took,\u{201D} the letter read.",
        ])
        #expect(speaker(notes, "made great strides") == "Helen Brandvik")
    }

    /// A statement's issuer named after "by", as the subject after "In a statement…,", or an organization that
    /// issued it; the quote credited to the statement in either order ("the release read", "read the press release").
    @Test func aStatementSpeaksForWhoeverIssuedIt() {
        let notes = Fixtures.annotate(paragraphs: [
            "Below is a statement by Marit Oyelaran, director of the Coastal Rights Project:",
            "\u{201C}The river belongs to the villages that live on it.\u{201D}",
            "In a statement released late on Friday, the Harbor Commission urged both sides to stop dredging.",
            "\u{201C}We ask every crew to leave the channel until the survey is complete,\u{201D} read the press release.",
            "The Tarn Valley Water Board issued a statement on Sunday.",
            "\u{201C}No dredging permit has been granted this year,\u{201D} the statement said.",
        ])
        #expect(speaker(notes, "belongs to the villages") == "Marit Oyelaran")
        #expect(speaker(notes, "leave the channel") == "Harbor Commission")
        #expect(speaker(notes, "No dredging permit") == "Tarn Valley Water Board")
    }

    /// A country that issues a statement speaks through its government (a place never speaks); "the company" after a
    /// paragraph that names an organization only as an object ("users of Sky Browser 8 and Sky Browser 9") is the
    /// one that acted a paragraph earlier.
    @Test func aCountrysStatementIsItsGovernmentsAndTheCompanyIsTheOneThatActed() {
        let notes = Fixtures.annotate(paragraphs: [
            "The United States issued a statement on Thursday about the border.",
            "\u{201C}The shelling near the border must stop at once,\u{201D} the American statement said.",
            "Halvard Systems Inc. has rushed out a temporary fix for the flaw.",
            "The company said attacks were limited to users of Sky Browser 8 and Sky Browser 9.",
            "\u{201C}We will take the appropriate action to protect our customers,\u{201D} the company said.",
        ])
        #expect(speaker(notes, "must stop at once") == "United States government")
        #expect(speaker(notes, "appropriate action") == "Halvard Systems Inc.")
    }

    /// "the company" is the organization that acts, not the one a participle takes as its object ("attacks targeting
    /// the Corvane Labs servers").
    @Test func theObjectOfAParticipleIsNotTheCompany() {
        let notes = Fixtures.annotate(paragraphs: [
            "Halvard Systems Inc. has rushed out a fix for attacks targeting the Corvane Labs servers.",
            "\u{201C}We are working with partners to monitor the threat,\u{201D} the company said.",
        ])
        #expect(speaker(notes, "monitor the threat") == "Halvard Systems Inc.")
    }

    @Test func aQuoteNotifiedToAPanelIsTheNotifiersWords() {
        let notes = Fixtures.annotate(paragraphs: [
            "\u{201C}We will make no further payment on these loans until we find a new site,\u{201D} Reva Lindqvist, "
                + "president of the dairy, notified the board on Aug. 1."
        ])
        #expect(speaker(notes, "no further payment") == "Reva Lindqvist")
    }

    /// "…, while Thomas Keel, the former head of the crime lab, said “…”": the person the appositive describes.
    @Test func anAppositiveInTheMiddleOfASentenceNamesTheSpeaker() {
        let notes = Fixtures.annotate(paragraphs: [
            "Police chief Helen Rook told reporters there was \u{201C}no sign of foul play\u{201D} while Thomas "
                + "Keel, the former head of the county crime lab, said \u{201C}it looks like a tragic accident.\u{201D}"
        ])
        #expect(speaker(notes, "tragic accident") == "Thomas Keel")
    }

    /// A paragraph of reported speech with a few quoted words in it, then a quote standing alone: the reported
    /// speaker's words, not the name the reported clause mentions.
    @Test func aStandaloneQuoteAfterReportedSpeechWithAQuotedPhrase() {
        let notes = Fixtures.annotate(paragraphs: [
            "Martin Hale, the show\u{2019}s lead writer, said casting Thomas Vesk was an \u{201C}inspired choice\u{201D}.",
            "\u{201C}One of the finest actors of his time is about to take the best part on television.\u{201D}",
        ])
        #expect(speaker(notes, "finest actors") == "Martin Hale")
    }
}
