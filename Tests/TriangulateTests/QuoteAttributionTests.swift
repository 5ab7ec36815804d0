import Testing

@testable import Triangulate
import TriangulateText

@Suite("Quotes and attributions")
struct QuoteAttributionTests {
    @Test func speakerAfterTheQuote() {
        let notes = Fixtures.annotate(paragraphs: [
            "Lakeport Energy has rejected the claims. \u{201C}The report is baseless. We never held talks,\u{201D} a company spokesperson said.",
            "\"We are reviewing every option,\" said Mayor Dana Whitlock.",
            "\"It was the right call,\" Whitlock added.",
        ])
        #expect(speaker(notes, "The report is baseless") == "Lakeport Energy")
        #expect(notes.quotes.first { $0.text.contains("baseless") }?.speakerKind == .organization)
        #expect(speaker(notes, "reviewing every option") == "Dana Whitlock")
        #expect(speaker(notes, "right call") == "Dana Whitlock")
    }

    @Test func speakerBeforeTheQuote() {
        let notes = Fixtures.annotate(paragraphs: [
            "Senator Ruth Alvarez said the merger \"would hurt small savers across the state,\" and Alvarez stated, adding that it \"cannot be allowed to stand.\"",
            "Tomas Reyes told the Courier that the bank \u{201C}misled its own staff.\u{201D}",
        ])
        #expect(speaker(notes, "hurt small savers") == "Ruth Alvarez")
        #expect(speaker(notes, "cannot be allowed") == "Ruth Alvarez")
        #expect(speaker(notes, "misled its own staff") == "Tomas Reyes")
    }

    @Test func colonIntroductionAndQuoteOnTheNextLine() {
        let notes = Fixtures.annotate(paragraphs: [
            "Helen Marsh, Chief Economist at Dunmore Capital: \"The numbers simply do not add up for the port.\"",
            "In a statement, Harbor Authority chair Victor Lund said:",
            "\u{201C}We will publish the full inspection record by Friday.\u{201D}",
        ])
        #expect(speaker(notes, "numbers simply do not add up") == "Helen Marsh")
        #expect(speaker(notes, "full inspection record") == "Victor Lund")
    }

    @Test func fragmentsGoToThePersonTheSentenceNames() {
        let notes = Fixtures.annotate(paragraphs: [
            "Northwind CEO Priya Raman has called the delay \u{201C}unacceptable\u{201D} in recent weeks.",
            "She later described the rival bid as \u{2018}a fantasy.\u{2019}",
        ])
        let fragment = notes.quotes.first { $0.text == "unacceptable" }
        #expect(fragment?.speaker == "Priya Raman")
        #expect(fragment?.kind == .fragment)
        #expect(speaker(notes, "a fantasy") == "Priya Raman")
    }

    @Test func apostrophesAreNotQuotes() {
        let notes = Fixtures.annotate(paragraphs: [
            "The workers' union said it's the company's decision, not the city's."
        ])
        #expect(notes.quotes.isEmpty)
    }

    @Test func embeddedPostIsAQuoteOfItsAccount() {
        let notes = Fixtures.annotate(paragraphs: [
            "Our terminals remain open and no workers were hurt.",
            "\u{2014} Korvella Shipping (@korvella) March 3, 2026",
        ])
        let post = notes.quotes.first { $0.text.contains("terminals remain open") }
        #expect(post?.speaker == "Korvella Shipping")
    }

    @Test func attributions() {
        let notes = Fixtures.annotate(paragraphs: [
            "According to a report by the Financial Times, the talks stalled. The minister told Reuters the plan was dead, "
                + "citing three people familiar with the matter. A Bloomberg report said otherwise."
        ])
        let sources = notes.attributions.map { "\($0.cue):\($0.source)" }
        #expect(sources.contains("according to:Financial Times"))
        #expect(sources.contains("told:Reuters"))
        #expect(sources.contains("citing:three people familiar with the matter"))
        #expect(sources.contains("report:Bloomberg"))
    }
}

@Suite("Quote speakers in context")
struct QuoteSpeakerContextTests {
    @Test func pronounSpeakersResolveToTheLastPersonNamed() {
        let notes = Fixtures.annotate(paragraphs: [
            "Marla Quenby, the county treasurer, defended the budget on Monday.",
            "\u{201C}We balanced every line of it,\u{201D} she said.",
            "\u{201C}The bridge will reopen in May,\u{201D} said Osric Tallow, the transit director. He spoke after a meeting with Judge Pell Varney.",
            "\u{201C}We have the crews and the steel,\u{201D} he told reporters.",
            "Wenna Ferrow posted a long message overnight. \u{201C}I am not leaving this town,\u{201D} she wrote.",
        ])
        #expect(speaker(notes, "balanced every line") == "Marla Quenby")
        #expect(speaker(notes, "crews and the steel") == "Osric Tallow")
        #expect(speaker(notes, "not leaving this town") == "Wenna Ferrow")
    }

