import Testing

@testable import Triangulate
import TriangulateText

@Suite("Tokens and sentences")
struct SegmenterTests {
    func sentences(_ text: String) -> [String] {
        Fixtures.annotate(paragraphs: [text]).sentences.map(\.text)
    }

    @Test func abbreviationsDecimalsAndInitialsDoNotSplit() {
        let text =
            "Rep. Dana Whitlock met Dr. J. R. Hollis in the U.S. capital on Monday. Growth slowed to 3.5 percent. "
            + "Sen. Ortiz of Acme Inc. said no. The U.S. Navy declined to comment."
        #expect(
            sentences(text) == [
                "Rep. Dana Whitlock met Dr. J. R. Hollis in the U.S. capital on Monday.",
                "Growth slowed to 3.5 percent.",
                "Sen. Ortiz of Acme Inc. said no.",
                "The U.S. Navy declined to comment.",
            ])
    }

    @Test func titlesPlacesAndTimesWithDotsDoNotSplit() {
        let text =
            "Cong. Dana Reyes of Ohio spoke first. Officials in Washington, D.C. Mayor Lena Park welcomed it. "
            + "The U.N. Security Council met at 10 a.m. Eastern on Monday. Lt. Gov. Sam Ortiz spoke next. "
            + "Atty. Gen. Ruth Cole and Sgt. Maj. Abel Diaz were there."
        #expect(
            sentences(text) == [
                "Cong. Dana Reyes of Ohio spoke first.",
                "Officials in Washington, D.C. Mayor Lena Park welcomed it.",
                "The U.N. Security Council met at 10 a.m. Eastern on Monday.",
                "Lt. Gov. Sam Ortiz spoke next.",
                "Atty. Gen. Ruth Cole and Sgt. Maj. Abel Diaz were there.",
            ])
    }

    @Test func dottedAbbreviationEndsASentenceBeforeAnOpener() {
        #expect(sentences("The plant will be built in the U.S. The company did not say when.").count == 2)
    }

    @Test func shortQuotesStayInsideTheirSentence() {
        let text = "\u{201C}The plan is dead. We will not revive it,\u{201D} the mayor said. Council members disagreed."
        #expect(
            sentences(text) == [
                "\u{201C}The plan is dead. We will not revive it,\u{201D} the mayor said.",
                "Council members disagreed.",
            ])
    }

    @Test func questionAndExclamationMarksSplit() {
        #expect(sentences("Who pays? Nobody knows! The board meets again in June.").count == 3)
    }

    @Test func tokenizerKeepsInnerPunctuationInWords() {
        let bytes = Array("Ford’s F-150 costs $30,000 (R-MI) U.S.-made don't".utf8)
        let tokens = Tokenizer.tokenize(bytes)
        let texts = tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(
            texts == ["Ford", "’s", "F-150", "costs", "$", "30,000", "(", "R-MI", ")", "U.S.", "-", "made", "don't"])
        #expect(tokens[1].kind == .possessive)
        #expect(tokens[5].kind == .number)
        #expect(tokens[9].dotted)
    }

    @Test func nonLatinScriptsTokenizeAsWords() {
        let bytes = Array("Zürich et São Paulo — Москва".utf8)
        let texts = Tokenizer.tokenize(bytes).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(texts == ["Zürich", "et", "São", "Paulo", "—", "Москва"])
    }

    @Test func negationAndHedgeFlags() {
        let notes = Fixtures.annotate(paragraphs: [
            "The firm denied the report. The deal could reportedly close soon. Prices rose."
        ])
        #expect(notes.sentences.map(\.negated) == [true, false, false])
        #expect(notes.sentences.map(\.hedged) == [false, true, false])
    }
}
