import Testing

@testable import Triangulate

@Suite("Quotes and attributions")
struct QuoteAttributionTests {
    func speaker(_ notes: Annotations, _ fragment: String) -> String? {
        notes.quotes.first { $0.text.contains(fragment) }?.speaker
    }

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
