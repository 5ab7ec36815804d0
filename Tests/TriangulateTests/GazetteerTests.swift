import Testing

@testable import Triangulate
import TriangulateText

@Suite("Word lists in the gazetteer files")
struct GazetteerTests {
    @Test func everyWordListHasItsSectionAndNoSectionIsOrphaned() {
        let empty = WordList.allCases.filter { Lexicon.shared.words($0).isEmpty }
        #expect(empty.isEmpty, "word lists with no words in any gazetteer file: \(empty)")
        #expect(Lexicon.shared.unknownSections.isEmpty)
    }

    @Test func everyPredicateClassHasEntriesAndNoneIsMistyped() {
        for kind in Predicates.Class.allCases {
            #expect(!(kind.entries("words") + kind.entries("phrases")).isEmpty, "\(kind) has no entries")
        }
        let known = Set(
            Predicates.Class.allCases.flatMap {
                ["\($0.rawValue.dropFirst()) words", "\($0.rawValue.dropFirst()) phrases"]
            })
        #expect(Set(Lexicon.shared.predicates.keys).subtracting(known).isEmpty)
        #expect(Predicates.words["rebuffed"] == .deny)
        #expect(Predicates.phrases.contains { $0.0 == "did not immediately respond" && $0.1 == .noResponse })
        // Events told in many words fold into one token, and their words stay content words.
        let custody = Predicates.analyze(["he", "was", "taken", "into", "custody", "on", "friday"])
        #expect(custody.classes == [.arrest])
        let arrested = Predicates.analyze(["police", "arrested", "him"])
        #expect(arrested.classes == [.arrest])
        #expect(arrested.rest.contains("arrested"))
        #expect(Predicates.analyze(["the", "firm", "was", "bought"]).classes == [.acquire])
        #expect(Predicates.analyze(["four", "people", "died"]).classes == [.killed])
    }

    @Test func currenciesReadFromTheGazetteer() {
        #expect(QuantityRecognizer.currencySymbols["€"] == "EUR")
        #expect(QuantityRecognizer.currencyPrefixes["hk"] == "HKD")
        #expect(QuantityRecognizer.currencyWords["roubles"] == "RUB")
        #expect(QuantityRecognizer.currencyWords["USD"] == nil)
        let amounts = Fixtures.annotate(paragraphs: ["The fund paid HK$40 million and 300 roubles on Monday."])
            .quantities
        #expect(amounts.contains { $0.unit == "HKD" })
        #expect(amounts.contains { $0.unit == "RUB" && $0.value == 300 })
    }

    @Test func sectionsSplitOnBarsAndLinesAndKeepCase() {
        let text = "# note\n[first]\nAlpha | beta\ngamma\n\n[second]\nUSD | $\n"
        let parsed = Lexicon.sections(Array(text.utf8))
        #expect(parsed.map(\.name) == ["first", "second"])
        #expect(parsed.first?.words == ["Alpha", "beta", "gamma"])
        #expect(Lexicon.sections(Array(text.utf8), lines: true).last?.words == ["USD | $"])
    }
}
