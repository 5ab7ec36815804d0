import Testing

@testable import Triangulate

/// Speakers named by what refers back to them, on sentences written for this test (invented people and places): an
/// age used as a noun ("said the 29-year-old"), an age before a one-word name, a place after "of" that is not the
/// speaker, and a pronoun that belongs to the quoted words, not to the attribution.
@Suite("Quote speakers referred to by age, place and continuation")
struct QuoteReferenceTests {
    @Test func aPlaceAfterOfIsNotTheSpeaker() {
        let notes = Fixtures.annotate(paragraphs: [
            "The jury in Carvel County returned its verdict on Friday.",
            "The victim's father Milo Quist of Fort Ember said later, \"I'm glad the trial is over.",
            "I'm glad we got the verdict we got.\"",
        ])
        #expect(notes.places.contains { $0.name == "Fort Ember" })
        #expect(!notes.people.contains { $0.name == "Fort Ember" })
        #expect(speaker(notes, "glad the trial is over") == "Milo Quist")
        #expect(speaker(notes, "got the verdict we got") == "Milo Quist")
    }

    @Test func anAgeUsedAsANounIsThePersonNamedBefore() {
        let notes = Fixtures.annotate(paragraphs: [
            "Coach Ivo Brandt watched from the stands. Lena Moor has become the fourth Kenyan to receive the award.",
            "“I actually have goosebumps just thinking about this,” said the 29-year-old on the eve of the race.",
        ])
        #expect(speaker(notes, "goosebumps just thinking") == "Lena Moor")
    }

    @Test func anAgeBeforeAOneWordNameMakesAPerson() {
        let notes = Fixtures.annotate(paragraphs: [
            "Mayor Valentina Ortel opened the polling station in the morning.",
            "In Tarn, a village outside the capital, 25-year-old Zelda said she had come to vote.",
            "“I voted for our fellow village resident.",
            "He is an experienced person and knows village life well,” she said.",
        ])
        #expect(notes.people.contains { $0.name == "Zelda" })
        #expect(speaker(notes, "fellow village resident") == "Zelda")
        #expect(speaker(notes, "knows village life well") == "Zelda")
    }

    /// "“He controls the economy,” the diplomat added": the "He" is quoted; the diplomat is not named.
    @Test func aPronounOpeningTheQuotedWordsIsNotTheSpeaker() {
        let notes = Fixtures.annotate(paragraphs: [
            "President Omar Tekin has ruled the country since 2007.",
            "“The facade has changed but the foundations remain the same,” said a Western diplomat, who requested "
                + "anonymity.",
            "“Power rests entirely with the president.",
            "His photo appears every day on the front of the papers.",
            "He strictly controls the economy and the whole of the media,” the diplomat added.",
        ])
        #expect(quote(notes, "strictly controls the economy") != nil)
        for fragment in ["Power rests entirely", "His photo appears", "strictly controls the economy"] {
            #expect(speaker(notes, fragment) == nil, "\(fragment)")
        }
    }

    /// "trainer Piet Steward … “…,” Steward said": a role word before the name, and a surname that is also a job.
    @Test func aTrainerWhoseSurnameIsAJobSpeaks() {
        let notes = Fixtures.annotate(paragraphs: [
            "After the bout, the crowd sang to trainer Piet Steward, who turned 68 on Saturday.",
            "\"Dolan Reyes is very hard to hit,\" Steward said.",
        ])
        #expect(notes.people.contains { $0.name == "Piet Steward" })
        #expect(speaker(notes, "very hard to hit") == "Piet Steward")
    }
}