    @Test func continuationQuotesKeepTheirSpeaker() {
        let notes = Fixtures.annotate(paragraphs: [
            "\u{201C}We lost the vote,\u{201D} said Idris Mornay, the union steward.",
            "\u{201C}But we will be back next spring with twice the members.\u{201D}",
            "\u{201C}We tried everything,\u{201D} Mornay said. \u{201C}The members were tired of the long meetings.",
            "\u{201C}Next year the hall will be full again, I promise you.\u{201D}",
            "\u{201C}Nobody called us back,\u{201D} said Rhian Castell, a tenant. \u{201C}Not once.\u{201D}",
        ])
        #expect(speaker(notes, "back next spring") == "Idris Mornay")
        #expect(speaker(notes, "tired of the long meetings") == "Idris Mornay")
        #expect(speaker(notes, "hall will be full") == "Idris Mornay")
        #expect(speaker(notes, "Not once") == "Rhian Castell")
    }

    @Test func labelsAreNeverSpeakers() {
        let notes = Fixtures.annotate(paragraphs: [
            "\u{201C}We will not back down on the tariff,\u{201D} said Sen. Dala Corvin, R-Ohio.",
            "\u{201C}This bill is a gift to the lobbyists,\u{201D} Rep. Tobin Alsmark, D-Calif., said Tuesday.",
            "\u{201C}The deal is finished and signed,\u{201D} Alsmark told Reuters on Wednesday.",
            "Corvin hammered the agency for what she called \u{201C}a decade of neglect.\u{201D}",
            "Alsmark criticized the governor, saying \u{201C}nobody in the capital reads the reports anymore.\u{201D}",
            "According to Wren Halvers, the plant \u{201C}was never inspected by anyone in the state.\u{201D}",
            "\u{201C}Stay off the highway until the morning,\u{201D} said Lt. Casimir Dunleavy of the Vermont State Police.",
            "Vermont State Police Lt. Casimir Dunleavy said \u{201C}the road is closed in both directions.\u{201D}",
            "Ansel Marwick, a retired pilot, lives beside the runway.",
            "\u{201C}It was louder than anything I have heard,\u{201D} Mr. Marwick said.",
        ])
        #expect(speaker(notes, "not back down") == "Dala Corvin")
        #expect(speaker(notes, "gift to the lobbyists") == "Tobin Alsmark")
        #expect(speaker(notes, "finished and signed") == "Tobin Alsmark")
        #expect(speaker(notes, "decade of neglect") == "Dala Corvin")
        #expect(speaker(notes, "reads the reports") == "Tobin Alsmark")
        #expect(speaker(notes, "never inspected") == "Wren Halvers")
        #expect(speaker(notes, "Stay off the highway") == "Casimir Dunleavy")
        #expect(speaker(notes, "closed in both directions") == "Casimir Dunleavy")
        #expect(speaker(notes, "louder than anything") == "Ansel Marwick")
    }

    @Test func unnamedSpokespeopleSpeakForTheirOrganization() {
        let notes = Fixtures.annotate(paragraphs: [
            "Brightwater Foods recalled the snack bars on Friday.",
            "\u{201C}We are taking this very seriously,\u{201D} a company spokeswoman said.",
            "\u{201C}Officers arrived within minutes of the call,\u{201D} a Kentwell Police spokesman said.",
            "Sen. Hollis Varga did not attend the hearing.",
            "\u{201C}The senator has no comment at this time,\u{201D} an aide to the senator said.",
            "Police said: \u{201C}Two men were arrested near the station.\u{201D}",
        ])
        #expect(speaker(notes, "taking this very seriously") == "Brightwater Foods")
        #expect(speaker(notes, "arrived within minutes") == "Kentwell Police")
        #expect(speaker(notes, "no comment at this time") != "Hollis Varga")
        #expect(quote(notes, "no comment at this time")?.speakerKind != .person)
        #expect(speaker(notes, "Two men were arrested") == "Kentwell Police")
    }

