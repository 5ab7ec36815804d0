import Testing

@testable import Triangulate

/// Quoted phrases inside a sentence that says who issued or said them, on sentences written for this test (invented
/// people and companies): the issuer of a statement, an organization named by a noun ("the software giant", "the
/// blog"), and never a short form in brackets or a product the sentence only mentions.
@Suite("Quote speakers who issue statements")
struct QuoteIssuerTests {
    @Test func aStatementsIssuerSpeaksThePhraseItQuotes() {
        let country = Fixtures.annotate(paragraphs: [
            "Riots broke out in Dunmore on Monday.",
            "Canada issued a statement on Thursday condemning “in the strongest possible terms” what it called "
                + "“senseless violence” in the town.",
        ])
        #expect(speaker(country, "strongest possible terms") == "Canada government")
        let company = Fixtures.annotate(paragraphs: [
            "The Dunmore Rail Company runs the line.",
            "The company issued a statement on Thursday condemning “in the strongest possible terms” the attack.",
        ])
        #expect(speaker(company, "strongest possible terms") == "Dunmore Rail Company")
        let person = Fixtures.annotate(paragraphs: [
            "Mayor Rosa Feld released a statement after the vote and thanked the crews “for every hour they gave "
                + "this town.”"
        ])
        #expect(speaker(person, "every hour they gave") == "Rosa Feld")
    }

    /// "her office released a statement": the office of someone, not the organization the article named last.
    @Test func anOfficeOfSomeoneIsNotTheLastOrganization() {
        let notes = Fixtures.annotate(paragraphs: [
            "The Dunmore Rail Company runs the line. Mayor Rosa Feld visited the station on Saturday and her office "
                + "later released a statement.",
            "“Mayor Feld stopped by the station this morning and thanked the crews.”",
        ])
        #expect(quote(notes, "stopped by the station") != nil)
        #expect(speaker(notes, "stopped by the station") != "Dunmore Rail Company")
    }

    @Test func aCompanyNamedByANounSpeaks() {
        let giant = Fixtures.annotate(paragraphs: [
            "Tarn Labs was to release a fix yesterday for a flaw allowing hackers to hijack Sky Browser (SB) windows "
                + "and take over computers.",
            "The US software giant said on Tuesday that in response to “the threat to users” it mobilized teams "
                + "worldwide to deliver a fix “in the record time of six days.”",
        ])
        #expect(speaker(giant, "the threat to users") == "Tarn Labs")
        #expect(speaker(giant, "record time of six days") == "Tarn Labs")
        let maker = Fixtures.annotate(paragraphs: [
            "Tarn Labs shipped a browser fix on Tuesday.",
            "The software maker said on its website it released the fix as an emergency measure after learning about "
                + "\"very limited, targeted attacks\"that used the bug.",
        ])
        #expect(speaker(maker, "very limited, targeted attacks") == "Tarn Labs")
        let blog = Fixtures.annotate(paragraphs: [
            "Tarn Labs shipped a fix on Tuesday. In a post on its security blog, Tarn Labs says the flaw lets a hacker "
                + "run code if a person visits a website using SB that holds bad code.",
            "The blog adds, \"There are only a few reports of targeted attacks on version 8. \"",
        ])
        #expect(speaker(blog, "only a few reports") == "Tarn Labs")
    }

    /// "…, the report said": a document speaks, through the organization named with it, never the people the
    /// sentence is about.
    @Test func aReportSpeaksNotThePeopleItAccuses() {
        let notes = Fixtures.annotate(paragraphs: [
            "Coach Ada Quist was fired in June.",
            "The Carvel League report says Quist allegedly gave Tomas Brell the money through then-assistant coach "
                + "Ivo Marsh.",
            "Quist and Marsh are accused of acting \"against every rule of fair play\" by failing to report their part "
                + "in the payment, the report said.",
        ])
        #expect(quote(notes, "every rule of fair play") != nil)
        #expect(speaker(notes, "every rule of fair play") == "Carvel League")
        let named = Fixtures.annotate(paragraphs: [
            "Ada Quist and Ivo Marsh are accused of acting \"against every rule of fair play\" by hiding the payment, "
                + "the Carvel League report said."
        ])
        #expect(speaker(named, "every rule of fair play") == "Carvel League")
    }

    /// "the CRWA official said" after the article named one person with a role at that organization: that person;
    /// "the CRWA spokesman" (not her role) and "a CRWA official" (someone else) are the organization.
    @Test func theOrganizationsOfficialIsThePersonNamedWithIt() {
        let intro =
            "Some 30 people were killed when shells hit a school in Carvel, according to Ada Quist, CRWA's Director "
            + "of Operations."
        let official = Fixtures.annotate(paragraphs: [
            intro,
            "The men who died were “families who had fled their homes that morning,” the CRWA official said.",
            "The CRWA official said they thought “they would be safe in a school in Carvel.”",
        ])
        #expect(speaker(official, "families who had fled") == "Ada Quist")
        #expect(speaker(official, "would be safe in a school") == "Ada Quist")
        for phrase in ["the CRWA spokesman", "a CRWA official"] {
            let other = Fixtures.annotate(paragraphs: [
                intro, "The men who died were “families who had fled their homes that morning,” \(phrase) said.",
            ])
            #expect(speaker(other, "families who had fled") == "CRWA")
        }
    }
}
