import Testing

@testable import Triangulate
import TriangulateText

/// Hostile and degenerate text must never crash extraction or annotation.
@Suite("Robustness")
struct RobustnessTests {
    static let nasty = [
        "\"", "“", "”", "'", "‘’", "\"\"\"\"", "“”“”", "...", ". . .", "$", "$.", "%", "5%", "(", ")", "(R-", "R-MI)",
        "Mr.", "U.S.", "U.S.A.", "A.", "J. R.", "—", "— X (@", "— X (@y)", "January", "January 32, 2026", "2026-13-45",
        "February 29, 2025", "last", "over the", "said", "\"x,\" said", "said \"", ",\"", ":\"", "“a.” b", "'s", "’s",
        "Ford’s’s", "$3.5 billion.", "the the the", String(repeating: "\"a\" ", count: 200),
        String(repeating: "Ab. ", count: 500), String(repeating: "“", count: 300) + String(repeating: "”", count: 2),
        "\u{FFFD}\u{FFFD} \u{1F600} ﬁ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Zürich São",
    ]

    @Test func degenerateParagraphsAnnotateWithoutCrashing() {
        for text in Self.nasty {
            let notes = Fixtures.annotate(paragraphs: [
                text, "Before " + text + " after.", text + "\u{2014} Acme (@acme) May 1, 2026",
            ])
            #expect(notes.sentences.count >= 1, "\(text)")
        }
    }

    @Test func pseudoRandomTextAnnotatesWithoutCrashing() throws {
        let alphabet = Array("aAbBzZ .,;:!?'\"“”‘’()$%—-0123456789\n".unicodeScalars)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<200 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.unicodeScalars.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let bytes = Array(text.utf8)
            if let article = try? Extract().article(from: Document(id: "r", origin: "r.txt", bytes: bytes)) {
                let notes = Annotate().annotate(article).annotations
                #expect(notes.sentences.allSatisfy { !$0.text.isEmpty })
            }
        }
    }
}

@Suite("Robustness of story building")
struct StoryRobustnessTests {
    func article(_ id: String, _ paragraphs: [String], published: CalendarDate? = nil) -> AnnotatedArticle {
        Annotate().annotate(Article(id: id, origin: id, published: published, paragraphs: paragraphs))
    }

    @Test func degenerateStoriesDoNotCrash() {
        let pipeline = Pipeline()
        #expect(pipeline.stories([]).isEmpty)
        let lonely = pipeline.stories([article("a", ["Short."])])
        #expect(lonely.count == 1)
        #expect(lonely[0].articles == ["a"])
        let nasty = RobustnessTests.nasty.enumerated().map {
            article("n\($0.offset)", [$0.element, $0.element + " said."])
        }
        let stories = pipeline.stories(nasty)
        #expect(stories.flatMap(\.articles).count == nasty.count)
    }

    @Test func identicalArticlesAreCopiesAndCountOnce() {
        let text = [
            "The Harbor Authority said on Monday that it would close the north terminal for repairs, a move that will idle 300 dock workers for two weeks.",
            "Union leaders said they would seek compensation for the workers, and the authority declined to comment on the claim.",
        ]
        let stories = Pipeline().stories([article("first", text), article("second", text)])
        #expect(stories.count == 1)
        let story = stories[0]
        #expect(story.lineage.map(\.copy) == ["second"])
        #expect(story.facts.allSatisfy { $0.independentSources == 1 })
        #expect(story.facts.allSatisfy { $0.status == .singleSource })
    }

    @Test func differentEventsOfTheSameKindStayApart() {
        let a = article(
            "a",
            [
                "Fire crews in Brockton fought a blaze at the Halvern Plastics warehouse on Tuesday, Fire Chief Dana Ruiz said.",
                "Halvern Plastics said 40 workers left the building safely.",
            ], published: CalendarDate(year: 2026, month: 3, day: 3))
        let b = article(
            "b",
            [
                "Fire crews in Lowell fought a blaze at the Tessaro Foods plant on Friday, Fire Chief Omar Bekele said.",
                "Tessaro Foods said 75 workers left the building safely.",
            ], published: CalendarDate(year: 2026, month: 8, day: 14))
        #expect(Pipeline().stories([a, b]).count == 2)
    }
}