    @Test func aRoleBelongsToThePersonNamedWithIt() {
        let notes = Fixtures.annotate(paragraphs: [
            "\u{201C}I am my own man,\u{201D} said Calder Nyquist Jr., the son of former governor Calder Nyquist Sr."
        ])
        #expect(speaker(notes, "my own man") == "Calder Nyquist Jr.")
        let son = notes.people.first { $0.name == "Calder Nyquist Jr." }
        #expect(son?.role?.contains("governor") != true)
        #expect(son?.role?.contains("son") != false)
    }

    /// "X released a statement": the quotation that follows, and the paragraph that closes it, are X's.
    @Test func aStatementIsItsIssuersWords() {
        let notes = Fixtures.annotate(paragraphs: [
            "Team captain Daniel Wrenfield released a statement through the club on Sunday.",
            "\u{201C}On Friday night I was pulled over on the ring road.",
            "I expect to be cleared once the test results are back.\u{201D}",
        ])
        #expect(speaker(notes, "pulled over on the ring road") == "Daniel Wrenfield")
        #expect(speaker(notes, "expect to be cleared") == "Daniel Wrenfield")
    }

    /// A question ends its sentence at the closing mark; the speaker is named in the words right after it.
    @Test func aQuestionNamesItsSpeakerAfterTheMark() {
        let notes = Fixtures.annotate(paragraphs: [
            "Public Defender Iris Okafor cross-examined the first witness on Tuesday.",
            "\u{201C}So where were you standing?\u{201D} Okafor asked the witness.",
            "\u{201C}Right by the door!\u{201D} the witness, Hal Brennick, replied, and Okafor moved on.",
        ])
        #expect(speaker(notes, "where were you standing") == "Iris Okafor")
        // The words after a question are another quotation, not its attribution: "He" inside it does not speak.
        let exchange = Fixtures.annotate(paragraphs: [
            "Walter Crane and Iris Okafor spoke to the court.",
            "\u{201C}Why?\u{201D} \u{201C}He said I had to leave the hall.\u{201D}",
        ])
        #expect(speaker(exchange, "Why?") == nil)
        #expect(notes.people.first { $0.name == "Iris Okafor" }?.role == "Public Defender")
    }

    /// Surnames that are also common words ("Brown", "King", "Hall") speak like any other surname once the article
    /// has named the person; a common word before "said" stays a common word otherwise.
    @Test func aSurnameThatIsACommonWordStillSpeaks() {
        let notes = Fixtures.annotate(paragraphs: [
            "Coach Walter Brown left the club after the 2019 season.",
            "\"It was coming, and it was not easy for anybody, \"Brown said from the airport.",
            "\u{201C}We all knew it,\u{201D} Brown said.",
            "\u{201C}The season is over,\u{201D} Officials said on Monday.",
        ])
        #expect(speaker(notes, "not easy for anybody") == "Walter Brown")
        #expect(speaker(notes, "We all knew it") == "Walter Brown")
        #expect(!notes.people.contains { $0.name == "Officials" })
    }

    /// "Athletic director X, who replaced Y a month ago, said …" / "“…,” he said": he is X, the subject the
    /// sentence opens with after its role words, not Y, the person named last.
    @Test func heIsTheSubjectOfTheReportedSpeechBefore() {
        let notes = Fixtures.annotate(paragraphs: [
            "Athletic director Carl Linden, who replaced Andy Marsh a month ago, said the audit was less serious "
                + "than feared.",
            "\"What you see is what they found in the ledgers, \"he said, adding he would be surprised by penalties.",
        ])
        #expect(speaker(notes, "what they found in the ledgers") == "Carl Linden")
    }

    /// "the Secretary-General said": a title written as one word stands for the one person the article gave it.
    @Test func theTitleSaidIsThePersonWithThatTitle() {
        let notes = Fixtures.annotate(paragraphs: [
            "Council Secretary-General Maria Okonjo condemned the shelling on Tuesday.",
            "\u{201C}Every shelter was on the list we gave the army,\u{201D} the Secretary-General said.",
        ])
        #expect(speaker(notes, "Every shelter was on the list") == "Maria Okonjo")
    }

    /// A paragraph that ends in a comma after a speech verb introduces the quotation of the next paragraph.
    @Test func aCommaAfterASpeechVerbIntroducesTheNextParagraph() {
        let notes = Fixtures.annotate(paragraphs: [
            "Rosa Delgado told the jury she ran outside when she heard the shots.",
            "A neighbor shouted that the boy was hurt.",
            "To which she replied,",
            "\u{201C}I already know he is hurt.\u{201D}",
        ])
        #expect(speaker(notes, "I already know he is hurt") == "Rosa Delgado")
    }
}
